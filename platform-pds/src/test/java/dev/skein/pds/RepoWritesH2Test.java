package dev.skein.pds;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RepoWritesH2Test extends RepoWritesContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry);
    }
}
