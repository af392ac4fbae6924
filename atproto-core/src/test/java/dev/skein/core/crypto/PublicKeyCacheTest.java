package dev.skein.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublicKeyCacheTest {
    private final List<PublicKey> keys = new ArrayList<>();

    PublicKeyCacheTest() {
        for (int i = 0; i < 40; i++) {
            keys.add(SigningKey.generate(Curve.P256).publicKey());
        }
    }

    @Test
    void parsesEachKeyOnceWhileItStaysHot() {
        PublicKeyCache cache = new PublicKeyCache(4);
        AtomicInteger parses = new AtomicInteger();
        PublicKey hot = keys.get(0);
        PublicKey first = cache.get(hot.didKey(), s -> {
            parses.incrementAndGet();
            return DidKey.parse(s);
        });
        for (PublicKey other : keys.subList(1, keys.size())) {
            cache.get(other.didKey(), DidKey::parse);
            PublicKey again = cache.get(hot.didKey(), s -> {
                parses.incrementAndGet();
                return DidKey.parse(s);
            });
            assertThat(again).isSameAs(first);
        }
        assertThat(parses).hasValue(1);
    }

    @Test
    void holdsAtMostTwoGenerations() {
        PublicKeyCache cache = new PublicKeyCache(4);
        AtomicInteger parses = new AtomicInteger();
        for (PublicKey key : keys) {
            assertThat(cache.get(key.didKey(), s -> {
                parses.incrementAndGet();
                return DidKey.parse(s);
            })).isEqualTo(key);
            assertThat(cache.size()).isLessThanOrEqualTo(8);
        }
        assertThat(parses).hasValue(keys.size());
        // The oldest key has been evicted, so it is parsed again.
        cache.get(keys.get(0).didKey(), s -> {
            parses.incrementAndGet();
            return DidKey.parse(s);
        });
        assertThat(parses).hasValue(keys.size() + 1);
    }
}
