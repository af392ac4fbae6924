package dev.skein.core.lexicon;

import java.util.List;
import java.util.Optional;

/**
 * The {@code blob} type. {@code accept} lists MIME types, each either exact ({@code image/png}), a whole
 * top-level type ({@code image/*}) or anything ({@code *}{@code /*}); {@code maxSize} is in bytes. Both are
 * enforced when a record is written, not when the blob is uploaded.
 */
public record LexBlob(Optional<String> description, Optional<List<String>> accept, Optional<Long> maxSize)
        implements LexFieldType {
    public LexBlob {
        accept = accept.map(List::copyOf);
    }

    /** Whether {@code mimeType} matches {@code accept} (always, when there is no {@code accept}). */
    public boolean accepts(String mimeType) {
        return accept.map(patterns -> MimeTypes.matchesAny(patterns, mimeType)).orElse(true);
    }

    @Override
    public String type() {
        return "blob";
    }
}
