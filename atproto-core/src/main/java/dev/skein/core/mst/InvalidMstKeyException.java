package dev.skein.core.mst;

/** A string that is not a valid MST key (see {@link MstKey}). */
public final class InvalidMstKeyException extends IllegalArgumentException {
    private final String key;

    public InvalidMstKeyException(String key) {
        super("not a valid MST key: " + abbreviate(key));
        this.key = key;
    }

    public String key() {
        return key;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
