package dev.skein.cli.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.syntax.Did;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JetstreamRecordStreamTest {
    private static final String ALICE = "did:plc:erfyinigcqqpnmuio2a3xyws";

    private final List<StreamRecord> records = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final StreamListener listener = new StreamListener() {
        @Override
        public void onRecord(StreamRecord record) {
            records.add(record);
        }

        @Override
        public void onRejectedCommit(long seq, Did did, String reason) {
            throw new AssertionError("Jetstream has no commits to reject");
        }

        @Override
        public void onNotice(String name, String message) {
            notices.add(name);
        }
    };

    private static JetstreamRecordStream stream(RecordFilter filter) {
        return new JetstreamRecordStream(URI.create("http://127.0.0.1:2584"), HttpClient.newHttpClient(),
                RecordValidator.bundled(), filter);
    }

    private static byte[] commit(String collection, String record) {
        return ("{\"did\":\"" + ALICE + "\",\"time_us\":1732190000000001,\"kind\":\"commit\",\"commit\":{\"rev\":"
                + "\"3mg7tgentk22b\",\"operation\":\"create\",\"collection\":\"" + collection + "\",\"rkey\":\"3mg7tgentk22b\","
                + "\"record\":" + record + ",\"cid\":\"bafyreiheonp5lexy2pi3lhtqub3vadilwy3yrxl6sfiks2rstgl5x5apia\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsAreValidatedButNeverVerified() {
        JetstreamRecordStream s = stream(RecordFilter.of(List.of("agent.comms.*"), List.of()));
        s.handle(commit("agent.comms.message", "{\"$type\":\"agent.comms.message\",\"recipients\":[\"" + ALICE
                + "\"],\"content\":{\"$type\":\"agent.comms.defs#parts\",\"parts\":[{\"$type\":\"agent.comms.defs#textPart\","
                + "\"text\":\"hi\"}]},\"createdAt\":\"2026-11-21T10:00:00.000Z\"}"), listener);
        s.handle(commit("agent.comms.message", "{\"$type\":\"agent.comms.message\",\"createdAt\":\"yesterday\"}"), listener);
        s.handle(commit("agent.memory.note", "{}"), listener);
        s.handle("{\"did\":\"did:plc:erfyinigcqqpnmuio2a3xyws\",\"time_us\":5,\"kind\":\"identity\",\"identity\":{}}"
                .getBytes(StandardCharsets.UTF_8), listener);
        s.handle("not json".getBytes(StandardCharsets.UTF_8), listener);

        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.verified()).isFalse();
            assertThat(r.seq()).isEqualTo(1732190000000001L);
        });
        assertThat(records.get(0).validation()).isEqualTo(Validation.VALID);
        assertThat(records.get(1).validation().status()).isEqualTo(Validation.Status.INVALID);
        assertThat(records.get(1).validation().errors()).anySatisfy(e -> assertThat(e).contains("createdAt"));
        assertThat(notices).containsExactly("InvalidEvent");
    }

    @Test
    void theSubscribeUrlCarriesTheFilterAndCursor() {
        RecordFilter f = RecordFilter.of(List.of("agent.comms.*", "agent.memory.note"), List.of(ALICE));
        assertThat(JetstreamRecordStream.url(URI.create("http://127.0.0.1:2584"), f, Optional.of(0L)))
                .hasToString("ws://127.0.0.1:2584/subscribe?wantedCollections=agent.comms.*&wantedCollections=agent.memory.note"
                        + "&wantedDids=did%3Aplc%3Aerfyinigcqqpnmuio2a3xyws&cursor=0");
    }
}
