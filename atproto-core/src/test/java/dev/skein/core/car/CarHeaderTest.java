package dev.skein.core.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skein.core.cid.Cid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CarHeader#parse}: the header of one SHA-256 root, which is matched as its canonical bytes, reads as the
 * general decode reads it, and bytes of the same shape that are not such a header are judged by the general decode.
 */
class CarHeaderTest {
    private static final Cid ROOT = Cid.ofDrisl("a commit".getBytes(StandardCharsets.UTF_8));
    private static final Cid OTHER = Cid.ofRaw("a blob".getBytes(StandardCharsets.UTF_8));

    @Test
    void aHeaderOfOneRootReadsBackItsRoot() {
        byte[] bytes = new CarHeader(List.of(ROOT)).toBytes();
        assertThat(CarHeader.parse(bytes, CarLimits.DEFAULT).roots()).containsExactly(ROOT);
    }

    @Test
    void headersOfOtherShapesStillRead() {
        assertThat(CarHeader.parse(new CarHeader(List.of(ROOT, OTHER)).toBytes(), CarLimits.DEFAULT).roots())
                .containsExactly(ROOT, OTHER);
        assertThat(CarHeader.parse(new CarHeader(List.of()).toBytes(), CarLimits.DEFAULT).roots()).isEmpty();
        assertThat(CarHeader.parse(new CarHeader(List.of(OTHER)).toBytes(), CarLimits.DEFAULT).roots())
                .containsExactly(OTHER);
    }

    @Test
    void anInvalidCidInTheOneRootShapeIsRefusedAsBefore() {
        byte[] bytes = new CarHeader(List.of(ROOT)).toBytes();
        // The CID starts after {roots: [tag 42, bytes(37): 0x00; its first byte is its version, which must be 1.
        bytes[13] = 2;
        CarException e = catchThrowableOfType(CarException.class, () -> CarHeader.parse(bytes, CarLimits.DEFAULT));
        assertThat(e.reason()).isEqualTo(CarException.Reason.INVALID_HEADER);
    }

    @Test
    void aWrongVersionInTheOneRootShapeIsRefusedAsBefore() {
        byte[] bytes = new CarHeader(List.of(ROOT)).toBytes();
        bytes[bytes.length - 1] = 2;
        CarException e = catchThrowableOfType(CarException.class, () -> CarHeader.parse(bytes, CarLimits.DEFAULT));
        assertThat(e.reason()).isEqualTo(CarException.Reason.UNSUPPORTED_VERSION);
    }
}
