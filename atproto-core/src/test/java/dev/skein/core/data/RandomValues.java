package dev.skein.core.data;

import dev.skein.core.cid.Cid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random data-model values for property and cross-implementation tests. */
final class RandomValues {
    private static final String[] ALPHABET = {"a", "b", "z", "$", "é", "中", "😀", "A", "0", "_", ".", " ", "y"};
    private final Random random;

    RandomValues(long seed) {
        this.random = new Random(seed);
    }

    MapValue record() {
        Map<String, DataValue> m = new LinkedHashMap<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            m.put(string(1 + random.nextInt(8)), value(1));
        }
        return MapValue.of(m);
    }

    DataValue value(int depth) {
        switch (random.nextInt(depth > 3 ? 6 : 9)) {
            case 0:
                return NullValue.INSTANCE;
            case 1:
                return DataValue.of(random.nextBoolean());
            case 2: {
                long[] ranges = {24, 256, 65_536, 1L << 32, 1L << 53, Long.MAX_VALUE};
                long n = Math.floorMod(random.nextLong(), ranges[random.nextInt(ranges.length)]);
                return new IntValue(random.nextInt(10) < 3 ? -n - 1 : n);
            }
            case 3:
                return new StringValue(string(random.nextInt(40)));
            case 4: {
                byte[] b = new byte[random.nextInt(70)];
                random.nextBytes(b);
                return new BytesValue(b);
            }
            case 5: {
                byte[] content = new byte[8];
                random.nextBytes(content);
                return new LinkValue(random.nextBoolean() ? Cid.ofDrisl(content) : Cid.ofRaw(content));
            }
            case 6:
            case 7: {
                Map<String, DataValue> m = new LinkedHashMap<>();
                int n = random.nextInt(8);
                for (int i = 0; i < n; i++) {
                    m.put(string(1 + random.nextInt(10)), value(depth + 1));
                }
                return MapValue.of(m);
            }
            default: {
                List<DataValue> a = new ArrayList<>();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    a.add(value(depth + 1));
                }
                return new ArrayValue(a);
            }
        }
    }

    String string(int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** A copy of {@code bytes} with one random corruption: a flipped byte, a cut, an inserted byte, or a swapped pair. */
    byte[] mutate(byte[] bytes) {
        byte[] b = bytes.clone();
        switch (random.nextInt(4)) {
            case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            case 2 -> {
                int at = random.nextInt(b.length + 1);
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) random.nextInt(256);
                System.arraycopy(b, at, c, at + 1, b.length - at);
                b = c;
            }
            default -> {
                int i = random.nextInt(b.length);
                int j = random.nextInt(b.length);
                byte t = b[i];
                b[i] = b[j];
                b[j] = t;
            }
        }
        return b;
    }
}
