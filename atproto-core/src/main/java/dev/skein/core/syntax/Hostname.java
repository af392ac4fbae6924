package dev.skein.core.syntax;

/**
 * The DNS-label rules shared by handles and the domain authority of NSIDs: labels of 1 to
 * {@value #MAX_LABEL_LENGTH} ASCII letters, digits and hyphens, neither starting nor ending with a hyphen.
 */
final class Hostname {
    static final int MAX_LABEL_LENGTH = 63;

    private Hostname() {}

    /**
     * Checks the labels of {@code s[from, to)}; returns {@code null} when they are all valid, otherwise the
     * reason. Also reports how many labels there were through {@code labelCount[0]} when given.
     */
    static String checkLabels(String s, int from, int to, int[] labelCount) {
        int labels = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && s.charAt(i) != '.') {
                char c = s.charAt(i);
                if (!isLetterOrDigit(c) && c != '-') {
                    return "character '" + c + "' not allowed";
                }
                continue;
            }
            int len = i - start;
            if (len == 0) {
                return "empty label";
            }
            if (len > MAX_LABEL_LENGTH) {
                return "label longer than " + MAX_LABEL_LENGTH + " characters";
            }
            if (s.charAt(start) == '-' || s.charAt(i - 1) == '-') {
                return "label starts or ends with '-'";
            }
            labels++;
            start = i + 1;
        }
        if (labelCount != null) {
            labelCount[0] = labels;
        }
        return null;
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isLetterOrDigit(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }

    static String toLowerAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}
