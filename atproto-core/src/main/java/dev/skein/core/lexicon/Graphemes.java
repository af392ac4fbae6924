package dev.skein.core.lexicon;

import com.ibm.icu.text.BreakIterator;

/**
 * Lengths of strings as Lexicon counts them: UTF-8 bytes for {@code minLength}/{@code maxLength}, extended
 * grapheme clusters (Unicode UAX #29, via ICU) for {@code minGraphemes}/{@code maxGraphemes}.
 */
final class Graphemes {
    private Graphemes() {}

    /**
     * The number of grapheme clusters in {@code s}, or {@code stopAfter + 1} when there are more than
     * {@code stopAfter}: a limit check never needs to walk a long string to its end.
     */
    static int count(String s, int stopAfter) {
        if (s.isEmpty()) {
            return 0;
        }
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(s);
        int n = 0;
        while (it.next() != BreakIterator.DONE) {
            if (++n > stopAfter) {
                break;
            }
        }
        return n;
    }

    /**
     * The UTF-8 length of {@code s} without encoding it. Data-model strings have no lone surrogate; one would
     * count 3 bytes, as in WTF-8.
     */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
