/**
 * The Merkle Search Tree (MST) of atproto repositories: a deterministic, content-addressed sorted map
 * from repo paths ({@code collection/rkey}) to record CIDs, whose root CID is a commit's {@code data}.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository#mst-structure">repository: MST structure</a>,
 * <a href="https://atproto.com/specs/repository#repository-diffs">repository diffs</a> (proofs and
 * operation inversion), <a href="https://atproto.com/specs/sync">sync</a>.
 *
 * <h2>Terminology</h2>
 * <ul>
 *   <li><b>Key</b>: the UTF-8 bytes of a repo path, at most 1024 bytes ({@link dev.skein.core.mst.MstKey}).
 *       <b>Value</b>: the CID the key maps to. The MST never reads records; it only carries their links.</li>
 *   <li><b>Height</b> (also <b>layer</b> or depth): each key has one, computed from the key alone: SHA-256
 *       of the key, count the leading zero bits, halve, round down. A quarter of keys reach height 1, a
 *       sixteenth height 2, and so on: the tree's <b>fanout</b> is 4. Height 0 is the bottom.</li>
 *   <li><b>Node</b>: one block, {@code {l, e}}. It holds the keys of one height that fall in its key range,
 *       in order, and links to the subtrees (one height lower) in the gaps around them: {@code l} before
 *       the first key, and each entry's {@code t} after its key. A node's height is its keys' height.</li>
 *   <li><b>Entry</b>: {@code {p, k, v, t}}, one key of a node: {@code v} the value, {@code t} the subtree
 *       to its right, and the key itself stored with <b>prefix compression</b>: {@code p} is how many
 *       leading bytes it shares with the previous key <em>of the same node</em> and {@code k} the rest.
 *       The first entry has {@code p = 0}. Compression is mandatory and exact (always the full shared
 *       prefix), since any other choice would change the bytes and so the CID.</li>
 *   <li><b>Root</b>: the node holding the keys of the greatest height in the tree.</li>
 * </ul>
 *
 * <h2>Tricky bits</h2>
 * <ul>
 *   <li><b>Shape is a function of content.</b> Any sequence of inserts and deletes that ends with the same
 *       entries ends with the same nodes, byte for byte. Every operation here therefore produces exactly
 *       the tree {@link dev.skein.core.mst.Mst#build} builds from scratch, and the tests hold them to it.</li>
 *   <li><b>Empty intermediate nodes.</b> A subtree link always goes down exactly one height. When the keys
 *       in a gap are all two or more heights lower, the gap holds a node with no entries and only an
 *       {@code l}, as many levels of them as needed. They are real nodes with their own CIDs.</li>
 *   <li><b>The root rule.</b> Empty nodes are pruned at the top and bottom: the root is never a node that
 *       only points down (deleting the root's last key trims it, perhaps several levels), and no node is
 *       entirely empty, except the root of an empty tree, which is the single node {@code {e: [], l: null}}
 *       (bytes {@code a2 61 65 80 61 6c f6}).</li>
 *   <li><b>{@code l} and {@code t} are always present</b>, as {@code null} when empty. Omitting them would
 *       be a different CBOR map and so a different CID; every implementation must agree on the bytes.</li>
 *   <li><b>Inserting</b> a key into a node whose gap already holds a subtree splits that subtree around the
 *       key, recursively down the key's path. A key higher than the root splits the whole tree and adds
 *       empty intermediate nodes over both halves. <b>Deleting</b> a key merges the subtrees on its two
 *       sides along their facing edges, recursively.</li>
 *   <li><b>Proofs and inversion.</b> A commit carries, for each changed key, the nodes on its path and on
 *       the paths to its neighbouring keys ({@link dev.skein.core.mst.Mst#coveringProof}). With only those
 *       blocks a relay can undo the commit's operations ({@link dev.skein.core.mst.MstInversion}) and check
 *       it arrives at the previous root: undoing a create is a delete, whose merge needs the neighbours'
 *       edges. Undoing may trim the root down to a node the proof does not hold; its CID is known from its
 *       parent, and that is all the root needs.</li>
 *   <li><b>Key mining.</b> Keys are chosen by the account, so an attacker can pick keys that make a node
 *       huge (three keys in four have height 0, so a long run of them is free to find) or the tree deep
 *       (each height costs four times the hashing). Readers and writers share two limits:
 *       {@link dev.skein.core.mst.Mst#MAX_ENTRIES_PER_NODE} and {@link dev.skein.core.mst.Mst#MAX_HEIGHT},
 *       both far beyond anything random keys produce.</li>
 * </ul>
 *
 * <h2>This implementation</h2>
 * <p>{@link dev.skein.core.mst.Mst} is immutable and persistent: a write copies the nodes on one path and
 * shares the rest. A tree loaded from a {@link dev.skein.core.blocks.BlockStore} reads each node when it is
 * first needed and validates it then ({@link dev.skein.core.mst.MalformedMstException}: canonical encoding,
 * heights, order, ranges, links, limits). Because decoding accepts only the canonical encoding, a node's
 * bytes can always be regenerated from its content. A node's CID is computed once, when first asked for.
 * {@link dev.skein.core.mst.MstDiff} compares two trees without reading their common subtrees.
 */
package dev.skein.core.mst;
