package dev.skein.relay;

import dev.skein.relay.host.Host;
import dev.skein.relay.identity.DidResolver;
import dev.skein.relay.store.RelayDatabase;
import dev.skein.relay.upstream.UpstreamSettings;
import dev.skein.relay.web.RelayWeb;
import dev.skein.xrpc.AdminCredential;
import dev.skein.xrpc.OpenSockets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.server.WebFilter;

/**
 * The relay role: a {@link Relay} from {@link RelayProperties}, and its HTTP front ({@link RelayWeb}) mounted on the
 * context's WebFlux server. A {@link DidResolver} bean, if there is one, replaces resolution over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
public class RelayConfiguration {
    static final String ADMIN_PASSWORD_FILE = "admin-password";

    @Bean(destroyMethod = "close")
    public Relay relay(RelayProperties p, ObjectProvider<MeterRegistry> registry, ObjectProvider<DidResolver> resolver) {
        return Relay.start(settings(p), resolver.getIfAvailable(), registry.getIfAvailable(SimpleMeterRegistry::new),
                Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    public RelayWeb relayWeb(Relay relay, RelayProperties p, @Value("${skein.admin.password-hash:}") String adminHash) {
        return new RelayWeb(relay, adminCredential(p, adminHash), p.validateOutput());
    }

    /** Closes subscribeRepos and Jetstream streams with 1001 Going Away before the server stops. */
    @Bean
    public OpenSockets relayOpenSockets(RelayWeb web) {
        return web.openSockets();
    }

    @Bean
    public RouterFunction<ServerResponse> relayRoutes(RelayWeb web) {
        return web.routes();
    }

    @Bean
    public HandlerMapping relayWebSockets(RelayWeb web) {
        return web.webSocketMapping();
    }

    @Bean
    public WebSocketHandlerAdapter relayWebSocketAdapter(RelayWeb web) {
        return web.webSocketAdapter();
    }

    @Bean
    public WebFilter relayServerHeader(RelayWeb web) {
        return web.serverHeader();
    }

    static RelaySettings settings(RelayProperties p) {
        RelayProperties.Datasource ds = p.datasource();
        String url = ds.url() != null ? ds.url()
                : RelayDatabase.h2FileUrl(Path.of(p.dataDir()).toAbsolutePath().resolve("relay").toString());
        boolean postgres = !url.startsWith("jdbc:h2:");
        UpstreamSettings up = UpstreamSettings.DEFAULTS;
        up = new UpstreamSettings(p.defaultAccountLimit(), p.defaultEventsPerSecond(), up.maxFailures(), up.minBackoff(),
                up.maxBackoff(), p.allowInsecureHosts(), p.allowedHosts(), p.deniedHosts(), p.publicCrawl(), up.requestTimeout(), up.newHostsPerDay());
        RelaySettings d = RelaySettings.defaults(url);
        return new RelaySettings(url, ds.username() != null ? ds.username() : postgres ? null : "sa",
                ds.password() != null ? ds.password() : postgres ? null : "", postgres ? (ds.schema() != null ? ds.schema() : "relay") : null,
                URI.create(p.plcUrl()), p.hosts().stream().map(Host::parse).toList(), up, d.ingest(), p.retention(),
                d.identityTtl(), p.consumerBuffer(), d.resyncConcurrency(), d.maxRepoBytes());
    }

    /**
     * The operator's credential: {@code skein.relay.admin-password} if set; else the platform's shared one
     * ({@code skein.admin.password-hash}, which the executable sets for every role); else, for a relay run on
     * its own, the password generated into the data directory on first start.
     */
    static AdminCredential adminCredential(RelayProperties p, String sharedHash) {
        if (p.adminPassword() != null && !p.adminPassword().isEmpty()) {
            return AdminCredential.ofPassword(p.adminPassword());
        }
        if (sharedHash != null && !sharedHash.isBlank()) {
            return AdminCredential.ofHash(sharedHash);
        }
        return AdminCredential.ofPassword(generatedPassword(p));
    }

    private static String generatedPassword(RelayProperties p) {
        Path file = Path.of(p.dataDir()).resolve(ADMIN_PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
