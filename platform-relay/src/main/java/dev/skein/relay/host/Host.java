package dev.skein.relay.host;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A PDS host: a lowercase hostname (DNS name, {@code localhost} or an IPv4 literal) with an optional port, the
 * form {@code com.atproto.sync.requestCrawl} takes and the relay compares with the {@code #atproto_pds} endpoint
 * of an account's DID document. The port is kept only when it is not the scheme's default, so
 * {@code https://pds.example.com:443} and {@code pds.example.com} are the same host.
 */
public record Host(String value) implements Comparable<Host> {
    /** Longest accepted host text (a DNS name is at most 253 characters, plus a port). */
    public static final int MAX_LENGTH = 260;
    private static final int MAX_LABEL = 63;

    public Host {
        Objects.requireNonNull(value, "value");
        String problem = check(value);
        if (problem != null) {
            throw new InvalidHostException(value, problem);
        }
    }

    /** Parses a bare host, lowercasing it. */
    public static Host parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Host(text.trim().toLowerCase(Locale.ROOT));
    }

    /** The host of an http(s) URL, keeping a non-default port. */
    public static Host of(URI url) {
        String host = url.getHost();
        if (host == null) {
            throw new InvalidHostException(String.valueOf(url), "the URL has no host");
        }
        int port = url.getPort();
        boolean defaultPort = port == -1 || ("https".equals(url.getScheme()) && port == 443)
                || ("http".equals(url.getScheme()) && port == 80);
        return parse(defaultPort ? host : host + ":" + port);
    }

    /** The name without the port. */
    public String name() {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** The explicit port, or -1. */
    public int port() {
        int colon = value.indexOf(':');
        return colon < 0 ? -1 : Integer.parseInt(value.substring(colon + 1));
    }

    /** Whether this is the local machine ({@code localhost} or a loopback IPv4 address). */
    public boolean isLocal() {
        String n = name();
        return n.equals("localhost") || n.startsWith("127.");
    }

    @Override
    public int compareTo(Host o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String check(String v) {
        if (v.isEmpty() || v.length() > MAX_LENGTH) {
            return "length must be 1 to " + MAX_LENGTH;
        }
        int colon = v.indexOf(':');
        String name = colon < 0 ? v : v.substring(0, colon);
        if (colon >= 0) {
            String port = v.substring(colon + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return "port must be a number";
            }
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                return "port out of range";
            }
        }
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i < name.length() && name.charAt(i) != '.') {
                char c = name.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return "character '" + c + "' is not allowed in a hostname";
                }
                continue;
            }
            int len = i - start;
            if (len == 0 || len > MAX_LABEL) {
                return "each label must be 1 to " + MAX_LABEL + " characters";
            }
            if (name.charAt(start) == '-' || name.charAt(i - 1) == '-') {
                return "a label must not start or end with '-'";
            }
            start = i + 1;
        }
        return null;
    }
}
