package dev.skein.core.data;

import dev.skein.core.cid.Cid;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to a blob from a record: {@code {"$type":"blob","ref":{"$link":…},"mimeType":…,"size":…}}.
 * The legacy form {@code {"cid": "…", "mimeType": …}} is read but never written.
 *
 * <p>Spec: <a href="https://atproto.com/specs/data-model#blob-type">data model: blob type</a>.
 */
public record BlobRef(Cid ref, String mimeType, long size) {
    public BlobRef {
        Objects.requireNonNull(ref, "ref");
        if (mimeType == null || mimeType.isEmpty()) {
            throw new IllegalArgumentException("blob mimeType must be a non-empty string");
        }
        if (size < 0) {
            throw new IllegalArgumentException("blob size must not be negative");
        }
    }

    /** The canonical data-model form. */
    public MapValue toValue() {
        return MapValue.builder()
                .put("$type", "blob")
                .put("ref", ref)
                .put("mimeType", mimeType)
                .put("size", size)
                .build();
    }

    /** Whether {@code map} claims to be a blob ({@code $type} is {@code "blob"}). */
    public static boolean isBlob(MapValue map) {
        return map.get("$type") instanceof StringValue s && s.value().equals("blob");
    }

    /**
     * Reads a blob reference, in the current form or the legacy one; empty when {@code map} is neither.
     *
     * @throws InvalidDataException when {@code $type} is {@code "blob"} but the fields are wrong
     */
    public static Optional<BlobRef> from(MapValue map) {
        if (isBlob(map)) {
            if (!(map.get("ref") instanceof LinkValue ref)) {
                throw new InvalidDataException("ref", "blob ref must be a cid-link");
            }
            if (!(map.get("mimeType") instanceof StringValue mime) || mime.value().isEmpty()) {
                throw new InvalidDataException("mimeType", "blob mimeType must be a non-empty string");
            }
            if (!(map.get("size") instanceof IntValue size) || size.value() < 0) {
                throw new InvalidDataException("size", "blob size must be a non-negative integer");
            }
            return Optional.of(new BlobRef(ref.cid(), mime.value(), size.value()));
        }
        if (map.size() == 2 && map.get("cid") instanceof StringValue cid
                && map.get("mimeType") instanceof StringValue mime && !mime.value().isEmpty()) {
            try {
                return Optional.of(new BlobRef(Cid.parse(cid.value()), mime.value(), 0));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
