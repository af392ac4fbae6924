package dev.skein.xrpc;

/**
 * Ends the frames of a {@linkplain XrpcSubscription#pacedByDemand() self-paced} subscription whose consumer
 * fell more than its backlog behind: the endpoint sends the subscription's overflow frame and closes the
 * socket as it does when its own buffer overflows.
 */
public final class SubscriptionOverflowException extends RuntimeException {
    private final int backlog;

    /** @param backlog how many frames waited when the consumer was cut off */
    public SubscriptionOverflowException(int backlog) {
        super("the consumer fell more than " + backlog + " frames behind", null, false, false);
        this.backlog = backlog;
    }

    public int backlog() {
        return backlog;
    }
}
