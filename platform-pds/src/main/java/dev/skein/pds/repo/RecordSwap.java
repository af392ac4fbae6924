package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code swapRecord} condition of a write: none, "the record must not exist" (a JSON {@code null} in
 * {@code putRecord}), or "the record's current version must have this CID". A failed condition is 400
 * {@code InvalidSwap}.
 */
public sealed interface RecordSwap permits RecordSwap.Unchecked, RecordSwap.Absent, RecordSwap.Current {
    RecordSwap NONE = new Unchecked();
    RecordSwap ABSENT = new Absent();

    /** Whether the record's current CID (empty: no record) satisfies the condition. */
    boolean accepts(Optional<Cid> current);

    /** No condition. */
    record Unchecked() implements RecordSwap {
        @Override
        public boolean accepts(Optional<Cid> current) {
            return true;
        }
    }

    /** The record must not exist. */
    record Absent() implements RecordSwap {
        @Override
        public boolean accepts(Optional<Cid> current) {
            return current.isEmpty();
        }
    }

    /** The record must exist with this CID. */
    record Current(Cid cid) implements RecordSwap {
        public Current {
            Objects.requireNonNull(cid, "cid");
        }

        @Override
        public boolean accepts(Optional<Cid> current) {
            return current.filter(cid::equals).isPresent();
        }
    }
}
