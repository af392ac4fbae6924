package dev.skein.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Skein executable: a parent context that holds what the roles share (the settings and the data
 * directory) and starts one web context per role {@link SkeinProperties#roles()} names
 * ({@link RoleContexts}). The parent serves nothing itself.
 */
@SpringBootConfiguration
@EnableConfigurationProperties(SkeinProperties.class)
public class SkeinApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(SkeinApplication.class).web(WebApplicationType.NONE).run(args);
    }

    @Bean
    DataDirectory dataDirectory(SkeinProperties properties) {
        return DataDirectory.create(properties.dataDir());
    }

    @Bean
    RoleContexts roleContexts(SkeinProperties properties, DataDirectory data) {
        return new RoleContexts(properties, data);
    }
}
