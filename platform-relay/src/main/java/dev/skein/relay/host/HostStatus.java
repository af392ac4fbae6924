package dev.skein.relay.host;

/** A host's status at the relay, as {@code com.atproto.sync.defs#hostStatus} names them. */
public enum HostStatus {
    /** Subscribed, or ready to be. */
    ACTIVE("active"),
    /** Known, but not subscribed now (nothing to read, or stopped by an operator). */
    IDLE("idle"),
    /** Unreachable after repeated failures; no longer retried until crawled again. */
    OFFLINE("offline"),
    /** Over its rate limit or account limit; events are slowed down. */
    THROTTLED("throttled"),
    /** Refused by an operator: never subscribed, requestCrawl refused. */
    BANNED("banned");

    private final String wire;

    HostStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static HostStatus fromWire(String s) {
        for (HostStatus h : values()) {
            if (h.wire.equals(s)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown host status \"" + s + "\"");
    }
}
