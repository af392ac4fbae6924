package dev.skein.relay.stream;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.Nsid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Jetstream consumer's filter: {@code wantedCollections} (NSIDs, or prefixes like {@code agent.comms.*}),
 * {@code wantedDids}, {@code maxMessageSizeBytes}. Collections filter commit events only; identity and account
 * events always pass it (Jetstream v1: a collection-scoped consumer still needs them). DIDs filter every event.
 *
 * @param collections exact collection NSIDs, or {@code null} for all
 * @param prefixes collection prefixes ending in {@code .}, matched when {@code collections} is not {@code null}
 * @param dids wanted DIDs, or {@code null} for all
 * @param maxMessageSizeBytes the largest message sent, 0 for no limit
 */
public record JetstreamFilter(Set<String> collections, List<String> prefixes, Set<Did> dids, int maxMessageSizeBytes) {
    /** Jetstream's caps on one consumer's filter. */
    public static final int MAX_COLLECTIONS = 100;
    public static final int MAX_DIDS = 10_000;
    public static final JetstreamFilter ALL = new JetstreamFilter(null, List.of(), null, 0);

    /**
     * A filter from the lists a consumer sent (query parameters or an {@code options_update}); empty lists mean
     * everything.
     *
     * @throws IllegalArgumentException when a collection or DID is not valid, or a list is too long
     */
    public static JetstreamFilter of(List<String> wantedCollections, List<String> wantedDids, long maxMessageSizeBytes) {
        Set<String> exact = null;
        List<String> prefixes = new ArrayList<>();
        if (wantedCollections != null && !wantedCollections.isEmpty()) {
            exact = new HashSet<>();
            Set<String> seen = new HashSet<>();
            for (String c : wantedCollections) {
                if (c.endsWith(".*")) {
                    String head = c.substring(0, c.length() - 1);
                    if (head.length() < 2 || head.contains("*")) {
                        throw new IllegalArgumentException("invalid collection pattern: " + c);
                    }
                    if (seen.add(head)) {
                        prefixes.add(head);
                    }
                } else {
                    try {
                        exact.add(new Nsid(c).value());
                    } catch (InvalidSyntaxException e) {
                        throw new IllegalArgumentException("invalid collection: " + c);
                    }
                }
            }
            if (exact.size() + prefixes.size() > MAX_COLLECTIONS) {
                throw new IllegalArgumentException("too many wanted collections: more than " + MAX_COLLECTIONS);
            }
        }
        Set<Did> dids = null;
        if (wantedDids != null && !wantedDids.isEmpty()) {
            dids = new HashSet<>();
            for (String d : wantedDids) {
                try {
                    dids.add(new Did(d));
                } catch (InvalidSyntaxException e) {
                    throw new IllegalArgumentException("invalid DID: " + d);
                }
            }
            if (dids.size() > MAX_DIDS) {
                throw new IllegalArgumentException("too many wanted DIDs: more than " + MAX_DIDS);
            }
        }
        // As Jetstream v1: a negative or overflowing size means no limit.
        int max = maxMessageSizeBytes < 0 || maxMessageSizeBytes > Integer.MAX_VALUE ? 0 : (int) maxMessageSizeBytes;
        return new JetstreamFilter(exact, List.copyOf(prefixes), dids, max);
    }

    /** Whether the consumer wants this message. */
    public boolean wants(JetstreamMessage m) {
        if (dids != null && !dids.contains(m.did())) {
            return false;
        }
        if (maxMessageSizeBytes > 0 && m.json().length() > maxMessageSizeBytes) {
            return false;
        }
        if (collections == null || m.collection() == null) {
            return true;
        }
        if (collections.contains(m.collection())) {
            return true;
        }
        for (String p : prefixes) {
            if (m.collection().startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
