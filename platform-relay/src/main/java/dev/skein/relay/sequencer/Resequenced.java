package dev.skein.relay.sequencer;

import dev.skein.core.firehose.AccountEvent;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.firehose.IdentityEvent;
import dev.skein.core.firehose.InfoEvent;
import dev.skein.core.firehose.SyncEvent;

/** An event as the relay serves it: the same fields under the relay's sequence number. */
final class Resequenced {
    private Resequenced() {}

    static FirehoseEvent withSeq(FirehoseEvent e, long seq) {
        return switch (e) {
            case CommitEvent c -> new CommitEvent(seq, c.rebase(), c.tooBig(), c.repo(), c.commit(), c.rev(), c.since(),
                    c.blocks(), c.ops(), c.blobs(), c.prevData(), c.time());
            case SyncEvent s -> new SyncEvent(seq, s.did(), s.blocks(), s.rev(), s.time());
            case IdentityEvent i -> new IdentityEvent(seq, i.did(), i.time(), i.handle());
            case AccountEvent a -> new AccountEvent(seq, a.did(), a.time(), a.active(), a.status());
            case InfoEvent i -> throw new IllegalArgumentException("#info is not sequenced");
        };
    }

    /** How many microseconds of Jetstream cursor space the event takes: one per op of a commit, at least one. */
    static int spanUs(FirehoseEvent e) {
        return e instanceof CommitEvent c ? Math.max(1, c.ops().size()) : 1;
    }
}
