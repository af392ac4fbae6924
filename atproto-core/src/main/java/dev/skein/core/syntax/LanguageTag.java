package dev.skein.core.syntax;

import java.util.HashSet;
import java.util.Set;

/**
 * The Lexicon {@code language} format: a BCP 47 language tag (RFC 5646), e.g. {@code ja}, {@code pt-BR},
 * {@code hy-Latn-IT-arevela}.
 *
 * <p>Accepted: the RFC 5646 section 2.1 grammar (language with optional extlangs, script, region, variants,
 * extensions, private use; a private-use-only tag; the grandfathered tags), with two further rules the interop
 * vectors require: the primary language subtag is a lowercase ISO 639 code of two or three letters (so
 * {@code JA} and four-to-eight-letter primaries are refused), and no variant or extension singleton may repeat
 * (RFC 5646 section 2.2.9 "valid" tags, compared case-insensitively). Subtags are not checked against the IANA
 * registry.
 *
 * <p>Spec: https://atproto.com/specs/lexicon#language
 */
public record LanguageTag(String value) {
    /** Grandfathered tags (RFC 5646 section 2.1), matched exactly as registered. */
    private static final Set<String> GRANDFATHERED = Set.of(
            "en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
            "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
            "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan",
            "zh-xiang");

    public LanguageTag {
        String reason = check(value);
        if (reason != null) {
            throw new InvalidSyntaxException("language tag", value, reason);
        }
    }

    public static LanguageTag parse(String value) {
        return new LanguageTag(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String check(String s) {
        if (s == null) {
            return "null";
        }
        if (GRANDFATHERED.contains(s)) {
            return null;
        }
        String[] subtags = s.split("-", -1);
        for (String subtag : subtags) {
            if (subtag.isEmpty() || subtag.length() > 8 || !isAlphanumeric(subtag)) {
                return "subtags must be 1 to 8 ASCII letters or digits separated by '-'";
            }
        }
        if (isPrivateUseSingleton(subtags[0])) {
            return checkPrivateUse(subtags, 0);
        }
        if (subtags[0].length() < 2 || subtags[0].length() > 3 || !isLowerAlpha(subtags[0])) {
            return "primary language subtag must be 2 or 3 lowercase letters";
        }
        int i = 1;
        for (int extlangs = 0; extlangs < 3 && i < subtags.length && isAlpha(subtags[i], 3); extlangs++) {
            i++;
        }
        if (i < subtags.length && isAlpha(subtags[i], 4)) {
            i++;
        }
        if (i < subtags.length && (isAlpha(subtags[i], 2) || isDigits(subtags[i], 3))) {
            i++;
        }
        Set<String> seen = new HashSet<>();
        while (i < subtags.length && isVariant(subtags[i])) {
            if (!seen.add(Hostname.toLowerAscii(subtags[i]))) {
                return "variant '" + subtags[i] + "' repeated";
            }
            i++;
        }
        seen.clear();
        while (i < subtags.length && subtags[i].length() == 1 && !isPrivateUseSingleton(subtags[i])) {
            if (!seen.add(Hostname.toLowerAscii(subtags[i]))) {
                return "extension '" + subtags[i] + "' repeated";
            }
            int start = ++i;
            while (i < subtags.length && subtags[i].length() >= 2) {
                i++;
            }
            if (i == start) {
                return "extension '" + subtags[start - 1] + "' has no subtags";
            }
        }
        if (i < subtags.length && isPrivateUseSingleton(subtags[i])) {
            return checkPrivateUse(subtags, i);
        }
        return i == subtags.length ? null : "subtag '" + subtags[i] + "' out of place";
    }

    private static String checkPrivateUse(String[] subtags, int singleton) {
        return singleton + 1 < subtags.length ? null : "private use 'x' has no subtags";
    }

    private static boolean isPrivateUseSingleton(String subtag) {
        return subtag.equals("x") || subtag.equals("X");
    }

    /** RFC 5646 variant: 5 to 8 alphanumerics, or a digit followed by 3 alphanumerics. */
    private static boolean isVariant(String subtag) {
        return subtag.length() >= 5 || (subtag.length() == 4 && subtag.charAt(0) >= '0' && subtag.charAt(0) <= '9');
    }

    private static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Hostname.isLetterOrDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Hostname.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlpha(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 'a' || s.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
