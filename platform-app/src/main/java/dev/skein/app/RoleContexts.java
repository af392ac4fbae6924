package dev.skein.app;

import dev.skein.pds.lexicon.LexiconPublisher;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.BeansException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts one web application context per configured role instance ({@link RoleInstance}: one per role, or one
 * per named PDS in {@code skein.pds-instances}), as children of the process's context, in {@link Role} order,
 * and closes them in reverse when the process stops.
 *
 * <p>Each context gets its port ({@link #port}), {@code skein.<role>.data-dir} defaulting to
 * {@code <data-dir>/<role>} ({@code <data-dir>/pds-<name>} for a named PDS), the platform's admin credential
 * hash, and, where a role needs another one that runs in the same process, that role's address as default:
 * the PDS's {@code skein.pds.plc-url} is the local PLC directory, and its {@code skein.pds.crawlers} the local
 * relay (which starts after it, at the port it is configured with); the relay's {@code skein.relay.hosts} are
 * every local PDS; the PDS publishes the platform's Lexicons ({@code skein.pds.lexicon-authority.enabled}).
 * Anything set explicitly wins over these defaults, except the port, which is the instance's own.
 */
public final class RoleContexts implements SmartLifecycle, ApplicationContextAware, ApplicationListener<ContextClosedEvent>, Ordered {
    private final SkeinProperties properties;
    private final DataDirectory data;
    private final AdminPassword admin;
    private final Map<RoleInstance, ConfigurableApplicationContext> running = Collections.synchronizedMap(new LinkedHashMap<>());
    private ConfigurableApplicationContext parent;

    RoleContexts(SkeinProperties properties, DataDirectory data, AdminPassword admin) {
        this.properties = properties;
        this.data = data;
        this.admin = admin;
    }

    @Override
    public void setApplicationContext(ApplicationContext context) throws BeansException {
        this.parent = (ConfigurableApplicationContext) context;
    }

    @Override
    public synchronized void start() {
        String[] args = parent.getBeanProvider(ApplicationArguments.class).stream().findFirst()
                .map(ApplicationArguments::getSourceArgs).orElse(new String[0]);
        Environment env = parent.getEnvironment();
        List<RoleInstance> plan = plan(env);
        try {
            for (RoleInstance instance : plan) {
                running.put(instance, startInstance(instance, env, args));
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        StartupReport.print(data, instanceUrls(), env.getProperty("server.address"), admin);
        running.values().forEach(context -> context.getBeanProvider(LexiconPublisher.class).stream().findFirst()
                .ifPresent(StartupReport::lexiconAuthority));
    }

    /**
     * The instances to start, in start order, checked before any starts: named PDS instances need a port
     * unless every port is random, and no two instances may share a fixed port.
     */
    List<RoleInstance> plan(Environment env) {
        List<PdsInstance> pdsInstances = PdsInstance.from(env);
        List<RoleInstance> plan = new ArrayList<>();
        for (Role role : Role.values()) {
            if (!properties.roles().contains(role)) {
                continue;
            }
            if (role == Role.PDS && !pdsInstances.isEmpty()) {
                pdsInstances.forEach(p -> plan.add(RoleInstance.named(p)));
            } else {
                plan.add(RoleInstance.of(role));
            }
        }
        Map<Integer, RoleInstance> taken = new HashMap<>();
        for (RoleInstance instance : plan) {
            int port = port(instance, env);
            RoleInstance other = port == 0 ? null : taken.putIfAbsent(port, instance);
            if (other != null) {
                throw new IllegalArgumentException("port " + port + " is given to both " + other.label() + " and "
                        + instance.label() + ": set skein.ports.<role> or " + PdsInstance.PREFIX + ".<name>.port apart");
            }
        }
        return List.copyOf(plan);
    }

    private ConfigurableApplicationContext startInstance(RoleInstance instance, Environment env, String[] args) {
        Map<String, Object> forced = new HashMap<>();
        instance.pds().ifPresent(p -> forced.putAll(p.overrides(data)));
        forced.put("server.port", port(instance, env));
        forced.put("spring.application.name", "skein-" + instance.folder());
        forced.put(AdminPassword.HASH_PROPERTY, admin.hash());
        return new SpringApplicationBuilder(RoleApplication.class, instance.role().configuration())
                .parent(parent)
                .properties(defaults(instance, env))
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("skein-role-" + instance.folder(), forced)))
                .run(args);
    }

    /**
     * The port of {@code role}: {@code skein.ports.<role>} if set; else every role on a random port when
     * {@code server.port} is 0 (tests), the platform role on {@code server.port} when that is set otherwise;
     * else the role's default.
     */
    int port(Role role, Environment env) {
        return port(RoleInstance.of(role), env);
    }

    /** The port of an instance: a named PDS's own {@code port}, required unless {@code server.port} is 0. */
    int port(RoleInstance instance, Environment env) {
        Integer serverPort = env.getProperty("server.port", Integer.class);
        Optional<PdsInstance> pds = instance.pds();
        if (pds.isPresent()) {
            if (pds.get().port() != null) {
                return pds.get().port();
            }
            if (serverPort != null && serverPort == 0) {
                return 0;
            }
            throw new IllegalArgumentException(PdsInstance.PREFIX + "." + pds.get().name()
                    + ".port is not set: each PDS instance needs a port of its own (or server.port=0 for random ports)");
        }
        Role role = instance.role();
        if (properties.ports().containsKey(role)) {
            return properties.ports().get(role);
        }
        if (serverPort != null && (serverPort == 0 || role == Role.PLATFORM)) {
            return serverPort;
        }
        return role.defaultPort();
    }

    /** Low-priority settings of a role's context: its data folder, and the address of roles it needs. */
    Map<String, Object> defaults(Role role) {
        return defaults(RoleInstance.of(role), parent == null ? new StandardEnvironment() : parent.getEnvironment());
    }

    Map<String, Object> defaults(Role role, Environment env) {
        return defaults(RoleInstance.of(role), env);
    }

    Map<String, Object> defaults(RoleInstance instance, Environment env) {
        Role role = instance.role();
        Map<String, Object> d = new HashMap<>();
        d.put("skein." + role.id() + ".data-dir", data.root().resolve(instance.folder()).toString());
        if (role == Role.PDS) {
            url(Role.PLC).ifPresent(plc -> d.put("skein.pds.plc-url", plc.toString()));
            // The platform publishes its Lexicons from one PDS, the first to start, so that the network has a
            // single authority account; a PDS embedded elsewhere (tests) does not unless asked.
            boolean firstPds;
            synchronized (running) {
                firstPds = running.keySet().stream().noneMatch(i -> i.role() == Role.PDS);
            }
            d.put("skein.pds.lexicon-authority.enabled", Boolean.toString(firstPds));
            // The relay starts after the PDS, so its address is the port it will take; the PDS asks it to
            // crawl once it is up (retrying until then). A random port is not known in advance: no default.
            int relayPort = properties.roles().contains(Role.RELAY) ? port(Role.RELAY, env) : 0;
            if (relayPort != 0) {
                d.put("skein.pds.crawlers", "http://127.0.0.1:" + relayPort);
            }
        }
        if (role == Role.RELAY) {
            url(Role.PLC).ifPresent(plc -> d.put("skein.relay.plc-url", plc.toString()));
            // Each local PDS publishes http://localhost:<port> as its endpoint in DID documents; the relay
            // crawls them under that name, and plain ws:// is allowed for loopback hosts only.
            String hosts = instanceUrls().entrySet().stream().filter(e -> e.getKey().role() == Role.PDS)
                    .map(e -> "localhost:" + e.getValue().getPort()).collect(Collectors.joining(","));
            if (!hosts.isEmpty()) {
                d.put("skein.relay.hosts", hosts);
                d.put("skein.relay.allow-insecure-hosts", "true");
            }
        }
        return d;
    }

    /** Where a running role listens, on loopback (its first instance, for a PDS with named instances). */
    public Optional<URI> url(Role role) {
        synchronized (running) {
            return running.keySet().stream().filter(i -> i.role() == role).findFirst().flatMap(this::url);
        }
    }

    /** Where a running instance listens, on loopback. */
    public Optional<URI> url(RoleInstance instance) {
        ConfigurableApplicationContext c = running.get(instance);
        if (!(c instanceof WebServerApplicationContext web)) {
            return Optional.empty();
        }
        return Optional.of(URI.create("http://127.0.0.1:" + web.getWebServer().getPort()));
    }

    /** The roles running, with the loopback URL of each one's first instance, in start order. */
    public Map<Role, URI> urls() {
        Map<Role, URI> urls = new LinkedHashMap<>();
        instanceUrls().forEach((instance, url) -> urls.putIfAbsent(instance.role(), url));
        return urls;
    }

    /** Every running instance with its loopback URL, in start order. */
    public Map<RoleInstance, URI> instanceUrls() {
        Map<RoleInstance, URI> urls = new LinkedHashMap<>();
        List<RoleInstance> instances;
        synchronized (running) {
            instances = List.copyOf(running.keySet());
        }
        for (RoleInstance i : instances) {
            url(i).ifPresent(u -> urls.put(i, u));
        }
        return urls;
    }

    /** The context of a running role (its first instance), for tests and diagnostics. */
    public Optional<ConfigurableApplicationContext> context(Role role) {
        synchronized (running) {
            return running.entrySet().stream().filter(e -> e.getKey().role() == role).map(Map.Entry::getValue).findFirst();
        }
    }

    /** The context of a running instance, for tests and diagnostics. */
    public Optional<ConfigurableApplicationContext> context(RoleInstance instance) {
        return Optional.ofNullable(running.get(instance));
    }

    @Override
    public synchronized void stop() {
        List<RoleInstance> started;
        synchronized (running) {
            started = new ArrayList<>(running.keySet());
        }
        Collections.reverse(started);
        for (RoleInstance instance : started) {
            ConfigurableApplicationContext c = running.remove(instance);
            if (c != null) {
                c.close();
            }
        }
    }

    /**
     * Closes the roles, last started first, as soon as the process's context closes: Spring Boot would
     * otherwise close each child when it hears of its parent closing, in no particular order, before this
     * lifecycle's {@link #stop()}.
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == parent) {
            stop();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean isRunning() {
        return !running.isEmpty();
    }
}
