package dev.skein.core.car;

import dev.skein.core.cid.Cid;
import dev.skein.core.cid.InvalidCidException;
import dev.skein.core.data.ArrayValue;
import dev.skein.core.data.DataLimits;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.DrislException;
import dev.skein.core.data.IntValue;
import dev.skein.core.data.LinkValue;
import dev.skein.core.data.MapValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CAR v1 header: {@code {roots: [link…], version: 1}}. atproto puts the commit CID first in
 * {@code roots}; {@code sync.getBlocks} writes no roots at all.
 */
public record CarHeader(List<Cid> roots) {
    public static final int VERSION = 1;
    private static final int MAX_DEPTH = 2;
    private static final int MAX_KEY_BYTES = 16;
    /** How the canonical header with one SHA-256 root starts: {@code {roots: [tag 42, 37 bytes: 0x00 …]}}. */
    private static final byte[] ONE_ROOT_START = {(byte) 0xa2, 0x65, 'r', 'o', 'o', 't', 's', (byte) 0x81, (byte) 0xd8, 0x2a,
            0x58, 0x25, 0x00};
    /** And how it ends, after the 36-byte CID: {@code version: 1}. */
    private static final byte[] ONE_ROOT_END = {0x67, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0x01};
    private static final int ONE_ROOT_CID = 36;

    public CarHeader {
        roots = List.copyOf(roots);
    }

    /** The first root: the commit, for repository exports and commit slices. */
    public Cid root() {
        if (roots.isEmpty()) {
            throw new CarException(CarException.Reason.MISSING_ROOT, "the CAR header has no roots");
        }
        return roots.getFirst();
    }

    /** The DRISL bytes of the header (without the length prefix). */
    public byte[] toBytes() {
        List<DataValue> links = new ArrayList<>(roots.size());
        for (Cid root : roots) {
            links.add(new LinkValue(root));
        }
        return Drisl.encode(MapValue.builder()
                .put("roots", new ArrayValue(links))
                .put("version", VERSION)
                .build());
    }

    /** Parses header bytes strictly: canonical DRISL, exactly the two keys, version 1, links only. */
    public static CarHeader parse(byte[] bytes, CarLimits limits) {
        if (bytes.length > limits.maxHeaderBytes()) {
            throw new CarException(CarException.Reason.HEADER_TOO_LARGE,
                    "CAR header of " + bytes.length + " bytes is over the limit of " + limits.maxHeaderBytes());
        }
        CarHeader oneRoot = oneRoot(bytes);
        if (oneRoot != null) {
            return oneRoot;
        }
        DataValue value;
        try {
            value = Drisl.decode(bytes, new DataLimits(limits.maxHeaderBytes(), MAX_DEPTH,
                    limits.maxHeaderBytes(), MAX_KEY_BYTES));
        } catch (DrislException e) {
            throw new CarException(CarException.Reason.INVALID_HEADER, "CAR header is not valid DRISL: " + e.getMessage(), e);
        }
        if (!(value instanceof MapValue map)) {
            throw new CarException(CarException.Reason.INVALID_HEADER, "CAR header is a " + value.kind() + ", not a map");
        }
        // The version decides what the rest means (a CARv2 pragma has no roots), so it is checked first.
        if (!(map.get("version") instanceof IntValue version)) {
            throw new CarException(CarException.Reason.INVALID_HEADER, "CAR header has no integer version");
        }
        if (version.value() != VERSION) {
            throw new CarException(CarException.Reason.UNSUPPORTED_VERSION, "CAR version " + version.value() + " is not supported");
        }
        if (!(map.get("roots") instanceof ArrayValue array)) {
            throw new CarException(CarException.Reason.INVALID_HEADER, "CAR header has no roots array");
        }
        if (map.size() != 2) {
            throw new CarException(CarException.Reason.INVALID_HEADER, "CAR header has fields other than roots and version: " + map.keys());
        }
        List<Cid> roots = new ArrayList<>(array.size());
        for (DataValue item : array.items()) {
            if (!(item instanceof LinkValue link)) {
                throw new CarException(CarException.Reason.INVALID_HEADER, "CAR root is a " + item.kind() + ", not a link");
            }
            roots.add(link.cid());
        }
        return new CarHeader(roots);
    }

    /**
     * The header of every commit slice and repository export, read without a general DRISL decode: DRISL is
     * canonical, so the header {@code {roots: [cid], version: 1}} with a 36-byte CID has exactly these bytes, and
     * bytes that match them mean what the strict decode would make of them. {@code null} for any other bytes (or
     * an invalid CID), which the general path then reads and judges.
     */
    private static CarHeader oneRoot(byte[] bytes) {
        int cidStart = ONE_ROOT_START.length;
        int cidEnd = cidStart + ONE_ROOT_CID;
        if (bytes.length != cidEnd + ONE_ROOT_END.length
                || !Arrays.equals(bytes, 0, cidStart, ONE_ROOT_START, 0, cidStart)
                || !Arrays.equals(bytes, cidEnd, bytes.length, ONE_ROOT_END, 0, ONE_ROOT_END.length)) {
            return null;
        }
        try {
            return new CarHeader(List.of(Cid.fromBytes(Arrays.copyOfRange(bytes, cidStart, cidEnd))));
        } catch (InvalidCidException e) {
            return null;
        }
    }
}
