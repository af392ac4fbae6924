package dev.skein.xrpc;

/**
 * Limits of WebSocket subscriptions.
 *
 * @param bufferFrames frames kept for a consumer that reads slower than they are produced; one more and
 *     the consumer is cut off (the reference PDS keeps 500)
 * @param maxFrameBytes the largest frame, sent or received (the sync spec's 5 MB; Reactor Netty's own
 *     default is 64 KiB, far below a firehose commit)
 */
public record SubscriptionSettings(int bufferFrames, int maxFrameBytes) {
    public static final int DEFAULT_BUFFER_FRAMES = 500;
    public static final int DEFAULT_MAX_FRAME_BYTES = 5_000_000;
    public static final SubscriptionSettings DEFAULT = new SubscriptionSettings(DEFAULT_BUFFER_FRAMES, DEFAULT_MAX_FRAME_BYTES);

    public SubscriptionSettings {
        if (bufferFrames < 1 || maxFrameBytes < 1) {
            throw new IllegalArgumentException("subscription limits must be positive");
        }
    }
}
