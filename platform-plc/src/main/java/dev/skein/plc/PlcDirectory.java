package dev.skein.plc;

import dev.skein.core.identity.PlcAuditLog;
import dev.skein.core.identity.PlcLegacyCreate;
import dev.skein.core.identity.PlcLogEntry;
import dev.skein.core.identity.PlcOp;
import dev.skein.core.identity.PlcOperation;
import dev.skein.core.identity.PlcOperationException;
import dev.skein.core.identity.PlcOperationException.Reason;
import dev.skein.core.identity.PlcTombstone;
import dev.skein.core.syntax.Did;
import dev.skein.plc.store.PlcStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The did:plc directory: accepts operations under the method's rules and answers what it holds. Calls
 * block (JDBC); the HTTP layer runs them off the event loop.
 *
 * <p>An operation is accepted in one transaction per DID: take the DID's lock, load its whole audit log,
 * replay it through {@link PlcAuditLog} (which re-checks what is stored), append the new operation (the
 * rules: signature by an allowed rotation key, {@code prev} chain, the recovery window, tombstones), check
 * the rate limit, store the operation and the nullified flags it sets. Anything refused leaves the
 * database as it was. The write is acknowledged only once committed (and, on H2, forced to disk).
 *
 * <p>Spec: <a href="https://web.plc.directory/spec/v0.1/did-plc">did:plc</a>.
 */
public final class PlcDirectory {
    private final PlcStore store;
    private final TransactionTemplate transactions;
    private final OperationClock clock;
    private final PlcProperties.Limits limits;
    private final OperationRateLimit rateLimit;
    private final DidLocks locks = new DidLocks();

    public PlcDirectory(PlcStore store, PlatformTransactionManager transactionManager, Clock clock, PlcProperties.Limits limits) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = new OperationClock(clock);
        this.limits = limits;
        this.rateLimit = new OperationRateLimit(limits);
    }

    /**
     * Checks {@code op} as the next operation of {@code did} and stores it.
     *
     * @return the stored entry (its CID and acceptance time)
     * @throws PlcOperationException if the operation is malformed, too large, or breaks a rule of the method
     * @throws PlcRateLimitException if the DID has had too many operations lately
     */
    public PlcLogEntry submit(Did did, PlcOp op) {
        if (!did.method().equals("plc")) {
            throw new PlcOperationException(Reason.MALFORMED, did + " is not a did:plc");
        }
        checkNewOperation(op);
        PlcLogEntry accepted = locks.withLock(did, () -> {
            try {
                return transactions.execute(status -> append(did, op));
            } catch (DuplicateKeyException raced) {
                // Another process created the DID between our read and our insert: its row is there now.
                return transactions.execute(status -> append(did, op));
            }
        });
        store.syncCommitted();
        return accepted;
    }

    /** The rules for operations submitted now, beyond those every stored operation obeys. */
    private void checkNewOperation(PlcOp op) {
        switch (op) {
            case PlcLegacyCreate legacy -> throw new PlcOperationException(Reason.MALFORMED,
                    "the legacy \"create\" operation is no longer accepted: submit a plc_operation");
            case PlcOperation operation -> operation.checkConstraints();
            case PlcTombstone tombstone -> { }
        }
        int size = op.isSigned() ? op.signedBytes().length : op.unsignedBytes().length;
        if (size > limits.maxOperationBytes()) {
            throw new PlcOperationException(Reason.TOO_LARGE, "Operation too large: " + size + " bytes, "
                    + limits.maxOperationBytes() + " bytes maximum in DAG-CBOR encoding");
        }
    }

    private PlcLogEntry append(Did did, PlcOp op) {
        boolean known = store.lockDid(did);
        List<PlcLogEntry> stored = known ? store.auditLog(did) : List.of();
        PlcAuditLog log = replay(did, stored);
        Instant at = clock.next(stored.isEmpty() ? Optional.empty() : Optional.of(stored.getLast().createdAt()));
        PlcAuditLog.Accepted accepted = log.append(op, at);
        if (accepted.nullified().isEmpty()) {
            rateLimit.check(did, stored, at);
        }
        if (!known) {
            store.insertDid(did, at);
        }
        PlcLogEntry entry = new PlcLogEntry(did, op, accepted.cid(), false, at);
        store.insert(entry);
        store.markNullified(did, accepted.nullified());
        return entry;
    }

    private static PlcAuditLog replay(Did did, List<PlcLogEntry> stored) {
        if (stored.isEmpty()) {
            return new PlcAuditLog(did);
        }
        try {
            return PlcAuditLog.verify(stored);
        } catch (PlcOperationException e) {
            // Not the client's fault: what the database holds no longer satisfies the rules.
            throw new IllegalStateException("the stored log of " + did + " does not verify: " + e.getMessage(), e);
        }
    }

    /** Whether the DID is unknown, deactivated, or active (with its state). */
    public DidState state(Did did) {
        Optional<PlcLogEntry> last = store.lastActive(did);
        if (last.isEmpty()) {
            return new DidState.Unknown(did);
        }
        PlcLogEntry e = last.get();
        return switch (e.operation()) {
            case PlcTombstone t -> new DidState.Deactivated(did, e);
            case PlcOperation op -> new DidState.Active(op.state(did), e);
            case PlcLegacyCreate op -> new DidState.Active(op.state(did), e);
        };
    }

    /** The newest operation that is not nullified (a tombstone included); empty for an unknown DID. */
    public Optional<PlcLogEntry> lastOperation(Did did) {
        return store.lastActive(did);
    }

    /** The operations that are not nullified, in order; empty for an unknown DID. */
    public List<PlcOp> operationLog(Did did) {
        return store.activeLog(did).stream().map(PlcLogEntry::operation).toList();
    }

    /** Every operation with its CID, nullified flag and acceptance time; empty for an unknown DID. */
    public List<PlcLogEntry> auditLog(Did did) {
        return store.auditLog(did);
    }

    /** Up to {@code count} operations of all DIDs accepted after {@code after} (from the start when empty), oldest first. */
    public List<PlcLogEntry> export(Optional<Instant> after, int count) {
        return store.export(after, count);
    }

    /** Throws if the database does not answer. */
    public void checkHealth() {
        store.ping();
    }
}
