package dev.skein.core.data;

import java.util.Objects;

/**
 * A Unicode string; never normalised, so its UTF-8 bytes are exactly what was given. A string with an
 * unpaired surrogate has no UTF-8 form and is rejected.
 */
public record StringValue(String value) implements DataValue {
    public StringValue {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new InvalidDataException("", "string is not valid Unicode (unpaired surrogate)");
        }
    }

    @Override
    public String kind() {
        return "string";
    }

    /** Whether every surrogate in {@code s} is part of a pair, i.e. {@code s} has a UTF-8 encoding. */
    public static boolean isWellFormed(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}
