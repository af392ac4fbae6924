package dev.skein.pds;

import dev.skein.testsupport.PostgresDatabase;
import dev.skein.testsupport.RequiresPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class RepoWritesPostgresTest extends RepoWritesContract {
    private static PostgresDatabase db;

    @BeforeAll
    static void database(PostgresDatabase database) {
        db = database;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry, () -> db);
    }
}
