package dev.skein.bench;

import dev.skein.core.blocks.MemoryBlockStore;
import dev.skein.core.car.CarContents;
import dev.skein.core.car.CarLimits;
import dev.skein.core.car.CarReader;
import dev.skein.core.car.CidVerification;
import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.MapValue;
import dev.skein.core.repo.RepoWrite;
import dev.skein.core.repo.Repository;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.TidClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * CAR export (write) and import (read, every block's CID checked) of a signed 10,000-record repository:
 * the same repository shape {@code interop-node/bench.mjs} builds with {@code @atproto/repo}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class CarBenchmark {
    private static final int RECORDS = 10_000;
    private static final int WRITES_PER_COMMIT = 200;

    private Repository repo;
    private byte[] car;

    @Setup
    public void setUp() throws IOException {
        Nsid collection = Nsid.parse("agent.memory.note");
        MapValue base = BenchData.record();
        SigningKey key = SigningKey.generate(Curve.K256);
        TidClock clock = new TidClock(7, Optional.empty());
        MemoryBlockStore store = new MemoryBlockStore();
        Did did = Did.parse("did:plc:benchbenchbenchbenchbenc");
        repo = null;
        for (int start = 0; start < RECORDS; start += WRITES_PER_COMMIT) {
            List<RepoWrite> writes = new ArrayList<>();
            for (int i = start; i < start + WRITES_PER_COMMIT; i++) {
                Map<String, dev.skein.core.data.DataValue> m = base.toMap();
                m.put("confidence", new IntValue(i));
                writes.add(new RepoWrite.Create(collection,
                        RecordKey.parse(BenchData.key(i).substring(BenchData.key(i).indexOf('/') + 1)), MapValue.of(m)));
            }
            repo = repo == null
                    ? Repository.create(store, did, clock.next(), writes, key).repository()
                    : repo.apply(writes, clock.next(), key).repository();
        }
        car = write();
    }

    @Benchmark
    public byte[] write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
        repo.exportCar(out);
        return out.toByteArray();
    }

    @Benchmark
    public CarContents read() {
        return CarReader.readAll(car, CarLimits.DEFAULT, CidVerification.VERIFY);
    }
}
