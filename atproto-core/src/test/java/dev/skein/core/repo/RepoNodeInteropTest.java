package dev.skein.core.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CarWriter;
import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.MapValue;
import dev.skein.core.firehose.RepoOp;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.Tid;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Our repositories against {@code @atproto/repo}: it verifies a full CAR export ({@code verifyRepoCar}:
 * signature, DID, MST, every record), and for each {@code #commit} slice the signature, the per-operation
 * proofs ({@code verifyProofs}, as {@code @atproto/sync} checks them) and MST inversion on its own MST;
 * and from the same key, content and rev it builds byte-identical commits (signatures are deterministic).
 */
@RequiresNode
class RepoNodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final SigningKey KEY = RepositoryTest.KEY;
    private static final PublicKey PUBLIC = KEY.publicKey();
    private static final String DID_KEY = PUBLIC.didKey();

    private final Random random = new Random(424242);
    private long micros = 1_763_730_000_000_000L;

    private Tid nextRev() {
        micros += 1000;
        return Tid.of(micros, 9);
    }

    private static JsonNode check(List<Map<String, Object>> requests) {
        JsonNode answers = JSON.readTree(NodeInterop.runOk("repo-check.mjs", JSON.writeValueAsString(requests)));
        assertThat(answers.size()).isEqualTo(requests.size());
        return answers;
    }

    private static Map<String, Object> sliceRequest(RepoCommit c, byte[] blocks) {
        List<Map<String, Object>> ops = new ArrayList<>();
        for (RepoOp op : c.ops()) {
            Map<String, Object> o = new HashMap<>();
            o.put("action", op.action().wire());
            o.put("path", op.path());
            o.put("cid", op.cid() == null ? null : op.cid().toString());
            o.put("prev", op.prev() == null ? null : op.prev().toString());
            ops.add(o);
        }
        Map<String, Object> req = new HashMap<>();
        req.put("mode", "slice");
        req.put("blocks", HEX.formatHex(blocks));
        req.put("did", c.commit().did().value());
        req.put("didKey", DID_KEY);
        req.put("prevData", c.prevData() == null ? null : c.prevData().toString());
        req.put("ops", ops);
        return req;
    }

    private static RepoWrite create(String collection, String rkey, String text) {
        return new RepoWrite.Create(Nsid.parse(collection), RecordKey.parse(rkey),
                MapValue.builder().put("$type", collection).put("text", text).build());
    }

    /** A history of commits with creates, updates and deletes over a tree a few levels deep. */
    private List<RepoCommit> history() {
        List<RepoCommit> commits = new ArrayList<>();
        RepoCommit c = Repository.create(new MemoryBlockStore(), RepositoryTest.DID, nextRev(), List.of(), KEY);
        commits.add(c);
        List<String> live = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            List<RepoWrite> writes = new ArrayList<>();
            List<String> touched = new ArrayList<>();
            int n = round < 3 ? 60 : 1 + random.nextInt(8);
            while (writes.size() < n) {
                int kind = live.size() < 20 ? 0 : random.nextInt(3);
                if (kind == 0) {
                    String collection = random.nextBoolean() ? "app.bsky.feed.post" : "agent.memory.fact";
                    String rkey = Tid.of(micros + random.nextInt(5_000_000), random.nextInt(1024)).value();
                    String path = collection + "/" + rkey;
                    if (!live.contains(path) && !touched.contains(path)) {
                        touched.add(path);
                        writes.add(create(collection, rkey, "r" + round + " " + writes.size()));
                    }
                } else {
                    String path = live.get(random.nextInt(live.size()));
                    if (touched.contains(path)) {
                        continue;
                    }
                    touched.add(path);
                    int slash = path.indexOf('/');
                    Nsid collection = Nsid.parse(path.substring(0, slash));
                    RecordKey rkey = RecordKey.parse(path.substring(slash + 1));
                    writes.add(kind == 1
                            ? new RepoWrite.Update(collection, rkey, MapValue.builder().put("$type", collection.value())
                                    .put("text", "edited in " + round).build())
                            : new RepoWrite.Delete(collection, rkey));
                }
            }
            c = c.repository().apply(writes, nextRev(), KEY);
            for (RepoOp op : c.ops()) {
                switch (op.action()) {
                    case CREATE -> live.add(op.path());
                    case DELETE -> live.remove(op.path());
                    case UPDATE -> { }
                }
            }
            commits.add(c);
        }
        return commits;
    }

    @Test
    void referenceVerifiesOurRepositoryExport() throws IOException {
        List<RepoCommit> commits = history();
        Repository repo = commits.getLast().repository();
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        repo.exportCar(car);

        Map<String, Object> req = new HashMap<>();
        req.put("mode", "repo");
        req.put("car", HEX.formatHex(car.toByteArray()));
        req.put("did", repo.did().value());
        req.put("didKey", DID_KEY);
        Map<String, Object> wrongDid = new HashMap<>(req);
        wrongDid.put("did", "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");
        Map<String, Object> wrongKey = new HashMap<>(req);
        wrongKey.put("didKey", SigningKey.generate(Curve.P256).publicKey().didKey());
        JsonNode answers = check(List.of(req, wrongDid, wrongKey));

        JsonNode a = answers.get(0);
        assertThat(a.has("error")).as("%s", a).isFalse();
        assertThat(a.get("root").asString()).isEqualTo(repo.commitCid().toString());
        assertThat(a.get("commit").asString()).isEqualTo(repo.commitCid().toString());
        assertThat(a.get("rev").asString()).isEqualTo(repo.rev().value());
        assertThat(a.get("data").asString()).isEqualTo(repo.commit().data().toString());
        Map<String, String> theirs = new HashMap<>();
        a.get("creates").forEach(c -> theirs.put(c.get("path").asString(), c.get("cid").asString()));
        Map<String, String> ours = new HashMap<>();
        repo.tree().forEach((k, v) -> ours.put(k, v.toString()));
        assertThat(ours).hasSizeGreaterThan(50);
        assertThat(theirs).isEqualTo(ours);

        assertThat(answers.get(1).get("error").asString()).containsIgnoringCase("did");
        assertThat(answers.get(2).get("error").asString()).containsIgnoringCase("signature");
    }

    @Test
    void referenceVerifiesAndInvertsEveryCommitSlice() {
        List<RepoCommit> commits = history();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (RepoCommit c : commits.subList(1, commits.size())) {
            requests.add(sliceRequest(c, c.slice()));
        }
        JsonNode answers = check(requests);
        for (int i = 0; i < requests.size(); i++) {
            RepoCommit c = commits.get(i + 1);
            JsonNode a = answers.get(i);
            assertThat(a.get("sigValid").asBoolean()).as("commit %d: %s", i, a).isTrue();
            assertThat(a.get("proofsUnverified").asInt()).as("commit %d: %s", i, a).isZero();
            assertThat(a.get("proofsVerified").asInt()).isEqualTo(c.ops().size());
            assertThat(a.get("error").isNull()).as("commit %d: %s", i, a).isTrue();
            assertThat(a.get("inverted").asString()).as("commit %d", i).isEqualTo(c.prevData().toString());
        }
    }

    @Test
    void ourCommitAndSyncFramesPassTheReferenceDecoderAndLexicon() {
        List<RepoCommit> commits = history();
        List<String> frames = new ArrayList<>();
        long seq = 1;
        for (RepoCommit c : commits) {
            frames.add(HEX.formatHex(c.toEvent(seq++, RepositoryTest.TIME).encode()));
            frames.add(HEX.formatHex(c.toSyncEvent(seq++, RepositoryTest.TIME).encode()));
        }
        JsonNode answers = JSON.readTree(NodeInterop.runOk("firehose-check.mjs", JSON.writeValueAsString(frames)));
        assertThat(answers.size()).isEqualTo(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertThat(answers.get(i).get("valid").asBoolean()).as("frame %d: %s", i, answers.get(i)).isTrue();
            assertThat(answers.get(i).get("reencoded").asString()).isEqualTo(frames.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void referenceMakesByteIdenticalCommitsFromTheSameKeyAndContent(Curve curve) {
        SigningKey key = SigningKey.generate(curve);
        List<RepoWrite> writes = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            writes.add(create(i % 2 == 0 ? "app.bsky.feed.post" : "agent.memory.fact", Tid.of(micros + i * 7919L, i).value(), "n" + i));
        }
        Tid rev = nextRev();
        Repository repo = Repository.create(new MemoryBlockStore(), RepositoryTest.DID, rev, writes, key).repository();
        List<Map<String, String>> entries = new ArrayList<>();
        repo.tree().forEach((path, cid) -> entries.add(Map.of("path", path, "cid", cid.toString())));

        Map<String, Object> req = new HashMap<>();
        req.put("mode", "commit");
        req.put("curve", curve.name());
        req.put("privateKey", HEX.formatHex(key.privateBytes()));
        req.put("did", repo.did().value());
        req.put("rev", rev.value());
        req.put("entries", entries);
        JsonNode a = check(List.of(req)).get(0);
        assertThat(a.has("error")).as("%s", a).isFalse();
        assertThat(a.get("data").asString()).isEqualTo(repo.commit().data().toString());
        assertThat(a.get("sig").asString()).isEqualTo(HEX.formatHex(repo.commit().sig()));
        assertThat(a.get("block").asString()).isEqualTo(HEX.formatHex(repo.commit().bytes()));
        assertThat(a.get("commit").asString()).isEqualTo(repo.commitCid().toString());
    }

    @Test
    void referenceFailsASliceWithoutItsProofs() {
        List<RepoCommit> commits = history();
        RepoCommit c = commits.getLast();
        CarContents car = CarReader.readAll(c.slice());
        // Keep only the commit and the records: the tree cannot be opened, let alone inverted.
        Map<Cid, byte[]> stripped = new LinkedHashMap<>();
        stripped.put(c.cid(), car.get(c.cid()));
        for (RepoOp op : c.ops()) {
            if (op.cid() != null) {
                stripped.put(op.cid(), car.get(op.cid()));
            }
        }
        JsonNode a = check(List.of(sliceRequest(c, CarWriter.toBytes(List.of(c.cid()), stripped)))).get(0);
        assertThat(a.has("inverted") && !a.get("inverted").isNull()).as("%s", a).isFalse();
    }
}
