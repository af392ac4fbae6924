package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.testsupport.InteropVectors;
import dev.skein.testsupport.NodeInterop;
import dev.skein.testsupport.RequiresNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Compares our validators with the official {@code @atproto/syntax} package on the interop vectors and on
 * thousands of mutations of them, and our TID encoding with {@code @atproto/common-web}.
 *
 * <p>The Lexicon {@code uri} format is left out of the comparison: the TypeScript check
 * ({@code ^\w+:(//)?[^\s/][^\s]*$}) rejects schemes with {@code -} or {@code .} that the interop vectors
 * require ({@code content-type:text/plan}) and has no length limit, so it is not a reference for it.
 */
@RequiresNode
class SyntaxNodeInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "syntax-verdicts.mjs";
    private static final Map<String, Consumer<String>> PARSERS = new LinkedHashMap<>();
    private static final String MUTATION_CHARS = "aZz09.-_:~%/#?@ *Té\u0000";

    static {
        PARSERS.put("did", Did::parse);
        PARSERS.put("handle", Handle::parse);
        PARSERS.put("nsid", Nsid::parse);
        PARSERS.put("recordkey", RecordKey::parse);
        PARSERS.put("tid", Tid::parse);
        PARSERS.put("aturi", AtUri::parse);
        PARSERS.put("atidentifier", AtIdentifier::parse);
        PARSERS.put("datetime", Datetime::parse);
        PARSERS.put("language", LanguageTag::parse);
    }

    private record Case(String kind, String value) {}

    @BeforeAll
    static void node() {
        NodeInterop.requireVersion();
    }

    @Test
    void agreesWithTheReferenceOnVectorsAndMutations() {
        List<Case> cases = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(20260820);
        for (String kind : PARSERS.keySet()) {
            List<String> seeds = new ArrayList<>();
            for (String file : List.of("_syntax_valid.txt", "_syntax_invalid.txt")) {
                seeds.addAll(InteropVectors.lines("syntax/" + kind + file));
            }
            seeds.forEach(s -> cases.add(new Case(kind, s)));
            for (int i = 0; i < 600; i++) {
                cases.add(new Case(kind, mutate(seeds.get(random.nextInt(seeds.size())), random)));
            }
        }
        JsonNode verdicts = run(Map.of("cases", cases)).get("verdicts");
        assertThat(verdicts.size()).isEqualTo(cases.size());

        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            boolean theirs = verdicts.get(i).asBoolean();
            String ourReason = ourVerdict(c);
            boolean ours = ourReason == null;
            accepted += ours ? 1 : 0;
            if (ours != theirs && !isKnownStricterCase(c, theirs, ourReason)) {
                disagreements.add(c.kind() + " " + InvalidSyntaxException.quote(c.value()) + ": ours=" + ours
                        + (ours ? "" : " (" + ourReason + ")") + ", @atproto/syntax=" + theirs);
            }
        }
        assertThat(disagreements).as("verdicts that differ from @atproto/syntax").isEmpty();
        // the mutations must exercise both outcomes, or the comparison proves little
        assertThat(accepted).isBetween(cases.size() / 10, cases.size() * 9 / 10);
    }

    @Test
    void isStricterOnlyWhereDocumented() {
        List<Case> cases = List.of(
                new Case("datetime", "1985-04-31T00:00:00Z"),
                new Case("datetime", "2023-02-29T12:00:00.000Z"),
                new Case("aturi", "at://did:plc:asdf123/com.example.foo/self#/text"));
        JsonNode verdicts = run(Map.of("cases", cases)).get("verdicts");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String ourReason = ourVerdict(c);
            assertThat(verdicts.get(i).asBoolean()).as("@atproto/syntax accepts %s", c).isTrue();
            assertThat(ourReason).as("we reject %s", c).isNotNull();
            assertThat(isKnownStricterCase(c, true, ourReason)).as("%s is a documented difference", c).isTrue();
        }
    }

    @Test
    void encodesTidsLikeTheReference() {
        SplittableRandom random = new SplittableRandom(99);
        List<Map<String, Object>> parts = new ArrayList<>();
        List<Tid> ours = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // the reference only pads the clock id, so its timestamps must already fill 11 characters (2^50 us)
            long micros = (1L << 50) + random.nextLong(Tid.MAX_MICROS - (1L << 50) + 1);
            int clockId = random.nextInt(Tid.MAX_CLOCK_ID + 1);
            parts.add(Map.of("micros", Long.toString(micros), "clockId", clockId));
            ours.add(Tid.of(micros, clockId));
        }
        JsonNode out = run(Map.of("tids", parts, "tidStrings", ours.stream().map(Tid::toString).toList()));
        for (int i = 0; i < ours.size(); i++) {
            assertThat(out.get("tids").get(i).asString()).isEqualTo(ours.get(i).toString());
            JsonNode decoded = out.get("decoded").get(i);
            assertThat(Long.parseLong(decoded.get("micros").asString())).isEqualTo(ours.get(i).micros());
            assertThat(decoded.get("clockId").asInt()).isEqualTo(ours.get(i).clockId());
        }
    }

    /**
     * Where we are deliberately stricter than {@code @atproto/syntax}: impossible calendar dates such as April 31
     * (JavaScript's Date rolls them over; the spec says implementations should validate them), and AT-URI
     * fragments, which its strict mode still admits but the Lexicon form in the spec and the vectors refuse.
     */
    private static boolean isKnownStricterCase(Case c, boolean theirs, String ourReason) {
        if (!theirs || ourReason == null) {
            return false;
        }
        return switch (c.kind()) {
            case "datetime" -> ourReason.startsWith("not a real date and time");
            case "aturi" -> c.value().contains("#");
            default -> false;
        };
    }

    private static String ourVerdict(Case c) {
        try {
            PARSERS.get(c.kind()).accept(c.value());
            return null;
        } catch (InvalidSyntaxException e) {
            return e.reason();
        }
    }

    private static String mutate(String seed, SplittableRandom random) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            char c = MUTATION_CHARS.charAt(random.nextInt(MUTATION_CHARS.length()));
            switch (random.nextInt(5)) {
                case 0 -> s.insert(at, c);
                case 1 -> {
                    if (!s.isEmpty()) {
                        s.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (!s.isEmpty()) {
                        s.setCharAt(at, c);
                    }
                }
                case 3 -> {
                    if (!s.isEmpty()) {
                        s.setCharAt(at, Character.isUpperCase(s.charAt(at))
                                ? Character.toLowerCase(s.charAt(at)) : Character.toUpperCase(s.charAt(at)));
                    }
                }
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private static JsonNode run(Object input) {
        return JSON.readTree(NodeInterop.runOk(SCRIPT, JSON.writeValueAsString(input)));
    }
}
