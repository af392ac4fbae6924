package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.car.CarBlock;
import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarLimits;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CidVerification;
import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Multikey;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.mst.Mst;
import dev.skein.core.repo.Commit;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Did;
import dev.skein.pds.repo.RepoStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The repository reads of {@code com.atproto.sync}: getRepo (whole, streamed, and {@code since}),
 * getLatestCommit, getRecord proofs of presence and absence, getBlocks, listRepos with its cursor,
 * getRepoStatus, and the availability errors of inactive, deleted and unknown accounts.
 */
public abstract class SyncReadsContract extends SyncContract {
    @Autowired
    private RepoStore repoStore;

    private static final String CAR = "application/vnd.ipld.car";

    private byte[] car(String pathAndQuery) {
        WebTestClient.ResponseSpec r = client().get().uri("/xrpc/" + pathAndQuery).exchange().expectStatus().isOk()
                .expectHeader().contentType(CAR);
        return r.expectBody(byte[].class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec anon(String pathAndQuery) {
        return client().get().uri("/xrpc/" + pathAndQuery).exchange();
    }

    private WebTestClient.ResponseSpec asAdmin(String pathAndQuery) {
        return client().get().uri("/xrpc/" + pathAndQuery).header("Authorization", adminAuth()).exchange();
    }

    private WebTestClient.ResponseSpec adminPost(String nsid, String json) {
        return client().post().uri("/xrpc/" + nsid).header("Authorization", adminAuth())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private void takedown(Did did, boolean applied) {
        adminPost("com.atproto.admin.updateSubjectStatus", "{\"subject\":{\"$type\":\"com.atproto.admin.defs#repoRef\",\"did\":\""
                + did + "\"},\"takedown\":{\"applied\":" + applied + "}}").expectStatus().isOk();
    }

    private PublicKey keyOf(Did did) {
        return Multikey.parse(plcDocument(did).path("verificationMethod").get(0).path("publicKeyMultibase").asString());
    }

    private static CarContents read(byte[] car) {
        return CarReader.readAll(car, CarLimits.DEFAULT, CidVerification.VERIFY);
    }

    private static List<Cid> blockOrder(byte[] car) throws IOException {
        List<Cid> order = new ArrayList<>();
        try (CarReader r = CarReader.open(new ByteArrayInputStream(car))) {
            for (CarBlock b = r.next(); b != null; b = r.next()) {
                order.add(b.cid());
            }
        }
        return order;
    }

    @Test
    void getRepoStreamsTheWholeRepositoryInStreamableOrderAndItVerifies() throws IOException {
        Session s = createAccount();
        List<RepoWrites.Written> commits = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            commits.add(post(s, "post number " + i + " ".repeat(i)));
        }
        commits.add(bulk(s, 150_000));
        RepoWrites.Written head = commits.getLast();

        byte[] car = car("com.atproto.sync.getRepo?did=" + s.did());
        assertThat(car.length).as("more than one streamed chunk").isGreaterThan(2 * 64 * 1024);
        CarContents contents = read(car);
        assertThat(contents.roots()).containsExactly(head.commit());
        Repository repo = Repository.load(new MemoryBlockStore(contents.blocks()), contents.root());
        assertThat(repo.commit().verify(keyOf(s.did()))).as("signed with the key in the DID document").isTrue();
        assertThat(repo.commit().did()).isEqualTo(s.did());
        assertThat(repo.rev()).isEqualTo(head.rev());
        repo.tree().verify();
        assertThat(repo.tree().size()).isEqualTo(commits.size());
        for (RepoWrites.Written c : commits) {
            String path = c.path();
            assertThat(repo.recordCid(path)).contains(c.cid());
            assertThat(repo.record(path)).isPresent();
        }

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Repository.load(repoStore.blocks(s.did()), head.commit()).exportCar(expected);
        assertThat(car).as("the streamable order: commit, then the MST pre-order with records in place")
                .isEqualTo(expected.toByteArray());
        List<Cid> order = blockOrder(car);
        assertThat(order.getFirst()).isEqualTo(head.commit());
        assertThat(order.get(1)).isEqualTo(repo.commit().data());
        assertThat(new HashSet<>(order)).hasSameSizeAs(order);
    }

    @Test
    void getRepoSinceARevisionHasOnlyTheBlocksAddedAfterIt() {
        Session s = createAccount();
        RepoWrites.Written a = post(s, "a");
        RepoWrites.Written b = post(s, "b");
        RepoWrites.Written c = post(s, "c");

        CarContents diff = read(car("com.atproto.sync.getRepo?did=" + s.did() + "&since=" + a.rev()));
        assertThat(diff.roots()).containsExactly(c.commit());
        Set<String> stored = new HashSet<>(pdsJdbcClient.sql("SELECT cid FROM repo_block WHERE did = ? AND rev > ?")
                .param(s.did().value()).param(a.rev().value()).query(String.class).list());
        assertThat(diff.blocks().keySet().stream().map(Cid::toString).toList()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(diff.blocks()).containsKeys(c.commit(), b.cid(), c.cid());
        assertThat(diff.blocks()).as("superseded commits are not kept").doesNotContainKeys(a.commit(), b.commit(), a.cid());
        assertThat(Commit.fromBytes(diff.get(c.commit())).verify(keyOf(s.did()))).isTrue();

        CarContents none = read(car("com.atproto.sync.getRepo?did=" + s.did() + "&since=" + c.rev()));
        assertThat(none.roots()).containsExactly(c.commit());
        assertThat(none.blocks()).isEmpty();
        error(anon("com.atproto.sync.getRepo?did=" + s.did() + "&since=notatid"), 400, "InvalidRequest");
    }

    /**
     * What a repository stores is exactly what it exports: commits, nodes and records that the current
     * commit no longer reaches are deleted with the commit that unreferences them, concurrent writes (batched
     * into one transaction) included, and a record block stays while another record has the same content.
     */
    @Test
    void theStoredBlocksAreExactlyWhatGetRepoExports() throws Exception {
        Session s = createAccount();
        List<RepoWrites.Written> posts = new ArrayList<>();
        try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
            List<Future<RepoWrites.Written>> pending = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String text = "post " + (i % 20);
                pending.add(writers.submit(() -> post(s, text)));
            }
            for (Future<RepoWrites.Written> f : pending) {
                posts.add(f.get());
            }
        }
        assertStoredIsExported(s.did());

        RepoWrites.Written shared = posts.getFirst();
        List<RepoWrites.Written> sameContent = posts.stream().filter(p -> p.cid().equals(shared.cid())).toList();
        assertThat(sameContent).hasSizeGreaterThan(1);
        deleteRecord(s, sameContent.getFirst());
        assertThat(stored(s.did())).as("another record still has this content").contains(shared.cid().toString());
        assertStoredIsExported(s.did());
        sameContent.stream().skip(1).forEach(p -> deleteRecord(s, p));
        assertThat(stored(s.did())).doesNotContain(shared.cid().toString());
        assertStoredIsExported(s.did());

        RepoWrites.Written replaced = posts.getLast();
        post("com.atproto.repo.putRecord", body("repo", s.did().value(), "collection", RepoWrites.POST,
                "rkey", replaced.path().substring(replaced.path().indexOf('/') + 1),
                "record", JSON.createObjectNode().put("text", "replaced").put("createdAt", "2026-05-02T00:00:00.000Z")),
                s.accessJwt()).expectStatus().isOk();
        assertStoredIsExported(s.did());
    }

    private void deleteRecord(Session s, RepoWrites.Written record) {
        post("com.atproto.repo.deleteRecord", body("repo", s.did().value(), "collection", RepoWrites.POST,
                "rkey", record.path().substring(record.path().indexOf('/') + 1)), s.accessJwt()).expectStatus().isOk();
    }

    private Set<String> stored(Did did) {
        return new HashSet<>(pdsJdbcClient.sql("SELECT cid FROM repo_block WHERE did = ?").param(did.value())
                .query(String.class).list());
    }

    private void assertStoredIsExported(Did did) {
        CarContents export = read(car("com.atproto.sync.getRepo?did=" + did));
        assertThat(stored(did)).containsExactlyInAnyOrderElementsOf(
                export.blocks().keySet().stream().map(Cid::toString).toList());
    }

    @Test
    void getLatestCommitNamesTheCurrentCommit() {
        Session s = createAccount();
        RepoWrites.Written c = post(s, "latest");
        JsonNode latest = json(anon("com.atproto.sync.getLatestCommit?did=" + s.did()).expectStatus().isOk());
        assertThat(latest.path("cid").asString()).isEqualTo(c.commit().toString());
        assertThat(latest.path("rev").asString()).isEqualTo(c.rev().value());
    }

    @Test
    void getRecordProvesPresenceAndAbsence() {
        Session s = createAccount();
        for (int i = 0; i < 40; i++) {
            post(s, "filler " + i);
        }
        RepoWrites.Written target = post(s, "the one");
        post(s, "after");
        String path = target.path();
        String rkey = path.substring(path.indexOf('/') + 1);

        CarContents proof = read(car("com.atproto.sync.getRecord?did=" + s.did() + "&collection=app.bsky.feed.post&rkey=" + rkey));
        Commit commit = Commit.fromBytes(proof.get(proof.root()));
        assertThat(commit.verify(keyOf(s.did()))).isTrue();
        Mst tree = Mst.load(new MemoryBlockStore(proof.blocks()), commit.data());
        assertThat(tree.get(path)).as("the path is proven from the signed root").contains(target.cid());
        assertThat(proof.blocks()).containsKey(target.cid());
        assertThat(proof.blocks().size()).as("commit, path nodes, record: not the whole repository").isLessThan(12);

        CarContents absent = read(car("com.atproto.sync.getRecord?did=" + s.did() + "&collection=app.bsky.feed.post&rkey=3zzzzzzzzzzzz"));
        Commit current = Commit.fromBytes(absent.get(absent.root()));
        assertThat(Mst.load(new MemoryBlockStore(absent.blocks()), current.data()).get("app.bsky.feed.post/3zzzzzzzzzzzz"))
                .as("the nodes prove the key is absent").isEmpty();
        error(anon("com.atproto.sync.getRecord?did=" + s.did() + "&collection=not-an-nsid&rkey=x"), 400, "InvalidRequest");
    }

    @Test
    void getBlocksReturnsTheAskedBlocksWithoutRootsAndNamesMissingOnes() {
        Session s = createAccount();
        RepoWrites.Written c = post(s, "blocks");
        Cid record = c.cid();
        byte[] car = car("com.atproto.sync.getBlocks?did=" + s.did() + "&cids=" + c.commit() + "&cids=" + record);
        CarContents contents = read(car);
        assertThat(contents.roots()).isEmpty();
        assertThat(contents.blocks().keySet()).containsExactlyInAnyOrder(c.commit(), record);
        assertThat(Commit.fromBytes(contents.get(c.commit())).rev()).isEqualTo(c.rev());

        Cid unknown = Cid.ofDrisl(new byte[] {(byte) 0xa0});
        JsonNode e = error(anon("com.atproto.sync.getBlocks?did=" + s.did() + "&cids=" + c.commit() + "&cids=" + unknown), 400, "BlockNotFound");
        assertThat(e.path("message").asString()).contains(unknown.toString());
        error(anon("com.atproto.sync.getBlocks?did=" + s.did() + "&cids=nonsense"), 400, "InvalidRequest");
        Session other = createAccount();
        error(anon("com.atproto.sync.getBlocks?did=" + other.did() + "&cids=" + record), 400, "BlockNotFound");
    }

    @Test
    void listReposPagesThroughEveryRepositoryWithItsHeadAndStatus() {
        List<Session> made = List.of(createAccount(), createAccount(), createAccount());
        takedown(made.get(1).did(), true);
        Set<String> seen = new LinkedHashSet<>();
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(anon("com.atproto.sync.listRepos?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).expectStatus().isOk());
            assertThat(page.path("repos").size()).isLessThanOrEqualTo(2);
            page.path("repos").forEach(r -> {
                assertThat(seen.add(r.path("did").asString())).as("each repository once").isTrue();
                all.add(r);
            });
            cursor = page.has("cursor") ? page.path("cursor").asString() : null;
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(new ArrayList<>(seen)).as("in DID order").isSorted();
        for (Session s : made) {
            JsonNode r = all.stream().filter(n -> n.path("did").asString().equals(s.did().value())).findFirst().orElseThrow();
            JsonNode latest = json(asAdmin("com.atproto.sync.getLatestCommit?did=" + s.did()).expectStatus().isOk());
            assertThat(r.path("head").asString()).isEqualTo(latest.path("cid").asString());
            assertThat(r.path("rev").asString()).isEqualTo(latest.path("rev").asString());
            boolean takenDown = s == made.get(1);
            assertThat(r.path("active").asBoolean()).isEqualTo(!takenDown);
            assertThat(r.path("status").asString(null)).isEqualTo(takenDown ? "takendown" : null);
        }
        takedown(made.get(1).did(), false);
        error(anon("com.atproto.sync.listRepos?limit=0"), 400, "InvalidRequest");
    }

    @Test
    void getRepoStatusSaysWhetherTheRepositoryIsServed() {
        Session s = createAccount();
        RepoWrites.Written c = post(s, "status");
        JsonNode active = json(anon("com.atproto.sync.getRepoStatus?did=" + s.did()).expectStatus().isOk());
        assertThat(active.path("active").asBoolean()).isTrue();
        assertThat(active.path("rev").asString()).isEqualTo(c.rev().value());
        assertThat(active.has("status")).isFalse();

        post("com.atproto.server.deactivateAccount", "{}", s.accessJwt()).expectStatus().isOk();
        JsonNode deactivated = json(anon("com.atproto.sync.getRepoStatus?did=" + s.did()).expectStatus().isOk());
        assertThat(deactivated.path("active").asBoolean()).isFalse();
        assertThat(deactivated.path("status").asString()).isEqualTo("deactivated");
        assertThat(deactivated.has("rev")).isFalse();

        error(anon("com.atproto.sync.getRepoStatus?did=did:plc:unknownunknownunknown1"), 400, "RepoNotFound");
    }

    @Test
    void inactiveDeletedAndUnknownRepositoriesAreRefusedWithTheirLexiconErrors() {
        Session taken = createAccount();
        post(taken, "soon taken down");
        takedown(taken.did(), true);
        Session paused = createAccount();
        post("com.atproto.server.deactivateAccount", "{}", paused.accessJwt()).expectStatus().isOk();
        Session gone = createAccount();
        adminPost("com.atproto.admin.deleteAccount", body("did", gone.did().value())).expectStatus().isOk();

        for (String method : List.of("getRepo?", "getLatestCommit?", "getRecord?collection=app.bsky.feed.post&rkey=3jzfcijpj2z2a&",
                "getBlocks?cids=bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm&")) {
            String m = "com.atproto.sync." + method;
            error(anon(m + "did=" + taken.did()), 400, "RepoTakendown");
            error(anon(m + "did=" + paused.did()), 400, "RepoDeactivated");
            error(anon(m + "did=" + gone.did()), 400, "RepoNotFound");
            error(anon(m + "did=did:plc:unknownunknownunknown1"), 400, "RepoNotFound");
        }
        CarContents asAdmin = read(asAdmin("com.atproto.sync.getRepo?did=" + taken.did()).expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody());
        assertThat(Commit.fromBytes(asAdmin.get(asAdmin.root())).did()).as("the administrator still reads it").isEqualTo(taken.did());
        asAdmin("com.atproto.sync.getLatestCommit?did=" + paused.did()).expectStatus().isOk();
        error(asAdmin("com.atproto.sync.getRepo?did=" + gone.did()), 400, "RepoNotFound");
        takedown(taken.did(), false);
        car("com.atproto.sync.getRepo?did=" + taken.did());
    }
}
