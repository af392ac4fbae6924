package dev.skein.pds.lexicon;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the lexicon-authority account ({@code skein.pds.lexicon-authority.*}).
 *
 * @param enabled whether the PDS publishes its Lexicons at start; off unless set, because a bare PDS (tests,
 *     embedders) should not grow an account nobody asked for: {@code skein.jar} turns it on for its PDS role
 * @param handle the account's handle; empty means {@code lexicons} under the first of
 *     {@code skein.pds.handle-domains}, e.g. {@code lexicons.test}
 * @param namespaces NSID prefixes of the Lexicons to publish: those this platform is the authority for. The
 *     copies of {@code com.atproto.*} and {@code app.bsky.*} it bundles are not published, since only an NSID's
 *     authority may publish its schema
 * @param retry how long to wait before trying again when publishing fails (the PLC directory not reachable yet)
 */
@ConfigurationProperties("skein.pds.lexicon-authority")
public record LexiconAuthorityProperties(
        @DefaultValue("false") boolean enabled,
        String handle,
        @DefaultValue("agent.") List<String> namespaces,
        @DefaultValue("30s") Duration retry) {

    public LexiconAuthorityProperties {
        namespaces = List.copyOf(namespaces);
        for (String n : namespaces) {
            if (n.isBlank() || n.startsWith(".")) {
                throw new IllegalArgumentException(
                        "skein.pds.lexicon-authority.namespaces entries are NSID prefixes such as agent.: " + n);
            }
        }
        Objects.requireNonNull(retry, "skein.pds.lexicon-authority.retry");
        if (retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("skein.pds.lexicon-authority.retry must be positive: " + retry);
        }
    }

    /** The handle to use: the configured one, else {@code lexicons} + the first handle domain. */
    public String handleFor(List<String> handleDomains) {
        return Optional.ofNullable(handle).filter(h -> !h.isBlank())
                .orElseGet(() -> "lexicons" + handleDomains.getFirst());
    }

    /** Whether the Lexicon {@code nsid} is one to publish. */
    public boolean publishes(String nsid) {
        return namespaces.stream().anyMatch(nsid::startsWith);
    }
}
