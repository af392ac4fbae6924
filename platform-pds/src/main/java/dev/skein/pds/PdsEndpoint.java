package dev.skein.pds;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where the PDS is reached: {@code skein.pds.public-url} when set, otherwise
 * {@code http://<hostname>:<port>} with the port its web server listens on, known once it has started.
 * This URL goes into every account's DID document as its {@code atproto_pds} service.
 */
public final class PdsEndpoint implements ApplicationListener<WebServerInitializedEvent> {
    private final PdsProperties properties;
    private final AtomicReference<URI> fromPort = new AtomicReference<>();

    public PdsEndpoint(PdsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        fromPort.set(URI.create("http://" + properties.hostname() + ":" + event.getWebServer().getPort()));
    }

    /** The public URL; before the server has started and with none configured, an {@link IllegalStateException}. */
    public URI publicUrl() {
        Optional<URI> configured = properties.configuredPublicUrl();
        if (configured.isPresent()) {
            return stripSlash(configured.get());
        }
        URI u = fromPort.get();
        if (u == null) {
            throw new IllegalStateException("the PDS's public URL is not known before its server starts; set skein.pds.public-url");
        }
        return u;
    }

    /** The PDS's service DID ({@code did:web:<hostname>}). */
    public String serviceDid() {
        return properties.serviceDid();
    }

    private static URI stripSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
    }
}
