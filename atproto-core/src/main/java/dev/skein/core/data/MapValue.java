package dev.skein.core.data;

import dev.skein.core.cid.Cid;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map with string keys, immutable, its keys held in DRISL canonical order: shorter UTF-8 encodings
 * first, then unsigned bytewise. Lookups are by binary search over that order.
 */
public final class MapValue implements DataValue {
    public static final MapValue EMPTY = new MapValue(new String[0], new byte[0][], new DataValue[0]);

    /** The DRISL key order over UTF-8 bytes. */
    public static final Comparator<byte[]> KEY_ORDER = (a, b) ->
            a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compareUnsigned(a, b);

    private final String[] keys;
    private final byte[][] keyBytes;
    private final DataValue[] values;
    private int hash;

    private MapValue(String[] keys, byte[][] keyBytes, DataValue[] values) {
        this.keys = keys;
        this.keyBytes = keyBytes;
        this.values = values;
    }

    /** A map of the given entries, in any order; keys must be unique and non-null. */
    public static MapValue of(Map<String, ? extends DataValue> entries) {
        int n = entries.size();
        String[] k = new String[n];
        byte[][] kb = new byte[n][];
        DataValue[] v = new DataValue[n];
        Integer[] idx = new Integer[n];
        int i = 0;
        for (Map.Entry<String, ? extends DataValue> e : entries.entrySet()) {
            k[i] = e.getKey();
            if (!StringValue.isWellFormed(k[i])) {
                throw new InvalidDataException("", "map key is not valid Unicode (unpaired surrogate)");
            }
            kb[i] = e.getKey().getBytes(StandardCharsets.UTF_8);
            v[i] = java.util.Objects.requireNonNull(e.getValue(), "value of " + e.getKey());
            idx[i] = i;
            i++;
        }
        Arrays.sort(idx, (a, b) -> KEY_ORDER.compare(kb[a], kb[b]));
        String[] sk = new String[n];
        byte[][] skb = new byte[n][];
        DataValue[] sv = new DataValue[n];
        for (int j = 0; j < n; j++) {
            sk[j] = k[idx[j]];
            skb[j] = kb[idx[j]];
            sv[j] = v[idx[j]];
            if (j > 0 && Arrays.equals(skb[j], skb[j - 1])) {
                throw new IllegalArgumentException("duplicate key " + sk[j]);
            }
        }
        return new MapValue(sk, skb, sv);
    }

    /**
     * A map from arrays already in canonical order with unique keys (as a strict decoder produces them);
     * the arrays are owned by the map afterwards.
     */
    static MapValue ofSorted(String[] keys, byte[][] keyBytes, DataValue[] values) {
        return new MapValue(keys, keyBytes, values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return keys.length;
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    /** The key at position {@code i} in canonical order. */
    public String key(int i) {
        return keys[i];
    }

    /** The UTF-8 bytes of the key at position {@code i}; callers must not modify them. */
    public byte[] keyUtf8(int i) {
        return keyBytes[i];
    }

    /** The value at position {@code i} in canonical order. */
    public DataValue value(int i) {
        return values[i];
    }

    /** The keys in canonical order. */
    public List<String> keys() {
        return Collections.unmodifiableList(Arrays.asList(keys));
    }

    /** The entries in canonical order. */
    public List<Map.Entry<String, DataValue>> entries() {
        List<Map.Entry<String, DataValue>> out = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]));
        }
        return out;
    }

    /** A mutable copy in canonical order, to build a changed map from. */
    public Map<String, DataValue> toMap() {
        Map<String, DataValue> m = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], values[i]);
        }
        return m;
    }

    public boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    /** The value for {@code key}, or {@code null} when absent (a present null is {@link NullValue}). */
    public DataValue get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    public Optional<DataValue> find(String key) {
        return Optional.ofNullable(get(key));
    }

    /** The string at {@code key}, if present and a string. */
    public Optional<String> getString(String key) {
        return get(key) instanceof StringValue s ? Optional.of(s.value()) : Optional.empty();
    }

    /** The integer at {@code key}, if present and an integer. */
    public Optional<Long> getInt(String key) {
        return get(key) instanceof IntValue v ? Optional.of(v.value()) : Optional.empty();
    }

    /** The link at {@code key}, if present and a link. */
    public Optional<Cid> getLink(String key) {
        return get(key) instanceof LinkValue l ? Optional.of(l.cid()) : Optional.empty();
    }

    /** The map at {@code key}, if present and a map. */
    public Optional<MapValue> getMap(String key) {
        return get(key) instanceof MapValue m ? Optional.of(m) : Optional.empty();
    }

    /** The {@code $type} of this object, if it has a string one. */
    public Optional<String> type() {
        return getString("$type");
    }

    private int indexOf(String key) {
        // Maps are small (records have a handful of keys): a scan over String equality beats encoding the key.
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String kind() {
        return "map";
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof MapValue m && Arrays.equals(keys, m.keys) && Arrays.equals(values, m.values));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(keys[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }

    /** Collects entries in any order and sorts them once. */
    public static final class Builder {
        private final Map<String, DataValue> entries = new LinkedHashMap<>();

        public Builder put(String key, DataValue value) {
            entries.put(key, value);
            return this;
        }

        public Builder put(String key, String value) {
            return put(key, new StringValue(value));
        }

        public Builder put(String key, long value) {
            return put(key, new IntValue(value));
        }

        public Builder put(String key, boolean value) {
            return put(key, DataValue.of(value));
        }

        public Builder put(String key, Cid value) {
            return put(key, new LinkValue(value));
        }

        /** Puts {@code value} when it is not null (an absent key, not a data-model null). */
        public Builder putIfPresent(String key, DataValue value) {
            if (value != null) {
                entries.put(key, value);
            }
            return this;
        }

        public MapValue build() {
            return of(entries);
        }
    }
}
