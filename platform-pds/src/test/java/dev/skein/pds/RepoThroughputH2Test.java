package dev.skein.pds;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RepoThroughputH2Test extends RepoThroughputContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry);
        String extra = System.getProperty("skein.h2extra");
        if (extra != null) {
            Path dir = Path.of("target", "test-data", UUID.randomUUID().toString(), "h2").toAbsolutePath();
            registry.add("skein.pds.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("pds")
                    + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64" + extra);
        }
    }
}
