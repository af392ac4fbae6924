package dev.skein.bench;

import dev.skein.core.crypto.Curve;
import dev.skein.core.crypto.PublicKey;
import dev.skein.core.crypto.SigningKey;
import dev.skein.core.data.Drisl;
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
 * K-256 and P-256 signing and verification of a 500-byte record's bytes, with the public key parsed once
 * (as a relay keeps an account's key), the way {@code interop-node/bench.mjs} times {@code @atproto/crypto}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CryptoBenchmark {
    @Param({"K256", "P256"})
    public Curve curve;

    private SigningKey key;
    private PublicKey publicKey;
    private byte[] data;
    private byte[] signature;

    @Setup
    public void setUp() {
        key = SigningKey.generate(curve);
        publicKey = key.publicKey();
        data = Drisl.encode(BenchData.record());
        signature = key.sign(data);
    }

    @Benchmark
    public byte[] sign() {
        return key.sign(data);
    }

    @Benchmark
    public boolean verify() {
        return publicKey.verify(data, signature);
    }
}
