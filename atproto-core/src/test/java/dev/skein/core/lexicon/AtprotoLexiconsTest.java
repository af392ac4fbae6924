package dev.skein.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.StringValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.testsupport.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The com.atproto.* and app.bsky.* lexicons of lexicons/: the folder loads as one catalog whose references all
 * resolve, each file is named after its NSID, the set is the one a PDS needs, and Bluesky records written by agents
 * (the examples beside the app.bsky schemas, and limits crossed here) get the verdicts the published schemas give.
 * Equality with the published definitions themselves is checked by {@link AtprotoLexiconsNodeInteropTest}.
 */
class AtprotoLexiconsTest {
    static final Path LEXICONS = TestEnvironment.projectDir().resolve("lexicons");
    private static final String EXAMPLES = "examples";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final LexiconCatalog CATALOG = catalog();
    private static final LexiconValidator VALIDATOR = new LexiconValidator(CATALOG);

    private static final Nsid POST = Nsid.parse("app.bsky.feed.post");
    private static final Nsid PROFILE = Nsid.parse("app.bsky.actor.profile");
    private static final String CREATED_AT = "2026-03-02T09:14:05.120Z";
    private static final String IMAGE_CID = "bafkreigchzspttmq5p3olfglsrhx7aojqxkjgkye7663o362gba5dd2llm";

    /** The NSIDs the PDS issue names; the folder has these and what they reference, and more com.atproto methods. */
    private static final List<String> NAMED = List.of(
            "com.atproto.server.describeServer", "com.atproto.server.createAccount", "com.atproto.server.createSession",
            "com.atproto.server.refreshSession", "com.atproto.server.getSession", "com.atproto.server.deleteSession",
            "com.atproto.server.getServiceAuth", "com.atproto.server.activateAccount",
            "com.atproto.server.deactivateAccount", "com.atproto.server.deleteAccount",
            "com.atproto.server.requestAccountDelete", "com.atproto.server.checkAccountStatus",
            "com.atproto.server.createAppPassword", "com.atproto.server.listAppPasswords",
            "com.atproto.server.revokeAppPassword", "com.atproto.server.createInviteCode",
            "com.atproto.server.createInviteCodes", "com.atproto.server.defs",
            "com.atproto.identity.resolveHandle", "com.atproto.identity.updateHandle",
            "com.atproto.identity.getRecommendedDidCredentials", "com.atproto.identity.signPlcOperation",
            "com.atproto.identity.submitPlcOperation", "com.atproto.identity.requestPlcOperationSignature",
            "com.atproto.identity.resolveDid", "com.atproto.identity.resolveIdentity", "com.atproto.identity.defs",
            "com.atproto.repo.createRecord", "com.atproto.repo.putRecord", "com.atproto.repo.deleteRecord",
            "com.atproto.repo.applyWrites", "com.atproto.repo.getRecord", "com.atproto.repo.listRecords",
            "com.atproto.repo.describeRepo", "com.atproto.repo.uploadBlob", "com.atproto.repo.listMissingBlobs",
            "com.atproto.repo.importRepo", "com.atproto.repo.strongRef", "com.atproto.repo.defs",
            "com.atproto.sync.getRepo", "com.atproto.sync.getLatestCommit", "com.atproto.sync.getRecord",
            "com.atproto.sync.getBlocks", "com.atproto.sync.listRepos", "com.atproto.sync.getRepoStatus",
            "com.atproto.sync.getBlob", "com.atproto.sync.listBlobs", "com.atproto.sync.requestCrawl",
            "com.atproto.sync.notifyOfUpdate", "com.atproto.sync.subscribeRepos", "com.atproto.sync.listHosts",
            "com.atproto.sync.getHostStatus", "com.atproto.sync.defs",
            "com.atproto.admin.defs", "com.atproto.admin.getAccountInfo", "com.atproto.admin.getAccountInfos",
            "com.atproto.admin.updateSubjectStatus", "com.atproto.admin.getSubjectStatus",
            "com.atproto.admin.deleteAccount", "com.atproto.admin.disableAccountInvites",
            "com.atproto.admin.enableAccountInvites", "com.atproto.admin.updateAccountHandle",
            "com.atproto.admin.updateAccountEmail", "com.atproto.admin.updateAccountPassword",
            "com.atproto.admin.searchAccounts", "com.atproto.admin.sendEmail",
            "com.atproto.label.defs", "com.atproto.label.subscribeLabels", "com.atproto.label.queryLabels",
            "com.atproto.lexicon.schema", "com.atproto.moderation.createReport", "com.atproto.moderation.defs",
            "app.bsky.feed.post", "app.bsky.actor.profile", "app.bsky.graph.follow", "app.bsky.feed.like",
            "app.bsky.feed.repost", "app.bsky.richtext.facet", "app.bsky.embed.images", "app.bsky.embed.external",
            "app.bsky.embed.record", "app.bsky.embed.recordWithMedia", "app.bsky.embed.video", "app.bsky.embed.defs",
            "app.bsky.feed.defs", "app.bsky.actor.defs", "app.bsky.graph.defs");

