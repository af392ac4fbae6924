package dev.skein.pds;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RepoReadsH2Test extends RepoReadsContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry);
    }
}
