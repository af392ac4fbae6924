package dev.skein.pds;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BadInputH2Test extends BadInputContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry);
    }
}
