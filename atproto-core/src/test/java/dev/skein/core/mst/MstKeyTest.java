package dev.skein.core.mst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.testsupport.InteropVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class MstKeyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record KeyHeight(String key, int height) {}

    record CommonPrefix(String left, String right, int len) {}

    static List<KeyHeight> keyHeights() {
        List<KeyHeight> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(InteropVectors.read("mst/key_heights.json"))) {
            out.add(new KeyHeight(n.get("key").asString(), n.get("height").asInt()));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    static List<CommonPrefix> commonPrefixes() {
        List<CommonPrefix> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(InteropVectors.read("mst/common_prefix.json"))) {
            out.add(new CommonPrefix(n.get("left").asString(), n.get("right").asString(), n.get("len").asInt()));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    static List<String> exampleKeys() {
        return InteropVectors.lines("mst/example_keys.txt");
    }

    @ParameterizedTest
    @MethodSource("keyHeights")
    void keyHeightMatchesVector(KeyHeight v) {
        assertThat(MstKey.height(v.key())).isEqualTo(v.height());
    }

    @ParameterizedTest
    @MethodSource("commonPrefixes")
    void commonPrefixMatchesVector(CommonPrefix v) {
        assertThat(MstKey.commonPrefixLength(v.left(), v.right())).isEqualTo(v.len());
    }

    @ParameterizedTest
    @MethodSource("exampleKeys")
    void exampleKeysAreValid(String key) {
        assertThat(MstKey.isValid(key)).isTrue();
        assertThat(MstKey.validate(key)).hasSize(key.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "app.bsky.feed.post/3jqfcqzm3fo2j", "a/b", "com.example.record/self", "c/~_-:.", "A0/374913",
    })
    void acceptsValidKeys(String key) {
        assertThat(MstKey.isValid(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "nocollection", "/rkey", "coll/", "a/b/c", "coll/with space", "coll/jalapeño", "coll/a\u0000",
        "coll/a#b", "coll/a?b", "coll/a%20",
    })
    void rejectsInvalidKeys(String key) {
        assertThat(MstKey.isValid(key)).isFalse();
        assertThatThrownBy(() -> MstKey.validate(key)).isInstanceOf(InvalidMstKeyException.class);
    }

    @Test
    void lengthLimitIs1024Characters() {
        String longest = "c/" + "a".repeat(MstKey.MAX_LENGTH - 2);
        assertThat(MstKey.isValid(longest)).isTrue();
        assertThat(MstKey.isValid(longest + "a")).isFalse();
    }
}
