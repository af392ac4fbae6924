/**
 * DID resolution for the relay: {@code did:plc} from a PLC directory over HTTP and {@code did:web} from the
 * host's {@code /.well-known/did.json}, behind a cache that keeps each account's decoded signing key (decoding a
 * key is the expensive part of verifying with it) and is refreshed when an {@code #identity} event says the
 * document may have changed, or when a signature fails with the cached key.
 *
 * <p>Spec: <a href="https://atproto.com/specs/did">DID</a>,
 * <a href="https://atproto.com/specs/sync#message-validation-checklist">sync: message validation</a>.
 */
package dev.skein.relay.identity;
