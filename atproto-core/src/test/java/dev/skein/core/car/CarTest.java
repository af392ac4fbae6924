package dev.skein.core.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.Drisl;
import dev.skein.core.data.MapValue;
import dev.skein.core.encoding.Varint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CarTest {
    private static final HexFormat HEX = HexFormat.of();

    private static CarBlock record(String text) {
        return CarBlock.ofDrisl(Drisl.encode(MapValue.builder().put("$type", "test.record").put("text", text).build()));
    }

    private static byte[] car(List<Cid> roots, CarBlock... blocks) {
        return CarWriter.toBytes(roots, List.of(blocks));
    }

    private static CarException.Reason reasonOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(CarException.class);
        return ((CarException) thrown).reason();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] withHeader(byte[] headerBytes) {
        return concat(Varint.encode(headerBytes.length), headerBytes);
    }

    @Test
    void roundTripsRootsAndBlocksInOrder() throws IOException {
        CarBlock a = record("a");
        CarBlock b = record("b");
        CarBlock raw = new CarBlock(Cid.ofRaw("blob".getBytes(StandardCharsets.UTF_8)), "blob".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written;
        try (CarWriter writer = new CarWriter(out, List.of(a.cid(), b.cid()))) {
            writer.write(b).write(raw).write(a.cid(), a.data());
            written = writer.bytesWritten();
            assertThat(writer.blocksWritten()).isEqualTo(3);
        }
        byte[] bytes = out.toByteArray();
        assertThat(written).isEqualTo(bytes.length);

        try (CarReader reader = CarReader.open(new ByteArrayInputStream(bytes))) {
            assertThat(reader.roots()).containsExactly(a.cid(), b.cid());
            assertThat(reader.next()).isEqualTo(b);
            assertThat(reader.next()).isEqualTo(raw);
            assertThat(reader.next()).isEqualTo(a);
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
            assertThat(reader.bytesRead()).isEqualTo(bytes.length);
            assertThat(reader.blocksRead()).isEqualTo(3);
        }
        CarContents contents = CarReader.readAll(bytes);
        assertThat(contents.root()).isEqualTo(a.cid());
        assertThat(contents.blocks().keySet()).containsExactly(b.cid(), raw.cid(), a.cid());
        assertThat(contents.get(a.cid())).isEqualTo(a.data());
        assertThat(contents.toBytes()).isEqualTo(bytes);
    }

    @Test
    void writesTheSpecLayout() {
        CarBlock a = record("a");
        byte[] bytes = car(List.of(a.cid()), a);
        byte[] header = Drisl.encode(MapValue.builder()
                .put("roots", DataValue.array(List.of(DataValue.of(a.cid()))))
                .put("version", 1).build());
        byte[] cid = a.cid().toBytes();
        assertThat(cid).hasSize(36);
        assertThat(bytes).isEqualTo(concat(Varint.encode(header.length), header,
                Varint.encode(cid.length + a.data().length), cid, a.data()));
    }

    @Test
    void emptyRootsHeaderHasExactBytes() {
        byte[] bytes = car(List.of());
        // 0x11 = 17-byte header {roots: [], version: 1}, keys in DRISL order.
        assertThat(HEX.formatHex(bytes)).isEqualTo("11" + "a2" + "65726f6f7473" + "80" + "6776657273696f6e" + "01");
        CarContents contents = CarReader.readAll(bytes);
        assertThat(contents.roots()).isEmpty();
        assertThat(contents.blocks()).isEmpty();
        assertThat(reasonOf(contents::root)).isEqualTo(CarException.Reason.MISSING_ROOT);
    }

    @Test
    void toleratesDuplicatesAnyOrderAndUnlinkedBlocks() {
        CarBlock a = record("a");
        CarBlock b = record("b");
        CarBlock stray = record("stray");
        byte[] bytes = car(List.of(a.cid()), b, stray, a, b, a);
        CarContents contents = CarReader.readAll(bytes);
        assertThat(contents.blocks().keySet()).containsExactly(b.cid(), stray.cid(), a.cid());
        assertThat(contents.toBytes()).isEqualTo(car(List.of(a.cid()), b, stray, a));
    }

    @Test
    void rejectsATamperedBlockUnlessToldNotToVerify() {
        CarBlock a = record("a");
        byte[] tampered = a.data().clone();
        tampered[tampered.length - 1] ^= 1;
        byte[] bytes = car(List.of(a.cid()), new CarBlock(a.cid(), tampered));
        assertThat(reasonOf(() -> CarReader.readAll(bytes))).isEqualTo(CarException.Reason.CID_MISMATCH);
        CarContents trusted = CarReader.readAll(bytes, CarLimits.DEFAULT, CidVerification.SKIP);
        assertThat(trusted.get(a.cid())).isEqualTo(tampered);
    }

    @Test
    void enforcesLimits() {
        CarBlock a = record("a");
        CarBlock b = record("bb");
        byte[] bytes = car(List.of(a.cid()), a, b);
        int biggest = Math.max(a.data().length, b.data().length);

        assertThat(CarReader.readAll(bytes, new CarLimits(bytes.length, biggest, 2, 64), CidVerification.VERIFY).blocks())
                .hasSize(2);
        assertThat(reasonOf(() -> CarReader.readAll(bytes, new CarLimits(bytes.length - 1, biggest, 2, 64), CidVerification.VERIFY)))
                .isEqualTo(CarException.Reason.TOO_LARGE);
        assertThat(reasonOf(() -> CarReader.readAll(bytes, new CarLimits(bytes.length, biggest - 1, 2, 64), CidVerification.VERIFY)))
                .isEqualTo(CarException.Reason.BLOCK_TOO_LARGE);
        assertThat(reasonOf(() -> CarReader.readAll(bytes, new CarLimits(bytes.length, biggest, 1, 64), CidVerification.VERIFY)))
                .isEqualTo(CarException.Reason.TOO_MANY_BLOCKS);
        assertThat(reasonOf(() -> CarReader.readAll(bytes, new CarLimits(bytes.length, biggest, 2, 20), CidVerification.VERIFY)))
                .isEqualTo(CarException.Reason.HEADER_TOO_LARGE);
    }

    @Test
    void streamingLimitsStopBeforeReadingAHugeSection() throws IOException {
        byte[] header = car(List.of());
        // A section that claims 1 GiB: the reader must refuse from the prefix alone.
        byte[] bytes = concat(header, Varint.encode(1L << 30), new byte[] {1, 2, 3});
        try (CarReader reader = CarReader.open(new ByteArrayInputStream(bytes))) {
            assertThat(reasonOf(reader::next)).isEqualTo(CarException.Reason.BLOCK_TOO_LARGE);
        }
    }

    @Test
    void everyTruncationIsEitherASmallerValidCarOrTruncated() {
        CarBlock a = record("a");
        CarBlock b = record("b");
        byte[] bytes = car(List.of(a.cid()), a, b);
        int headerEnd = car(List.of(a.cid())).length;
        int firstEnd = car(List.of(a.cid()), a).length;
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] prefix = Arrays.copyOf(bytes, cut);
            if (cut == headerEnd || cut == firstEnd) {
                assertThat(CarReader.readAll(prefix).blocks()).hasSize(cut == headerEnd ? 0 : 1);
            } else {
                assertThat(reasonOf(() -> CarReader.readAll(prefix))).as("cut at %d", cut)
                        .isEqualTo(CarException.Reason.TRUNCATED);
            }
        }
    }

    @Test
    void readsFromAStreamThatDeliversOneByteAtATime() throws IOException {
        CarBlock a = record("a");
        CarBlock b = record("b".repeat(5000));
        byte[] bytes = car(List.of(a.cid()), a, b);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                return super.read(buf, off, Math.min(len, 1));
            }
        };
        CarContents contents = CarReader.readAll(trickle, CarLimits.DEFAULT, CidVerification.VERIFY);
        assertThat(contents.blocks().keySet()).containsExactly(a.cid(), b.cid());
    }

    @Test
    void headerMustBeVersionOneWithExactlyRootsAndVersion() {
        Cid root = record("a").cid();
        var link = DataValue.array(List.of(DataValue.of(root)));
        assertThat(reasonOf(() -> CarReader.readAll(withHeader(Drisl.encode(
                MapValue.builder().put("roots", link).put("version", 2).build())))))
                .isEqualTo(CarException.Reason.UNSUPPORTED_VERSION);
        assertThat(reasonOf(() -> CarReader.readAll(withHeader(Drisl.encode(MapValue.builder().put("version", 2).build())))))
                .as("CARv2 pragma").isEqualTo(CarException.Reason.UNSUPPORTED_VERSION);
        assertThat(reasonOf(() -> CarReader.readAll(withHeader(Drisl.encode(MapValue.builder().put("version", 1).build())))))
                .isEqualTo(CarException.Reason.INVALID_HEADER);
        assertThat(reasonOf(() -> CarReader.readAll(withHeader(Drisl.encode(MapValue.builder().put("roots", link).build())))))
                .isEqualTo(CarException.Reason.INVALID_HEADER);
        assertThat(reasonOf(() -> CarReader.readAll(withHeader(Drisl.encode(
                MapValue.builder().put("roots", link).put("version", 1).put("extra", true).build())))))
                .isEqualTo(CarException.Reason.INVALID_HEADER);
        assertThat(reasonOf(() -> CarReader.readAll(withHeader(Drisl.encode(MapValue.builder()
                .put("roots", DataValue.array(List.of(DataValue.of(root.toString()))))
                .put("version", 1).build())))))
                .isEqualTo(CarException.Reason.INVALID_HEADER);
        assertThat(reasonOf(() -> CarReader.readAll(withHeader(Drisl.encode(MapValue.builder()
                .put("roots", link).put("version", "1").build())))))
                .isEqualTo(CarException.Reason.INVALID_HEADER);
        assertThat(reasonOf(() -> CarReader.readAll(withHeader(Drisl.encode(link)))))
                .isEqualTo(CarException.Reason.INVALID_HEADER);
        // {roots: [], version: 1} with the keys in the wrong order: valid CBOR, not DRISL.
        assertThat(reasonOf(() -> CarReader.readAll(withHeader(HEX.parseHex("a2" + "6776657273696f6e" + "01" + "65726f6f7473" + "80")))))
                .isEqualTo(CarException.Reason.INVALID_HEADER);
        assertThat(reasonOf(() -> CarReader.readAll(new byte[] {0}))).isEqualTo(CarException.Reason.INVALID_HEADER);
        assertThat(reasonOf(() -> CarReader.readAll(new byte[0]))).isEqualTo(CarException.Reason.TRUNCATED);
    }

    @Test
    void rejectsMalformedPrefixesAndSections() {
        byte[] header = car(List.of());
        assertThat(reasonOf(() -> CarReader.readAll(concat(new byte[] {(byte) 0x91, 0x00}, header))))
                .isEqualTo(CarException.Reason.MALFORMED_VARINT);
        byte[] tenByteVarint = HEX.parseHex("80808080808080808001");
        assertThat(reasonOf(() -> CarReader.readAll(concat(header, tenByteVarint))))
                .isEqualTo(CarException.Reason.MALFORMED_VARINT);
        assertThat(reasonOf(() -> CarReader.readAll(concat(header, new byte[] {0}))))
                .isEqualTo(CarException.Reason.INVALID_SECTION);
        // A CIDv0 (bare sha2-256 multihash): atproto CARs carry CIDv1 only.
        byte[] v0 = concat(new byte[] {0x12, 0x20}, new byte[32], new byte[] {1});
        assertThat(reasonOf(() -> CarReader.readAll(concat(header, Varint.encode(v0.length), v0))))
                .isEqualTo(CarException.Reason.INVALID_SECTION);
        // A section shorter than the CID it starts with.
        byte[] cut = Arrays.copyOf(record("a").cid().toBytes(), 20);
        assertThat(reasonOf(() -> CarReader.readAll(concat(header, Varint.encode(cut.length), cut))))
                .isEqualTo(CarException.Reason.INVALID_SECTION);
    }

    @Test
    void writerAcceptsAMapInItsOrder() {
        Map<Cid, byte[]> blocks = new LinkedHashMap<>();
        List<CarBlock> order = new ArrayList<>();
        for (String s : List.of("z", "y", "x")) {
            CarBlock block = record(s);
            blocks.put(block.cid(), block.data());
            order.add(block);
        }
        assertThat(CarWriter.toBytes(List.of(order.get(1).cid()), blocks))
                .isEqualTo(CarWriter.toBytes(List.of(order.get(1).cid()), order));
    }
}
