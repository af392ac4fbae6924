package dev.skein.pds.repo;

import dev.skein.core.cid.Cid;
import dev.skein.core.syntax.Tid;

/**
 * An account's current commit.
 *
 * @param commit the CID of the signed commit block
 * @param rev the commit's revision
 */
public record RepoRoot(Cid commit, Tid rev) {}
