#!/usr/bin/env bash
# Runs the PDS load generator (the one scripts/bench-pds.sh runs against Skein) against the reference TypeScript
# PDS, @atproto/pds from npm with its own PLC directory (interop-node/reference-pds/launch.mjs), so that both
# PDSes are measured by the same benchmark on the same machine. Prints the same markdown table; in it the
# "ours" column is the reference PDS, and the JIT column is empty (Node's compiler threads are not told apart).
# Needs scripts/install-node-interop.sh and scripts/install-reference-pds.sh first.
#   scripts/bench-pds-reference.sh [--records N] [--reads N] [--warmup N]   (the load generator's options)
# Set SKEIN_BENCH_NO_BUILD=1 to use the benchmarks jar already built.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/jdk.sh"
JAVA_HOME="$(skein_java_home)"
export JAVA_HOME
node="${SKEIN_NODE:-$root/interop-node/node_modules/.bin/node}"
if [[ ! -x "$node" || ! -d "$root/interop-node/reference-pds/node_modules/@atproto/pds" ]]; then
  echo "bench-pds-reference: run scripts/install-node-interop.sh and scripts/install-reference-pds.sh first" >&2
  exit 1
fi
if [[ -z "${SKEIN_BENCH_NO_BUILD:-}" ]]; then
  ./mvnw -q -o -pl benchmarks -am package -DskipTests || ./mvnw -q -pl benchmarks -am package -DskipTests
fi

work="$root/target/bench-pds-reference"
rm -rf "$work"
mkdir -p "$work/data"
# launch.mjs stops when its standard input closes: a FIFO held open by this script keeps it running.
fifo="$work/stdin"
mkfifo "$fifo"
"$node" "$root/interop-node/reference-pds/launch.mjs" --data "$work/data" < "$fifo" > "$work/launch.out" 2> "$work/launch.err" &
launcher=$!
exec 3> "$fifo"
cleanup() {
  exec 3>&- || true
  wait "$launcher" 2> /dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  if grep -q '"ready":true' "$work/launch.out" 2> /dev/null; then
    break
  fi
  if ! kill -0 "$launcher" 2> /dev/null; then
    echo "bench-pds-reference: the reference PDS did not start:" >&2
    cat "$work/launch.err" >&2
    exit 1
  fi
  sleep 1
done
url="$(sed -n 's/.*"pds":"\([^"]*\)".*/\1/p' "$work/launch.out" | head -1)"
if [[ -z "$url" ]]; then
  echo "bench-pds-reference: the reference PDS gave no URL within 120 s" >&2
  exit 1
fi
echo "bench-pds-reference: the reference PDS runs at $url (process $launcher)" >&2
"$JAVA_HOME/bin/java" -cp benchmarks/target/benchmarks.jar dev.skein.bench.pds.PdsLoadGenerator \
  --pds "$url" --pid "$launcher" --work-dir "$work/generator" "$@"
