/**
 * Account repositories in the PDS's database: the blocks of every commit ({@code repo_block}), the current
 * commit ({@code repo_root}) and the current records ({@code record}), written together with the commit
 * that made them.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a>.
 */
package dev.skein.pds.repo;
