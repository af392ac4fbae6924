package dev.skein.lexicon.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.core.syntax.Nsid;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lexicon names as Java names, and the file's choice between simple and qualified type names. */
class JavaNamesTest {
    @Test
    void namesFollowJavaConventionsAndAvoidWhatJavaReserves() {
        assertThat(JavaNames.packageOf("dev.skein.lexicon", Nsid.parse("com.Example.my-app.thing")))
                .isEqualTo("dev.skein.lexicon.com.example.my_app");
        assertThat(JavaNames.packageOf("p", Nsid.parse("com.new.x"))).isEqualTo("p.com.new_");
        assertThat(JavaNames.typeName("strongRef")).isEqualTo("StrongRef");
        assertThat(JavaNames.typeName("foo-bar_baz")).isEqualTo("FooBar_baz");
        assertThat(JavaNames.typeName("record")).isEqualTo("RecordDef");
        assertThat(JavaNames.memberName("class")).isEqualTo("class_");
        assertThat(JavaNames.memberName("hashCode")).isEqualTo("hashCode_");
        assertThat(JavaNames.memberName("record")).isEqualTo("record");
        assertThat(JavaNames.memberName("9lives")).isEqualTo("_9lives");
        assertThat(JavaNames.memberName("a-b")).isEqualTo("a_b");
        assertThat(JavaNames.constantName("input-required")).isEqualTo("INPUT_REQUIRED");
        assertThat(JavaNames.constantName("app.bsky.feed.defs#requestLess")).isEqualTo("APP_BSKY_FEED_DEFS_REQUEST_LESS");
        assertThat(JavaNames.constantName("2fa")).isEqualTo("_2FA");
        assertThat(JavaNames.constantName("--")).isEqualTo("VALUE");
        assertThat(JavaNames.literal("a\"b\\c\u00e9\n")).isEqualTo("\"a\\\"b\\\\c\\u00e9\\n\"");
        Set<String> taken = new HashSet<>(Set.of("Parts"));
        assertThat(JavaNames.unique("Parts", taken)).isEqualTo("Parts2");
        assertThat(taken).contains("Parts2");
    }

    @Test
    void aTypeIsQualifiedWhereItsSimpleNameIsTaken() {
        ImportScope scope = new ImportScope("p.agent.memory", Set.of("Note", "String"), Set.of("Defs", "List"));

        assertThat(scope.ref("p.agent.memory.Defs")).isEqualTo("Defs");
        assertThat(scope.ref("p.agent.comms.Defs")).isEqualTo("p.agent.comms.Defs");
        assertThat(scope.ref("java.lang.String")).isEqualTo("java.lang.String");
        assertThat(scope.ref("java.util.List")).isEqualTo("java.util.List");
        assertThat(scope.ref("java.util.Optional")).isEqualTo("Optional");
        assertThat(scope.ref("java.lang.Long")).isEqualTo("Long");
        assertThat(scope.ref("dev.other.Optional")).isEqualTo("dev.other.Optional");
        assertThat(scope.imports()).containsExactly("java.util.Optional");
    }
}
