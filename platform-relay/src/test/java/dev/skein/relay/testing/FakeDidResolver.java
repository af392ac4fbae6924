package dev.skein.relay.testing;

import dev.skein.core.identity.DidDocument;
import dev.skein.core.syntax.Did;
import dev.skein.relay.identity.DidResolver;
import dev.skein.relay.identity.IdentityResolutionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A PLC directory in memory: documents are set by the test; resolving counts calls. */
public final class FakeDidResolver implements DidResolver {
    private final Map<Did, DidDocument> docs = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public void put(DidDocument doc) {
        docs.put(doc.did(), doc);
    }

    public void remove(Did did) {
        docs.remove(did);
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public DidDocument resolve(Did did) {
        calls.incrementAndGet();
        DidDocument d = docs.get(did);
        if (d == null) {
            throw new IdentityResolutionException(did, IdentityResolutionException.Reason.NOT_FOUND, "no such DID");
        }
        return d;
    }
}
