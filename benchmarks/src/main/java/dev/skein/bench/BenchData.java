package dev.skein.bench;

import dev.skein.core.data.DataJson;
import dev.skein.core.data.MapValue;
import dev.skein.core.data.DataLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Inputs shared by the benchmarks: the same files the Node benchmark reads. */
final class BenchData {
    private BenchData() {}

    /** The benchmark's MST keys; {@code interop-node/bench-keys.mjs} makes the same ones for the Node side. */
    static String key(int i) {
        String base36 = Integer.toString(i, 36);
        return "agent.memory.note/k" + "0".repeat(Math.max(0, 8 - base36.length())) + base36;
    }

    /** The typical record (about 500 bytes of DRISL) that the codec benchmarks use. */
    static MapValue record() {
        try (InputStream in = BenchData.class.getResourceAsStream("/record-500.json")) {
            return DataJson.parseObject(in.readAllBytes(), DataLimits.RECORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
