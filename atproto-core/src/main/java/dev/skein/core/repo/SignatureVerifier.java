package dev.skein.core.repo;

/**
 * Checks a commit signature against the account's current signing key (from its DID document). Must
 * reject anything but a 64-byte low-S {@code r ‖ s} signature over SHA-256 of {@code data}.
 */
@FunctionalInterface
public interface SignatureVerifier {
    boolean verify(byte[] data, byte[] sig);
}
