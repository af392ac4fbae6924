package dev.skein.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AtUriTest {
    static Stream<String> valid() {
        return InteropVectors.lines("syntax/aturi_syntax_valid.txt").stream();
    }

    static Stream<String> invalid() {
        return InteropVectors.lines("syntax/aturi_syntax_invalid.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidVectorAndRoundTrips(String line) {
        AtUri uri = AtUri.parse(line);
        assertThat(uri.toString()).isEqualTo(line);
        assertThat(AtUri.parse(uri.toString())).isEqualTo(uri);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsInvalidVector(String line) {
        assertThatThrownBy(() -> AtUri.parse(line))
                .isInstanceOfSatisfying(InvalidSyntaxException.class, e -> assertThat(e.kind()).isEqualTo("AT-URI"));
    }

    @Test
    void exposesTheParts() {
        AtUri uri = AtUri.parse("at://did:plc:asdf123/com.atproto.feed.post/3jzfcijpj2z2a");
        assertThat(uri.authority()).isEqualTo(Did.parse("did:plc:asdf123"));
        assertThat(uri.did()).contains(Did.parse("did:plc:asdf123"));
        assertThat(uri.collection()).contains(Nsid.parse("com.atproto.feed.post"));
        assertThat(uri.rkey()).contains(RecordKey.parse("3jzfcijpj2z2a"));
    }

    @Test
    void partsAreOptional() {
        AtUri repo = AtUri.parse("at://user.bsky.social");
        assertThat(repo.authority()).isEqualTo(Handle.parse("user.bsky.social"));
        assertThat(repo.did()).isEmpty();
        assertThat(repo.collection()).isEmpty();
        assertThat(repo.rkey()).isEmpty();
        AtUri collection = AtUri.parse("at://did:abc:123/io.nsid.someFunc");
        assertThat(collection.collection()).contains(Nsid.parse("io.nsid.someFunc"));
        assertThat(collection.rkey()).isEmpty();
    }

    @Test
    void buildsFromParts() {
        AtUri uri = AtUri.of(Did.parse("did:plc:7iza6de2dwap2sbkpav7c6c6"), Nsid.parse("app.bsky.feed.post"),
                RecordKey.parse("3k5nobkf2w72g"));
        assertThat(uri.toString()).isEqualTo("at://did:plc:7iza6de2dwap2sbkpav7c6c6/app.bsky.feed.post/3k5nobkf2w72g");
        assertThat(AtUri.parse(uri.toString())).isEqualTo(uri);
        assertThat(AtUri.of(Handle.parse("foo.com")).toString()).isEqualTo("at://foo.com");
        assertThat(AtUri.of(Handle.parse("foo.com"), Nsid.parse("com.example.foo")).toString())
                .isEqualTo("at://foo.com/com.example.foo");
    }

    @Test
    void refusesARecordKeyWithoutACollection() {
        assertThatThrownBy(() -> new AtUri(Handle.parse("foo.com"), Optional.empty(),
                Optional.of(RecordKey.parse("self")))).isInstanceOf(InvalidSyntaxException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"at://", "at://foo.com/", "at://foo.com//self", "at://user:pass@foo.com",
        "at://foo.com/example/123", "at://did:plc:x/com.example.foo/self?x=1", "at://did:plc:x/com.example.foo#/a",
        "at://foo.com/com.example.foo/a/b", "at://@foo.com", "AT://foo.com"})
    void rejectsOtherForms(String value) {
        assertThatThrownBy(() -> AtUri.parse(value)).isInstanceOf(InvalidSyntaxException.class);
    }

    @Test
    void keepsNonNormalisedPartsAsWritten() {
        AtUri uri = AtUri.parse("at://User.Example.com/COM.example.fooBar/Key");
        assertThat(uri.toString()).isEqualTo("at://User.Example.com/COM.example.fooBar/Key");
        assertThat(((Handle) uri.authority()).normalized().toString()).isEqualTo("user.example.com");
        assertThat(uri.collection().orElseThrow().normalized().toString()).isEqualTo("com.example.fooBar");
    }
}
