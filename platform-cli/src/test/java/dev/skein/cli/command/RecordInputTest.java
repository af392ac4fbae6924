package dev.skein.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.cli.CliContext;
import dev.skein.cli.UsageError;
import dev.skein.cli.stream.RecordValidator;
import dev.skein.cli.stream.Validation;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.lexicon.agent.comms.Message;
import dev.skein.xrpc.client.XrpcClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordInputTest {
    private static final Nsid NOTE = Nsid.parse("agent.memory.note");

    @TempDir
    Path dir;

    private static CliContext withStdin(String stdin) {
        return new CliContext(Map.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Optional::empty,
                XrpcClient.defaultHttp());
    }

    @Test
    void aRecordComesFromTextAFileOrStandardInput() throws IOException {
        Path file = dir.resolve("r.json");
        Files.writeString(file, "{\"from\":\"file\"}");
        assertThat(RecordInput.read(withStdin(""), "{\"from\":\"text\"}").getString("from")).contains("text");
        assertThat(RecordInput.read(withStdin(""), "@" + file).getString("from")).contains("file");
        assertThat(RecordInput.read(withStdin("{\"from\":\"stdin\"}"), null).getString("from")).contains("stdin");
        assertThat(RecordInput.read(withStdin("{\"from\":\"stdin\"}"), "-").getString("from")).contains("stdin");
        assertThatThrownBy(() -> RecordInput.read(withStdin(""), "[1]")).isInstanceOf(UsageError.class);
        assertThatThrownBy(() -> RecordInput.read(withStdin(""), "{")).isInstanceOf(UsageError.class);
    }

    @Test
    void createFillsTypeAndCreatedAtOnlyWhenMissing() {
        Datetime now = Datetime.parse("2026-11-21T10:00:00.000Z");
        MapValue filled = RecordInput.withTypeAndCreatedAt((MapValue) DataJson.parse("{\"text\":\"x\"}"), NOTE, now);
        assertThat(filled.getString("$type")).contains("agent.memory.note");
        assertThat(filled.getString("createdAt")).contains(now.value());
        MapValue kept = RecordInput.withTypeAndCreatedAt(
                (MapValue) DataJson.parse("{\"$type\":\"other.thing\",\"createdAt\":\"2020-01-01T00:00:00Z\"}"), NOTE, now);
        assertThat(kept.getString("$type")).as("the PDS refuses the mismatch with a clear error").contains("other.thing");
        assertThat(kept.getString("createdAt")).contains("2020-01-01T00:00:00Z");
    }

    @Test
    void messageSendWritesAValidAgentCommsMessage() {
        Did bob = Did.parse("did:plc:ugdagcdolppz36emzspvucb7");
        Message m = MessageCommand.Send.message(List.of(bob), "hello", Datetime.parse("2026-11-21T10:00:00.000Z"));
        MapValue value = m.toValue();
        assertThat(value.getString("$type")).contains(Message.ID);
        assertThat(RecordValidator.bundled().validate(Message.NSID, RecordKey.parse("3mg7tgentk22b"), value))
                .isEqualTo(Validation.VALID);
        assertThat(new RecordValidator(LexiconCatalog.EMPTY).validate(Message.NSID, RecordKey.parse("3mg7tgentk22b"), value))
                .as("a collection without a schema").isEqualTo(Validation.UNKNOWN);
    }
}
