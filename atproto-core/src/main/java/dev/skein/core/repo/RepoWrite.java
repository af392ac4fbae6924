package dev.skein.core.repo;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.util.Objects;

/**
 * One record write of a commit: create, update or delete the record at {@code <collection>/<rkey>}.
 * A record must carry {@code $type} equal to its collection (the data model requires {@code $type}; a
 * PDS adds it before writing when a client left it out).
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository#repository-paths">repository paths</a>.
 */
public sealed interface RepoWrite permits RepoWrite.Create, RepoWrite.Update, RepoWrite.Delete {
    Nsid collection();

    RecordKey rkey();

    /** The repo path, which is the MST key. */
    default String path() {
        return collection().value() + "/" + rkey().value();
    }

    /** A new record; the path must be free. */
    record Create(Nsid collection, RecordKey rkey, MapValue record) implements RepoWrite {
        public Create {
            checkRecord(collection, rkey, record);
        }
    }

    /** A new version of an existing record. */
    record Update(Nsid collection, RecordKey rkey, MapValue record) implements RepoWrite {
        public Update {
            checkRecord(collection, rkey, record);
        }
    }

    /** Removal of an existing record. */
    record Delete(Nsid collection, RecordKey rkey) implements RepoWrite {
        public Delete {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(rkey, "rkey");
        }
    }

    private static void checkRecord(Nsid collection, RecordKey rkey, MapValue record) {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(rkey, "rkey");
        Objects.requireNonNull(record, "record");
        String type = record.type().orElse(null);
        if (!collection.value().equals(type)) {
            throw new InvalidWriteException(InvalidWriteException.Reason.INVALID_RECORD_TYPE, collection + "/" + rkey,
                    "record $type " + (type == null ? "is missing" : "\"" + type + "\"") + ", expected \"" + collection + "\"");
        }
    }
}
