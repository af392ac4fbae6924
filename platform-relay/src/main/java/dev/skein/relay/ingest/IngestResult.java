package dev.skein.relay.ingest;

import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.syntax.Did;
import dev.skein.relay.host.Host;
import java.util.Objects;

/**
 * What became of one upstream frame (or of a resync). Each result carries the account's state after it, when it
 * changed, so that the event, the account and the host's cursor are stored in one transaction.
 */
public sealed interface IngestResult permits IngestResult.Passed, IngestResult.Dropped, IngestResult.Deferred {
    /** The host the frame came from. */
    Host host();

    /** The frame's upstream sequence number, the host's new cursor; 0 for a result not tied to a new frame. */
    long upstreamSeq();

    /** The account's state after this result when it changed, else {@code null}. */
    AccountState account();

    /**
     * The event passes: re-sequence and serve it. Its {@code seq} is still the upstream one.
     *
     * @param headOnly whether {@code account} differs from the account's state before only in its last commit (rev,
     *     data, commit), which {@code event} (a {@code #commit} or {@code #sync}) carries: the sequencer may then
     *     write the account later, since its log holds the event
     * @param frame the upstream frame when the event is passed on unchanged, so that only its seq is replaced; or
     *     {@code null}, and the event is encoded
     */
    record Passed(Host host, long upstreamSeq, FirehoseEvent event, AccountState account, boolean headOnly,
                  UpstreamFrame frame) implements IngestResult {
        public Passed {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(event, "event");
            if (headOnly && account == null) {
                throw new IllegalArgumentException("a head-only change needs the account's state");
            }
        }

        /** An event that is encoded again, with the account's state written with it. */
        public Passed(Host host, long upstreamSeq, FirehoseEvent event, AccountState account) {
            this(host, upstreamSeq, event, account, false, null);
        }
    }

    /** The frame is dropped. */
    record Dropped(Host host, long upstreamSeq, Did did, DropReason reason, String detail, AccountState account)
            implements IngestResult {
        public Dropped {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The account is being resynchronised: the event waits and is processed (and reported) after the resync. */
    record Deferred(Host host, long upstreamSeq, Did did, AccountState account) implements IngestResult {
        public Deferred {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(did, "did");
        }
    }
}
