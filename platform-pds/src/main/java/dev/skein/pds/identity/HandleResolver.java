package dev.skein.pds.identity;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.InitialDirContext;

/**
 * Resolves handles that are not this PDS's: a DNS TXT record {@code _atproto.<handle>} holding
 * {@code did=<DID>}, and {@code GET https://<handle>/.well-known/atproto-did}. DNS wins when both answer;
 * several different DIDs in DNS is no answer. Blocking.
 *
 * <p>Spec: <a href="https://atproto.com/specs/handle#handle-resolution">handle resolution</a>.
 */
public final class HandleResolver {
    /** Largest well-known answer read: a DID is at most 2048 characters. */
    static final int MAX_WELL_KNOWN_BYTES = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** DNS TXT lookups, replaceable in tests. */
    @FunctionalInterface
    public interface TxtLookup {
        List<String> txt(String name);
    }

    private final TxtLookup dns;
    private final Function<Handle, URI> wellKnown;
    private final HttpClient http;

    /** The resolver of the spec: system DNS and HTTPS. */
    public static HandleResolver standard() {
        return new HandleResolver(HandleResolver::systemTxt, h -> URI.create("https://" + h.value() + "/.well-known/atproto-did"));
    }

    public HandleResolver(TxtLookup dns, Function<Handle, URI> wellKnown) {
        this.dns = dns;
        this.wellKnown = wellKnown;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The DID the handle claims, or empty when neither method gives exactly one. */
    public Optional<Did> resolve(Handle handle) {
        Optional<Did> fromDns = viaDns(handle);
        return fromDns.isPresent() ? fromDns : viaWellKnown(handle);
    }

    Optional<Did> viaDns(Handle handle) {
        Set<String> dids = dns.txt("_atproto." + handle.normalized().value()).stream()
                .map(String::strip).filter(t -> t.startsWith("did=")).map(t -> t.substring(4))
                .collect(Collectors.toSet());
        return dids.size() == 1 ? parse(dids.iterator().next()) : Optional.empty();
    }

    Optional<Did> viaWellKnown(Handle handle) {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(wellKnown.apply(handle.normalized()))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() / 100 != 2) {
                    return Optional.empty();
                }
                byte[] body = in.readNBytes(MAX_WELL_KNOWN_BYTES + 1);
                if (body.length > MAX_WELL_KNOWN_BYTES) {
                    return Optional.empty();
                }
                return parse(new String(body, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Did> parse(String s) {
        try {
            return Optional.of(Did.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** TXT records through the JDK's DNS provider; none when the name does not resolve. */
    static List<String> systemTxt(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        List<String> out = new ArrayList<>();
        try {
            InitialDirContext ctx = new InitialDirContext(env);
            try {
                Attributes attrs = ctx.getAttributes(name, new String[] {"TXT"});
                Attribute txt = attrs.get("TXT");
                if (txt != null) {
                    NamingEnumeration<?> values = txt.getAll();
                    while (values.hasMore()) {
                        out.add(unquote(String.valueOf(values.next())));
                    }
                }
            } finally {
                ctx.close();
            }
        } catch (NamingException e) {
            return List.of();
        }
        return out;
    }

    /** A TXT value as JNDI gives it: one or more quoted strings, joined. */
    static String unquote(String v) {
        String s = v.strip();
        if (!s.startsWith("\"")) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (String part : s.split("\"\\s*\"")) {
            b.append(part.replace("\"", ""));
        }
        return b.toString();
    }
}
