package dev.skein.core.lexicon;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The MIME type patterns of a blob's {@code accept}: {@code type/subtype}, {@code type/*} or {@code *}{@code /*}.
 * Partial globs ({@code text/ht*}) and a lone {@code *} are not patterns. Matching ignores case and any
 * parameters ({@code ; charset=…}) of the blob's type.
 */
final class MimeTypes {
    /** RFC 6838 restricted-name. */
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}";
    private static final Pattern ACCEPT = Pattern.compile("\\*/\\*|" + NAME + "/(\\*|" + NAME + ")");

    private MimeTypes() {}

    static boolean isValidPattern(String pattern) {
        return ACCEPT.matcher(pattern).matches();
    }

    static boolean matchesAny(List<String> patterns, String mimeType) {
        String mime = essence(mimeType);
        for (String p : patterns) {
            if (matches(p.toLowerCase(Locale.ROOT), mime)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String mime) {
        if (pattern.equals("*/*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            return mime.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(mime);
    }

    /** {@code type/subtype} in lower case, without parameters. */
    private static String essence(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        String s = semicolon < 0 ? mimeType : mimeType.substring(0, semicolon);
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
