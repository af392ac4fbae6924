package dev.skein.cli.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.cli.client.IdentityResolver;
import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.identity.DidDocument;
import dev.skein.core.identity.VerificationMethod;
import dev.skein.core.repo.RepoCommit;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.Tid;
import dev.skein.core.repo.Repository;
import dev.skein.lexicon.agent.comms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Commits signed here, fed to the consumer as frames: what it verifies, validates, filters and rejects. */
class VerifiedRecordStreamTest {
    private static final Did ALICE = Did.parse("did:plc:erfyinigcqqpnmuio2a3xyws");
    private static final Did BOB = Did.parse("did:plc:ugdagcdolppz36emzspvucb7");
    private static final Nsid NOTE = Nsid.parse("agent.memory.note");
    private static final RecordValidator VALIDATOR = RecordValidator.bundled();

    private final SigningKey key = SigningKey.generate(Curve.K256);

    /** What the listener got. */
    private static final class Collected implements StreamListener {
        final List<StreamRecord> records = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();

        @Override
        public void onRecord(StreamRecord record) {
            records.add(record);
        }

        @Override
        public void onRejectedCommit(long seq, Did did, String reason) {
            rejected.add(seq + " " + reason);
        }
    }

    private static DidDocument document(Did did, SigningKey signingKey) {
        return new DidDocument(did, List.of(DidDocument.DID_CONTEXT), List.of("at://alice.test"),
                List.of(VerificationMethod.multikey(did, "atproto", signingKey.publicKey().multibase())), List.of());
    }

    private static MapValue message(String json) {
        return (MapValue) DataJson.parse(json);
    }

    private static final MapValue VALID = message("{\"$type\":\"agent.comms.message\",\"recipients\":[\"" + BOB.value()
            + "\"],\"content\":{\"$type\":\"agent.comms.defs#parts\",\"parts\":[{\"$type\":\"agent.comms.defs#textPart\","
            + "\"text\":\"hello\"}]},\"createdAt\":\"2026-11-21T10:00:00.000Z\"}");
    private static final MapValue INVALID = message("{\"$type\":\"agent.comms.message\",\"content\":{\"$type\":"
            + "\"agent.comms.defs#parts\",\"parts\":[]},\"createdAt\":\"2026-11-21T10:00:00.000Z\"}");
    private static final MapValue NOTE_RECORD = message("{\"$type\":\"agent.memory.note\",\"content\":{\"$type\":"
            + "\"agent.memory.note#content\",\"text\":\"milk\"},\"createdAt\":\"2026-11-21T10:00:00.000Z\"}");

    private RepoCommit firstCommit() {
        return Repository.create(new MemoryBlockStore(), ALICE, Tid.of(1_000_000, 1), List.of(
                new RepoWrite.Create(Message.NSID, RecordKey.parse("3mg7tgentk22b"), VALID),
                new RepoWrite.Create(Message.NSID, RecordKey.parse("3mg7tgentk22c"), INVALID),
                new RepoWrite.Create(NOTE, RecordKey.parse("3mg7tgentk22d"), NOTE_RECORD)), key);
    }

    private VerifiedRecordStream stream(IdentityResolver identities, RecordFilter filter) {
        return new VerifiedRecordStream(URI.create("http://127.0.0.1:1"), HttpClient.newHttpClient(), identities,
                VALIDATOR, filter);
    }

    private byte[] frame(RepoCommit commit, long seq) {
        return commit.toEvent(seq, Datetime.now()).encode();
    }

    @Test
    void verifiedRecordsComeWithTheirValidation() {
        Collected got = new Collected();
        VerifiedRecordStream stream = stream(new IdentityResolver(did -> document(did, key)),
                RecordFilter.of(List.of("agent.comms.*"), List.of()));
        stream.handle(frame(firstCommit(), 7), got);

        assertThat(got.rejected).isEmpty();
        assertThat(got.records).hasSize(2).allSatisfy(r -> {
            assertThat(r.verified()).isTrue();
            assertThat(r.seq()).isEqualTo(7);
            assertThat(r.collection()).isEqualTo(Message.NSID);
        });
        assertThat(got.records.get(0).validation()).isEqualTo(Validation.VALID);
        Validation invalid = got.records.get(1).validation();
        assertThat(invalid.status()).isEqualTo(Validation.Status.INVALID);
        assertThat(invalid.errors()).anySatisfy(e -> assertThat(e).contains("recipients"));
        assertThat(got.records.get(1).toJsonLine()).contains("\"validation\":\"invalid\"").contains("\"errors\":[");
        assertThat(stream.lastSeq()).isEqualTo(7);
    }

