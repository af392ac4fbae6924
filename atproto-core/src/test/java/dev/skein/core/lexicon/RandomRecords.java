package dev.skein.core.lexicon;

import dev.skein.core.cid.Cid;
import dev.skein.core.data.DataValue;
import dev.skein.core.data.MapValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random {@code app.bsky.feed.post} and {@code app.bsky.actor.profile} records that land near the limits
 * of their schemas (graphemes, UTF-8 bytes, array lengths, blob size and type, formats), valid and invalid
 * about evenly, for comparing our validation with the reference one.
 */
final class RandomRecords {
    /** Grapheme clusters of different UTF-8 and UTF-16 sizes, all from long-established Unicode versions. */
    private static final List<String> GRAPHEMES = List.of(
            "a", "Z", "7", " ", "\u00e9", "e\u0301", "\u6f22", "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD",
            "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC66\u200D\uD83D\uDC66", "\uD83C\uDDE9\uD83C\uDDEA",
            "\u0915\u094D\u0937", "\u1100\u1161\u11A8", "1\uFE0F\u20E3", "\r\n", "\u05E9\u05C1");
    private static final List<String> LANGS = List.of("en", "pt-BR", "ja", "zh-Hant-TW", "i-klingon", "x", "EN",
            "en_US", "english", "de-DE-1996");
    private static final List<String> MIME_TYPES = List.of("image/png", "image/jpeg", "image/gif", "video/mp4",
            "text/plain");
    private static final String CREATED_AT = "2024-05-06T07:08:09.123Z";

    private final SplittableRandom random;

    RandomRecords(long seed) {
        this.random = new SplittableRandom(seed);
    }

    MapValue post() {
        MapValue.Builder b = MapValue.builder().put("$type", "app.bsky.feed.post");
        b.put("text", text(pick(300), random.nextInt(10) == 0 ? 3100 : 3000));
        if (random.nextInt(12) != 0) {
            b.put("createdAt", random.nextInt(15) == 0 ? "yesterday" : CREATED_AT);
        }
        if (random.nextBoolean()) {
            b.put("langs", DataValue.array(list(random.nextInt(5), () -> DataValue.of(pickFrom(LANGS.subList(0, random.nextInt(4) == 0 ? LANGS.size() : 5))))));
        }
        if (random.nextInt(3) == 0) {
            b.put("tags", DataValue.array(list(random.nextInt(10), () -> DataValue.of(text(pick(60), 700)))));
        }
        switch (random.nextInt(5)) {
            case 0 -> b.put("embed", images());
            case 1 -> b.put("embed", MapValue.builder().put("$type", "app.bsky.embed.external")
                    .put("external", MapValue.builder()
                            .put("uri", random.nextInt(6) == 0 ? "not a uri" : "https://example.com/a")
                            .put("title", text(10, 100)).put("description", text(20, 200)).build())
                    .build());
            case 2 -> b.put("embed", MapValue.builder().put("$type", "app.bsky.embed.record")
                    .put("record", strongRef()).build());
            case 3 -> b.put("embed", MapValue.builder().put("$type", "com.example.future.embed#card")
                    .put("anything", 1).build());
            default -> { }
        }
        if (random.nextInt(4) == 0) {
            MapValue.Builder reply = MapValue.builder().put("parent", strongRef());
            if (random.nextInt(6) != 0) {
                reply.put("root", strongRef());
            }
            b.put("reply", reply.build());
        }
        return b.build();
    }

    MapValue profile() {
        MapValue.Builder b = MapValue.builder().put("$type", "app.bsky.actor.profile");
        if (random.nextBoolean()) {
            b.put("displayName", text(pick(64), 700));
        }
        if (random.nextBoolean()) {
            b.put("description", text(pick(256), 2700));
        }
        if (random.nextBoolean()) {
            b.put("avatar", blob(pickFrom(MIME_TYPES), pick(1_000_000)));
        }
        if (random.nextInt(4) == 0) {
            b.put("pinnedPost", strongRef());
        }
        return b.build();
    }

    private MapValue images() {
        List<DataValue> images = list(1 + random.nextInt(5), () -> MapValue.builder()
                .put("image", blob(pickFrom(MIME_TYPES), pick(1_000_000)))
                .put("alt", text(random.nextInt(40), 1000))
                .build());
        return MapValue.builder().put("$type", "app.bsky.embed.images").put("images", DataValue.array(images)).build();
    }

    private MapValue strongRef() {
        boolean badUri = random.nextInt(8) == 0;
        boolean badCid = random.nextInt(8) == 0;
        return MapValue.builder()
                .put("uri", badUri ? "https://example.com/post" : "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3kznmn7xqxl22")
                .put("cid", badCid ? "not-a-cid" : Cid.ofDrisl(bytes()).toString())
                .build();
    }

    private MapValue blob(String mimeType, long size) {
        return MapValue.builder().put("$type", "blob").put("ref", Cid.ofRaw(bytes()))
                .put("mimeType", mimeType).put("size", size).build();
    }

    /** A number near {@code limit}: just under, at, or just over it. */
    private int pick(int limit) {
        return Math.max(0, limit - 3 + random.nextInt(7));
    }

    /**
     * {@code graphemes} clusters (none of the pool's clusters join with a neighbour), stopping before
     * {@code maxUtf8} bytes.
     */
    private String text(int graphemes, int maxUtf8) {
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        boolean plain = random.nextBoolean();
        for (int i = 0; i < graphemes; i++) {
            String g = plain ? "x" : pickFrom(GRAPHEMES);
            int len = g.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxUtf8) {
                break;
            }
            sb.append(g);
            bytes += len;
        }
        return sb.toString();
    }

    private byte[] bytes() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }

    private String pickFrom(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static <T> List<T> list(int n, java.util.function.Supplier<T> item) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(item.get());
        }
        return out;
    }
}
