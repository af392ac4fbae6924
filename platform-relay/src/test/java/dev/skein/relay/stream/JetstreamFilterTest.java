package dev.skein.relay.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skein.core.syntax.Did;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JetstreamFilterTest {
    static final Did A = new Did("did:plc:aaaaaaaaaaaaaaaaaaaaaaaa");
    static final Did B = new Did("did:plc:bbbbbbbbbbbbbbbbbbbbbbbb");

    static JetstreamMessage commit(Did did, String collection) {
        return new JetstreamMessage(did, collection, 1, "{}");
    }

    @Test
    void prefixesExactCollectionsAndDids() {
        JetstreamFilter f = JetstreamFilter.of(List.of("agent.comms.*", "app.bsky.feed.post"), List.of(A.value()), 0);
        assertThat(f.wants(commit(A, "agent.comms.message"))).isTrue();
        assertThat(f.wants(commit(A, "agent.comms.thread.reply"))).isTrue();
        assertThat(f.wants(commit(A, "agent.commsx.message"))).isFalse();
        assertThat(f.wants(commit(A, "app.bsky.feed.post"))).isTrue();
        assertThat(f.wants(commit(A, "app.bsky.feed.like"))).isFalse();
        assertThat(f.wants(commit(B, "agent.comms.message"))).isFalse();
        assertThat(f.wants(new JetstreamMessage(A, null, 1, "{}"))).as("identity and account events pass collections").isTrue();
        assertThat(f.wants(new JetstreamMessage(B, null, 1, "{}"))).as("but not the DID filter").isFalse();
        assertThat(JetstreamFilter.ALL.wants(commit(B, "x.y.z"))).isTrue();
    }

    @Test
    void aSizeLimitDropsLargerMessages() {
        JetstreamFilter f = JetstreamFilter.of(List.of(), List.of(), 3);
        assertThat(f.wants(new JetstreamMessage(A, "a.b.c", 1, "{}"))).isTrue();
        assertThat(f.wants(new JetstreamMessage(A, "a.b.c", 1, "{\"x\":1}"))).isFalse();
        assertThat(JetstreamFilter.of(List.of(), List.of(), -5).maxMessageSizeBytes()).isZero();
    }

    @Test
    void invalidOrTooManyEntriesAreRefused() {
        assertThatThrownBy(() -> JetstreamFilter.of(List.of("not an nsid"), List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JetstreamFilter.of(List.of("app.bsky.fo*"), List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JetstreamFilter.of(List.of(), List.of("alice"), 0)).isInstanceOf(IllegalArgumentException.class);
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("app.bsky.c" + i);
        }
        assertThatThrownBy(() -> JetstreamFilter.of(many, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(JetstreamFilter.of(Collections.nCopies(300, "app.bsky.feed.post"), List.of(), 0).collections()).hasSize(1);
    }
}
