package dev.skein.bench;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.cid.Cid;
import dev.skein.core.mst.Mst;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Inserting 10k and 100k keys, one at a time, into an empty MST and computing the root: the same job
 * {@code interop-node/bench.mjs} times with {@code @atproto/repo}'s {@code MST}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class MstBenchmark {
    @Param({"10000", "100000"})
    public int keys;

    private String[] keyStrings;
    private Cid leaf;

    @Setup
    public void setUp() {
        keyStrings = new String[keys];
        for (int i = 0; i < keys; i++) {
            keyStrings[i] = BenchData.key(i);
        }
        leaf = Cid.parse("bafyreie5cvv4h45feadgeuwhbcutmh6t2ceseocckahdoe6uat64zmz454");
    }

    @Benchmark
    public Cid insertAllThenRoot() {
        Mst mst = Mst.empty(new MemoryBlockStore());
        for (String k : keyStrings) {
            mst = mst.put(k, leaf);
        }
        return mst.root();
    }
}
