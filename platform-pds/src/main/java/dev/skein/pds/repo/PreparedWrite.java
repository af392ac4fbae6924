package dev.skein.pds.repo;

import dev.skein.core.syntax.RecordKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A write with its record key settled and its record prepared (none for a delete).
 *
 * @param write what the client asked for
 * @param rkey the record key: the client's, or the one generated for a create without
 * @param record the prepared record; empty for a delete
 */
record PreparedWrite(RecordWrite write, RecordKey rkey, Optional<PreparedRecord> record) {
    PreparedWrite {
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(rkey, "rkey");
        Objects.requireNonNull(record, "record");
    }

    String path() {
        return write.collection().value() + "/" + rkey.value();
    }
}
