package dev.skein.lexicon.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source, with the line each starts on: a small lexer that knows enough of
 * Java to skip comments and character literals and to read text blocks, so that a comment mentioning an NSID
 * or a quote inside a char literal does not count. Escapes are kept as written: an NSID has none.
 */
final class JavaStrings {
    record Literal(String value, int line) {}

    private JavaStrings() {}

    static List<Literal> literals(String s) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (s.startsWith("//", i)) {
                i = indexOrEnd(s, "\n", i);
            } else if (s.startsWith("/*", i)) {
                int end = indexOrEnd(s, "*/", i + 2);
                line += count(s, i, end);
                i = Math.min(s.length(), end + 2);
            } else if (s.startsWith("\"\"\"", i)) {
                int start = s.indexOf('\n', i) + 1;
                int end = closing(s, start, "\"\"\"");
                out.add(new Literal(s.substring(start, end).strip(), line + 1));
                line += count(s, i, end);
                i = Math.min(s.length(), end + 3);
            } else if (c == '"' || c == '\'') {
                int end = closing(s, i + 1, String.valueOf(c));
                if (c == '"') {
                    out.add(new Literal(s.substring(i + 1, end), line));
                }
                i = Math.min(s.length(), end + 1);
            } else {
                i++;
            }
        }
        return out;
    }

    /** The index of the unescaped {@code quote} from {@code from}, or the end of the text. */
    private static int closing(String s, int from, String quote) {
        int i = from;
        while (i < s.length() && !s.startsWith(quote, i)) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, s.length());
    }

    private static int indexOrEnd(String s, String what, int from) {
        int i = s.indexOf(what, from);
        return i < 0 ? s.length() : i;
    }

    private static int count(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
