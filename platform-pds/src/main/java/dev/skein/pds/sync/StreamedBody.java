package dev.skein.pds.sync;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;

/**
 * A response body written by blocking code (a CAR export) as chunks of {@link #CHUNK} bytes, produced as the
 * client reads them: the writer waits while the client has not asked for more, and fails with an
 * {@link IOException} once the client has gone.
 */
final class StreamedBody extends OutputStream {
    /** Bytes per chunk handed to the server. */
    static final int CHUNK = 64 * 1024;

    /** Writes a body to a stream. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final FluxSink<byte[]> sink;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition demand = lock.newCondition();
    private final byte[] buffer = new byte[CHUNK];
    private int filled;
    private volatile boolean cancelled;

    private StreamedBody(FluxSink<byte[]> sink) {
        this.sink = sink;
    }

    /** The body {@code writer} writes, run on {@code scheduler} once subscribed. */
    static Flux<byte[]> of(Writer writer, Scheduler scheduler) {
        return Flux.create(sink -> {
            StreamedBody body = new StreamedBody(sink);
            sink.onRequest(n -> body.signal());
            sink.onCancel(body::cancel);
            scheduler.schedule(() -> {
                try {
                    writer.writeTo(body);
                    body.flushChunk();
                    sink.complete();
                } catch (IOException | RuntimeException e) {
                    sink.error(e);
                }
            });
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == CHUNK) {
            flushChunk();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == CHUNK) {
                flushChunk();
            }
            int n = Math.min(len, CHUNK - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Hands the buffered bytes on once the client asks for them. */
    private void flushChunk() throws IOException {
        if (filled == 0) {
            return;
        }
        lock.lock();
        try {
            while (!cancelled && sink.requestedFromDownstream() <= 0) {
                demand.await(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the client was not reading");
        } finally {
            lock.unlock();
        }
        if (cancelled) {
            throw new IOException("the client went away");
        }
        sink.next(Arrays.copyOf(buffer, filled));
        filled = 0;
    }

    private void signal() {
        lock.lock();
        try {
            demand.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void cancel() {
        cancelled = true;
        signal();
    }
}
