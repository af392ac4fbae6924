package dev.skein.core.repo;

/**
 * Signs commit bytes with the account's signing key: SHA-256 of {@code data}, ECDSA, the 64-byte
 * {@code r ‖ s} form with low S. A method reference to a key's sign method fits; so does a remote or
 * hardware signer.
 */
@FunctionalInterface
public interface Signer {
    byte[] sign(byte[] data);
}
