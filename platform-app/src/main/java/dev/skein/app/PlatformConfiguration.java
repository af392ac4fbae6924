package dev.skein.app;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** What every Skein process has, whatever its roles: the data directory and the platform port. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    DataDirectory dataDirectory(SkeinProperties properties) {
        return DataDirectory.create(properties.dataDir());
    }

    /**
     * Puts the HTTP server on the platform role's port. An explicit {@code server.port} wins, so that
     * Spring's own conventions (and tests on a random port) keep working.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> platformPort(SkeinProperties properties, Environment env) {
        return factory -> {
            if (!env.containsProperty("server.port")) {
                factory.setPort(properties.port(Role.PLATFORM));
            }
        };
    }
}
