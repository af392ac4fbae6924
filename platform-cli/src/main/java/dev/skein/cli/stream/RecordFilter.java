package dev.skein.cli.stream;

import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which record operations a consumer wants: collections (exact NSIDs, or prefixes written {@code agent.comms.*},
 * as Jetstream's {@code wantedCollections} takes them) and accounts. An empty list wants everything.
 */
public record RecordFilter(List<String> collections, Set<Did> dids) {
    public static final RecordFilter ALL = new RecordFilter(List.of(), Set.of());

    public RecordFilter {
        collections = List.copyOf(collections);
        dids = Set.copyOf(dids);
        for (String c : collections) {
            check(c);
        }
    }

    /** A filter of collection patterns and DID strings, each checked. */
    public static RecordFilter of(List<String> collections, List<String> dids) {
        return new RecordFilter(collections, dids.stream().map(Did::parse).collect(Collectors.toSet()));
    }

    public boolean wantsAccount(Did did) {
        return dids.isEmpty() || dids.contains(did);
    }

    public boolean wants(Did did, Nsid collection) {
        return wantsAccount(did) && (collections.isEmpty()
                || collections.stream().anyMatch(c -> matches(c, collection.value())));
    }

    private static boolean matches(String pattern, String collection) {
        return pattern.endsWith(".*")
                ? collection.startsWith(pattern.substring(0, pattern.length() - 1))
                : collection.equals(pattern);
    }

    private static void check(String pattern) {
        String nsidPart = pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        if (pattern.endsWith(".*")) {
            if (nsidPart.isEmpty() || !nsidPart.matches("[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)*")) {
                throw new IllegalArgumentException("not a collection prefix: " + pattern);
            }
        } else {
            Nsid.parse(nsidPart);
        }
    }
}
