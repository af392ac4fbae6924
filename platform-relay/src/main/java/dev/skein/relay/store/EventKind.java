package dev.skein.relay.store;

import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.SyncEvent;

/** The kinds of events in the relay's log, as stored in {@code relay_event.kind}. */
public enum EventKind {
    COMMIT("commit"), SYNC("sync"), IDENTITY("identity"), ACCOUNT("account");

    private final String column;

    EventKind(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static EventKind of(FirehoseEvent event) {
        return switch (event) {
            case CommitEvent c -> COMMIT;
            case SyncEvent s -> SYNC;
            case IdentityEvent i -> IDENTITY;
            case AccountEvent a -> ACCOUNT;
            default -> throw new IllegalArgumentException(event.type() + " is not logged");
        };
    }

    public static EventKind fromColumn(String s) {
        for (EventKind k : values()) {
            if (k.column.equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown event kind \"" + s + "\"");
    }
}
