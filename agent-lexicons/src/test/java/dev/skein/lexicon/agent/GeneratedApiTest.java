package dev.skein.lexicon.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.lexicon.LexiconValidator;
import dev.skein.core.syntax.AtUri;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.LanguageTag;
import dev.skein.lexicon.agent.comms.Defs;
import dev.skein.lexicon.agent.comms.Message;
import dev.skein.lexicon.agent.comms.Response;
import dev.skein.lexicon.agent.memory.Fact;
import dev.skein.lexicon.agent.trust.Allowlist;
import dev.skein.lexicon.com.atproto.repo.StrongRef;
import dev.skein.lexicon.runtime.LexiconDataException;
import dev.skein.lexicon.runtime.LexiconDataException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generated API used as services use it: built in code, validated, read back, with its errors. */
class GeneratedApiTest {
    private static final Did ALICE = Did.parse("did:plc:erfyinigcqqpnmuio2a3xyws");
    private static final Did BOB = Did.parse("did:plc:ugdagcdolppz36emzspvucb7");
    private static final StrongRef REQUEST = new StrongRef(
            AtUri.parse("at://did:plc:erfyinigcqqpnmuio2a3xyws/agent.comms.request/3mg7tgentk22b"),
            Cid.parse("bafyreiheonp5lexy2pi3lhtqub3vadilwy3yrxl6sfiks2rstgl5x5apia"));

