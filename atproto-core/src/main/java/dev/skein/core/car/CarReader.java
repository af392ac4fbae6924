package dev.skein.core.car;

import dev.skein.core.cid.Cid;
import dev.skein.core.cid.InvalidCidException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Streams a CAR v1 file from an {@link InputStream}: the header is read and checked when the reader is
 * {@linkplain #open opened}, then {@link #next()} returns one block at a time, each checked against its CID
 * unless told not to, all under {@link CarLimits}. Nothing beyond the current section is held in memory.
 *
 * <p>Blocks come back in file order; duplicates and blocks nothing links to are returned like any other,
 * since the spec requires readers to tolerate them.
 */
public final class CarReader implements Closeable {
    private static final int VARINT_MAX_BYTES = 9;

    private final InputStream in;
    private final CarLimits limits;
    private final CidVerification verification;
    private final CarHeader header;
    private long bytesRead;
    private long blocksRead;
    private boolean done;

    private CarReader(InputStream in, CarLimits limits, CidVerification verification) throws IOException {
        this.in = in;
        this.limits = limits;
        this.verification = verification;
        long length = readVarint(false);
        if (length == 0) {
            throw new CarException(CarException.Reason.INVALID_HEADER, "CAR header is empty");
        }
        if (length > limits.maxHeaderBytes()) {
            throw new CarException(CarException.Reason.HEADER_TOO_LARGE,
                    "CAR header of " + length + " bytes is over the limit of " + limits.maxHeaderBytes());
        }
        checkTotal(length);
        this.header = CarHeader.parse(readExactly((int) length, "header"), limits);
    }

    /** Opens a CAR with the default limits, verifying CIDs. */
    public static CarReader open(InputStream in) throws IOException {
        return open(in, CarLimits.DEFAULT, CidVerification.VERIFY);
    }

    /** Opens a CAR: reads and checks the header. The reader closes {@code in} when closed. */
    public static CarReader open(InputStream in, CarLimits limits, CidVerification verification) throws IOException {
        Objects.requireNonNull(in, "in");
        InputStream buffered = in instanceof BufferedInputStream || in instanceof ByteArrayInputStream
                ? in : new BufferedInputStream(in);
        return new CarReader(buffered, Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(verification, "verification"));
    }

    public CarHeader header() {
        return header;
    }

    public List<Cid> roots() {
        return header.roots();
    }

    /** The next block, or {@code null} at the end of the file (which must fall between sections). */
    public CarBlock next() throws IOException {
        if (done) {
            return null;
        }
        long length = readVarint(true);
        if (length < 0) {
            done = true;
            return null;
        }
        if (length == 0) {
            throw new CarException(CarException.Reason.INVALID_SECTION, "empty section after block " + blocksRead);
        }
        if (blocksRead >= limits.maxBlocks()) {
            throw new CarException(CarException.Reason.TOO_MANY_BLOCKS, "CAR has more than " + limits.maxBlocks() + " blocks");
        }
        if (length > (long) limits.maxBlockBytes() + Cid.MAX_BYTES) {
            throw new CarException(CarException.Reason.BLOCK_TOO_LARGE,
                    "section of " + length + " bytes is over the block limit of " + limits.maxBlockBytes());
        }
        checkTotal(length);
        byte[] section = readExactly((int) length, "block " + blocksRead);
        Cid cid;
        try {
            cid = Cid.read(section, 0);
        } catch (InvalidCidException e) {
            throw new CarException(CarException.Reason.INVALID_SECTION, "section " + blocksRead + " has no valid CID: " + e.getMessage(), e);
        }
        byte[] data = Arrays.copyOfRange(section, cid.byteLength(), section.length);
        if (data.length > limits.maxBlockBytes()) {
            throw new CarException(CarException.Reason.BLOCK_TOO_LARGE,
                    "block " + cid + " of " + data.length + " bytes is over the limit of " + limits.maxBlockBytes());
        }
        if (verification == CidVerification.VERIFY && !cid.matches(data)) {
            throw new CarException(CarException.Reason.CID_MISMATCH, "block bytes do not match CID " + cid);
        }
        blocksRead++;
        return new CarBlock(cid, data);
    }

    /** Bytes consumed so far, header included. */
    public long bytesRead() {
        return bytesRead;
    }

    public long blocksRead() {
        return blocksRead;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the rest of the file: the roots and every block, first occurrence of each CID kept, in file order. */
    public CarContents readRemaining() throws IOException {
        Map<Cid, byte[]> blocks = new LinkedHashMap<>();
        CarBlock block;
        while ((block = next()) != null) {
            blocks.putIfAbsent(block.cid(), block.data());
        }
        return new CarContents(header.roots(), blocks);
    }

    /** Reads a whole CAR held in memory, with the default limits, verifying CIDs. */
    public static CarContents readAll(byte[] car) {
        return readAll(car, CarLimits.DEFAULT, CidVerification.VERIFY);
    }

    public static CarContents readAll(byte[] car, CarLimits limits, CidVerification verification) {
        if (car.length > limits.maxTotalBytes()) {
            throw new CarException(CarException.Reason.TOO_LARGE,
                    "CAR of " + car.length + " bytes is over the limit of " + limits.maxTotalBytes());
        }
        try (CarReader reader = open(new ByteArrayInputStream(car), limits, verification)) {
            return reader.readRemaining();
        } catch (IOException e) {
            throw new UncheckedIOException("a ByteArrayInputStream does not fail", e);
        }
    }

    /** Reads a whole CAR from a stream (and closes it). */
    public static CarContents readAll(InputStream in, CarLimits limits, CidVerification verification) throws IOException {
        try (CarReader reader = open(in, limits, verification)) {
            return reader.readRemaining();
        }
    }

    /** Reads a minimal unsigned varint; -1 at a clean end of input when {@code endAllowed}. */
    private long readVarint(boolean endAllowed) throws IOException {
        long value = 0;
        for (int i = 0; i < VARINT_MAX_BYTES; i++) {
            int b = in.read();
            if (b < 0) {
                if (i == 0 && endAllowed) {
                    return -1;
                }
                throw new CarException(CarException.Reason.TRUNCATED, "CAR ends inside a length prefix");
            }
            checkTotal(1);
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new CarException(CarException.Reason.MALFORMED_VARINT, "length prefix is not minimally encoded");
                }
                return value;
            }
        }
        throw new CarException(CarException.Reason.MALFORMED_VARINT, "length prefix longer than " + VARINT_MAX_BYTES + " bytes");
    }

    private void checkTotal(long more) {
        bytesRead += more;
        if (bytesRead > limits.maxTotalBytes()) {
            throw new CarException(CarException.Reason.TOO_LARGE, "CAR is over the limit of " + limits.maxTotalBytes() + " bytes");
        }
    }

    private byte[] readExactly(int length, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new CarException(CarException.Reason.TRUNCATED,
                    "CAR ends inside the " + what + " (" + bytes.length + " of " + length + " bytes)");
        }
        return bytes;
    }
}
