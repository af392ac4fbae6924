package dev.skein.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The primary source of every role's context: Spring Boot's auto-configuration (the reactive web server,
 * codecs, actuator), to which {@link RoleContexts} adds the role's own {@code @Configuration}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RoleApplication {

    /**
     * Event loops of the role's own, instead of Reactor Netty's process-wide ones: Boot disposes the loops of
     * its resource factory when a context closes, and with the shared ones the first role to stop would cut
     * every other role's connections (requests in flight, firehose consumers) before their graceful shutdown.
     */
    @Bean
    ReactorResourceFactory roleReactorResources() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
