package dev.skein.pds.store;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the PDS's database work in transactions. {@link #write} returns only once the transaction has
 * committed and is durable ({@link SqlVendor#syncCommitted}), so that an XRPC call that answers success
 * never loses its write; a failure rolls everything back.
 */
public final class Transactions implements AutoCloseable {
    private final TransactionTemplate write;
    private final TransactionTemplate read;
    private final JdbcClient jdbc;
    private final SqlVendor vendor;
    private final DurableAcks durable;

    public Transactions(DataSourceTransactionManager manager, JdbcClient jdbc, SqlVendor vendor) {
        this.write = new TransactionTemplate(manager);
        this.read = new TransactionTemplate(manager);
        this.read.setReadOnly(true);
        this.jdbc = jdbc;
        this.vendor = vendor;
        this.durable = new DurableAcks(needsSync(), this::syncCommitted);
    }

    /** Runs {@code work} in a transaction, commits it, and makes the commit durable before returning. */
    public <T> T write(Supplier<T> work) {
        T result = write.execute(status -> work.get());
        vendor.syncCommitted(jdbc);
        return result;
    }

    public void write(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} in a transaction and commits it, without making the commit durable: for callers that
     * acknowledge only after a later {@link #syncCommitted()}, so that one disk flush covers many commits.
     */
    public <T> T writeUnsynced(Supplier<T> work) {
        return write.execute(status -> work.get());
    }

    /**
     * Runs {@code action} once every transaction committed before this call is durable, or {@code failed} if
     * that cannot be made so: at once on PostgreSQL, after the next shared flush on H2 ({@link DurableAcks}).
     * Actions must be quick; they run on the flushing thread.
     */
    public void afterDurable(Runnable action, Consumer<RuntimeException> failed) {
        durable.afterSync(action, failed);
    }

    /** Makes every transaction committed so far durable ({@link SqlVendor#syncCommitted}). */
    public void syncCommitted() {
        vendor.syncCommitted(jdbc);
    }

    /** Whether commits are durable only after {@link #syncCommitted()} (H2), not when they return (PostgreSQL). */
    public boolean needsSync() {
        return vendor == SqlVendor.H2;
    }

    @Override
    public void close() {
        durable.close();
    }

    /** Runs {@code work} in a read-only transaction, so that what it reads is consistent. */
    public <T> T read(Supplier<T> work) {
        return read.execute(status -> work.get());
    }
}
