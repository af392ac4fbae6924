package dev.skein.core.data;

import java.util.Arrays;
import java.util.Base64;

/** A byte string. The array is copied in and out, so the value is immutable. */
public final class BytesValue implements DataValue {
    private final byte[] bytes;

    public BytesValue(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    private BytesValue(byte[] bytes, boolean owned) {
        this.bytes = bytes;
    }

    /** Wraps an array the caller gives up (no copy): for decoders that just allocated it. */
    static BytesValue owning(byte[] bytes) {
        return new BytesValue(bytes, true);
    }

    /** A copy of the bytes. */
    public byte[] value() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** The bytes without copying; callers must not modify them. */
    byte[] unsafeBytes() {
        return bytes;
    }

    @Override
    public String kind() {
        return "bytes";
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof BytesValue b && Arrays.equals(bytes, b.bytes));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "bytes(" + Base64.getEncoder().withoutPadding().encodeToString(bytes) + ")";
    }
}
