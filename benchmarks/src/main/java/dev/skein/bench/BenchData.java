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

    /** The typical record (about 500 bytes of DRISL) that the codec benchmarks use. */
    static MapValue record() {
        try (InputStream in = BenchData.class.getResourceAsStream("/record-500.json")) {
            return DataJson.parseObject(in.readAllBytes(), DataLimits.RECORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