    @Test
    void aCommitSignedByAnotherKeyIsRejectedAfterResolvingAgain() {
        AtomicInteger resolutions = new AtomicInteger();
        SigningKey other = SigningKey.generate(Curve.K256);
        Collected got = new Collected();
        stream(new IdentityResolver(did -> {
            resolutions.incrementAndGet();
            return document(did, other);
        }), RecordFilter.ALL).handle(frame(firstCommit(), 1), got);

        assertThat(got.records).isEmpty();
        assertThat(got.rejected).hasSize(1).first().asString().startsWith("1 ").contains("is not signed by the account's key");
        assertThat(resolutions).as("a rotated key is looked up once more").hasValue(2);
    }

    @Test
    void aRotatedKeyIsPickedUpWhenTheCachedOneFails() {
        AtomicReference<SigningKey> published = new AtomicReference<>(SigningKey.generate(Curve.K256));
        Collected got = new Collected();
        VerifiedRecordStream stream = stream(new IdentityResolver(did -> document(did, published.get())), RecordFilter.ALL);
        stream.handle(frame(firstCommit(), 1), got);
        assertThat(got.rejected).hasSize(1);

        published.set(key);
        RepoCommit first = firstCommit();
        RepoCommit second = first.repository().apply(List.of(new RepoWrite.Delete(NOTE, RecordKey.parse("3mg7tgentk22d"))),
                Tid.of(2_000_000, 1), key);
        stream.handle(frame(second, 2), got);
        assertThat(got.records).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("delete");
            assertThat(r.record()).isNull();
            assertThat(r.validation()).isNull();
        });
    }

    @Test
    void aReplayedOrOlderRevIsRejected() {
        Collected got = new Collected();
        VerifiedRecordStream stream = stream(new IdentityResolver(did -> document(did, key)), RecordFilter.ALL);
        byte[] frame = frame(firstCommit(), 1);
        stream.handle(frame, got);
        stream.handle(frame, got);
        assertThat(got.records).hasSize(3);
        assertThat(got.rejected).singleElement().asString().contains("is not newer than");
    }

    @Test
    void otherAccountsAndCollectionsAreFilteredOutBeforeVerification() {
        AtomicInteger resolutions = new AtomicInteger();
        Collected got = new Collected();
        stream(new IdentityResolver(did -> {
            resolutions.incrementAndGet();
            return document(did, key);
        }), RecordFilter.of(List.of(), List.of(BOB.value()))).handle(frame(firstCommit(), 1), got);
        assertThat(got.records).isEmpty();
        assertThat(got.rejected).isEmpty();
        assertThat(resolutions).hasValue(0);

        Collected notes = new Collected();
        stream(new IdentityResolver(did -> document(did, key)), RecordFilter.of(List.of("agent.memory.note"), List.of()))
                .handle(frame(firstCommit(), 1), notes);
        assertThat(notes.records).singleElement().satisfies(r -> assertThat(r.validation()).isEqualTo(Validation.VALID));
    }

    @Test
    void theSubscribeUrlCarriesTheCursor() {
        assertThat(VerifiedRecordStream.url(URI.create("http://127.0.0.1:2584/"), Optional.of(0L)))
                .hasToString("ws://127.0.0.1:2584/xrpc/com.atproto.sync.subscribeRepos?cursor=0");
        assertThat(VerifiedRecordStream.url(URI.create("https://relay.example.com"), Optional.empty()))
                .hasToString("wss://relay.example.com/xrpc/com.atproto.sync.subscribeRepos");
    }
}
