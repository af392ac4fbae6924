package dev.skein.core.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.cid.Cid;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryBlockStoreTest {
    @Test
    void storesAndReportsMissingBlocks() {
        byte[] block = {(byte) 0xa0};
        Cid cid = Cid.ofDrisl(block);
        Cid other = Cid.ofDrisl(new byte[] {(byte) 0xf6});
        MemoryBlockStore store = new MemoryBlockStore(Map.of(cid, block));
        assertThat(store.get(cid)).isEqualTo(block);
        assertThat(store.has(cid)).isTrue();
        assertThat(store.get(other)).isNull();
        assertThat(store.has(other)).isFalse();
        assertThatThrownBy(() -> store.require(other)).isInstanceOfSatisfying(MissingBlockException.class,
                e -> assertThat(e.cid()).isEqualTo(other));
        store.put(other, new byte[] {(byte) 0xf6});
        assertThat(store.cids()).containsExactlyInAnyOrder(cid, other);
        assertThat(store.remove(cid)).isTrue();
        assertThat(store.remove(cid)).isFalse();
        assertThat(store.size()).isEqualTo(1);
    }
}
