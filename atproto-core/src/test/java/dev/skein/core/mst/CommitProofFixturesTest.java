package dev.skein.core.mst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.testsupport.InteropVectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** interop: firehose/commit-proof-fixtures.json, every case. */
class CommitProofFixturesTest {
    record Fixture(String comment, Cid leaf, List<String> keys, List<String> adds, List<String> dels,
            Cid rootBefore, Cid rootAfter, Set<Cid> blocksInProof) {
        @Override
        public String toString() {
            return comment;
        }

        List<MstOp> ops() {
            List<MstOp> ops = new ArrayList<>();
            adds.forEach(k -> ops.add(new MstOp.Create(k, leaf)));
            dels.forEach(k -> ops.add(new MstOp.Delete(k, leaf)));
            return ops;
        }

        Mst before(MemoryBlockStore store) {
            Mst tree = Mst.empty(store);
            for (String k : keys) {
                tree = tree.put(k, leaf);
            }
            return tree;
        }

        Mst after(Mst before) {
            Mst tree = before;
            for (String k : adds) {
                tree = tree.put(k, leaf);
            }
            for (String k : dels) {
                tree = tree.delete(k);
            }
            return tree;
        }
    }

    static List<Fixture> fixtures() {
        List<Fixture> out = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(InteropVectors.read("firehose/commit-proof-fixtures.json"))) {
            out.add(new Fixture(n.get("comment").asString(), Cid.parse(n.get("leafValue").asString()),
                    strings(n.get("keys")), strings(n.get("adds")), strings(n.get("dels")),
                    Cid.parse(n.get("rootBeforeCommit").asString()), Cid.parse(n.get("rootAfterCommit").asString()),
                    strings(n.get("blocksInProof")).stream().map(Cid::parse).collect(Collectors.toSet())));
        }
        assertThat(out).hasSize(6);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asString()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void incrementalTreesHaveTheFixtureRoots(Fixture f) {
        Mst before = f.before(new MemoryBlockStore());
        assertThat(before.root()).isEqualTo(f.rootBefore());
        before.verify();
        Mst after = f.after(before);
        assertThat(after.root()).isEqualTo(f.rootAfter());
        after.verify();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fromScratchBuildsHaveTheFixtureRoots(Fixture f) {
        Map<String, Cid> entries = new HashMap<>();
        f.keys().forEach(k -> entries.put(k, f.leaf()));
        assertThat(Mst.build(new MemoryBlockStore(), entries).root()).isEqualTo(f.rootBefore());
        f.adds().forEach(k -> entries.put(k, f.leaf()));
        f.dels().forEach(entries::remove);
        assertThat(Mst.build(new MemoryBlockStore(), entries).root()).isEqualTo(f.rootAfter());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void coveringProofsAreExactlyTheFixtureBlocks(Fixture f) {
        Mst after = f.after(f.before(new MemoryBlockStore()));
        Map<Cid, byte[]> proof = proof(f, after);
        assertThat(proof.keySet()).containsExactlyInAnyOrderElementsOf(f.blocksInProof());
        proof.forEach((cid, bytes) -> assertThat(Cid.ofDrisl(bytes)).isEqualTo(cid));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void invertingOnTheProofAloneGivesTheRootBefore(Fixture f) {
        Mst after = f.after(f.before(new MemoryBlockStore()));
        MemoryBlockStore proofOnly = new MemoryBlockStore(proof(f, after));
        assertThat(MstInversion.invert(proofOnly, f.rootAfter(), f.ops())).isEqualTo(f.rootBefore());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void inversionDoesNotDependOnOrder(Fixture f) {
        Mst after = f.after(f.before(new MemoryBlockStore()));
        Map<Cid, byte[]> proof = proof(f, after);
        for (List<MstOp> order : permutations(f.ops())) {
            Mst tree = Mst.load(new MemoryBlockStore(proof), f.rootAfter());
            for (MstOp op : order) {
                tree = op instanceof MstOp.Delete d ? tree.put(d.key(), d.prev()) : tree.delete(op.key());
            }
            assertThat(tree.root()).as("order %s", order).isEqualTo(f.rootBefore());
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void invertingOnTheCommitSliceGivesTheRootBefore(Fixture f) {
        MemoryBlockStore store = new MemoryBlockStore();
        Mst before = f.before(store);
        store.putAll(before.unstoredBlocks());
        Mst after = f.after(before);
        MstDiff diff = MstDiff.between(before, after);
        Map<Cid, byte[]> slice = new LinkedHashMap<>(diff.addedNodes());
        slice.putAll(proof(f, after));
        assertThat(MstInversion.invert(new MemoryBlockStore(slice), f.rootAfter(), f.ops())).isEqualTo(f.rootBefore());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void diffReportsTheFixtureOperations(Fixture f) {
        Mst before = f.before(new MemoryBlockStore());
        Mst after = f.after(before);
        MstDiff diff = MstDiff.between(before, after);
        assertThat(diff.ops()).containsExactlyInAnyOrderElementsOf(f.ops());
        assertThat(diff.addedNodes()).containsKey(f.rootAfter());
        assertThat(diff.removedNodes()).contains(f.rootBefore());
    }

    static Map<Cid, byte[]> proof(Fixture f, Mst after) {
        Map<Cid, byte[]> out = new LinkedHashMap<>();
        for (MstOp op : f.ops()) {
            out.putAll(after.coveringProof(op.key()));
        }
        return out;
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> p : permutations(rest)) {
                List<T> perm = new ArrayList<>();
                perm.add(first);
                perm.addAll(p);
                out.add(perm);
            }
        }
        return out;
    }
}
