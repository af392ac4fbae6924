package dev.skein.relay.testing;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/** A WebSocket client for tests: reads binary or text messages until a count, the end, or a time limit. */
public final class WsClient {
    private static final HttpClient HTTP = HttpClient.create();
    private static final WebsocketClientSpec SPEC = WebsocketClientSpec.builder().maxFramePayloadLength(5_000_000).build();

    private WsClient() {}

    /** Binary messages, up to {@code max} of them or until the server closes, within {@code wait}. */
    public static List<byte[]> binary(String url, int max, Duration wait) {
        return HTTP.websocket(SPEC).uri(url).handle((in, out) -> in.aggregateFrames(5_000_000).receiveFrames()
                        .filter(f -> f instanceof BinaryWebSocketFrame).map(f -> ByteBufUtil.getBytes(f.content())))
                .take(max).take(wait).collectList().block(wait.plusSeconds(5));
    }

    /** Text messages, sending {@code send} first (if not null). */
    public static List<String> text(String url, String send, int max, Duration wait) {
        return HTTP.websocket(SPEC).uri(url).handle((in, out) -> {
                    Mono<Void> sent = send == null ? Mono.empty() : out.sendString(Mono.just(send)).then();
                    Flux<String> received = in.aggregateFrames().receiveFrames()
                            .filter(f -> f instanceof TextWebSocketFrame).map(f -> ((TextWebSocketFrame) f).text());
                    return Flux.merge(sent.thenMany(Flux.<String>empty()), received);
                })
                .take(max).take(wait).collectList().block(wait.plusSeconds(5));
    }
}
