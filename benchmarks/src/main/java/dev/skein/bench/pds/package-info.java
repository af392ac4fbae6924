/**
 * The PDS load generator: {@link dev.skein.bench.pds.PdsLoadGenerator} drives a PDS process over HTTP and
 * WebSocket and prints the figures {@code docs/benchmarks.md} records. Run by {@code scripts/bench-pds.sh}.
 */
package dev.skein.bench.pds;
