package dev.skein.core.lexicon;

import static dev.skein.core.lexicon.TestCatalog.VALIDATOR;
import static dev.skein.core.lexicon.TestCatalog.json;
import static dev.skein.core.lexicon.TestCatalog.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.Nsid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query parameters, input and output bodies, and subscription messages. */
class XrpcValidationTest {
    private static final Nsid GET_NOTES = Nsid.parse("dev.skein.test.getNotes");
    private static final Nsid CREATE_NOTE = Nsid.parse("dev.skein.test.createNote");
    private static final Nsid SUBSCRIBE = Nsid.parse("dev.skein.test.subscribeNotes");

    /** Query parameters from alternating names and values; a name given twice is a repeated key. */
    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return q;
    }

    private static List<ValidationError> paramErrors(String... pairs) {
        LexiconValidationException e = catchThrowableOfType(LexiconValidationException.class,
                () -> VALIDATOR.decodeParams(GET_NOTES, query(pairs)));
        assertThat(e).as("rejected").isNotNull();
        return e.errors();
    }

    @Test
    void paramsAreConvertedToTheirTypesWithDefaults() {
        MapValue params = VALIDATOR.decodeParams(GET_NOTES, query(
                "actor", "alice.example.com", "limit", "20", "tags", "a", "tags", "b", "ids", "7", "unknown", "x"));

        assertThat(params).isEqualTo(MapValue.builder()
                .put("actor", "alice.example.com")
                .put("limit", 20)
                .put("reverse", false)
                .put("tags", DataValue.array(List.of(DataValue.of("a"), DataValue.of("b"))))
                .put("ids", DataValue.array(List.of(DataValue.of(7))))
                .build());
    }

    @Test
    void defaultsFillAbsentParamsAndBooleansParse() {
        MapValue params = VALIDATOR.decodeParams(GET_NOTES, query("actor", "did:plc:abc", "reverse", "true", "limit", "1"));

        assertThat(params.get("reverse")).isEqualTo(DataValue.of(true));
        assertThat(params.getInt("limit")).contains(1L);
        // "-0" is the integer zero, which is below the minimum
        assertThat(paramErrors("actor", "did:plc:abc", "limit", "-0")).singleElement()
                .extracting(ValidationError::rule).isEqualTo(ValidationRule.MINIMUM);
        assertThat(VALIDATOR.decodeParams(GET_NOTES, query("actor", "did:plc:abc")))
                .satisfies(p -> {
                    assertThat(p.getInt("limit")).contains(50L);
                    assertThat(p.get("reverse")).isEqualTo(DataValue.of(false));
                    assertThat(p.containsKey("tags")).isFalse();
                });
    }

    @Test
    void paramErrorsNameTheParameter() {
        assertThat(paramErrors()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED);
            assertThat(e.message()).isEqualTo("Params must have the property \"actor\"");
        });
        assertThat(paramErrors("actor", "not an identifier")).singleElement()
                .extracting(ValidationError::path, ValidationError::rule)
                .containsExactly("Params/actor", ValidationRule.FORMAT);
        assertThat(paramErrors("actor", "a.com", "limit", "ten")).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("Params/limit must be an integer"));
        for (String notAnInteger : List.of("1.5", "+3", " 3", "3 ", "0x10", "", "99999999999999999999")) {
            assertThat(paramErrors("actor", "a.com", "limit", notAnInteger)).as(notAnInteger).singleElement()
                    .extracting(ValidationError::rule).isEqualTo(ValidationRule.TYPE);
        }
        assertThat(paramErrors("actor", "a.com", "limit", "101")).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("Params/limit can not be greater than 100"));
        assertThat(paramErrors("actor", "a.com", "reverse", "yes")).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("Params/reverse must be a boolean (true or false)"));
        assertThat(paramErrors("actor", "a.com", "cursor", "a", "cursor", "b")).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("Params/cursor must be a single value, not 2"));
        assertThat(paramErrors("actor", "a.com", "tags", "a", "tags", "b", "tags", "c", "tags", "d")).singleElement()
                .extracting(ValidationError::path, ValidationError::rule)
                .containsExactly("Params/tags", ValidationRule.MAX_LENGTH);
        assertThat(paramErrors("actor", "a.com", "tags", "ok", "tags", "far too long a tag")).singleElement()
                .extracting(ValidationError::path).isEqualTo("Params/tags/1");
        assertThat(paramErrors("actor", "a.com", "ids", "1", "ids", "x", "ids", "-2"))
                .extracting(ValidationError::path, ValidationError::rule)
                .containsExactly(tuple("Params/ids/1", ValidationRule.TYPE));
        assertThat(paramErrors("actor", "a.com", "ids", "1", "ids", "-2"))
                .extracting(ValidationError::path, ValidationError::rule)
                .containsExactly(tuple("Params/ids/1", ValidationRule.MINIMUM));
    }

    @Test
    void methodsWithoutParamsDecodeToEmpty() {
        assertThat(VALIDATOR.decodeParams(CREATE_NOTE, query("anything", "1"))).isEqualTo(MapValue.EMPTY);
        assertThat(VALIDATOR.decodeParams(SUBSCRIBE, query("cursor", "12"))).isEqualTo(
                MapValue.builder().put("cursor", 12).build());
        assertThatThrownBy(() -> VALIDATOR.decodeParams(Nsid.parse("dev.skein.test.note"), query()))
                .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
    }

    @Test
    void inputBodyFollowsItsRef() {
        MapValue input = object("{'note': {'$type': 'dev.skein.test.note', 'text': 'hi', 'createdAt': '2024-01-01T00:00:00.000Z'}}");

        assertThat(VALIDATOR.validateInput(CREATE_NOTE, input)).isEmpty();
        assertThat(VALIDATOR.validateInput(CREATE_NOTE, object("{'note': {'$type': 'dev.skein.test.note', 'text': 'hi'}}")))
                .singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("Input/note must have the property \"createdAt\""));
        assertThat(VALIDATOR.validateInput(CREATE_NOTE, json("[]"))).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("Input must be an object"));
        assertThatThrownBy(() -> VALIDATOR.validateInput(GET_NOTES, input))
                .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
    }

    @Test
    void outputBodyMayBeAClosedUnion() {
        assertThat(VALIDATOR.validateOutput(CREATE_NOTE, object("{'$type': 'dev.skein.test.createNote#queued'}"))).isEmpty();
        assertThat(VALIDATOR.validateOutput(CREATE_NOTE, object("{'$type': 'dev.skein.test.createNote#created', 'uri': 'x'}")))
                .singleElement().extracting(ValidationError::path).isEqualTo("Output/uri");
        assertThat(VALIDATOR.validateOutput(CREATE_NOTE, object("{'uri': 'at://did:plc:abc'}"))).singleElement()
                .extracting(ValidationError::rule).isEqualTo(ValidationRule.UNION_TYPE);
        assertThat(VALIDATOR.validateOutput(GET_NOTES, object("{'notes': [{'text': 'no type'}]}")))
                .extracting(ValidationError::path).contains("Output/notes/0/$type", "Output/notes/0/createdAt");
        assertThat(VALIDATOR.validateOutput(GET_NOTES, object("{'notes': []}"))).isEmpty();
    }

    @Test
    void subscriptionMessagesTakeTheirVariantFromTheHeader() {
        assertThat(VALIDATOR.validateMessage(SUBSCRIBE, "#note", object("{'seq': 5}"))).isEmpty();
        assertThat(VALIDATOR.validateMessage(SUBSCRIBE, "dev.skein.test.subscribeNotes#info", object("{}")))
                .singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("Message must have the property \"name\""));
        assertThat(VALIDATOR.validateMessage(SUBSCRIBE, "#note", object("{'seq': 'five'}"))).singleElement()
                .extracting(ValidationError::path).isEqualTo("Message/seq");
        // the message union is open: a variant from a newer schema passes
        assertThat(VALIDATOR.validateMessage(SUBSCRIBE, "#identity", object("{'did': 'x'}"))).isEmpty();
        assertThat(VALIDATOR.validateMessage(SUBSCRIBE, "#not valid", object("{}"))).singleElement()
                .extracting(ValidationError::rule).isEqualTo(ValidationRule.UNION_TYPE);
    }

    @Test
    void arrayValuesAreArrays() {
        assertThat(VALIDATOR.decodeParams(GET_NOTES, query("actor", "a.com", "tags", "x")).get("tags"))
                .isInstanceOf(ArrayValue.class);
    }
}
