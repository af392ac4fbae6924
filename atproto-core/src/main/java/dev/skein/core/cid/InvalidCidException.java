package dev.skein.core.cid;

/** Bytes or text that are not a well-formed CID (or not one atproto accepts where it is used). */
public final class InvalidCidException extends IllegalArgumentException {
    public InvalidCidException(String message) {
        super(message);
    }
}
