package dev.skein.relay.host;

/** Text that is not a bare hostname with an optional port. */
public final class InvalidHostException extends IllegalArgumentException {
    private final String input;

    public InvalidHostException(String input, String reason) {
        super("not a host \"" + input + "\": " + reason);
        this.input = input;
    }

    public String input() {
        return input;
    }
}
