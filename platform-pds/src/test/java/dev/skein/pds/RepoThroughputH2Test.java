package dev.skein.pds;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RepoThroughputH2Test extends RepoThroughputContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry);
    }
}
