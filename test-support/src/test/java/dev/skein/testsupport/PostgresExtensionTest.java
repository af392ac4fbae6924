package dev.skein.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresExtensionTest {

    static class AClassWithAVeryLongNameThatWouldNotFitIntoAPostgresIdentifierOtherwise {}

    @Test
    void schemaNamesAreUniqueUnquotedIdentifiersPostgresKeepsWhole() {
        String a = PostgresExtension.schemaName(AClassWithAVeryLongNameThatWouldNotFitIntoAPostgresIdentifierOtherwise.class);
        String b = PostgresExtension.schemaName(AClassWithAVeryLongNameThatWouldNotFitIntoAPostgresIdentifierOtherwise.class);
        assertThat(a).isNotEqualTo(b).matches("t_[a-z0-9_]+_[0-9a-f]{8}");
        assertThat(a.length()).isLessThanOrEqualTo(63);
        assertThat(a).startsWith("t_aclasswithaverylongname");
    }

    @Test
    void schemaUrlPutsTheClassSchemaFirstAndKeepsPublicForTheVectorType() {
        PostgresDatabase db = new PostgresDatabase("jdbc:postgresql://h/test?ssl=false", "u", "", "t_x_1");
        assertThat(db.schemaUrl()).isEqualTo("jdbc:postgresql://h/test?ssl=false&currentSchema=t_x_1,public");
        assertThat(new PostgresDatabase("jdbc:postgresql://h/test", "u", "", "t_y").schemaUrl())
                .isEqualTo("jdbc:postgresql://h/test?currentSchema=t_y,public");
    }
}
