/**
 * Accounts hosted by this PDS: their rows, status, app passwords and one-time tokens, and the services
 * that create, log in, deactivate, take down and delete them.
 *
 * <p>Spec: <a href="https://atproto.com/specs/account">account hosting</a> and the
 * <a href="https://atproto.com/guides/account-lifecycle">account lifecycle guide</a>.
 */
package dev.skein.pds.account;
