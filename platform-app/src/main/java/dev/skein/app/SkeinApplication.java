package dev.skein.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Skein executable: starts the roles {@link SkeinProperties#roles()} names, in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SkeinApplication {

    public static void main(String[] args) {
        SpringApplication.run(SkeinApplication.class, args);
    }
}
