package dev.skein.xrpc;

import dev.skein.core.lexicon.LexBody;
import dev.skein.core.lexicon.LexProcedure;
import dev.skein.core.lexicon.LexQuery;
import dev.skein.core.lexicon.LexSchema;
import dev.skein.core.lexicon.LexSubscription;
import dev.skein.core.lexicon.LexiconCatalog;
import dev.skein.core.syntax.Nsid;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The methods and subscriptions a service serves, with the lexicon catalog that describes them.
 *
 * <p>A method the catalog has is checked against its schema when registered: a query must be a
 * {@code query}, a procedure a {@code procedure} whose input matches {@link XrpcMethod#input()}; a
 * mismatch is a programming error and stops the service from starting. A method the catalog lacks is
 * still served, without schema validation (its parameters arrive as strings).
 */
public final class XrpcRegistry {
    private final LexiconCatalog catalog;
    private final Map<Nsid, XrpcMethod> methods;
    private final Map<Nsid, XrpcSubscription> subscriptions;

    public XrpcRegistry(LexiconCatalog catalog, Collection<? extends XrpcMethod> methods,
                        Collection<? extends XrpcSubscription> subscriptions) {
        this.catalog = catalog;
        Map<Nsid, XrpcMethod> m = new LinkedHashMap<>();
        for (XrpcMethod method : methods) {
            if (m.putIfAbsent(method.nsid(), method) != null) {
                throw new IllegalStateException("two handlers for " + method.nsid());
            }
            checkAgainstLexicon(method);
        }
        Map<Nsid, XrpcSubscription> s = new LinkedHashMap<>();
        for (XrpcSubscription sub : subscriptions) {
            if (m.containsKey(sub.nsid()) || s.putIfAbsent(sub.nsid(), sub) != null) {
                throw new IllegalStateException("two handlers for " + sub.nsid());
            }
            main(sub.nsid()).ifPresent(def -> {
                if (!(def instanceof LexSubscription)) {
                    throw new IllegalStateException(sub.nsid() + " is served as a subscription but its lexicon is a " + def.type());
                }
            });
        }
        this.methods = Collections.unmodifiableMap(m);
        this.subscriptions = Collections.unmodifiableMap(s);
    }

    public LexiconCatalog catalog() {
        return catalog;
    }

    public Optional<XrpcMethod> method(Nsid nsid) {
        return Optional.ofNullable(methods.get(nsid));
    }

    public Optional<XrpcSubscription> subscription(Nsid nsid) {
        return Optional.ofNullable(subscriptions.get(nsid));
    }

    public Collection<XrpcMethod> methods() {
        return methods.values();
    }

    public Collection<XrpcSubscription> subscriptions() {
        return subscriptions.values();
    }

    /** Whether the catalog has the method's schema, so that its parameters and bodies are validated. */
    public boolean hasSchema(Nsid nsid) {
        return main(nsid).isPresent();
    }

    private Optional<LexSchema> main(Nsid nsid) {
        return catalog.document(nsid).flatMap(d -> d.main());
    }

    private void checkAgainstLexicon(XrpcMethod method) {
        Optional<LexSchema> def = main(method.nsid());
        if (def.isEmpty()) {
            return;
        }
        switch (def.get()) {
            case LexQuery q when method.kind() == XrpcMethod.Kind.QUERY -> {
                if (method.input() != XrpcMethod.Input.NONE) {
                    throw mismatch(method, "a query has no input");
                }
            }
            case LexProcedure p when method.kind() == XrpcMethod.Kind.PROCEDURE -> {
                XrpcMethod.Input declared = p.input().map(XrpcRegistry::inputOf).orElse(XrpcMethod.Input.NONE);
                if (declared != method.input()) {
                    throw mismatch(method, "its lexicon's input is " + declared + ", the handler reads " + method.input());
                }
            }
            case LexSchema other -> throw mismatch(method, "its lexicon is a " + other.type());
        }
    }

    private static XrpcMethod.Input inputOf(LexBody body) {
        return body.encoding().equals("application/json") ? XrpcMethod.Input.JSON : XrpcMethod.Input.BYTES;
    }

    private static IllegalStateException mismatch(XrpcMethod method, String why) {
        return new IllegalStateException(method.nsid() + " is served as a " + method.kind().name().toLowerCase()
                + " reading " + method.input() + ", but " + why);
    }
}
