package dev.skein.pds.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.data.MapValue;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.TidClock;
import dev.skein.pds.PdsProperties;
import dev.skein.pds.account.AccountStatus;
import dev.skein.pds.account.AccountStore;
import dev.skein.pds.repo.RepoStore;
import dev.skein.pds.store.PdsDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bulk block reads for exports: one pass or level by level down the tree give the same CAR; partial exports
 * page. The repository is built directly in the storage, which is what is under test here.
 */
class RepoBlocksTest {
    private static final Did DID = Did.parse("did:plc:repoblockstest");
    private static final Nsid POST = Nsid.parse("app.bsky.feed.post");

    @Test
    void bothWaysOfReadingTheTreeExportTheSameRepositoryAndSincePages(@TempDir Path dir) throws IOException {
        try (PdsDatabase db = PdsDatabase.open(PdsProperties.defaults(dir, URI.create("http://127.0.0.1:1")))) {
            db.migrate();
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            new AccountStore(jdbc).insert(DID, Handle.parse("blocks.test"), Optional.empty(), Optional.empty(),
                    AccountStatus.ACTIVE, new byte[] {1}, Instant.now());
            RepoStore repos = new RepoStore(jdbc);
            SigningKey key = SigningKey.generate(Curve.K256);
            TidClock tids = TidClock.withRandomClockId(Optional.empty());
            RepoCommit c = Repository.create(new MemoryBlockStore(), DID, tids.next(), List.of(), key);
            repos.saveCommit(c, Instant.now());
            List<RepoCommit> commits = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                List<RepoWrite> writes = new ArrayList<>();
                for (int j = 0; j < 5; j++) {
                    writes.add(new RepoWrite.Create(POST, RecordKey.of(tids.next()), post("p " + i + "/" + j)));
                }
                c = Repository.load(repos.blocks(DID), c.cid()).apply(writes, tids.next(), key);
                repos.saveCommit(c, Instant.now());
                commits.add(c);
            }
            Cid head = c.cid();

            Map<Cid, byte[]> walked = new RepoBlocks(jdbc, 0).tree(DID, head);
            Map<Cid, byte[]> whole = new RepoBlocks(jdbc).tree(DID, head);
            assertThat(whole.size()).as("the one-pass read has older revisions' blocks too").isGreaterThan(walked.size());
            assertThat(whole).containsAllEntriesOf(walked);
            byte[] fromWalk = export(walked, head);
            assertThat(export(whole, head)).isEqualTo(fromWalk);
            ByteArrayOutputStream direct = new ByteArrayOutputStream();
            Repository.load(repos.blocks(DID), head).exportCar(direct);
            assertThat(fromWalk).isEqualTo(direct.toByteArray());
            assertThat(walked).as("only the current tree: commit, nodes, 300 records").hasSizeLessThan(300 + 200);

            RepoCommit since = commits.get(49);
            Set<Cid> paged = new HashSet<>();
            Optional<RepoBlocks.RevBlock> last = Optional.empty();
            RepoBlocks blocks = new RepoBlocks(jdbc);
            while (true) {
                List<RepoBlocks.RevBlock> page = blocks.since(DID, since.commit().rev(), c.commit().rev(), last, 7);
                page.forEach(b -> assertThat(paged.add(b.block().cid())).as("each block once").isTrue());
                if (page.size() < 7) {
                    break;
                }
                last = Optional.of(page.getLast());
            }
            Set<String> expected = new HashSet<>(jdbc.sql("SELECT cid FROM repo_block WHERE did = ? AND rev > ?")
                    .param(DID.value()).param(since.commit().rev().value()).query(String.class).list());
            assertThat(paged.stream().map(Cid::toString).toList()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(paged).contains(head).doesNotContain(since.cid());
        }
    }

    private static MapValue post(String text) {
        return MapValue.builder().put("$type", POST.value()).put("text", text).put("createdAt", "2026-05-01T00:00:00.000Z").build();
    }

    private static byte[] export(Map<Cid, byte[]> blocks, Cid head) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Repository.load(new MemoryBlockStore(blocks), head).exportCar(out);
        return out.toByteArray();
    }
}
