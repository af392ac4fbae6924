/**
 * The PDS's secrets and what it does with them: the secrets file in the data directory (or the
 * environment), scrypt password hashes, AES-GCM sealing of account signing keys, random tokens.
 * Nothing here is ever logged.
 */
package dev.skein.pds.secrets;
