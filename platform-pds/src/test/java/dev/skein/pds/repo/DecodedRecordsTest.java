package dev.skein.pds.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodedRecordsTest {

    private static StoredRecord record(String text) {
        byte[] bytes = Drisl.encode(MapValue.builder().put("$type", "app.bsky.feed.post").put("text", text).build());
        String rkey = "3k" + Math.abs(text.hashCode());
        return new StoredRecord("at://did:plc:abc/app.bsky.feed.post/" + rkey, rkey, Cid.ofDrisl(bytes).toString(), bytes);
    }

    @Test
    void aRecordReadAgainIsTheValueDecodedTheFirstTime() {
        DecodedRecords cache = new DecodedRecords(1 << 20);
        StoredRecord r = record("hello");
        DataValue first = cache.value(r);
        assertThat(first).isEqualTo(Drisl.decode(r.bytes()));
        assertThat(cache.value(r)).isSameAs(first);
    }

    @Test
    void theLeastRecentlyUsedRecordsGoWhenTheirBytesExceedTheBound() {
        List<StoredRecord> records = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            records.add(record(String.format("post %02d", i)));
        }
        int size = records.getFirst().bytes().length;
        DecodedRecords cache = new DecodedRecords(size * 16L);
        List<DataValue> values = records.stream().map(cache::value).toList();

        assertThat(cache.value(records.get(16))).isSameAs(values.get(16));
        assertThat(cache.value(records.get(1))).isSameAs(values.get(1));
        assertThat(cache.value(records.getFirst())).isEqualTo(values.getFirst()).isNotSameAs(values.getFirst());
    }

    @Test
    void aRecordLargerThanASixteenthOfTheBoundIsDecodedEveryTime() {
        StoredRecord r = record("not cached");
        DecodedRecords cache = new DecodedRecords(r.bytes().length * 16L - 1);
        DataValue first = cache.value(r);
        assertThat(cache.value(r)).isEqualTo(first).isNotSameAs(first);
    }
}
