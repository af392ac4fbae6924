package dev.skein.core.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Our frames against the reference: {@code @atproto/xrpc-server}'s {@code Frame.fromBytes} splits them, the
 * {@code subscribeRepos} lexicon (from {@code @atproto/api}) accepts every message payload, and the
 * reference re-encodes each frame to the same bytes.
 */
@RequiresNode
class FirehoseNodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private static JsonNode check(List<byte[]> frames) {
        List<String> hex = frames.stream().map(HEX::formatHex).toList();
        JsonNode answers = JSON.readTree(NodeInterop.runOk("firehose-check.mjs", JSON.writeValueAsString(hex)));
        assertThat(answers.size()).isEqualTo(frames.size());
        return answers;
    }

    @Test
    void referenceDecodesAndValidatesEveryFrameWeWrite() {
        List<FirehoseFrame> frames = FirehoseFrameTest.everyKind().toList();
        JsonNode answers = check(frames.stream().map(FirehoseFrame::encode).toList());
        for (int i = 0; i < frames.size(); i++) {
            FirehoseFrame frame = frames.get(i);
            JsonNode a = answers.get(i);
            assertThat(a.get("valid").asBoolean()).as("%s: %s", frame, a).isTrue();
            assertThat(a.get("reencoded").asString()).as("re-encoded %s", frame).isEqualTo(HEX.formatHex(frame.encode()));
            switch (frame) {
                case FirehoseEvent e -> {
                    assertThat(a.get("op").asInt()).isEqualTo(1);
                    assertThat(a.get("t").asString()).isEqualTo(e.type());
                }
                case ErrorFrame e -> {
                    assertThat(a.get("op").asInt()).isEqualTo(-1);
                    assertThat(a.get("error").asString()).isEqualTo(e.error());
                }
                case UnknownFrame u -> throw new AssertionError("not produced here: " + u);
            }
        }
    }

    @Test
    void referenceRejectsWhatTheLexiconForbids() {
        // The harness must be able to fail: drop each field the lexicon requires of #commit.
        List<String> required = List.of("seq", "rebase", "tooBig", "repo", "commit", "rev", "since", "blocks", "ops", "blobs", "time");
        List<byte[]> frames = new ArrayList<>();
        MapValue header = MapValue.builder().put("t", "#commit").put("op", 1).build();
        for (String field : required) {
            Map<String, DataValue> body = FirehoseFrameTest.commit().body().toMap();
            body.remove(field);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(Drisl.encode(header));
            out.writeBytes(Drisl.encode(MapValue.of(body)));
            frames.add(out.toByteArray());
        }
        JsonNode answers = check(frames);
        for (int i = 0; i < required.size(); i++) {
            assertThat(answers.get(i).get("valid").asBoolean()).as("without %s: %s", required.get(i), answers.get(i)).isFalse();
        }
        byte[] ok = FirehoseFrameTest.commit().encode();
        byte[] trailing = Arrays.copyOf(ok, ok.length + 1);
        trailing[ok.length] = (byte) 0xf6;
        assertThat(check(List.of(trailing)).get(0).get("error").asString()).startsWith("frame:");
    }
}
