package dev.skein.xrpc;

import dev.skein.core.syntax.Nsid;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * An XRPC subscription: a WebSocket at {@code /xrpc/<nsid>} over which the server sends frames, each one
 * binary message (for atproto streams, a DRISL header followed by a DRISL body).
 *
 * <p>The dispatcher decodes the parameters, calls {@link #open} before upgrading (so an
 * {@link XrpcException} thrown there is an ordinary HTTP error), then sends the frames through a buffer of
 * {@link SubscriptionSettings#bufferFrames()} per consumer (unless the subscription {@linkplain #pacedByDemand()
 * paces itself}). When the frames end the socket closes normally;
 * a subscription that must refuse a consumer afterwards (an error frame such as {@code FutureCursor})
 * emits that frame and completes. Frames consumers send are ignored, as the spec says.
 *
 * <p>Spec: <a href="https://atproto.com/specs/event-stream">event streams</a>.
 */
public interface XrpcSubscription {

    Nsid nsid();

    /** The frames for one consumer; subscribed once, after the upgrade. */
    Flux<byte[]> open(SubscriptionRequest request);

    /**
     * Called when a consumer fell more than the buffer behind and is cut off; returns the last frame to
     * send it (e.g. the {@code ConsumerTooSlow} error frame), or empty to just close.
     */
    default Optional<byte[]> onOverflow(SubscriptionRequest request) {
        return Optional.empty();
    }

    /**
     * Whether {@link #open} emits frames only as the consumer's socket asks for them, keeping what waits in
     * a bounded backlog of its own. A subscription that replays stored events needs this: behind the
     * endpoint's buffer it would be asked for everything at once and a long replay would overflow it. The
     * endpoint then adds no buffer; the subscription reports a consumer that fell too far behind by failing
     * its frames with {@link SubscriptionOverflowException}, which is handled as an overflow
     * ({@link #onOverflow}, then close). False by default: the endpoint buffers.
     */
    default boolean pacedByDemand() {
        return false;
    }
}
