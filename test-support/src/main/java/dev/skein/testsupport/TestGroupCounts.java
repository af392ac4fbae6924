package dev.skein.testsupport;

import java.util.Map;
import java.util.Properties;

/**
 * How the tests of one group (a JUnit tag such as {@code postgres} or {@code node}) ended.
 *
 * <p>{@code executed} counts tests that started; {@code aborted} counts tests, and whole test classes,
 * whose prerequisites were missing (an aborted class never starts its tests, so it must count);
 * {@code skipped} counts tests and classes that were disabled.
 */
record TestGroupCounts(long executed, long succeeded, long failed, long aborted, long skipped) {
    static final TestGroupCounts STARTED = new TestGroupCounts(1, 0, 0, 0, 0);
    static final TestGroupCounts SUCCEEDED = new TestGroupCounts(0, 1, 0, 0, 0);
    static final TestGroupCounts FAILED = new TestGroupCounts(0, 0, 1, 0, 0);
    static final TestGroupCounts ABORTED = new TestGroupCounts(0, 0, 0, 1, 0);
    static final TestGroupCounts SKIPPED = new TestGroupCounts(0, 0, 0, 0, 1);

    TestGroupCounts plus(TestGroupCounts o) {
        return new TestGroupCounts(executed + o.executed, succeeded + o.succeeded, failed + o.failed,
                aborted + o.aborted, skipped + o.skipped);
    }

    /** Writes this group's counts as {@code <tag>.<count>=<n>} entries. */
    void writeTo(String tag, Map<String, String> out) {
        out.put(tag + ".executed", Long.toString(executed));
        out.put(tag + ".succeeded", Long.toString(succeeded));
        out.put(tag + ".failed", Long.toString(failed));
        out.put(tag + ".aborted", Long.toString(aborted));
        out.put(tag + ".skipped", Long.toString(skipped));
    }

    /** Reads the counts {@link #writeTo} wrote for {@code tag}; missing entries are zero. */
    static TestGroupCounts readFrom(String tag, Properties in) {
        return new TestGroupCounts(count(in, tag + ".executed"), count(in, tag + ".succeeded"),
                count(in, tag + ".failed"), count(in, tag + ".aborted"), count(in, tag + ".skipped"));
    }

    private static long count(Properties in, String key) {
        String v = in.getProperty(key);
        return v == null ? 0 : Long.parseLong(v.trim());
    }
}
