/**
 * Content-addressed block storage: DRISL blocks (MST nodes, records, commits) kept by their CID.
 *
 * <p>A {@link dev.skein.core.blocks.BlockStore} is what an MST is loaded from, lazily, one node at a time;
 * the PDS backs it with its database, a relay with the blocks of a CAR slice, tests with a
 * {@link dev.skein.core.blocks.MemoryBlockStore}. A block that a reader needs but the store does not hold
 * is a {@link dev.skein.core.blocks.MissingBlockException}: for a partial tree (a firehose commit's proof)
 * that means the sender did not include enough blocks.
 *
 * <p>Spec: <a href="https://atproto.com/specs/repository">repository</a> (CAR files and diffs).
 */
package dev.skein.core.blocks;
