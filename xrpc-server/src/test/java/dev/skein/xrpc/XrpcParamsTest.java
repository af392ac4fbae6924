package dev.skein.xrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.data.MapValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XrpcParamsTest {

    @Test
    void rawParamsConvertOnAccessAndRefuseWhatDoesNotConvert() {
        XrpcParams p = XrpcParams.raw(Map.of("n", List.of("42"), "b", List.of("true"), "s", List.of("x", "y"),
                "bad", List.of("4.2"), "big", List.of("99999999999999999999")));
        assertThat(p.typed()).isFalse();
        assertThat(p.integer("n")).contains(42L);
        assertThat(p.bool("b")).contains(true);
        assertThat(p.strings("s")).containsExactly("x", "y");
        assertThat(p.strings("n")).containsExactly("42");
        assertThat(p.string("missing")).isEmpty();
        assertThat(p.requireString("n")).isEqualTo("42");
        assertThatThrownBy(() -> p.integer("bad")).isInstanceOfSatisfying(XrpcException.class,
                e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> p.integer("big")).isInstanceOf(XrpcException.class);
        assertThatThrownBy(() -> p.bool("n")).isInstanceOf(XrpcException.class);
        assertThatThrownBy(() -> p.string("s")).isInstanceOf(XrpcException.class);
        assertThatThrownBy(() -> p.requireString("missing")).isInstanceOfSatisfying(XrpcException.class,
                e -> assertThat(e.getMessage()).contains("\"missing\""));
    }

    @Test
    void typedParamsAreReadAsTheyAre() {
        XrpcParams p = new XrpcParams(MapValue.builder().put("n", 7).put("b", false).put("s", "v").build(), true);
        assertThat(p.integer("n")).contains(7L);
        assertThat(p.bool("b")).contains(false);
        assertThat(p.string("s")).contains("v");
        assertThatThrownBy(() -> p.integer("s")).isInstanceOf(XrpcException.class);
    }

    @Test
    void errorsGetTheDefaultNameOfTheirStatus() {
        assertThat(new XrpcException(404, null, "m").error()).isEqualTo("XRPCNotSupported");
        assertThat(new XrpcException(503, null, "m").error()).isEqualTo("NotEnoughResources");
        assertThat(XrpcException.internal(new RuntimeException("secret")).getMessage()).isEqualTo("Internal Server Error");
        assertThatThrownBy(() -> new XrpcException(200, "Ok", "no")).isInstanceOf(IllegalArgumentException.class);
    }
}
