package dev.skein.core.lexicon;

import static dev.skein.core.lexicon.TestCatalog.VALIDATOR;
import static dev.skein.core.lexicon.TestCatalog.json;
import static dev.skein.core.lexicon.TestCatalog.object;
import static dev.skein.core.lexicon.TestCatalog.with;
import static dev.skein.core.lexicon.TestCatalog.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.lexicon.LexiconException.Reason;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LexiconValidatorTest {
    private static final Nsid NOTE = Nsid.parse("dev.skein.test.note");
    private static final String CID = "bafyreiclp443lavogvhj3d2ob2cxbfuscni2k5jk7bebjzg7khl3esabwq";
    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC66\u200D\uD83D\uDC66";

    /** A valid note with {@code extra} (single-quoted JSON members, may be empty) added. */
    private static MapValue note(String extra) {
        return object("{'$type': 'dev.skein.test.note', 'text': 'hello', 'createdAt': '2024-01-01T00:00:00Z'"
                + (extra.isEmpty() ? "" : ", " + extra) + "}");
    }

    private static MapValue noteWithText(String text) {
        return with(note(""), "text", DataValue.of(text));
    }

    private static List<ValidationError> validate(MapValue record) {
        return VALIDATOR.validateRecord(NOTE, RecordKey.parse("3kznmn7xqxl22"), record);
    }

    private static String blob(String mimeType, long size) {
        return "{'$type': 'blob', 'ref': {'$link': '" + CID + "'}, 'mimeType': '" + mimeType + "', 'size': " + size + "}";
    }

    @Nested
    class Records {
        @Test
        void acceptsAValidRecordWithUnknownFields() {
            assertThat(validate(note("'futureField': {'anything': [1, 2]}, 'mood': 'curious'"))).isEmpty();
        }

        @Test
        void recordNeedsItsCollectionAsType() {
            assertThat(validate(without(note(""), "$type"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Record/$type must be a string"));
            assertThat(validate(with(note(""), "$type", DataValue.of("dev.skein.test.other")))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.rule()).isEqualTo(ValidationRule.RECORD_TYPE);
                        assertThat(e.message()).isEqualTo("Invalid $type: must be dev.skein.test.note, got dev.skein.test.other");
                    });
        }

        @Test
        void recordKeyMustFitTheKeyType() {
            assertThat(VALIDATOR.validateRecord(NOTE, RecordKey.parse("self"), note(""))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo(
                            "Record key self is not allowed in dev.skein.test.note (key: tid)"));
        }

        @Test
        void requiredAndNullableAreDifferentThings() {
            assertThat(validate(note("'mood': null"))).isEmpty();
            assertThat(validate(with(note(""), "text", DataValue.nullValue()))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.rule()).isEqualTo(ValidationRule.NULLABLE);
                        assertThat(e.message()).isEqualTo("Record/text must not be null");
                    });
            assertThat(validate(without(note(""), "createdAt"))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.rule()).isEqualTo(ValidationRule.REQUIRED);
                        assertThat(e.path()).isEqualTo("Record/createdAt");
                        assertThat(e.message()).isEqualTo("Record must have the property \"createdAt\"");
                    });
        }

        @Test
        void collectsEveryError() {
            MapValue bad = with(note("'langs': ['en', 'not a language', 'fr', 'de'], 'reply': {'parent': 'nope'}"),
                    "createdAt", DataValue.of("yesterday"));

            List<ValidationError> errors = validate(bad);

            assertThat(errors).extracting(ValidationError::path).containsExactlyInAnyOrder(
                    "Record/createdAt", "Record/langs", "Record/langs/1", "Record/reply/parent");
            assertThatThrownBy(() -> VALIDATOR.requireValidRecord(NOTE, RecordKey.parse("3kznmn7xqxl22"), bad))
                    .isInstanceOfSatisfying(LexiconValidationException.class, e -> {
                        assertThat(e.errors()).isEqualTo(errors);
                        assertThat(e.getMessage()).endsWith("(and 3 more)");
                    });
        }

        @Test
        void unknownOrNonRecordCollectionIsASchemaProblemNotAValidationError() {
            assertThatThrownBy(() -> VALIDATOR.validateRecord(Nsid.parse("dev.skein.test.absent"), note("")))
                    .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNRESOLVED_REF));
            assertThatThrownBy(() -> VALIDATOR.validateRecord(Nsid.parse("dev.skein.test.getNotes"), note("")))
                    .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
        }
    }

    @Nested
    class StringLengths {
        @Test
        void threeHundredGraphemesFitAndOneMoreDoesNot() {
            assertThat(validate(noteWithText("\u00e9".repeat(300)))).isEmpty();
            assertThat(validate(noteWithText("\u00e9".repeat(301)))).singleElement().satisfies(e -> {
                assertThat(e.rule()).isEqualTo(ValidationRule.MAX_GRAPHEMES);
                assertThat(e.message()).isEqualTo("Record/text must not be longer than 300 graphemes");
            });
        }

        @Test
        void combiningMarksAndZwjSequencesCountAsOneGrapheme() {
            // 1000 graphemes of two code points each: 2000 UTF-16 units, 3000 UTF-8 bytes (the byte limit)
            assertThat(validate(noteWithText("e\u0301".repeat(1000)))).singleElement()
                    .extracting(ValidationError::rule).isEqualTo(ValidationRule.MAX_GRAPHEMES);
            // a family is one grapheme of 25 UTF-8 bytes: 120 fill the 3000 bytes, 121 do not fit
            assertThat(validate(noteWithText(FAMILY.repeat(120)))).isEmpty();
            assertThat(validate(noteWithText(FAMILY.repeat(121)))).singleElement().satisfies(e -> {
                assertThat(e.rule()).isEqualTo(ValidationRule.MAX_LENGTH);
                assertThat(e.message()).isEqualTo("Record/text must not be longer than 3000 bytes (UTF-8)");
            });
        }

        @Test
        void minimumGraphemes() {
            MapValue link = object("{'uri': 'https://example.com', 'title': ''}");
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#link", link)).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Value/title must not be shorter than 1 graphemes"));
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#link",
                    with(link, "title", DataValue.of(FAMILY.repeat(5))))).isEmpty();
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#link",
                    with(link, "title", DataValue.of(FAMILY.repeat(6))))).singleElement()
                    .extracting(ValidationError::rule).isEqualTo(ValidationRule.MAX_GRAPHEMES);
        }
    }

    @Nested
    class Unions {
        @Test
        void listedMemberIsValidated() {
            assertThat(validate(note("'embed': {'$type': 'dev.skein.test.note#images', 'images': [{'alt': 'a', 'image': "
                    + blob("image/png", 1000) + "}]}"))).isEmpty();
            assertThat(validate(note("'embed': {'$type': 'dev.skein.test.note#images', 'images': [{'alt': 'a', 'image': "
                    + blob("video/mp4", 2_000_000) + "}]}")))
                    .extracting(ValidationError::path, ValidationError::rule)
                    .containsExactly(
                            tuple("Record/embed/images/0/image/mimeType", ValidationRule.ACCEPT),
                            tuple("Record/embed/images/0/image/size", ValidationRule.MAX_SIZE));
        }

        @Test
        void openUnionAcceptsAnUnknownTypeThatIsAValidReference() {
            assertThat(validate(note("'embed': {'$type': 'com.example.future.embed#card', 'x': 1}"))).isEmpty();
            assertThat(validate(note("'embed': {'$type': 'com.example.future.embed', 'x': 1}"))).isEmpty();
        }

        @Test
        void openUnionRejectsTypesThatAreNotReferences() {
            for (String type : List.of("not an nsid", "com.example.thing#", "#local", "dev.skein.test.note#main")) {
                assertThat(validate(note("'embed': {'$type': '" + type + "'}"))).as(type).singleElement()
                        .satisfies(e -> {
                            assertThat(e.rule()).isEqualTo(ValidationRule.UNION_TYPE);
                            assertThat(e.path()).isEqualTo("Record/embed/$type");
                        });
            }
            assertThat(validate(note("'embed': {'x': 1}"))).singleElement().satisfies(e -> assertThat(e.message())
                    .isEqualTo("Record/embed must be an object which includes the \"$type\" property"));
            assertThat(validate(note("'embed': 'dev.skein.test.note#images'"))).singleElement()
                    .extracting(ValidationError::rule).isEqualTo(ValidationRule.UNION_TYPE);
        }

        @Test
        void openUnionValidatesAnUnlistedMemberItKnows() {
            assertThat(validate(note("'embed': {'$type': 'dev.skein.test.createNote#created', 'uri': 'at://did:plc:abc/a.b.c/x'}")))
                    .isEmpty();
            assertThat(validate(note("'embed': {'$type': 'dev.skein.test.createNote#created', 'uri': 'nope'}")))
                    .singleElement().extracting(ValidationError::path).isEqualTo("Record/embed/uri");
            assertThat(validate(note("'embed': {'$type': 'dev.skein.test.defs#spoiler'}"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Record/embed/$type names a token, not an object or record"));
        }

        @Test
        void recordMemberIsAWholeRecord() {
            assertThat(validate(note("'embed': {'$type': 'dev.skein.test.note', 'text': 'quoted'}"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Record/embed must have the property \"createdAt\""));
        }

        @Test
        void closedUnionAcceptsOnlyItsRefs() {
            assertThat(validate(note("'labels': {'$type': 'dev.skein.test.defs#selfLabels', 'values': ['dev.skein.test.defs#spoiler']}")))
                    .isEmpty();
            assertThat(validate(note("'labels': {'$type': 'com.example.labels', 'values': []}"))).singleElement()
                    .satisfies(e -> {
                        assertThat(e.rule()).isEqualTo(ValidationRule.CLOSED_UNION);
                        assertThat(e.message()).isEqualTo("Record/labels $type must be one of dev.skein.test.defs#selfLabels");
                    });
            assertThat(validate(note("'labels': {'$type': 'dev.skein.test.defs#selfLabels', 'values': ['" + "x".repeat(129) + "']}")))
                    .singleElement().satisfies(e -> {
                        assertThat(e.path()).isEqualTo("Record/labels/values/0");
                        assertThat(e.rule()).isEqualTo(ValidationRule.MAX_LENGTH);
                    });
        }
    }

    @Nested
    class Refs {
        @Test
        void refToAnObjectNeedsNoType() {
            assertThat(validate(note("'reply': {'parent': 'at://did:plc:abc/dev.skein.test.note/3kznmn7xqxl22'}"))).isEmpty();
            assertThat(validate(note("'reply': {'parent': 'https://example.com'}"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).startsWith("Record/reply/parent must be a valid at-uri: "));
        }

        @Test
        void refToARecordNeedsItsType() {
            assertThat(validate(note("'quoted': {'$type': 'dev.skein.test.note', 'text': 'q', 'createdAt': '2024-01-01T00:00:00Z'}")))
                    .isEmpty();
            assertThat(validate(note("'quoted': {'text': 'q', 'createdAt': '2024-01-01T00:00:00Z'}"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Record/quoted/$type must be a string"));
        }

        @Test
        void refToAStringDefinition() {
            assertThat(validate(note("'label': 'dev.skein.test.defs#spoiler'"))).isEmpty();
            assertThat(validate(note("'label': 3"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Record/label must be a string"));
        }

        @Test
        void validateValueTakesAnyDefinitionThatDescribesData() {
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#cid", json("{'$link': '" + CID + "'}"))).isEmpty();
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#cid", json("'" + CID + "'"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Value must be a CID link"));
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#payload", json("{'$bytes': 'AQID'}"))).isEmpty();
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#payload", json("{'$bytes': 'AQIDBAU'}"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Value must not have more than 4 bytes"));
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#nothing", json("null"))).isEmpty();
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#nothing", json("0"))).isNotEmpty();
            assertThat(VALIDATOR.validateValue("dev.skein.test.defs#flags", json("[true, false]"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Value/1 must be true"));
            assertThat(VALIDATOR.validateValue("dev.skein.test.note", note(""))).isEmpty();
        }

        @Test
        void validateValueRejectsDefinitionsWithoutData() {
            assertThatThrownBy(() -> VALIDATOR.validateValue("dev.skein.test.defs#spoiler", json("{}")))
                    .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
            assertThatThrownBy(() -> VALIDATOR.validateValue("dev.skein.test.getNotes", json("{}")))
                    .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED));
            assertThatThrownBy(() -> VALIDATOR.validateValue("dev.skein.test.defs#absent", json("{}")))
                    .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNRESOLVED_REF));
            assertThatThrownBy(() -> VALIDATOR.validateValue("#local", json("{}")))
                    .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_REF));
        }
    }

    @Nested
    class UnknownType {
        @Test
        void unknownIsAnyObjectButNotABlobOrAScalar() {
            LexiconCatalog catalog = LexiconCatalog.of(List.of(LexiconParser.parse(
                    "{\"lexicon\": 1, \"id\": \"dev.skein.u\", \"defs\": {\"main\": {\"type\": \"object\","
                            + " \"properties\": {\"u\": {\"type\": \"unknown\"}}}}}")));
            LexiconValidator v = new LexiconValidator(catalog);

            assertThat(v.validateValue("dev.skein.u", object("{'u': {'$type': 'x.y.z', 'deep': {'b': " + blob("a/b", 1) + "}}}")))
                    .isEmpty();
            assertThat(v.validateValue("dev.skein.u", object("{'u': " + blob("a/b", 1) + "}"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Value/u must be an object, not a blob"));
            assertThat(v.validateValue("dev.skein.u", object("{'u': [1]}"))).singleElement()
                    .satisfies(e -> assertThat(e.message()).isEqualTo("Value/u must be an object"));
        }
    }
}
