package dev.skein.app;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Skein's settings ({@code skein.*}), with their defaults here rather than in a properties file.
 *
 * @param dataDir where the process keeps its state (databases, keys, blobs), a sub-folder per role; created at start
 * @param roles the roles this process runs; all of them when not set
 * @param ports a port per role, for those that should not use {@link Role#defaultPort()}
 */
@ConfigurationProperties("skein")
public record SkeinProperties(
        @DefaultValue("data") Path dataDir,
        Set<Role> roles,
        Map<Role, Integer> ports) {

    public SkeinProperties {
        if (roles == null) {
            roles = EnumSet.allOf(Role.class);
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("skein.roles is empty: name at least one of " + List.of(Role.values()));
        }
        roles = Set.copyOf(roles);
        ports = ports == null ? Map.of() : Map.copyOf(ports);
        ports.forEach((role, port) -> {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("skein.ports." + role.id() + " is not a port: " + port);
            }
        });
    }

    /** The port {@code role} listens on: its configured one, else its default. */
    public int port(Role role) {
        return ports.getOrDefault(role, role.defaultPort());
    }
}