    /** Every lexicon file of the folder; the examples folders beside them hold records, not lexicons. */
    static List<Path> schemaFiles() {
        try (Stream<Path> walk = Files.walk(LEXICONS)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .filter(p -> !LEXICONS.relativize(p).toString().contains(EXAMPLES))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The com.atproto.* and app.bsky.* files, the ones this class is about. */
    static List<Path> atprotoFiles() {
        return schemaFiles().stream().filter(p -> isAtproto(LEXICONS.relativize(p).getName(0).toString())).toList();
    }

    static boolean isAtproto(String nsidOrNamespace) {
        return nsidOrNamespace.startsWith("com.atproto.") || nsidOrNamespace.startsWith("app.bsky.");
    }

    /** The NSID a file must declare: its folder (the namespace) and its name. */
    static Nsid expectedId(Path file) {
        Path rel = LEXICONS.relativize(file);
        String name = rel.getFileName().toString();
        return Nsid.parse(rel.getParent() + "." + name.substring(0, name.length() - ".json".length()));
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole folder, as the services load it. Not {@link LexiconCatalog#fromFolder}, which would also take the
     * example records for lexicons; it goes through the same {@code addJson} per file.
     */
    private static LexiconCatalog catalog() {
        LexiconCatalog.Builder builder = LexiconCatalog.builder();
        for (Path file : schemaFiles()) {
            builder.addJson(read(file), file.toString());
        }
        return builder.build();
    }

    @Test
    void theWholeFolderLoadsAndEveryReferenceResolves() {
        assertThat(CATALOG.size()).isEqualTo(schemaFiles().size());
        assertThat(CATALOG.checkRefs()).isSameAs(CATALOG);
    }

    @Test
    void everyFileIsNamedAfterTheNsidItDeclares() {
        for (Path file : atprotoFiles()) {
            LexiconDocument doc = LexiconParser.parse(read(file));
            assertThat(doc.id()).as("%s", LEXICONS.relativize(file)).isEqualTo(expectedId(file));
        }
    }

    @Test
    void theFolderHoldsTheLexiconsAPdsNeeds() {
        List<String> ids = CATALOG.documents().stream().map(d -> d.id().toString()).toList();
        assertThat(ids).containsAll(NAMED);
        assertThat(ids.stream().filter(id -> id.startsWith("com.atproto."))).hasSize(88)
                .noneMatch(id -> id.startsWith("com.atproto.temp."));
        assertThat(ids.stream().filter(id -> id.startsWith("app.bsky."))).hasSize(20);
        assertThat(atprotoFiles()).hasSize(108);
    }

    @Test
    void recordTypesHaveTheirPublishedKeys() {
        Map<String, String> keys = Map.of("app.bsky.feed.post", "tid", "app.bsky.actor.profile", "literal:self",
                "app.bsky.graph.follow", "tid", "app.bsky.feed.like", "tid", "app.bsky.feed.repost", "tid",
                "app.bsky.feed.threadgate", "tid", "app.bsky.feed.postgate", "tid", "com.atproto.lexicon.schema", "nsid");
        keys.forEach((id, key) -> assertThat(CATALOG.find(id)).get()
                .isInstanceOfSatisfying(LexRecord.class, r -> assertThat(r.key()).hasToString(key)));
        MapValue profile = TestCatalog.object("{'$type': 'app.bsky.actor.profile', 'displayName': 'Audit Agent'}");
        assertThat(VALIDATOR.validateRecord(PROFILE, RecordKey.parse("self"), profile)).isEmpty();
        assertThat(VALIDATOR.validateRecord(PROFILE, RecordKey.parse("3lbqzq7wqak2c"), profile))
                .extracting(ValidationError::rule).containsExactly(ValidationRule.RECORD_KEY);
        MapValue post = post(new StringValue("hello"));
        assertThat(VALIDATOR.validateRecord(POST, RecordKey.parse("3lbqzq7wqak2c"), post)).isEmpty();
        assertThat(VALIDATOR.validateRecord(POST, RecordKey.parse("self"), post))
                .extracting(ValidationError::rule).containsExactly(ValidationRule.RECORD_KEY);
    }

    /** One example record: its file, its collection, and for an invalid one why and the rule it breaks. */
    record Example(String label, Nsid type, MapValue record, String why, String rule) {
        boolean valid() {
            return why == null;
        }
    }

    /** Every record of every {@code *-valid.json} and {@code *-invalid.json} under the app.bsky folders. */
    static List<Example> examples() {
        List<Example> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(LEXICONS)) {
            files = walk.filter(p -> p.getParent().getFileName().toString().equals(EXAMPLES))
                    .filter(p -> isAtproto(p.getParent().getParent().getFileName().toString()))
                    .filter(p -> p.toString().endsWith("-valid.json") || p.toString().endsWith("-invalid.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String base = name.substring(0, name.lastIndexOf('-'));
            Nsid type = Nsid.parse(file.getParent().getParent().getFileName() + "." + base);
            JsonNode items = JSON.readTree(read(file));
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                boolean invalid = item.has("why");
                MapValue record = (MapValue) DataJson.parse(JSON.writeValueAsBytes(invalid ? item.get("record") : item));
                String label = name + "[" + i + "]" + (invalid ? " " + item.get("why").asString() : "");
                out.add(invalid
                        ? new Example(label, type, record, item.get("why").asString(), item.get("rule").asString())
                        : new Example(label, type, record, null, null));
            }
        }
        return out;
    }

    static Stream<Arguments> validExamples() {
        return examples().stream().filter(Example::valid).map(e -> Arguments.of(e.label(), e));
    }

    static Stream<Arguments> invalidExamples() {
        return examples().stream().filter(e -> !e.valid()).map(e -> Arguments.of(e.label(), e));
    }

    @Test
    void everyBlueskyRecordTypeHasExamplesOfBothKinds() {
        List<Example> all = examples();
        for (String type : List.of("app.bsky.feed.post", "app.bsky.actor.profile", "app.bsky.graph.follow",
                "app.bsky.feed.like", "app.bsky.feed.repost", "app.bsky.feed.threadgate", "app.bsky.feed.postgate")) {
            assertThat(all).as(type).filteredOn(e -> e.type().toString().equals(type) && e.valid()).isNotEmpty();
            assertThat(all).as(type).filteredOn(e -> e.type().toString().equals(type) && !e.valid()).isNotEmpty();
        }
        assertThat(all.stream().filter(e -> e.type().equals(POST))).hasSizeGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void validExampleIsAccepted(String label, Example example) {
        assertThat(VALIDATOR.validateRecord(example.type(), example.record())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExampleIsRejectedForTheRuleItNames(String label, Example example) {
        List<ValidationError> errors = VALIDATOR.validateRecord(example.type(), example.record());
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().rule().specName()).as("%s", errors).isEqualTo(example.rule());
    }

    @Test
    void postTextIsLimitedTo300GraphemesAnd3000Bytes() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // one grapheme, 18 UTF-8 bytes
        // 166 families and 12 letters: 178 graphemes in exactly 3000 bytes; one letter more crosses maxLength
        assertThat(VALIDATOR.validateRecord(POST, post(new StringValue("a".repeat(300))))).isEmpty();
        assertThat(VALIDATOR.validateRecord(POST, post(new StringValue("a".repeat(301)))))
                .extracting(ValidationError::rule).containsExactly(ValidationRule.MAX_GRAPHEMES);
        assertThat(VALIDATOR.validateRecord(POST, post(new StringValue(family.repeat(166) + "a".repeat(12))))).isEmpty();
        assertThat(VALIDATOR.validateRecord(POST, post(new StringValue(family.repeat(166) + "a".repeat(13)))))
                .extracting(ValidationError::rule).containsExactly(ValidationRule.MAX_LENGTH);
        assertThat(VALIDATOR.validateRecord(POST, post(new StringValue(""))))
                .as("an empty text is allowed (a post may be only an embed)").isEmpty();
    }

    @Test
    void aPostEmbedsAtMostFourImages() {
        for (int n = 0; n <= 5; n++) {
            MapValue post = withEmbed(post(new StringValue("charts")), images(n));
            List<ValidationError> errors = VALIDATOR.validateRecord(POST, post);
            if (n <= 4) {
                assertThat(errors).as("%d images", n).isEmpty();
            } else {
                assertThat(errors).as("%d images", n).extracting(ValidationError::rule)
                        .containsExactly(ValidationRule.MAX_LENGTH);
            }
        }
    }

    @Test
    void aFacetNeedsAByteRangeAndKnownFeaturesOfTheRightShape() {
        String mention = "{'$type': 'app.bsky.richtext.facet#mention', 'did': 'did:plc:qkc7zhbr2mydvbt6iwl4sxnj'}";
        assertThat(facetErrors("{'index': {'byteStart': 0, 'byteEnd': 4}, 'features': [" + mention + "]}")).isEmpty();
        assertThat(facetErrors("{'index': {'byteStart': 0, 'byteEnd': 4}, 'features': "
                + "[{'$type': 'com.example.richtext#highlight', 'colour': 'gold'}]}"))
                .as("features is an open union: a feature the schemas do not know passes").isEmpty();
        assertThat(facetErrors("{'index': {'byteStart': 0}, 'features': [" + mention + "]}"))
                .containsExactly(ValidationRule.REQUIRED);
        assertThat(facetErrors("{'index': {'byteStart': 0, 'byteEnd': -4}, 'features': [" + mention + "]}"))
                .containsExactly(ValidationRule.MINIMUM);
        assertThat(facetErrors("{'index': {'byteStart': 0, 'byteEnd': 4}, 'features': "
                + "[{'$type': 'app.bsky.richtext.facet#mention', 'did': '@bob.example.com'}]}"))
                .containsExactly(ValidationRule.FORMAT);
        assertThat(facetErrors("{'index': {'byteStart': 0, 'byteEnd': 4}, 'features': "
                + "[{'did': 'did:plc:qkc7zhbr2mydvbt6iwl4sxnj'}]}"))
                .containsExactly(ValidationRule.UNION_TYPE);
    }

    @Test
    void theRepoMethodsDecodeAndCheckTheirInput() {
        Nsid listRecords = Nsid.parse("com.atproto.repo.listRecords");
        MapValue params = VALIDATOR.decodeParams(listRecords,
                Map.of("repo", List.of("alice.example.com"), "collection", List.of("app.bsky.feed.post")));
        assertThat(params.get("limit")).as("the published default").isEqualTo(new IntValue(50));
        assertThatThrownBy(() -> VALIDATOR.decodeParams(listRecords, Map.of("repo", List.of("alice.example.com"),
                "collection", List.of("app.bsky.feed.post"), "limit", List.of("101"))))
                .isInstanceOf(LexiconValidationException.class);

        Nsid createRecord = Nsid.parse("com.atproto.repo.createRecord");
        MapValue input = MapValue.builder().put("repo", "did:plc:4yh3kq7ldxq2ujmfrz5wvtap")
                .put("collection", "app.bsky.feed.post").put("record", post(new StringValue("hi"))).build();
        assertThat(VALIDATOR.validateInput(createRecord, input)).isEmpty();
        assertThat(VALIDATOR.validateInput(createRecord, TestCatalog.without(input, "collection")))
                .extracting(ValidationError::rule).containsExactly(ValidationRule.REQUIRED);
        assertThat(VALIDATOR.validateInput(createRecord,
                TestCatalog.with(input, "rkey", new StringValue("k".repeat(513)))))
                .extracting(ValidationError::rule).contains(ValidationRule.MAX_LENGTH);
    }

    @Test
    void firehoseMessagesValidateAgainstSubscribeRepos() {
        Nsid subscribeRepos = Nsid.parse("com.atproto.sync.subscribeRepos");
        MapValue identity = TestCatalog.object("{'seq': 5, 'did': 'did:plc:4yh3kq7ldxq2ujmfrz5wvtap', "
                + "'time': '" + CREATED_AT + "', 'handle': 'alice.example.com'}");
        assertThat(VALIDATOR.validateMessage(subscribeRepos, "#identity", identity)).isEmpty();
        assertThat(VALIDATOR.validateMessage(subscribeRepos, "#identity", TestCatalog.without(identity, "seq")))
                .extracting(ValidationError::rule).containsExactly(ValidationRule.REQUIRED);
        MapValue account = TestCatalog.object("{'seq': 6, 'did': 'did:plc:4yh3kq7ldxq2ujmfrz5wvtap', "
                + "'time': '" + CREATED_AT + "', 'active': false, 'status': 'takendown'}");
        assertThat(VALIDATOR.validateMessage(subscribeRepos, "#account", account)).isEmpty();
    }

    private static MapValue post(StringValue text) {
        return MapValue.builder().put("$type", "app.bsky.feed.post").put("text", text).put("createdAt", CREATED_AT)
                .build();
    }

    private static MapValue withEmbed(MapValue post, DataValue embed) {
        return TestCatalog.with(post, "embed", embed);
    }

    private static MapValue images(int n) {
        List<DataValue> items = new ArrayList<>(Collections.nCopies(n, TestCatalog.json(
                "{'alt': 'A chart.', 'image': {'$type': 'blob', 'ref': {'$link': '" + IMAGE_CID + "'}, "
                        + "'mimeType': 'image/png', 'size': 90000}}")));
        return MapValue.builder().put("$type", "app.bsky.embed.images").put("images", new ArrayValue(items)).build();
    }

    private static List<ValidationRule> facetErrors(String facet) {
        MapValue post = TestCatalog.with(post(new StringValue("@bob hi")), "facets",
                new ArrayValue(List.of(TestCatalog.json(facet))));
        return VALIDATOR.validateRecord(POST, post).stream().map(ValidationError::rule).toList();
    }
}
