package dev.skein.xrpc;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The frames of one subscription consumer, between the subscription and the socket: at most
 * {@link SubscriptionSettings#bufferFrames()} frames wait for a consumer that reads slowly; one more and
 * the waiting frames are dropped, the subscription's overflow frame is sent and the socket closes with
 * {@link #CONSUMER_TOO_SLOW}. A frame over {@link SubscriptionSettings#maxFrameBytes()} is a server bug:
 * it is not sent, and the socket closes with 1011. How the socket must close is left in {@code close}.
 * A {@linkplain XrpcSubscription#pacedByDemand() self-paced} subscription gets no buffer here; it signals
 * the overflow itself ({@link SubscriptionOverflowException}).
 */
final class ConsumerBuffer {
    /** Close status after an overflow: policy violation, named as the atproto error frame names it. */
    static final CloseStatus CONSUMER_TOO_SLOW = CloseStatus.POLICY_VIOLATION.withReason("ConsumerTooSlow");
    private static final Logger log = LoggerFactory.getLogger(ConsumerBuffer.class);

    private ConsumerBuffer() {}

    static Flux<byte[]> bounded(Flux<byte[]> frames, SubscriptionSettings settings,
                                Supplier<Optional<byte[]>> onOverflow, AtomicReference<CloseStatus> close) {
        return bounded(frames, settings, false, onOverflow, close);
    }

    /**
     * @param paced whether {@code frames} emit only on demand and bound their own backlog
     *     ({@link XrpcSubscription#pacedByDemand()}); then no buffer is added here, and the frames report an
     *     overflow by failing with {@link SubscriptionOverflowException}
     */
    static Flux<byte[]> bounded(Flux<byte[]> frames, SubscriptionSettings settings, boolean paced,
                                Supplier<Optional<byte[]>> onOverflow, AtomicReference<CloseStatus> close) {
        Flux<byte[]> checked = frames
                .<byte[]>handle((frame, sink) -> {
                    if (frame.length > settings.maxFrameBytes()) {
                        sink.error(new IllegalStateException("a frame of " + frame.length
                                + " bytes is over the limit of " + settings.maxFrameBytes()));
                    } else {
                        sink.next(frame);
                    }
                })
                .onErrorResume(SubscriptionOverflowException.class, e -> {
                    close.set(CONSUMER_TOO_SLOW);
                    return Flux.empty();
                });
        if (!paced) {
            // Reactor's buffer would still deliver the waiting frames before its overflow error, which a
            // stalled consumer never reads; cutting the stream when the overflow happens frees it at once.
            Sinks.One<Boolean> cutOff = Sinks.one();
            checked = checked
                    .onBackpressureBuffer(settings.bufferFrames(), dropped -> {
                        close.set(CONSUMER_TOO_SLOW);
                        cutOff.tryEmitValue(true);
                    }, BufferOverflowStrategy.ERROR)
                    .onErrorResume(Exceptions::isOverflow, e -> Flux.empty())
                    .takeUntilOther(cutOff.asMono());
        }
        return checked
                .concatWith(Mono.defer(() -> close.get() == CONSUMER_TOO_SLOW
                        ? Mono.justOrEmpty(onOverflow.get()) : Mono.empty()))
                .onErrorResume(e -> {
                    log.error("subscription stream failed: {}", e.toString(), e);
                    close.set(CloseStatus.SERVER_ERROR);
                    return Flux.empty();
                });
    }
}
