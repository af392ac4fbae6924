package dev.skein.plc.http;

/** A request the HTTP layer refuses before it reaches the directory: the status and the {@code message} to answer with. */
final class PlcHttpException extends RuntimeException {
    private final int status;

    PlcHttpException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
