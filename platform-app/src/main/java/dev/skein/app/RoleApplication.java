package dev.skein.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The primary source of every role's context: Spring Boot's auto-configuration (the reactive web server,
 * codecs, actuator), to which {@link RoleContexts} adds the role's own {@code @Configuration}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RoleApplication {}
