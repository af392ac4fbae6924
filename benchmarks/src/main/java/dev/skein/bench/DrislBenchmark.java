package dev.skein.bench;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** DRISL encode and decode of a typical 500-byte record, and its CID. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DrislBenchmark {
    private MapValue record;
    private byte[] bytes;

    @Setup
    public void setUp() {
        record = BenchData.record();
        bytes = Drisl.encode(record);
    }

    @Benchmark
    public byte[] encode() {
        return Drisl.encode(record);
    }

    @Benchmark
    public DataValue decode() {
        return Drisl.decode(bytes);
    }

    @Benchmark
    public Cid cidOfBytes() {
        return Cid.ofDrisl(bytes);
    }
}
