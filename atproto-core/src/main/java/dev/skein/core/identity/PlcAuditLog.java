package dev.skein.core.identity;

import dev.skein.core.cid.Cid;
import dev.skein.core.identity.PlcOperationException.Reason;
import dev.skein.core.syntax.Did;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operation history of one did:plc identity, nullified operations included, with the rules a
 * directory applies when it accepts an operation. {@link #append} either accepts an operation (and
 * nullifies what it overrides) or throws without changing anything; {@link #verify} replays a whole audit
 * log the same way and checks the directory's CIDs and nullified flags against the result.
 *
 * <p>The rules: the first operation is a genesis whose hash is the DID, signed by one of its own rotation
 * keys; every later one names an earlier, non-nullified, non-tombstone operation as {@code prev} and is
 * signed by a rotation key of it; timestamps increase. Naming an operation other than the newest as
 * {@code prev} forks the history and nullifies everything after {@code prev}: allowed only within 72
 * hours of the first nullified operation, and only with a key of higher priority (lower index) than the
 * one that signed it. Once a key has signed a successor of an operation, only keys of higher priority
 * may fork from that operation again.
 *
 * <p>Spec: <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>, "Key Rotation &amp; Account
 * Recovery" and "Audit Logs". Not thread-safe.
 */
public final class PlcAuditLog {
    /** How long after an operation a higher-priority rotation key may still nullify it. */
    public static final Duration RECOVERY_WINDOW = Duration.ofHours(72);

    private static final class Node {
        final PlcOp op;
        final Cid cid;
        final Instant createdAt;
        boolean nullified;
        Cid lastChild;
        List<String> allowedKeys;

        Node(PlcOp op, Cid cid, Instant createdAt) {
            this.op = op;
            this.cid = cid;
            this.createdAt = createdAt;
            this.allowedKeys = op.rotationKeys();
        }
    }

    /**
     * An accepted operation.
     *
     * @param cid its CID
     * @param keyIndex the index, among the keys allowed to sign it, of the key that did
     * @param nullified the CIDs of the operations it nullified, oldest first
     */
    public record Accepted(Cid cid, int keyIndex, List<Cid> nullified) {}

    private final Did did;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Cid, Node> byCid = new HashMap<>();
    private Node head;

    /** An empty history for {@code did}, which only a genesis operation hashing to it can start. */
    public PlcAuditLog(Did did) {
        this.did = Objects.requireNonNull(did, "did");
    }

    public Did did() {
        return did;
    }

    /**
     * Checks {@code op}, accepted at {@code createdAt}, against the history and adds it.
     *
     * @throws PlcOperationException if the operation is not valid here; the history is then unchanged
     */
    public Accepted append(PlcOp op, Instant createdAt) {
        Cid cid = op.cid();
        if (byCid.containsKey(cid)) {
            throw new PlcOperationException(Reason.MISORDERED, "operation " + cid + " is already in the log");
        }
        Node node = new Node(op, cid, createdAt);
        if (head == null) {
            int keyIndex = op.verifyGenesis(did);
            add(node);
            return new Accepted(cid, keyIndex, List.of());
        }
        if (op.isGenesis()) {
            throw new PlcOperationException(Reason.MISORDERED, did + " already exists; only its genesis may lack prev");
        }
        Node prev = byCid.get(op.prev().get());
        if (prev == null) {
            throw new PlcOperationException(Reason.MISORDERED, "prev " + op.prev().get() + " is not an operation of " + did);
        }
        if (prev.nullified) {
            throw new PlcOperationException(Reason.PREV_NULLIFIED, "prev " + prev.cid + " has been nullified");
        }
        if (prev.op instanceof PlcTombstone) {
            throw new PlcOperationException(Reason.TOMBSTONED, did + " is deactivated by tombstone " + prev.cid);
        }
        int keyIndex = signerIndex(op, prev);
        List<Node> nullified = new ArrayList<>();
        if (prev.lastChild == null) {
            requireAfter(createdAt, prev);
        } else {
            requireAfter(createdAt, head);
            Node first = byCid.get(prev.lastChild);
            Duration late = Duration.between(first.createdAt, createdAt);
            if (late.compareTo(RECOVERY_WINDOW) > 0) {
                throw new PlcOperationException(Reason.LATE_RECOVERY,
                        "cannot nullify " + first.cid + " " + late + " after it was accepted (window " + RECOVERY_WINDOW + ")");
            }
            for (Node n = first; n != null; n = n.lastChild == null ? null : byCid.get(n.lastChild)) {
                nullified.add(n);
            }
        }
        for (Node n : nullified) {
            n.nullified = true;
        }
        prev.allowedKeys = List.copyOf(prev.allowedKeys.subList(0, keyIndex));
        prev.lastChild = cid;
        add(node);
        return new Accepted(cid, keyIndex, nullified.stream().map(n -> n.cid).toList());
    }

    private void add(Node node) {
        nodes.add(node);
        byCid.put(node.cid, node);
        head = node;
    }

    private static int signerIndex(PlcOp op, Node prev) {
        try {
            return op.verifySignature(prev.allowedKeys);
        } catch (PlcOperationException e) {
            if (e.reason() == Reason.INVALID_SIGNATURE && prev.allowedKeys.size() < prev.op.rotationKeys().size()) {
                int full = rotationKeyIndexOrMinusOne(op, prev.op.rotationKeys());
                if (full >= 0) {
                    throw new PlcOperationException(Reason.INSUFFICIENT_KEY_PRIORITY, "signed by rotation key " + full
                            + " of " + prev.cid + ", but only keys before index " + prev.allowedKeys.size()
                            + " may override the operation that already follows it");
                }
            }
            throw e;
        }
    }

    private static int rotationKeyIndexOrMinusOne(PlcOp op, List<String> keys) {
        try {
            return op.verifySignature(keys);
        } catch (PlcOperationException e) {
            return -1;
        }
    }

    private static void requireAfter(Instant createdAt, Node earlier) {
        if (!createdAt.isAfter(earlier.createdAt)) {
            throw new PlcOperationException(Reason.TIMESTAMP_ORDER,
                    "createdAt " + createdAt + " is not after " + earlier.createdAt + " of " + earlier.cid);
        }
    }

    /** Every operation, in the order accepted, with its current nullified flag (the audit log). */
    public List<PlcLogEntry> entries() {
        return nodes.stream().map(n -> new PlcLogEntry(did, n.op, n.cid, n.nullified, n.createdAt)).toList();
    }

    /** The operations that are not nullified, in order (the directory's {@code /:did/log}). */
    public List<PlcOp> activeOperations() {
        return nodes.stream().filter(n -> !n.nullified).map(n -> n.op).toList();
    }

    /** The newest operation that is not nullified, which the next one normally names as {@code prev}. */
    public Optional<PlcLogEntry> head() {
        return head == null ? Optional.empty()
                : Optional.of(new PlcLogEntry(did, head.op, head.cid, false, head.createdAt));
    }

    public boolean isTombstoned() {
        return head != null && head.op instanceof PlcTombstone;
    }

    /** The current state: empty before the genesis and after a tombstone. */
    public Optional<PlcState> state() {
        if (head == null) {
            return Optional.empty();
        }
        return switch (head.op) {
            case PlcOperation op -> Optional.of(op.state(did));
            case PlcLegacyCreate op -> Optional.of(op.state(did));
            case PlcTombstone t -> Optional.empty();
        };
    }

    /** The current DID document: empty before the genesis and after a tombstone. */
    public Optional<DidDocument> didDocument() {
        return state().map(PlcState::toDidDocument);
    }

    /**
     * Replays an audit log as the directory served it, checking every operation and that the directory's
     * DIDs, CIDs and nullified flags are the ones the operations imply.
     *
     * @return the history, for its current state
     * @throws PlcOperationException at the first entry that is invalid or inconsistent
     */
    public static PlcAuditLog verify(List<PlcLogEntry> entries) {
        if (entries.isEmpty()) {
            throw new PlcOperationException(Reason.INCONSISTENT_LOG, "an audit log has at least the genesis operation");
        }
        PlcAuditLog log = new PlcAuditLog(entries.getFirst().did());
        for (PlcLogEntry e : entries) {
            if (!e.did().equals(log.did)) {
                throw new PlcOperationException(Reason.INCONSISTENT_LOG, "entry for " + e.did() + " in the log of " + log.did);
            }
            Accepted accepted = log.append(e.operation(), e.createdAt());
            if (!accepted.cid().equals(e.cid())) {
                throw new PlcOperationException(Reason.INCONSISTENT_LOG,
                        "entry claims CID " + e.cid() + " for an operation whose CID is " + accepted.cid());
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).nullified() != log.nodes.get(i).nullified) {
                throw new PlcOperationException(Reason.INCONSISTENT_LOG, "entry " + entries.get(i).cid() + " is marked "
                        + (entries.get(i).nullified() ? "nullified" : "active") + ", but the operations say otherwise");
            }
        }
        return log;
    }

    /**
     * Verifies a log of active operations only (the directory's {@code /:did/log}): a genesis for
     * {@code did}, then operations each naming the one before as {@code prev} and signed by one of its
     * rotation keys, a tombstone only at the end.
     *
     * @return the resulting state; empty if the log ends with a tombstone
     */
    public static Optional<PlcState> verifyOperations(Did did, List<PlcOp> ops) {
        if (ops.isEmpty()) {
            throw new PlcOperationException(Reason.MISORDERED, "an operation log starts with a genesis operation");
        }
        PlcAuditLog log = new PlcAuditLog(did);
        Instant at = Instant.EPOCH;
        for (PlcOp op : ops) {
            if (log.head != null && !op.prev().equals(Optional.of(log.head.cid))) {
                throw new PlcOperationException(Reason.MISORDERED,
                        "prev " + op.prev().map(Cid::toString).orElse("null") + " is not the previous operation " + log.head.cid);
            }
            at = at.plusMillis(1);
            log.append(op, at);
        }
        return log.state();
    }
}
