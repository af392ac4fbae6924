package dev.skein.app;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.BeansException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts one web application context per configured role, as children of the process's context, in
 * {@link Role} order, and closes them in reverse when the process stops.
 *
 * <p>Each role's context gets its port ({@link #port}), {@code skein.<role>.data-dir} defaulting to
 * {@code <data-dir>/<role>}, and, where a role needs another one that runs in the same process, that role's
 * address as default: the PDS's {@code skein.pds.plc-url} is the local PLC directory, and its
 * {@code skein.pds.crawlers} the local relay (which starts after it, at the port it is configured with).
 * Anything set explicitly wins over these defaults, except the port, which is the role's own.
 */
public final class RoleContexts implements SmartLifecycle, ApplicationContextAware {
    private final SkeinProperties properties;
    private final DataDirectory data;
    private final Map<Role, ConfigurableApplicationContext> running = Collections.synchronizedMap(new EnumMap<>(Role.class));
    private ConfigurableApplicationContext parent;

    RoleContexts(SkeinProperties properties, DataDirectory data) {
        this.properties = properties;
        this.data = data;
    }

    @Override
    public void setApplicationContext(ApplicationContext context) throws BeansException {
        this.parent = (ConfigurableApplicationContext) context;
    }

    @Override
    public synchronized void start() {
        String[] args = parent.getBeanProvider(ApplicationArguments.class).stream().findFirst()
                .map(ApplicationArguments::getSourceArgs).orElse(new String[0]);
        try {
            for (Role role : Role.values()) {
                if (properties.roles().contains(role)) {
                    running.put(role, startRole(role, args));
                }
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        StartupReport.print(data, urls(), parent.getEnvironment().getProperty("server.address"));
    }

    private ConfigurableApplicationContext startRole(Role role, String[] args) {
        Map<String, Object> forced = new HashMap<>();
        forced.put("server.port", port(role, parent.getEnvironment()));
        forced.put("spring.application.name", "skein-" + role.id());
        return new SpringApplicationBuilder(RoleApplication.class, role.configuration())
                .parent(parent)
                .properties(defaults(role))
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("skein-role-" + role.id(), forced)))
                .run(args);
    }

    /**
     * The port of {@code role}: {@code skein.ports.<role>} if set; else every role on a random port when
     * {@code server.port} is 0 (tests), the platform role on {@code server.port} when that is set otherwise;
     * else the role's default.
     */
    int port(Role role, Environment env) {
        if (properties.ports().containsKey(role)) {
            return properties.ports().get(role);
        }
        Integer serverPort = env.getProperty("server.port", Integer.class);
        if (serverPort != null && (serverPort == 0 || role == Role.PLATFORM)) {
            return serverPort;
        }
        return role.defaultPort();
    }

    /** Low-priority settings of a role's context: its data folder, and the address of roles it needs. */
    Map<String, Object> defaults(Role role) {
        return defaults(role, parent == null ? new StandardEnvironment() : parent.getEnvironment());
    }

    Map<String, Object> defaults(Role role, Environment env) {
        Map<String, Object> d = new HashMap<>();
        d.put("skein." + role.id() + ".data-dir", data.root().resolve(role.id()).toString());
        if (role == Role.PDS) {
            url(Role.PLC).ifPresent(plc -> d.put("skein.pds.plc-url", plc.toString()));
            // The relay starts after the PDS, so its address is the port it will take; the PDS asks it to
            // crawl once it is up (retrying until then). A random port is not known in advance: no default.
            int relayPort = properties.roles().contains(Role.RELAY) ? port(Role.RELAY, env) : 0;
            if (relayPort != 0) {
                d.put("skein.pds.crawlers", "http://127.0.0.1:" + relayPort);
            }
        }
        if (role == Role.RELAY) {
            url(Role.PLC).ifPresent(plc -> d.put("skein.relay.plc-url", plc.toString()));
            // The local PDS publishes http://localhost:<port> as its endpoint in DID documents; the relay
            // crawls it under that name, and plain ws:// is allowed for loopback hosts only.
            url(Role.PDS).ifPresent(pds -> {
                d.put("skein.relay.hosts", "localhost:" + pds.getPort());
                d.put("skein.relay.allow-insecure-hosts", "true");
            });
        }
        return d;
    }

    /** Where a running role listens, on loopback. */
    public Optional<URI> url(Role role) {
        ConfigurableApplicationContext c = running.get(role);
        if (!(c instanceof WebServerApplicationContext web)) {
            return Optional.empty();
        }
        return Optional.of(URI.create("http://127.0.0.1:" + web.getWebServer().getPort()));
    }

    /** The roles running, with their loopback URLs, in start order. */
    public Map<Role, URI> urls() {
        Map<Role, URI> urls = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            url(r).ifPresent(u -> urls.put(r, u));
        }
        return urls;
    }

    /** The context of a running role (for tests and diagnostics). */
    public Optional<ConfigurableApplicationContext> context(Role role) {
        return Optional.ofNullable(running.get(role));
    }

    @Override
    public synchronized void stop() {
        List<Role> started = new ArrayList<>(running.keySet());
        Collections.reverse(started);
        for (Role role : started) {
            ConfigurableApplicationContext c = running.remove(role);
            if (c != null) {
                c.close();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return !running.isEmpty();
    }
}
