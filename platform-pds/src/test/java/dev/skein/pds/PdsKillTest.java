package dev.skein.pds;

import static dev.skein.pds.FirehoseClient.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarLimits;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CidVerification;
import dev.skein.core.cid.Cid;
import dev.skein.core.crypto.Multikey;
import dev.skein.core.firehose.CommitEvent;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Did;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Crash safety: the PDS, in a process of its own on the embedded database, is killed with SIGKILL in the middle
 * of a write load ({@code com.atproto.repo.createRecord} from several clients) and started again on the same data. Every write it acknowledged is there, every repository
 * verifies (signed commit with the key in the DID document, well-formed MST, every record present), and a
 * firehose consumer that resumes from the last seq it saw gets the rest without a gap or a repeat.
 */
class PdsKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 4;
    private static final int ACKED_BEFORE_KILL = 150;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A write the PDS answered with success. */
    record Ack(Did did, RepoWrites.Written write) {}

    @Test
    void acknowledgedWritesSurviveAKillAndTheFirehoseResumesWithoutGapOrRepeat() throws Exception {
        int port = freePort();
        Process pds = start(port);
        RepoWrites writes = new RepoWrites(URI.create("http://127.0.0.1:" + port));
        List<RepoWrites.Writer> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accounts.add(createAccount(port, i));
        }
        FirehoseClient before = FirehoseClient.from(port, 0);
        List<Ack> acked = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            RepoWrites.Writer account = accounts.get(w % accounts.size());
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        acked.add(new Ack(Did.parse(account.did()), writes.post(account, "writer " + writer + " post " + i)));
                    } catch (IOException | RuntimeException e) {
                        failures.incrementAndGet();
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        assertThat(eventually(() -> acked.size() >= ACKED_BEFORE_KILL)).as("writing").isTrue();
        pds.destroyForcibly();
        assertThat(pds.waitFor(30, TimeUnit.SECONDS)).isTrue();
        stop.set(true);
        for (Thread t : writers) {
            t.join();
        }
        assertThat(failures.get()).as("the writers were cut off mid-load").isPositive();
        before.close();
        List<Long> seenBefore = before.seqs();
        List<CommitEvent> commitsSeen = new ArrayList<>(commits(before));

        Process again = start(port);
        try {
            for (RepoWrites.Writer account : accounts) {
                Did did = Did.parse(account.did());
                Repository repo = verifiedRepo(port, did);
                for (Ack a : acked) {
                    if (a.did().equals(did)) {
                        assertThat(repo.recordCid(a.write().path())).as("acknowledged %s", a.write().path()).contains(a.write().cid());
                    }
                }
            }
            List<Ack> after = new ArrayList<>();
            for (RepoWrites.Writer account : accounts) {
                after.add(new Ack(Did.parse(account.did()), writes.post(account, "after the restart")));
            }
            long resumeFrom = seenBefore.isEmpty() ? 0 : seenBefore.getLast();
            try (FirehoseClient resumed = FirehoseClient.from(port, resumeFrom)) {
                Set<Cid> wanted = new HashSet<>(after.stream().map(a -> a.write().commit()).toList());
                assertThat(eventually(() -> commits(resumed).stream().map(CommitEvent::commit).toList().containsAll(wanted)))
                        .as("the resumed consumer reaches the new writes").isTrue();
                List<Long> all = new ArrayList<>(seenBefore);
                all.addAll(resumed.seqs());
                assertThat(all).as("seqs without gap or repeat across the kill")
                        .isEqualTo(LongStream.rangeClosed(1, all.getLast()).boxed().toList());
                commitsSeen.addAll(commits(resumed));
            }
            Set<Cid> streamed = new HashSet<>(commitsSeen.stream().map(CommitEvent::commit).toList());
            for (Ack a : acked) {
                assertThat(streamed).as("the commit of acknowledged %s was on the firehose", a.write().path()).contains(a.write().commit());
            }
            for (RepoWrites.Writer account : accounts) {
                verifiedRepo(port, Did.parse(account.did()));
            }
        } finally {
            again.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static List<CommitEvent> commits(FirehoseClient c) {
        return c.frames.stream().filter(CommitEvent.class::isInstance).map(CommitEvent.class::cast).toList();
    }

    /** The repository from getRepo, checked whole: signature with the DID document's key, MST, every record. */
    private Repository verifiedRepo(int port, Did did) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(xrpc(port, "com.atproto.sync.getRepo?did=" + did)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        CarContents car = CarReader.readAll(res.body(), CarLimits.DEFAULT, CidVerification.VERIFY);
        Repository repo = Repository.load(new MemoryBlockStore(car.blocks()), car.root());
        HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(TestPlc.url() + "/" + did)).build(),
                HttpResponse.BodyHandlers.ofString());
        String key = JSON.readTree(doc.body()).path("verificationMethod").get(0).path("publicKeyMultibase").asString();
        assertThat(repo.commit().verify(Multikey.parse(key))).as("%s is signed by its key", did).isTrue();
        repo.tree().verify();
        repo.tree().forEach((path, cid) -> assertThat(car.blocks()).as("record %s", path).containsKey(cid));
        return repo;
    }

    private RepoWrites.Writer createAccount(int port, int i) throws IOException, InterruptedException {
        String body = "{\"handle\":\"crash" + i + ".test\",\"email\":\"crash" + i + "@mail.example.com\",\"password\":\"hunter22\"}";
        JsonNode out = post(port, "com.atproto.server.createAccount", body);
        return new RepoWrites.Writer(out.path("did").asString(), out.path("accessJwt").asString());
    }

    private JsonNode post(int port, String nsid, String json) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(xrpc(port, nsid)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException(nsid + " answered " + res.statusCode() + ": " + res.body());
        }
        return JSON.readTree(res.body());
    }

    private static URI xrpc(int port, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + "/xrpc/" + pathAndQuery);
    }

    private Process start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PdsProcessMain.class.getName(),
                dir.resolve("pds").toString(), TestPlc.url(), String.valueOf(port)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> log = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            log.add(line);
        }
        Thread.ofVirtual().start(() -> {
            try {
                while (out.readLine() != null) {
                    // drained, so the child never blocks on a full pipe
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
        assertThat(line).as("the PDS process started:\n%s", String.join("\n", log)).isEqualTo("READY");
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
