package dev.skein.core.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.NullValue;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.Tid;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FirehoseFrameTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Did DID = Did.parse("did:plc:ewvi7nxzyoun6zhxrhs64oiz");
    private static final Tid REV = Tid.parse("3l4iapbyr7c2k");
    private static final Tid SINCE = Tid.parse("3l4iaoqkbwk2k");
    private static final Datetime TIME = Datetime.parse("2026-11-21T13:07:37.123Z");
    private static final Cid COMMIT = cid("commit");
    private static final Cid DATA = cid("data");
    private static final Cid PREV_DATA = cid("prevData");

    private static Cid cid(String s) {
        return Cid.ofDrisl(Drisl.encode(DataValue.of(s)));
    }

    static CommitEvent commit() {
        return CommitEvent.of(42, DID, COMMIT, REV, SINCE, new byte[] {1, 2, 3},
                List.of(RepoOp.create("app.bsky.feed.post/3l4iapbyr7c2k", cid("a")),
                        RepoOp.update("app.bsky.actor.profile/self", cid("b"), cid("b0")),
                        RepoOp.delete("app.bsky.feed.like/3l4iaoqkbwk2k", cid("c0"))),
                PREV_DATA, TIME);
    }

    static Stream<FirehoseFrame> everyKind() {
        return Stream.of(
                commit(),
                CommitEvent.of(1, DID, COMMIT, REV, null, new byte[] {9}, List.of(), null, TIME),
                new CommitEvent(7, true, true, DID, COMMIT, REV, SINCE, new byte[0], List.of(), List.of(cid("blob")), DATA, TIME),
                new SyncEvent(43, DID, new byte[] {4, 5}, REV, TIME),
                new IdentityEvent(44, DID, TIME, Handle.parse("alice.test")),
                new IdentityEvent(45, DID, TIME, null),
                new AccountEvent(46, DID, TIME, true, null),
                new AccountEvent(47, DID, TIME, false, AccountEvent.DEACTIVATED),
                new InfoEvent(InfoEvent.OUTDATED_CURSOR, "Requested cursor exceeded limit. Possibly missing events"),
                new InfoEvent("Other", null),
                new ErrorFrame(ErrorFrame.FUTURE_CURSOR, "Cursor in the future."),
                new ErrorFrame(ErrorFrame.CONSUMER_TOO_SLOW, null));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void roundTrips(FirehoseFrame frame) {
        byte[] bytes = frame.encode();
        FirehoseFrame back = FirehoseFrame.decode(bytes);
        assertThat(back).isEqualTo(frame);
        assertThat(back.encode()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void payloadsCarryNoType(FirehoseFrame frame) {
        byte[] bytes = frame.encode();
        Drisl.Decoded header = Drisl.decodePrefix(bytes, 0, DataLimits.FRAME);
        MapValue body = (MapValue) Drisl.decode(Arrays.copyOfRange(bytes, header.end(), bytes.length));
        assertThat(body.keys()).doesNotContain("$type");
        if (frame instanceof FirehoseEvent event) {
            assertThat(header.value()).isEqualTo(MapValue.builder().put("t", event.type()).put("op", 1).build());
            assertThat(event.type()).startsWith("#");
        }
    }

    @Test
    void headersHaveTheExactBytes() {
        // {t: "#commit", op: 1}: "t" sorts before "op" (shorter key first).
        assertThat(HEX.formatHex(commit().encode())).startsWith("a2" + "6174" + "67" + "23636f6d6d6974" + "626f70" + "01");
        // {op: -1}, then the payload.
        assertThat(HEX.formatHex(new ErrorFrame("FutureCursor", null).encode()))
                .isEqualTo("a1626f7020" + "a1656572726f72" + "6c" + HEX.formatHex("FutureCursor".getBytes(StandardCharsets.US_ASCII)));
        assertThat(HEX.formatHex(new SyncEvent(1, DID, new byte[0], REV, TIME).encode())).startsWith("a261746523" + "73796e63" + "626f7001");
    }

    @Test
    void commitWritesEveryRequiredFieldInCanonicalOrder() {
        MapValue body = commit().body();
        assertThat(body.keys()).containsExactly("ops", "rev", "seq", "repo", "time", "blobs", "since", "blocks",
                "commit", "rebase", "tooBig", "prevData");
        assertThat(body.get("rebase")).isEqualTo(DataValue.of(false));
        assertThat(body.get("tooBig")).isEqualTo(DataValue.of(false));
        assertThat(body.get("blobs")).isEqualTo(ArrayValue.EMPTY);
        MapValue create = (MapValue) ((ArrayValue) body.get("ops")).get(0);
        MapValue update = (MapValue) ((ArrayValue) body.get("ops")).get(1);
        MapValue delete = (MapValue) ((ArrayValue) body.get("ops")).get(2);
        assertThat(create.keys()).containsExactly("cid", "path", "action");
        assertThat(update.keys()).containsExactly("cid", "path", "prev", "action");
        assertThat(delete.keys()).containsExactly("cid", "path", "prev", "action");
        assertThat(delete.get("cid")).isEqualTo(NullValue.INSTANCE);
    }

    @Test
    void firstCommitHasANullSinceAndNoPrevData() {
        MapValue body = CommitEvent.of(1, DID, COMMIT, REV, null, new byte[0], List.of(), null, TIME).body();
        assertThat(body.get("since")).isEqualTo(NullValue.INSTANCE);
        assertThat(body.containsKey("prevData")).isFalse();
    }

    @Test
    void optionalFieldsAreOmittedNotNull() {
        assertThat(new IdentityEvent(1, DID, TIME, null).body().keys()).containsExactly("did", "seq", "time");
        assertThat(new AccountEvent(1, DID, TIME, true, null).body().keys()).containsExactly("did", "seq", "time", "active");
        assertThat(new InfoEvent("OutdatedCursor", null).body().keys()).containsExactly("name");
        assertThat(new ErrorFrame("FutureCursor", null).body().keys()).containsExactly("error");
    }

    // ------------------------------------------------------------------ framing errors

    private static InvalidFrameException rejection(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).isInstanceOf(InvalidFrameException.class);
        return (InvalidFrameException) t;
    }

    private static byte[] frame(DataValue header, DataValue body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Drisl.encode(header));
        out.writeBytes(Drisl.encode(body));
        return out.toByteArray();
    }

    private static final MapValue COMMIT_HEADER = MapValue.builder().put("t", "#commit").put("op", 1).build();

    @Test
    void rejectsTrailingBytes() {
        byte[] ok = commit().encode();
        byte[] extra = Arrays.copyOf(ok, ok.length + 1);
        assertThat(rejection(() -> FirehoseFrame.decode(extra)).reason()).isEqualTo(InvalidFrameException.Reason.TRAILING_BYTES);
        byte[] third = frame(COMMIT_HEADER, commit().body());
        byte[] three = Arrays.copyOf(third, third.length + 1);
        three[third.length] = (byte) 0xf6;
        assertThat(rejection(() -> FirehoseFrame.decode(three)).reason()).isEqualTo(InvalidFrameException.Reason.TRAILING_BYTES);
    }

    @Test
    void rejectsTruncatedAndMalformedFrames() {
        byte[] ok = commit().encode();
        for (int cut = 0; cut < ok.length; cut += 7) {
            byte[] prefix = Arrays.copyOf(ok, cut);
            assertThat(rejection(() -> FirehoseFrame.decode(prefix)).reason()).as("cut at %d", cut)
                    .isEqualTo(InvalidFrameException.Reason.MALFORMED);
        }
        byte[] headerOnly = Drisl.encode(COMMIT_HEADER);
        assertThat(rejection(() -> FirehoseFrame.decode(headerOnly)).reason()).isEqualTo(InvalidFrameException.Reason.MALFORMED);
        // Indefinite-length header map: CBOR, not DRISL.
        byte[] indefinite = HEX.parseHex("bf626f7001ff" + "a0");
        assertThat(rejection(() -> FirehoseFrame.decode(indefinite)).reason()).isEqualTo(InvalidFrameException.Reason.MALFORMED);
    }

    @Test
    void rejectsBadHeaders() {
        MapValue body = commit().body();
        assertThat(rejection(() -> FirehoseFrame.decode(frame(DataValue.of(1), body))).reason())
                .isEqualTo(InvalidFrameException.Reason.INVALID_HEADER);
        assertThat(rejection(() -> FirehoseFrame.decode(frame(MapValue.builder().put("t", "#commit").build(), body))).reason())
                .isEqualTo(InvalidFrameException.Reason.INVALID_HEADER);
        assertThat(rejection(() -> FirehoseFrame.decode(frame(MapValue.builder().put("op", "1").put("t", "#commit").build(), body))).reason())
                .isEqualTo(InvalidFrameException.Reason.INVALID_HEADER);
        assertThat(rejection(() -> FirehoseFrame.decode(frame(MapValue.builder().put("op", 1).build(), body))).reason())
                .isEqualTo(InvalidFrameException.Reason.INVALID_HEADER);
        assertThat(rejection(() -> FirehoseFrame.decode(frame(COMMIT_HEADER, DataValue.of("x")))).reason())
                .isEqualTo(InvalidFrameException.Reason.INVALID_BODY);
    }

    @Test
    void rejectsFramesOverFiveMegabytes() {
        byte[] huge = new byte[FirehoseFrame.MAX_FRAME_BYTES + 1];
        assertThat(rejection(() -> FirehoseFrame.decode(huge)).reason()).isEqualTo(InvalidFrameException.Reason.TOO_LARGE);
    }

    @Test
    void keepsUnknownTypesAndOpsForTheCallerToSkip() {
        MapValue body = MapValue.builder().put("seq", 1).put("future", true).build();
        MapValue header = MapValue.builder().put("t", "#somethingNew").put("op", 1).build();
        FirehoseFrame unknown = FirehoseFrame.decode(frame(header, body));
        assertThat(unknown).isEqualTo(new UnknownFrame(header, body));
        assertThat(((UnknownFrame) unknown).type()).isEqualTo("#somethingNew");
        assertThat(unknown.encode()).isEqualTo(frame(header, body));

        MapValue opTwo = MapValue.builder().put("op", 2).build();
        UnknownFrame other = (UnknownFrame) FirehoseFrame.decode(frame(opTwo, body));
        assertThat(other.op()).isEqualTo(2);
        assertThat(other.type()).isNull();
    }

    @Test
    void ignoresUnknownPayloadFields() {
        Map<String, DataValue> fields = commit().body().toMap();
        fields.put("someFutureField", DataValue.of("x"));
        fields.put("prev", NullValue.INSTANCE);
        assertThat(FirehoseFrame.decode(frame(COMMIT_HEADER, MapValue.of(fields)))).isEqualTo(commit());
    }

    // ------------------------------------------------------------------ payload validation

    static Stream<String> commitRequired() {
        return Stream.of("seq", "rebase", "tooBig", "repo", "commit", "rev", "since", "blocks", "ops", "blobs", "time");
    }

    @ParameterizedTest
    @MethodSource("commitRequired")
    void commitRequiresEveryLexiconField(String field) {
        Map<String, DataValue> fields = commit().body().toMap();
        fields.remove(field);
        InvalidFrameException e = rejection(() -> FirehoseFrame.decode(frame(COMMIT_HEADER, MapValue.of(fields))));
        assertThat(e.reason()).isEqualTo(InvalidFrameException.Reason.MISSING_FIELD);
        assertThat(e.field()).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "rebase", "tooBig", "repo", "commit", "rev", "since", "blocks", "ops", "blobs", "prevData", "time"})
    void commitFieldsMustHaveTheirTypes(String field) {
        Map<String, DataValue> fields = commit().body().toMap();
        // A float is impossible in DRISL; a map is the wrong type for every commit field.
        fields.put(field, MapValue.EMPTY);
        InvalidFrameException e = rejection(() -> FirehoseFrame.decode(frame(COMMIT_HEADER, MapValue.of(fields))));
        assertThat(e.reason()).isEqualTo(InvalidFrameException.Reason.WRONG_TYPE);
        assertThat(e.field()).isEqualTo(field);
    }

    @Test
    void optionalFieldsMustNotBeNull() {
        Map<String, DataValue> fields = commit().body().toMap();
        fields.put("prevData", NullValue.INSTANCE);
        assertThat(rejection(() -> FirehoseFrame.decode(frame(COMMIT_HEADER, MapValue.of(fields)))).field()).isEqualTo("prevData");
        MapValue identity = MapValue.builder().put("seq", 1).put("did", DID.value()).put("time", TIME.value()).put("handle", NullValue.INSTANCE).build();
        InvalidFrameException e = rejection(() -> FirehoseFrame.decode(frame(MapValue.builder().put("t", "#identity").put("op", 1).build(), identity)));
        assertThat(e.reason()).isEqualTo(InvalidFrameException.Reason.WRONG_TYPE);
        assertThat(e.field()).isEqualTo("handle");
    }

    @ParameterizedTest
    @ValueSource(strings = {"repo", "rev", "since", "time"})
    void commitStringFieldsMustHaveTheirSyntax(String field) {
        Map<String, DataValue> fields = commit().body().toMap();
        fields.put(field, DataValue.of("not valid"));
        InvalidFrameException e = rejection(() -> FirehoseFrame.decode(frame(COMMIT_HEADER, MapValue.of(fields))));
        assertThat(e.reason()).isEqualTo(InvalidFrameException.Reason.INVALID_FIELD);
        assertThat(e.field()).isEqualTo(field);
    }

    @Test
    void repoOpsFollowTheActionRules() {
        record Case(MapValue op, String field, InvalidFrameException.Reason reason) {}
        Cid c = cid("x");
        List<Case> cases = List.of(
                new Case(MapValue.builder().put("action", "create").put("path", "a.b.c/k").put("cid", NullValue.INSTANCE).build(), "ops[0].cid", InvalidFrameException.Reason.INVALID_FIELD),
                new Case(MapValue.builder().put("action", "create").put("path", "a.b.c/k").put("cid", c).put("prev", c).build(), "ops[0].prev", InvalidFrameException.Reason.INVALID_FIELD),
                new Case(MapValue.builder().put("action", "delete").put("path", "a.b.c/k").put("cid", c).put("prev", c).build(), "ops[0].cid", InvalidFrameException.Reason.INVALID_FIELD),
                new Case(MapValue.builder().put("action", "update").put("path", "a.b.c/k").put("cid", NullValue.INSTANCE).build(), "ops[0].cid", InvalidFrameException.Reason.INVALID_FIELD),
                new Case(MapValue.builder().put("action", "move").put("path", "a.b.c/k").put("cid", c).build(), "ops[0].action", InvalidFrameException.Reason.INVALID_FIELD),
                new Case(MapValue.builder().put("action", "create").put("path", "a.b.c").put("cid", c).build(), "ops[0].path", InvalidFrameException.Reason.INVALID_FIELD),
                new Case(MapValue.builder().put("action", "create").put("path", "a.b.c/k/x").put("cid", c).build(), "ops[0].path", InvalidFrameException.Reason.INVALID_FIELD),
                new Case(MapValue.builder().put("action", "create").put("path", "nsid/k").put("cid", c).build(), "ops[0].path", InvalidFrameException.Reason.INVALID_FIELD),
                new Case(MapValue.builder().put("action", "create").put("path", "a.b.c/..").put("cid", c).build(), "ops[0].path", InvalidFrameException.Reason.INVALID_FIELD),
                new Case(MapValue.builder().put("action", "create").put("path", "a.b.c/k").build(), "ops[0].cid", InvalidFrameException.Reason.MISSING_FIELD),
                new Case(MapValue.builder().put("action", "create").put("path", 5).put("cid", c).build(), "ops[0].path", InvalidFrameException.Reason.WRONG_TYPE));
        for (Case k : cases) {
            Map<String, DataValue> fields = commit().body().toMap();
            fields.put("ops", DataValue.array(List.of(k.op())));
            InvalidFrameException e = rejection(() -> FirehoseFrame.decode(frame(COMMIT_HEADER, MapValue.of(fields))));
            assertThat(e.field()).as(k.toString()).isEqualTo(k.field());
            assertThat(e.reason()).as(k.toString()).isEqualTo(k.reason());
        }
        // Before Sync 1.1, updates and deletes came without prev: still well-formed.
        Map<String, DataValue> fields = commit().body().toMap();
        fields.put("ops", DataValue.array(List.of(MapValue.builder().put("action", "delete").put("path", "a.b.c/k").put("cid", NullValue.INSTANCE).build())));
        assertThat(((CommitEvent) FirehoseFrame.decode(frame(COMMIT_HEADER, MapValue.of(fields)))).ops().getFirst())
                .isEqualTo(new RepoOp(RepoOp.Action.DELETE, "a.b.c/k", null, null));
    }

    @Test
    void enforcesLexiconLengths() {
        List<RepoOp> ops = new ArrayList<>();
        for (int i = 0; i <= CommitEvent.MAX_OPS; i++) {
            ops.add(RepoOp.create("app.bsky.feed.like/k" + i, cid("r" + i)));
        }
        Map<String, DataValue> fields = commit().body().toMap();
        List<DataValue> opValues = new ArrayList<>();
        ops.forEach(op -> opValues.add(op.toValue()));
        fields.put("ops", DataValue.array(opValues));
        InvalidFrameException tooMany = rejection(() -> FirehoseFrame.decode(frame(COMMIT_HEADER, MapValue.of(fields))));
        assertThat(tooMany.reason()).isEqualTo(InvalidFrameException.Reason.INVALID_FIELD);
        assertThat(tooMany.field()).isEqualTo("ops");
        assertThat(CommitEvent.of(1, DID, COMMIT, REV, null, new byte[0], ops.subList(0, CommitEvent.MAX_OPS), null, TIME).ops())
                .hasSize(CommitEvent.MAX_OPS);

        InvalidFrameException bigBlocks = rejection(() -> CommitEvent.of(1, DID, COMMIT, REV, null,
                new byte[CommitEvent.MAX_BLOCKS_BYTES + 1], List.of(), null, TIME));
        assertThat(bigBlocks.field()).isEqualTo("blocks");
        InvalidFrameException bigSync = rejection(() -> new SyncEvent(1, DID, new byte[SyncEvent.MAX_BLOCKS_BYTES + 1], REV, TIME));
        assertThat(bigSync.field()).isEqualTo("blocks");
    }

    @Test
    void sequenceNumbersArePositiveAndJavaScriptSafe() {
        assertThat(rejection(() -> new AccountEvent(0, DID, TIME, true, null)).field()).isEqualTo("seq");
        assertThat(rejection(() -> new AccountEvent(1L << 53, DID, TIME, true, null)).field()).isEqualTo("seq");
        assertThat(new AccountEvent((1L << 53) - 1, DID, TIME, true, null).seq()).isEqualTo((1L << 53) - 1);
    }

    @Test
    void errorFramesNeedAnErrorName() {
        byte[] noError = frame(MapValue.builder().put("op", -1).build(), MapValue.builder().put("message", "m").build());
        InvalidFrameException e = rejection(() -> FirehoseFrame.decode(noError));
        assertThat(e.reason()).isEqualTo(InvalidFrameException.Reason.MISSING_FIELD);
        assertThat(e.field()).isEqualTo("error");
        assertThat(rejection(() -> new ErrorFrame("#FutureCursor", null)).field()).isEqualTo("error");
    }
}
