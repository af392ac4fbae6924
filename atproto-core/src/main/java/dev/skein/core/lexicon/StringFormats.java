package dev.skein.core.lexicon;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.AtIdentifier;
import dev.skein.core.syntax.AtUri;
import dev.skein.core.syntax.Datetime;
import dev.skein.core.syntax.Did;
import dev.skein.core.syntax.Handle;
import dev.skein.core.syntax.InvalidSyntaxException;
import dev.skein.core.syntax.LanguageTag;
import dev.skein.core.syntax.Nsid;
import dev.skein.core.syntax.RecordKey;
import dev.skein.core.syntax.Tid;
import dev.skein.core.syntax.Uri;
import java.util.Optional;

/**
 * The Lexicon string formats, checked with the syntax types. As the spec asks, each accepts the most
 * general syntax (any DID method, any URI scheme); whether a value is usable is an application question.
 */
final class StringFormats {
    private StringFormats() {}

    /** Why {@code value} is not of {@code format}, or empty when it is. */
    static Optional<String> problem(StringFormat format, String value) {
        try {
            switch (format) {
                case AT_IDENTIFIER -> AtIdentifier.parse(value);
                case AT_URI -> AtUri.parse(value);
                case CID -> {
                    if (!Cid.isValidSyntax(value)) {
                        return Optional.of("not a CID string");
                    }
                }
                case DATETIME -> Datetime.parse(value);
                case DID -> Did.parse(value);
                case HANDLE -> Handle.parse(value);
                case NSID -> Nsid.parse(value);
                case TID -> Tid.parse(value);
                case RECORD_KEY -> RecordKey.parse(value);
                case URI -> Uri.parse(value);
                case LANGUAGE -> LanguageTag.parse(value);
            }
            return Optional.empty();
        } catch (InvalidSyntaxException e) {
            return Optional.of(e.reason());
        }
    }
}
