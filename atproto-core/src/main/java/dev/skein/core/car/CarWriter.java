package dev.skein.core.car;

import dev.skein.core.cid.Cid;
import dev.skein.core.encoding.Varint;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streams a CAR v1 file to an {@link OutputStream}: the header when constructed, then one section per
 * {@link #write(Cid, byte[]) write}. Blocks go out in the order given and are not checked against their
 * CIDs (the caller computed them); the writer does not buffer beyond one length prefix.
 */
public final class CarWriter implements Closeable, Flushable {
    private final OutputStream out;
    private final byte[] prefix = new byte[Varint.MAX_BYTES + 1];
    private long bytesWritten;
    private long blocksWritten;

    /** Writes the header with {@code roots} (which may be empty) to {@code out}. */
    public CarWriter(OutputStream out, List<Cid> roots) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        byte[] header = new CarHeader(roots).toBytes();
        writePrefix(header.length);
        out.write(header);
        bytesWritten += header.length;
    }

    /** Writes one section: {@code varint(len) ‖ binary CID ‖ data}. */
    public CarWriter write(Cid cid, byte[] data) throws IOException {
        byte[] cidBytes = cid.toBytes();
        writePrefix((long) cidBytes.length + data.length);
        out.write(cidBytes);
        out.write(data);
        bytesWritten += cidBytes.length + (long) data.length;
        blocksWritten++;
        return this;
    }

    public CarWriter write(CarBlock block) throws IOException {
        return write(block.cid(), block.data());
    }

    /** Bytes written so far, header included. */
    public long bytesWritten() {
        return bytesWritten;
    }

    public long blocksWritten() {
        return blocksWritten;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and closes the underlying stream. */
    @Override
    public void close() throws IOException {
        out.close();
    }

    private void writePrefix(long length) throws IOException {
        int n = Varint.write(length, prefix, 0);
        out.write(prefix, 0, n);
        bytesWritten += n;
    }

    /** A whole CAR in memory, blocks in the map's iteration order. */
    public static byte[] toBytes(List<Cid> roots, Map<Cid, byte[]> blocks) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (CarWriter writer = new CarWriter(buffer, roots)) {
            for (Map.Entry<Cid, byte[]> e : blocks.entrySet()) {
                writer.write(e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a ByteArrayOutputStream does not fail", e);
        }
        return buffer.toByteArray();
    }

    /** A whole CAR in memory, blocks in the given order. */
    public static byte[] toBytes(List<Cid> roots, Iterable<CarBlock> blocks) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (CarWriter writer = new CarWriter(buffer, roots)) {
            for (CarBlock block : blocks) {
                writer.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a ByteArrayOutputStream does not fail", e);
        }
        return buffer.toByteArray();
    }
}
