package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.AtUri;
import java.util.Objects;
import java.util.Optional;

/** What one write did. */
public sealed interface WriteOutcome
        permits WriteOutcome.Created, WriteOutcome.Updated, WriteOutcome.Unchanged, WriteOutcome.Deleted, WriteOutcome.Absent {
    AtUri uri();

    /** A new record. */
    record Created(AtUri uri, Cid cid, Optional<ValidationStatus> validation) implements WriteOutcome {
        public Created {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(validation, "validation");
        }
    }

    /** A new version of a record. */
    record Updated(AtUri uri, Cid cid, Optional<ValidationStatus> validation) implements WriteOutcome {
        public Updated {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(validation, "validation");
        }
    }

    /** A put of the content the record already had: nothing changed. */
    record Unchanged(AtUri uri, Cid cid, Optional<ValidationStatus> validation) implements WriteOutcome {
        public Unchanged {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(validation, "validation");
        }
    }

    /** A removed record. */
    record Deleted(AtUri uri) implements WriteOutcome {
        public Deleted {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /** A delete of a record that did not exist: nothing changed. */
    record Absent(AtUri uri) implements WriteOutcome {
        public Absent {
            Objects.requireNonNull(uri, "uri");
        }
    }
}
