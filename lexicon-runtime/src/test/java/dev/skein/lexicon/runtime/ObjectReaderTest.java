package dev.skein.lexicon.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.BlobRef;
import dev.skein.core.data.DataJson;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Did;
import dev.skein.lexicon.runtime.LexiconDataException.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading and writing one object's fields: kinds, formats, null, absence, undeclared fields and error paths. */
class ObjectReaderTest {
    private static MapValue json(String text) {
        return (MapValue) DataJson.parse(text);
    }

    private static LexiconDataException error(Runnable read) {
        try {
            read.run();
        } catch (LexiconDataException e) {
            return e;
        }
        throw new AssertionError("no LexiconDataException");
    }

    @Test
    void readsDeclaredFieldsAndKeepsTheRest() {
        ObjectReader in = ObjectReader.of(json("""
                {"name": "x", "n": 3, "ok": true, "dids": ["did:plc:abc"], "extra": {"a": 1}, "$type": "t#x"}
                """));

        assertThat(in.required("name", FieldCodec.STRING)).isEqualTo("x");
        assertThat(in.optional("n", FieldCodec.INTEGER)).contains(3L);
        assertThat(in.optional("absent", FieldCodec.BOOLEAN)).isEmpty();
        assertThat(in.required("ok", FieldCodec.BOOLEAN)).isTrue();
        assertThat(in.required("dids", FieldCodec.list(FieldCodec.DID))).containsExactly(Did.parse("did:plc:abc"));
        assertThat(in.others()).isEqualTo(json("{\"extra\": {\"a\": 1}, \"$type\": \"t#x\"}"));
    }

    @Test
    void aRecordsTypeMustMatchAndIsConsumed() {
        assertThat(ObjectReader.ofRecord(json("{\"$type\": \"a.b.c\", \"x\": 1}"), "a.b.c").others())
                .isEqualTo(json("{\"x\": 1}"));
        LexiconDataException wrong = error(() -> ObjectReader.ofRecord(json("{\"$type\": \"a.b.d\"}"), "a.b.c"));
        assertThat(wrong.reason()).isEqualTo(Reason.WRONG_TYPE);
        assertThat(wrong.path()).isEqualTo("/$type");
        assertThat(error(() -> ObjectReader.ofRecord(json("{}"), "a.b.c")).reason()).isEqualTo(Reason.WRONG_TYPE);
    }

    @Test
    void errorsCarryTheRuleAndThePath() {
        MapValue value = json("{\"list\": [\"did:plc:abc\", \"bob.example\"], \"n\": \"3\", \"z\": null}");

        LexiconDataException format = error(() -> ObjectReader.of(value).required("list",
                FieldCodec.list(FieldCodec.DID)));
        assertThat(format.reason()).isEqualTo(Reason.INVALID_FORMAT);
        assertThat(format.path()).isEqualTo("/list/1");

        LexiconDataException kind = error(() -> ObjectReader.of(value).optional("n", FieldCodec.INTEGER));
        assertThat(kind.reason()).isEqualTo(Reason.WRONG_KIND);
        assertThat(kind.getMessage()).isEqualTo("/n: must be an integer, not string [WRONG_KIND]");

        LexiconDataException missing = error(() -> ObjectReader.of(value).required("a/b", FieldCodec.STRING));
        assertThat(missing.reason()).isEqualTo(Reason.MISSING_FIELD);
        assertThat(missing.within("outer").path()).isEqualTo("/outer/a/b");

        assertThat(error(() -> ObjectReader.of(value).optional("z", FieldCodec.STRING)).reason())
                .isEqualTo(Reason.WRONG_KIND);
    }

    @Test
    void nullIsReadOnlyWhereNullable() {
        MapValue value = json("{\"z\": null, \"s\": \"v\"}");
        assertThat(ObjectReader.of(value).requiredNullable("z", FieldCodec.STRING)).isEmpty();
        assertThat(ObjectReader.of(value).optionalNullable("z", FieldCodec.STRING)).isEmpty();
        assertThat(ObjectReader.of(value).optionalNullable("s", FieldCodec.STRING)).contains("v");
        assertThat(error(() -> ObjectReader.of(value).requiredNullable("absent", FieldCodec.STRING)).reason())
                .isEqualTo(Reason.MISSING_FIELD);

        MapValue written = ObjectWriter.with(MapValue.EMPTY).requiredNullable("z", Optional.<String>empty(),
                FieldCodec.STRING).optional("s", Optional.of("v"), FieldCodec.STRING)
                .optional("none", Optional.<String>empty(), FieldCodec.STRING).build();
        assertThat(written).isEqualTo(value);
    }

    @Test
    void blobsLinksBytesAndUnknownObjects() {
        MapValue value = json("""
                {"file": {"$type": "blob", "ref": {"$link": "bafkreie4lbkr5455nttp2dwgof25nvtmticq4ja4w3qudfjv4u5s4yxqwa"},
                          "mimeType": "image/png", "size": 10},
                 "link": {"$link": "bafyreiheonp5lexy2pi3lhtqub3vadilwy3yrxl6sfiks2rstgl5x5apia"},
                 "bytes": {"$bytes": "AAE"},
                 "data": {"k": 1},
                 "notBlob": {"mimeType": "image/png", "size": 3}}
                """);
        ObjectReader in = ObjectReader.of(value);
        BlobRef blob = in.required("file", FieldCodec.BLOB);
        assertThat(blob.size()).isEqualTo(10);
        assertThat(in.required("link", FieldCodec.LINK))
                .isEqualTo(Cid.parse("bafyreiheonp5lexy2pi3lhtqub3vadilwy3yrxl6sfiks2rstgl5x5apia"));
        assertThat(in.required("bytes", FieldCodec.BYTES).value()).containsExactly(0, 1);
        assertThat(in.required("data", FieldCodec.UNKNOWN)).isEqualTo(json("{\"k\": 1}"));
        assertThat(error(() -> ObjectReader.of(value).required("notBlob", FieldCodec.BLOB)).reason())
                .isEqualTo(Reason.INVALID_BLOB);
        assertThat(error(() -> ObjectReader.of(value).required("file", FieldCodec.UNKNOWN)).reason())
                .isEqualTo(Reason.WRONG_KIND);
        assertThat(FieldCodec.BLOB.write(blob)).isEqualTo(value.get("file"));
    }

    @Test
    void variantsNeedATypeAndGetItBack() {
        MapValue plain = json("{\"x\": 1}");
        assertThat(error(() -> Variants.typeOf(plain)).reason()).isEqualTo(Reason.MISSING_TYPE);
        MapValue tagged = Variants.withType(plain, "a.b.c#x");
        assertThat(Variants.typeOf(tagged)).isEqualTo("a.b.c#x");
        assertThat(Variants.withoutType(tagged)).isEqualTo(plain);
        assertThat(Variants.notAllowed("a.b.c#y", List.of("a.b.c#x")).reason()).isEqualTo(Reason.UNKNOWN_VARIANT);
    }

    @Test
    void otherFieldsMayNotHoldDeclaredOnes() {
        MapValue others = MapValue.builder().put("a", DataValue.of(1)).build();
        assertThat(OtherFields.check(others, "b")).isSameAs(others);
        assertThatThrownBy(() -> OtherFields.check(others, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtherFields.checkRecord(Variants.withType(others, "x.y.z"), "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
