package dev.skein.pds.account;

import java.time.Instant;

/**
 * An app password of an account, without its hash: a named second password that logs in with restricted
 * scope, for one application.
 *
 * @param name the owner's name for it, unique per account
 * @param privileged whether sessions from it may do what needs a privileged scope
 * @param createdAt when it was created
 */
public record AppPassword(String name, boolean privileged, Instant createdAt) {}
