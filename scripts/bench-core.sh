#!/usr/bin/env bash
# Runs the atproto-core JMH benchmarks and the same operations with the npm reference packages, on this
# machine, and prints both as JSON files under target/bench/ (docs/benchmarks.md records the figures).
#   scripts/bench-core.sh            full run (about 10 minutes)
#   scripts/bench-core.sh --quick    short iterations, for a smoke test
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/jdk.sh"
JAVA_HOME="$(skein_java_home)"
export JAVA_HOME
out="$root/target/bench"
mkdir -p "$out"

jmh_args=(-rf json -rff "$out/jmh.json")
node_args=()
if [[ "${1:-}" == "--quick" ]]; then
  jmh_args+=(-wi 1 -i 2 -w 1 -r 1)
  node_args+=(--quick)
fi

./mvnw -q -pl benchmarks -am package -DskipTests
"$JAVA_HOME/bin/java" -jar benchmarks/target/benchmarks.jar "${jmh_args[@]}" | tee "$out/jmh.txt"

bash "$root/scripts/install-node-interop.sh"
interop-node/node_modules/.bin/node interop-node/bench.mjs "${node_args[@]}" | tee "$out/node.json"
echo "results: $out/jmh.json, $out/jmh.txt, $out/node.json"
