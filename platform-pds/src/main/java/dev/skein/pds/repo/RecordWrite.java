package dev.skein.pds.repo;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.util.Objects;
import java.util.Optional;

/**
 * One record write as a client asks for it, before the PDS prepares it (adds {@code $type}, validates,
 * picks the record key, encodes). What each does when applied:
 * <ul>
 *   <li>{@link Create}: the path must be free; without a record key one is generated;</li>
 *   <li>{@link Update}: the record must exist;</li>
 *   <li>{@link Put}: creates or replaces; replacing with identical content changes nothing (no commit);</li>
 *   <li>{@link Delete}: removes the record; a missing one is an error, or nothing to do for
 *       {@code deleteRecord} ({@code ifExists}).</li>
 * </ul>
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>.
 */
public sealed interface RecordWrite permits RecordWrite.Create, RecordWrite.Update, RecordWrite.Put, RecordWrite.Delete {
    Nsid collection();

    /** The record content, for writes that have one. */
    default Optional<MapValue> record() {
        return Optional.empty();
    }

    record Create(Nsid collection, Optional<RecordKey> rkey, MapValue value) implements RecordWrite {
        public Create {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(rkey, "rkey");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<MapValue> record() {
            return Optional.of(value);
        }
    }

    record Update(Nsid collection, RecordKey rkey, MapValue value) implements RecordWrite {
        public Update {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(rkey, "rkey");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<MapValue> record() {
            return Optional.of(value);
        }
    }

    record Put(Nsid collection, RecordKey rkey, MapValue value, RecordSwap swap) implements RecordWrite {
        public Put {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(rkey, "rkey");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(swap, "swap");
        }

        @Override
        public Optional<MapValue> record() {
            return Optional.of(value);
        }
    }

    record Delete(Nsid collection, RecordKey rkey, RecordSwap swap, boolean ifExists) implements RecordWrite {
        public Delete {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(rkey, "rkey");
            Objects.requireNonNull(swap, "swap");
        }
    }
}
