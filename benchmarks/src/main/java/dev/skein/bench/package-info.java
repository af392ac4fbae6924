/**
 * JMH benchmarks of atproto-core. The same operations are timed with the npm reference packages by
 * {@code interop-node/bench.mjs}; {@code docs/benchmarks.md} records both side by side.
 */
package dev.skein.bench;
