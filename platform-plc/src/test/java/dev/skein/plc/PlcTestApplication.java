package dev.skein.plc;

import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/** The PLC role alone in a web application, with a clock the tests move. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PlcConfiguration.class)
class PlcTestApplication {
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    /**
     * Event loops of this context's own. With Reactor Netty's process-wide ones, stopping any test context
     * (Spring pauses a cached context when the next test class starts, and closes it when it is evicted)
     * disposes the loops and connection pool that every other context's server and the tests' clients still
     * use: a request then waits forever on a loop that no longer runs.
     */
    @Bean
    ReactorResourceFactory ownReactorResources() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }

    @Bean
    MutableClock testClock() {
        return new MutableClock(START);
    }
}
