package dev.skein.pds.sequencer;

import dev.skein.core.firehose.FirehoseEvent;
import dev.skein.core.syntax.Did;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Appends events to the PDS's event log. Call it inside the transaction that makes the change the event
 * announces: the event is then stored if and only if the change is, and events are numbered in commit
 * order.
 */
public interface Sequencer {

    /**
     * Appends the event {@code build} makes with the seq it is given; returns that seq.
     *
     * @param did the account the event is about (for purging a deleted account's events)
     * @param build makes the event for a seq, e.g. {@code seq -> new AccountEvent(seq, did, time, true, null)}
     */
    long append(Did did, LongFunction<? extends FirehoseEvent> build);

    /**
     * Appends the events {@code builds} make, in order, with consecutive seqs; returns the last one. One
     * lock, one counter update and one batch of inserts however many events there are.
     */
    long appendAll(Did did, List<? extends LongFunction<? extends FirehoseEvent>> builds);

    /** Deletes {@code did}'s events numbered below {@code seq}, as the reference PDS does when an account is deleted. */
    void purgeBefore(Did did, long seq);
}
