package dev.skein.xrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.syntax.Nsid;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class XrpcRegistryTest {

    private static XrpcSubscription subscription(String nsid) {
        return new XrpcSubscription() {
            @Override
            public Nsid nsid() {
                return Nsid.parse(nsid);
            }

            @Override
            public Flux<byte[]> open(SubscriptionRequest request) {
                return Flux.empty();
            }
        };
    }

    @Test
    void servesMethodsWithAndWithoutSchemas() {
        XrpcRegistry r = new XrpcRegistry(TestMethods.CATALOG, TestMethods.all(), List.of(subscription("test.stream.frames")));
        assertThat(r.hasSchema(Nsid.parse("test.echo.query"))).isTrue();
        assertThat(r.hasSchema(Nsid.parse("test.echo.raw"))).isFalse();
        assertThat(r.method(Nsid.parse("test.echo.raw"))).isPresent();
        assertThat(r.subscription(Nsid.parse("test.stream.frames"))).isPresent();
        assertThat(r.method(Nsid.parse("test.stream.frames"))).isEmpty();
    }

    @Test
    void refusesAHandlerWhoseKindOrInputContradictsTheLexicon() {
        assertThatThrownBy(() -> new XrpcRegistry(TestMethods.CATALOG,
                List.of(TestMethods.procedure("test.echo.query", XrpcMethod.Input.JSON, r -> XrpcResponse.empty())), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("its lexicon is a query");
        assertThatThrownBy(() -> new XrpcRegistry(TestMethods.CATALOG,
                List.of(TestMethods.procedure("test.echo.procedure", XrpcMethod.Input.BYTES, r -> XrpcResponse.empty())), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("input is JSON");
        assertThatThrownBy(() -> new XrpcRegistry(TestMethods.CATALOG,
                List.of(TestMethods.procedure("test.upload.blob", XrpcMethod.Input.JSON, r -> XrpcResponse.empty())), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("input is BYTES");
        assertThatThrownBy(() -> new XrpcRegistry(TestMethods.CATALOG, List.of(new TestMethods.Method(
                Nsid.parse("test.echo.query"), XrpcMethod.Kind.QUERY, XrpcMethod.Input.JSON, AuthRequirement.NONE,
                OptionalLong.empty(), r -> XrpcResponse.empty())), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a query has no input");
        assertThatThrownBy(() -> new XrpcRegistry(TestMethods.CATALOG,
                List.of(TestMethods.query("test.stream.frames", r -> XrpcResponse.empty())), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("subscription");
        assertThatThrownBy(() -> new XrpcRegistry(TestMethods.CATALOG, List.of(), List.of(subscription("test.echo.query"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is a query");
    }

    @Test
    void refusesTwoHandlersForOneNsid() {
        XrpcMethod a = TestMethods.query("test.echo.raw", r -> XrpcResponse.empty());
        assertThatThrownBy(() -> new XrpcRegistry(TestMethods.CATALOG, List.of(a, a), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two handlers");
        assertThatThrownBy(() -> new XrpcRegistry(TestMethods.CATALOG, List.of(a), List.of(subscription("test.echo.raw"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two handlers");
    }
}
