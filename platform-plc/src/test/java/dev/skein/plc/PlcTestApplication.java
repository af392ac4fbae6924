package dev.skein.plc;

import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The PLC role alone in a web application, with a clock the tests move. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PlcConfiguration.class)
class PlcTestApplication {
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    @Bean
    MutableClock testClock() {
        return new MutableClock(START);
    }
}
