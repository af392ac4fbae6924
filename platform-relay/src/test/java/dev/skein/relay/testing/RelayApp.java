package dev.skein.relay.testing;

import dev.skein.relay.Relay;
import dev.skein.relay.RelayConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/** The relay role alone in a Spring Boot WebFlux application on a random port, as the platform app runs it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RelayConfiguration.class)
public class RelayApp {
    public static final String ADMIN_PASSWORD = "relay-test-admin";

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

    /** A running relay app; close it to stop. */
    public record Running(ConfigurableApplicationContext context, int port) implements AutoCloseable {
        public Relay relay() {
            return context.getBean(Relay.class);
        }

        public String http() {
            return "http://localhost:" + port;
        }

        public String ws() {
            return "ws://localhost:" + port;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    public static Running start(Path dataDir, FakeDidResolver plc, List<String> hosts, String... extra) {
        List<String> props = new ArrayList<>(List.of("server.port=0", "skein.relay.data-dir=" + dataDir,
                "skein.relay.allow-insecure-hosts=true", "skein.relay.admin-password=" + ADMIN_PASSWORD,
                "skein.relay.validate-output=true",
                "spring.main.banner-mode=off"));
        for (int i = 0; i < hosts.size(); i++) {
            props.add("skein.relay.hosts[" + i + "]=" + hosts.get(i));
        }
        props.addAll(List.of(extra));
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(RelayApp.class)
                .web(WebApplicationType.REACTIVE)
                .properties(props.toArray(String[]::new))
                .initializers(c -> {
                    if (plc != null) {
                        c.getBeanFactory().registerSingleton("fakePlc", plc);
                    }
                })
                .run();
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        return new Running(ctx, port);
    }
}
