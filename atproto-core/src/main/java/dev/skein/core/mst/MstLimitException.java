package dev.skein.core.mst;

/**
 * A write would make a tree that readers reject: a node with more than {@link Mst#MAX_ENTRIES_PER_NODE}
 * entries or a key above {@link Mst#MAX_HEIGHT}. Only mined keys get here; the tree is unchanged.
 */
public final class MstLimitException extends RuntimeException {
    /** Which limit. */
    public enum Limit { ENTRIES_PER_NODE, HEIGHT }

    private final Limit limit;
    private final int value;

    public MstLimitException(Limit limit, int value) {
        super("MST limit exceeded: " + limit + " = " + value);
        this.limit = limit;
        this.value = value;
    }

    public Limit limit() {
        return limit;
    }

    /** The value that exceeded the limit. */
    public int value() {
        return value;
    }
}
