package dev.skein.pds.repo;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently read records, decoded, by CID: a record's CID is the hash of its bytes, so an entry can never be
 * out of date, whoever writes what, and needs no invalidation; reads still ask the database which CID is a
 * record's current one. Decoding is most of a listing's own work (each record's DRISL is parsed, then encoded
 * again to check that it is canonical), and reads come back to the same recent records.
 *
 * <p>Bounded by the total size of the cached records' bytes, least recently used first out; records larger
 * than a sixteenth of the bound are decoded every time. Decoded values are immutable and shared.
 */
final class DecodedRecords {
    private final long maxBytes;
    /** In access order: the first entry is the least recently used. */
    private final Map<String, Entry> byCid = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /** A cache of at most {@code maxBytes} of records' DRISL bytes (their decoded form takes a few times more). */
    DecodedRecords(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The decoded value of {@code record}, from the cache or decoded (and then cached). */
    DataValue value(StoredRecord record) {
        synchronized (this) {
            Entry cached = byCid.get(record.cid());
            if (cached != null) {
                return cached.value();
            }
        }
        DataValue value = Drisl.decode(record.bytes());
        if (record.bytes().length <= maxBytes / 16) {
            put(record.cid(), new Entry(value, record.bytes().length));
        }
        return value;
    }

    private synchronized void put(String cid, Entry entry) {
        if (byCid.putIfAbsent(cid, entry) != null) {
            return;
        }
        bytes += entry.size();
        Iterator<Entry> oldest = byCid.values().iterator();
        while (bytes > maxBytes) {
            bytes -= oldest.next().size();
            oldest.remove();
        }
    }

    /** A decoded record and the size of its bytes. */
    private record Entry(DataValue value, int size) {}
}
