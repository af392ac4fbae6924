package dev.skein.core.mst;

import dev.skein.core.cid.Cid;

/**
 * An MST node read from a store is not a valid node of a valid tree. The tree it belongs to must be
 * rejected as a whole.
 */
public final class MalformedMstException extends RuntimeException {
    /** What was wrong. */
    public enum Reason {
        /** Not the canonical DRISL encoding of the node schema {@code {e:[{k,p,t,v}], l}}. */
        ENCODING,
        /** A link to another node that is not a blessed dag-cbor sha2-256 CID. */
        LINK_NOT_BLESSED,
        /** A key that is not a valid MST key. */
        INVALID_KEY,
        /** A prefix length that is not the exact shared prefix with the previous key of the node. */
        PREFIX_LENGTH,
        /** Keys not strictly ascending, or outside the range the parent gives the node. */
        KEY_ORDER,
        /** A key whose height is not the node's height, or a node not one below its parent. */
        WRONG_HEIGHT,
        /** A non-root node with neither entries nor a child. */
        EMPTY_NODE,
        /** A root with no entries that only points to a subtree. */
        ROOT_IS_POINTER,
        /** A subtree link from a node at height 0. */
        CHILD_BELOW_ZERO,
        /** More entries in one node than {@link Mst#MAX_ENTRIES_PER_NODE}. */
        TOO_MANY_ENTRIES,
        /** A tree taller than {@link Mst#MAX_HEIGHT}. */
        TOO_TALL
    }

    private final transient Cid node;
    private final Reason reason;

    public MalformedMstException(Cid node, Reason reason, String message) {
        super("malformed MST node " + node + " (" + reason + "): " + message);
        this.node = node;
        this.reason = reason;
    }

    /** The node's CID. */
    public Cid node() {
        return node;
    }

    public Reason reason() {
        return reason;
    }
}
