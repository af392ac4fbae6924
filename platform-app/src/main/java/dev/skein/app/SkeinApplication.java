package dev.skein.app;

import java.util.Arrays;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The Skein executable: a parent context that holds what the roles share (the settings and the data
 * directory) and starts one web context per role {@link SkeinProperties#roles()} names
 * ({@link RoleContexts}). The parent serves nothing itself.
 */
@SpringBootConfiguration
@EnableConfigurationProperties(SkeinProperties.class)
public class SkeinApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(SkeinApplication.class).web(WebApplicationType.NONE).run(expandShortFlags(args));
    }

    /** {@code --roles=plc,pds} is short for {@code --skein.roles=plc,pds}. */
    static String[] expandShortFlags(String[] args) {
        return Arrays.stream(args).map(a -> a.startsWith("--roles=") ? "--skein." + a.substring(2) : a).toArray(String[]::new);
    }

    @Bean
    DataDirectory dataDirectory(SkeinProperties properties) {
        return DataDirectory.create(properties.dataDir());
    }

    @Bean
    AdminPassword adminPassword(DataDirectory data, Environment env) {
        return AdminPassword.load(data, env.getProperty(AdminPassword.PROPERTY));
    }

    @Bean
    RoleContexts roleContexts(SkeinProperties properties, DataDirectory data, AdminPassword adminPassword) {
        return new RoleContexts(properties, data, adminPassword);
    }
}
