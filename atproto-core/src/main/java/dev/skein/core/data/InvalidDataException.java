package dev.skein.core.data;

/**
 * A value that is not valid atproto data: a float, a malformed {@code $link} or {@code $bytes}, a
 * {@code $type} that is not a non-empty string, a malformed blob, or a value over a limit.
 */
public final class InvalidDataException extends IllegalArgumentException {
    private final String path;

    public InvalidDataException(String path, String message) {
        super(path.isEmpty() ? message : path + ": " + message);
        this.path = path;
    }

    /** Where in the value the problem is, as a JSON-pointer-like path ({@code ""} for the root). */
    public String path() {
        return path;
    }
}
