package dev.skein.pds;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BlobsH2Test extends BlobsContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry);
    }
}
