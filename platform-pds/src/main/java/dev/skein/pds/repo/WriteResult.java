package dev.skein.pds.repo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one write call: the commit it made (none when nothing changed) and each write's outcome, in
 * the order of the call.
 */
public record WriteResult(Optional<CommitMeta> commit, List<WriteOutcome> outcomes) {
    public WriteResult {
        Objects.requireNonNull(commit, "commit");
        outcomes = List.copyOf(outcomes);
    }

    /** The only outcome of a single-write call. */
    public WriteOutcome single() {
        if (outcomes.size() != 1) {
            throw new IllegalStateException("not a single write: " + outcomes.size() + " outcomes");
        }
        return outcomes.getFirst();
    }
}
