package dev.skein.core.car;

import dev.skein.core.cid.Cid;
import java.util.Arrays;
import java.util.Objects;

/**
 * One block of a CAR: a CID and the bytes it addresses. The array is not copied (blocks can be large and
 * many); whoever creates a block gives up the array, and readers must not modify it.
 */
public record CarBlock(Cid cid, byte[] data) {
    public CarBlock {
        Objects.requireNonNull(cid, "cid");
        Objects.requireNonNull(data, "data");
    }

    /** A DRISL block addressed by its dag-cbor sha2-256 CID. */
    public static CarBlock ofDrisl(byte[] data) {
        return new CarBlock(Cid.ofDrisl(data), data);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CarBlock b && cid.equals(b.cid) && Arrays.equals(data, b.data));
    }

    @Override
    public int hashCode() {
        return 31 * cid.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CarBlock[" + cid + ", " + data.length + " bytes]";
    }
}
