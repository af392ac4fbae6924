package dev.skein.relay.web;

import dev.skein.relay.stream.Jetstream;
import dev.skein.relay.stream.JetstreamFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jetstream's {@code /subscribe}: query parameters {@code wantedCollections}, {@code wantedDids}, {@code cursor}
 * (microseconds), {@code maxMessageSizeBytes}, {@code requireHello}; events as text messages. The client may send
 * {@code {"type": "options_update", "payload": {wantedCollections, wantedDids, maxMessageSizeBytes}}} to replace its
 * filter; with {@code requireHello=true} nothing is sent before the first such message. Invalid options close the
 * connection (1008); a consumer too far behind is closed with 1008 {@code ConsumerTooSlow}. Compression
 * ({@code compress=true}) is not offered: such clients get plain text.
 */
public final class JetstreamSocket implements WebSocketHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Largest message a client may send (Jetstream v1 allows 10 MB; an options update is far smaller). */
    static final int MAX_CLIENT_MESSAGE = 10_000_000;

    private final Jetstream jetstream;

    public JetstreamSocket(Jetstream jetstream) {
        this.jetstream = jetstream;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        MultiValueMap<String, String> q = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri()).build(true)
                .getQueryParams();
        AtomicReference<JetstreamFilter> filter = new AtomicReference<>();
        Long cursor;
        try {
            filter.set(JetstreamFilter.of(decoded(q.get("wantedCollections")), decoded(q.get("wantedDids")),
                    parseLong(q.getFirst("maxMessageSizeBytes"), 0)));
            String c = q.getFirst("cursor");
            cursor = c == null || c.isEmpty() ? null : Long.parseLong(c);
        } catch (IllegalArgumentException e) {
            return session.close(CloseStatus.POLICY_VIOLATION.withReason(trim(e.getMessage())));
        }
        boolean requireHello = "true".equals(q.getFirst("requireHello"));
        Sinks.One<Boolean> hello = Sinks.one();
        if (!requireHello) {
            hello.tryEmitValue(true);
        }
        Mono<Void> input = session.receive().concatMap(m -> {
            try {
                if (m.getType() == WebSocketMessage.Type.TEXT || m.getType() == WebSocketMessage.Type.BINARY) {
                    JetstreamFilter next = optionsUpdate(m.getPayloadAsText());
                    if (next != null) {
                        filter.set(next);
                        hello.tryEmitValue(true);
                    }
                }
                return Mono.empty();
            } catch (IllegalArgumentException e) {
                return session.close(CloseStatus.POLICY_VIOLATION.withReason(trim(e.getMessage()))).then(Mono.error(e));
            }
        }).then();
        Flux<String> messages = hello.asMono().thenMany(Flux.defer(() -> jetstream.messages(cursor, filter::get)));
        Mono<Void> output = session.send(messages.takeWhile(s -> s != Jetstream.TOO_SLOW).map(session::textMessage))
                .then(Mono.defer(() -> session.close(CloseStatus.POLICY_VIOLATION.withReason("ConsumerTooSlow"))));
        return Mono.firstWithSignal(output, input.onErrorResume(e -> Mono.empty()));
    }

    /** The filter an {@code options_update} message sets, or {@code null} for another message type (ignored). */
    static JetstreamFilter optionsUpdate(String text) {
        if (text.length() > MAX_CLIENT_MESSAGE) {
            throw new IllegalArgumentException("message too large");
        }
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid JSON");
        }
        if (!"options_update".equals(msg.path("type").asString(null))) {
            return null;
        }
        JsonNode p = msg.path("payload");
        return JetstreamFilter.of(strings(p.get("wantedCollections")), strings(p.get("wantedDids")),
                p.path("maxMessageSizeBytes").asLong(0));
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                out.add(e.asString());
            }
        }
        return out;
    }

    private static List<String> decoded(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream().map(s -> java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    private static long parseLong(String s, long dflt) {
        if (s == null || s.isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String trim(String s) {
        // A close reason must fit in a control frame (123 bytes).
        return s == null ? "invalid options" : s.length() > 100 ? s.substring(0, 100) : s;
    }
}
