package dev.skein.pds.blob;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The media type of an uploaded blob, from its bytes where they tell: the reference PDS records the sniffed
 * type, not the one the client declared, so that a record cannot pass a PNG off as a video. Recognised by
 * signature: PNG, JPEG, GIF, WebP, AVIF, MP4 and QuickTime. When the client declared one of those types
 * and the bytes are not that, the blob is JSON ({@code application/json}), text ({@code text/plain}) or
 * {@code application/octet-stream}. Any other declared type is kept as declared (without parameters).
 */
public final class MimeSniffer {
    /** Declared when a client names no type. */
    public static final String OCTET_STREAM = "application/octet-stream";
    /** How much of a blob is examined to tell text from binary. */
    static final int TEXT_SAMPLE_BYTES = 64 * 1024;
    /** JSON is recognised only in blobs up to this size (it is parsed whole). */
    static final int MAX_JSON_SNIFF_BYTES = 1024 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final Set<String> RECOGNISED = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/avif", "video/mp4", "video/quicktime");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private MimeSniffer() {}

    /** The type to record for {@code bytes} declared as {@code declared} (a Content-Type, maybe with parameters). */
    public static String sniff(byte[] bytes, String declared) {
        String claimed = normalise(declared);
        Optional<String> signature = signature(bytes);
        if (signature.isPresent()) {
            return signature.get();
        }
        if (!RECOGNISED.contains(claimed)) {
            return claimed;
        }
        if (isText(bytes)) {
            return isJson(bytes) ? "application/json" : "text/plain";
        }
        return OCTET_STREAM;
    }

    /** {@code type/subtype} in lowercase, without parameters; octet-stream when empty. */
    static String normalise(String contentType) {
        if (contentType == null) {
            return OCTET_STREAM;
        }
        int semicolon = contentType.indexOf(';');
        String t = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() || !t.contains("/") ? OCTET_STREAM : t;
    }

    /** The type a file signature at the start of {@code b} names. */
    static Optional<String> signature(byte[] b) {
        if (startsWith(b, 0, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"))) {
            return Optional.of("image/gif");
        }
        if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
            return Optional.of("image/webp");
        }
        if (startsWith(b, 4, ascii("ftyp")) && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            return Optional.of(switch (brand) {
                case "qt  " -> "video/quicktime";
                case "avif", "avis" -> "image/avif";
                default -> "video/mp4";
            });
        }
        return Optional.empty();
    }

    /** Valid UTF-8 (in its first part) without control characters other than tab, line feed, form feed and return. */
    static boolean isText(byte[] b) {
        int n = Math.min(b.length, TEXT_SAMPLE_BYTES);
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        // A multi-byte character cut off by the sample's end is not an error: back up to a character start.
        int end = n;
        if (n < b.length) {
            while (end > 0 && (b[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (b[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A whole JSON object or array, and nothing after it. */
    static boolean isJson(byte[] b) {
        if (b.length > MAX_JSON_SNIFF_BYTES) {
            return false;
        }
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        return b.length >= offset + prefix.length && Arrays.equals(b, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
