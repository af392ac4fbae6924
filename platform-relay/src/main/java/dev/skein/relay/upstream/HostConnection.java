package dev.skein.relay.upstream;

import dev.skein.core.data.Drisl;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.MapValue;
import dev.skein.core.firehose.ErrorFrame;
import dev.skein.core.firehose.FirehoseFrame;
import dev.skein.relay.host.Host;
import dev.skein.relay.host.HostStatus;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * The relay's subscription to one host: connects to {@code subscribeRepos} after the cursor the relay has for the
 * host, hands each binary frame to the {@link FrameHandler} on a thread of its own (so frames of one host are
 * processed in order and a slow host slows only itself), and reconnects with exponential backoff until stopped.
 * Frames are rate-limited: when the host sends faster than its limit, reading pauses (TCP back-pressure) and the
 * host shows as throttled; nothing is dropped for it.
 *
 * <p>Ends by itself when the host answers with a {@code FutureCursor} error (the relay's cursor is ahead of the
 * host: an operator must look; status {@code idle}), when the host turns out to be another relay, or after
 * {@code maxFailures} failed connections in a row (status {@code offline}).
 */
public final class HostConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostConnection.class);
    /** Frames over this are refused by the WebSocket codec (the sync spec's limit). */
    public static final int MAX_FRAME_BYTES = FirehoseFrame.MAX_FRAME_BYTES;
    /** Frames read ahead of processing, per host. */
    static final int PREFETCH = 64;
    static final String RELAY_MARKER = "atproto-relay";

    private final Host host;
    private final boolean ssl;
    private final LongSupplier cursor;
    private final FrameHandler handler;
    private final UpstreamSettings settings;
    private final StatusListener statusListener;
    private final HttpClient http;
    private final ExecutorService worker;
    private final Scheduler scheduler;
    private volatile RateLimiter limiter;
    private volatile boolean stopped;
    private volatile boolean throttled;
    private volatile HostStatus status = HostStatus.ACTIVE;
    private volatile Thread loop;

    /** Told when the connection's status changes. */
    @FunctionalInterface
    public interface StatusListener {
        void onStatus(Host host, HostStatus status, String why);
    }

    public HostConnection(Host host, boolean ssl, int eventsPerSecond, LongSupplier cursor, FrameHandler handler,
                          UpstreamSettings settings, StatusListener statusListener) {
        this.host = host;
        this.ssl = ssl;
        this.cursor = cursor;
        this.handler = handler;
        this.settings = settings;
        this.statusListener = statusListener;
        this.limiter = limiter(eventsPerSecond);
        this.http = HttpClient.create().responseTimeout(settings.requestTimeout())
                .headers(h -> h.set("User-Agent", "skein-relay (" + RELAY_MARKER + ")"));
        this.worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("relay-host-" + host.value()).factory());
        this.scheduler = Schedulers.fromExecutorService(worker, "relay-host-" + host.value());
    }

    private RateLimiter limiter(int perSecond) {
        return RateLimiter.of("host-" + host.value(), RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, perSecond)).limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofDays(1)).build());
    }

    /** Starts connecting; returns at once. */
    public void start() {
        loop = Thread.ofVirtual().name("relay-connect-" + host.value()).start(this::run);
    }

    public Host host() {
        return host;
    }

    /** The status to report: throttled while the rate limit holds the host back. */
    public HostStatus status() {
        return throttled && status == HostStatus.ACTIVE ? HostStatus.THROTTLED : status;
    }

    public boolean running() {
        Thread t = loop;
        return t != null && t.isAlive();
    }

    /** Changes the host's rate limit from now on. */
    public void setEventsPerSecond(int perSecond) {
        limiter.changeLimitForPeriod(Math.max(1, perSecond));
    }

    private void run() {
        int failures = 0;
        while (!stopped) {
            Outcome outcome = connectOnce();
            if (stopped) {
                break;
            }
            switch (outcome) {
                case FUTURE_CURSOR -> {
                    setStatus(HostStatus.IDLE, "the host says the relay's cursor " + cursor.getAsLong() + " is in its future");
                    return;
                }
                case IS_RELAY -> {
                    setStatus(HostStatus.IDLE, "the host is a relay: not subscribing (loop prevention)");
                    return;
                }
                case RECEIVED -> failures = 0;
                case FAILED -> failures++;
            }
            if (failures >= settings.maxFailures()) {
                setStatus(HostStatus.OFFLINE, failures + " failed connections in a row");
                return;
            }
            long delay = Math.min(settings.maxBackoff().toMillis(), settings.minBackoff().toMillis() << Math.min(failures, 20));
            try {
                Thread.sleep(outcome == Outcome.RECEIVED ? settings.minBackoff().toMillis() : delay);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private enum Outcome { RECEIVED, FAILED, FUTURE_CURSOR, IS_RELAY }

    private Outcome connectOnce() {
        long c = cursor.getAsLong();
        String url = (ssl ? "wss://" : "ws://") + host.value() + "/xrpc/com.atproto.sync.subscribeRepos" + (c > 0 ? "?cursor=" + c : "");
        boolean[] received = {false};
        boolean[] futureCursor = {false};
        boolean[] isRelay = {false};
        Mono<Void> session = http.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME_BYTES).build())
                .uri(url)
                .handle((in, out) -> {
                    String server = in.headers().get("Server");
                    if (server != null && server.toLowerCase(Locale.ROOT).contains(RELAY_MARKER)) {
                        isRelay[0] = true;
                        return Mono.empty();
                    }
                    setStatus(HostStatus.ACTIVE, "connected to " + url);
                    return in.aggregateFrames(MAX_FRAME_BYTES).receiveFrames()
                            .filter(f -> f instanceof BinaryWebSocketFrame)
                            .map(f -> ByteBufUtil.getBytes(f.content()))
                            .publishOn(scheduler, PREFETCH)
                            .doOnNext(bytes -> {
                                received[0] = true;
                                if (isErrorFrame(bytes, ErrorFrame.FUTURE_CURSOR)) {
                                    futureCursor[0] = true;
                                }
                                pace();
                                handler.onFrame(host, bytes);
                            })
                            .then();
                })
                .then();
        try {
            // Blocks this (virtual) thread for the life of the connection; close() interrupts it, which cancels it.
            session.block();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.info("connection to {} ended: {}", host, e.getMessage());
            }
            if (futureCursor[0]) {
                return Outcome.FUTURE_CURSOR;
            }
            return received[0] ? Outcome.RECEIVED : Outcome.FAILED;
        }
        if (isRelay[0]) {
            return Outcome.IS_RELAY;
        }
        if (futureCursor[0]) {
            return Outcome.FUTURE_CURSOR;
        }
        return received[0] ? Outcome.RECEIVED : Outcome.FAILED;
    }

    /** Waits for a permit of the host's rate limit; the host shows as throttled while it waits. */
    private void pace() {
        long waitNanos = limiter.reservePermission();
        if (waitNanos <= 0) {
            throttled = false;
            return;
        }
        throttled = true;
        java.util.concurrent.locks.LockSupport.parkNanos(waitNanos);
    }

    static boolean isErrorFrame(byte[] frame, String name) {
        // Error frames start with the header {op: -1}: cheap to recognise before the pipeline decodes the frame.
        if (frame.length < 5 || frame[0] != (byte) 0xa1 || frame[4] != 0x20) {
            return false;
        }
        try {
            Drisl.Decoded header = Drisl.decodePrefix(frame, 0, DataLimits.FRAME);
            Drisl.Decoded body = Drisl.decodePrefix(frame, header.end(), DataLimits.FRAME);
            return body.value() instanceof MapValue m && name.equals(m.getString("error").orElse(null));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void setStatus(HostStatus s, String why) {
        if (s != status) {
            LOG.info("host {} is {}: {}", host, s.wire(), why);
            // Stored first, so that whoever sees the new status can rely on a restart finding it too.
            statusListener.onStatus(host, s, why);
            status = s;
        }
    }

    /** Stops the subscription; frames being processed finish first. */
    @Override
    public void close() {
        stopped = true;
        Thread t = loop;
        if (t != null) {
            t.interrupt();
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("frames of {} still being processed after 10 s", host);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
