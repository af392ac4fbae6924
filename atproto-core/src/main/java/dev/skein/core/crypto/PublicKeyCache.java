package dev.skein.core.crypto;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded map from key text (did:key or multibase) to decoded keys, so that a relay seeing the same
 * signing keys over and over decodes each point (a field square root) and builds its multiplication
 * tables once.
 *
 * <p>Two generations approximate LRU without a lock on the read path: lookups hit the young map, then the
 * old one (promoting the entry); when the young map fills up it becomes the old one and the previous old
 * one is dropped. At most {@code 2 * generationSize} entries are held.
 */
final class PublicKeyCache {
    private final int generationSize;
    private volatile ConcurrentHashMap<String, PublicKey> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<String, PublicKey> old = new ConcurrentHashMap<>();

    PublicKeyCache(int generationSize) {
        this.generationSize = generationSize;
    }

    PublicKey get(String text, Function<String, PublicKey> parse) {
        PublicKey key = young.get(text);
        if (key != null) {
            return key;
        }
        key = old.get(text);
        if (key == null) {
            key = parse.apply(text);
        }
        put(text, key);
        return key;
    }

    private void put(String text, PublicKey key) {
        ConcurrentHashMap<String, PublicKey> y = young;
        if (y.size() >= generationSize) {
            synchronized (this) {
                if (young == y) {
                    old = y;
                    young = y = new ConcurrentHashMap<>();
                } else {
                    y = young;
                }
            }
        }
        y.put(text, key);
    }

    int size() {
        return young.size() + old.size();
    }
}