    private static LexiconValidator validator() throws IOException {
        LexiconCatalog.Builder b = LexiconCatalog.builder();
        try (Stream<Path> walk = Files.walk(AgentExamples.LEXICONS)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.toString().contains("/examples/")).toList()) {
                b.addJson(Files.readAllBytes(p), p.toString());
            }
        }
        return new LexiconValidator(b.build());
    }

    private static Message message() {
        Defs.TextPart text = new Defs.TextPart("The audit is **done**.")
                .withMediaType(Defs.TextPart.MEDIA_TYPE_TEXT_MARKDOWN)
                .withLangs(List.of(LanguageTag.parse("en")));
        Defs.Parts parts = new Defs.Parts(List.of(new Defs.Parts.PartsUnion.TextPart(text)));
        return new Message(List.of(BOB), new Message.ContentUnion.Parts(parts), Datetime.parse("2026-03-02T09:14:05.120Z"))
                .withTask(REQUEST);
    }

    @Test
    void nsidConstantsNameTheLexicons() {
        assertThat(Message.NSID.toString()).isEqualTo("agent.comms.message").isEqualTo(Message.ID);
        assertThat(Defs.NSID.toString()).isEqualTo("agent.comms.defs");
        assertThat(StrongRef.NSID.toString()).isEqualTo("com.atproto.repo.strongRef");
        assertThat(Defs.TextPart.TYPE).isEqualTo("agent.comms.defs#textPart");
        assertThat(Response.STATE_INPUT_REQUIRED).isEqualTo("input-required");
        assertThat(Allowlist.DEFAULT_ACTION_DENY).isEqualTo("deny");
    }

    @Test
    void aRecordBuiltInCodeIsValidAndWritesTheSchemasShape() throws IOException {
        Message message = message();
        MapValue value = message.toValue();

        assertThat(validator().validateRecord(Message.NSID, value)).isEmpty();
        assertThat(DataJson.writeString(value)).isEqualTo("{\"task\":{\"cid\":\"bafyreiheonp5lexy2pi3lhtqub3vadilwy3yrxl6"
                + "sfiks2rstgl5x5apia\",\"uri\":\"at://did:plc:erfyinigcqqpnmuio2a3xyws/agent.comms.request/3mg7tgentk22b\"},"
                + "\"$type\":\"agent.comms.message\",\"content\":{\"$type\":\"agent.comms.defs#parts\",\"parts\":[{\"text\":"
                + "\"The audit is **done**.\",\"$type\":\"agent.comms.defs#textPart\",\"langs\":[\"en\"],\"mediaType\":"
                + "\"text/markdown\"}]},\"createdAt\":\"2026-03-02T09:14:05.120Z\",\"recipients\":"
                + "[\"did:plc:ugdagcdolppz36emzspvucb7\"]}");
        assertThat(Message.fromValue(value)).isEqualTo(message);
    }

    @Test
    void fieldsTheSchemaDoesNotDeclareAreKept() {
        MapValue value = MapValue.builder().put("$type", "agent.memory.fact")
                .put("content", MapValue.builder().put("$type", "agent.memory.fact#statement")
                        .put("subject", "Dana").put("predicate", "works at").put("object", "Northwind")
                        .put("mood", "sure").build())
                .put("createdAt", "2026-03-02T09:14:30Z")
                .put("addedLater", 7)
                .build();

        Fact fact = Fact.fromValue(value);

        assertThat(fact.otherFields()).isEqualTo(MapValue.builder().put("addedLater", 7).build());
        assertThat(fact.content()).isInstanceOfSatisfying(Fact.ContentUnion.Statement.class, s ->
                assertThat(s.value().otherFields().get("mood")).isEqualTo(DataValue.of("sure")));
        assertThat(fact.toValue()).isEqualTo(value);
    }

    @Test
    void anOpenUnionKeepsAVariantItDoesNotKnow() {
        MapValue future = MapValue.builder().put("$type", "agent.comms.defs#audioPart").put("seconds", 12).build();
        MapValue parts = MapValue.builder().put("$type", "agent.comms.defs#parts")
                .put("parts", DataValue.array(List.of(future))).build();
        MapValue withFuture = MapValue.builder().put("$type", "agent.comms.message")
                .put("recipients", DataValue.array(List.of(DataValue.of(BOB.toString()))))
                .put("content", parts).put("createdAt", "2026-03-02T09:14:05.120Z").build();

        Message read = Message.fromValue(withFuture);

        Message.ContentUnion.Parts content = (Message.ContentUnion.Parts) read.content();
        assertThat(content.value().parts()).singleElement()
                .isEqualTo(new Defs.Parts.PartsUnion.Unknown(future))
                .satisfies(u -> assertThat(u.type()).isEqualTo("agent.comms.defs#audioPart"));
        assertThat(read.toValue()).isEqualTo(withFuture);
    }

    @Test
    void errorsNameTheRuleAndThePath() {
        MapValue value = message().toValue();
        MapValue badText = (MapValue) DataJson.parse(DataJson.writeString(value).replace(
                "\"text\":\"The audit is **done**.\"", "\"text\":42"));
        assertThatThrownBy(() -> Message.fromValue(badText)).isInstanceOfSatisfying(LexiconDataException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.WRONG_KIND);
            assertThat(e.path()).isEqualTo("/content/parts/0/text");
        });

        MapValue badDid = (MapValue) DataJson.parse(DataJson.writeString(value).replace(
                "did:plc:ugdagcdolppz36emzspvucb7", "bob.example.com"));
        assertThatThrownBy(() -> Message.fromValue(badDid)).isInstanceOfSatisfying(LexiconDataException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_FORMAT);
            assertThat(e.path()).isEqualTo("/recipients/0");
        });

        MapValue wrongType = (MapValue) DataJson.parse(DataJson.writeString(value).replace(
                "\"$type\":\"agent.comms.message\"", "\"$type\":\"agent.comms.broadcast\""));
        assertThatThrownBy(() -> Message.fromValue(wrongType)).isInstanceOfSatisfying(LexiconDataException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE));

        MapValue noCreatedAt = (MapValue) DataJson.parse(DataJson.writeString(value).replace(
                ",\"createdAt\":\"2026-03-02T09:14:05.120Z\"", ""));
        assertThatThrownBy(() -> Message.fromValue(noCreatedAt)).isInstanceOfSatisfying(LexiconDataException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_FIELD);
                    assertThat(e.path()).isEqualTo("/createdAt");
                });
    }

    @Test
    void constructorsRefuseWhatCouldNotBeWritten() {
        assertThatThrownBy(() -> new Message(List.of(BOB), null, Datetime.now())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StrongRef(REQUEST.uri(), REQUEST.cid(),
                MapValue.builder().put("uri", "at://did:plc:x/a.b.c/d").build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Allowlist(Allowlist.DEFAULT_ACTION_ALLOW, List.of(), Datetime.now(),
                MapValue.builder().put("$type", "agent.trust.block").build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Allowlist(Allowlist.DEFAULT_ACTION_ALLOW, List.of(), Datetime.now()).otherFields())
                .isEqualTo(MapValue.EMPTY);
        assertThat(message().reply()).isEqualTo(Optional.empty());
    }
}
