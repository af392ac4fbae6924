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
 * {@link SubscriptionSettings#bufferFrames()} per consumer. When the frames end the socket closes normally;
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
}
