package dev.skein.pds;

import dev.skein.plc.PlcConfiguration;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A real PLC directory (the {@code plc} role) for the tests of this JVM: started on first use on a random
 * port, with its embedded database under {@code target/test-data}, and shared by every test class.
 */
public final class TestPlc {
    private static ConfigurableApplicationContext context;

    /**
     * The directory serves on Netty loops of its own: a test that closes a context using Reactor's global
     * resources disposes those, and the directory must outlive every such test class.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PlcConfiguration.class)
    static class Directory {
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    private TestPlc() {}

    /** The directory's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public static synchronized String url() {
        if (context == null) {
            Path data = Path.of("target", "test-data", UUID.randomUUID().toString(), "plc");
            context = new SpringApplicationBuilder(Directory.class)
                    .properties("server.port=0", "server.address=127.0.0.1", "skein.plc.data-dir=" + data,
                            "spring.main.banner-mode=off", "management.endpoints.web.exposure.include=")
                    .run();
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
