package dev.skein.pds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skein.testsupport.PostgresDatabase;
import dev.skein.testsupport.RequiresPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class RepoReadsPostgresTest extends RepoReadsContract {
    private static PostgresDatabase db;

    @BeforeAll
    static void database(PostgresDatabase database) {
        db = database;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry, () -> db);
    }

    /**
     * Keys compare by their bytes whatever the database's default collation: the listing test above cannot
     * tell on a database created with a byte-order collation (as {@code C.UTF-8} is), so the columns' own
     * collation is checked too.
     */
    @Test
    void recordKeysAndCollectionsCompareByTheirBytes() {
        assertThat(pdsJdbcClient.sql("""
                        SELECT column_name, collation_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'record'
                        AND column_name IN ('collection', 'rkey') ORDER BY column_name""")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list())
                .containsExactly("collection=C", "rkey=C");
    }
}
