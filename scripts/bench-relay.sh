#!/usr/bin/env bash
# The relay benchmark in one command: the load generator (platform-relay's RelayLoadGenerator: simulated PDS hosts
# serving signed commits, the relay verifying every one) and the TypeScript verifier (@atproto/sync's Firehose in
# interop-node/relay-ts-verify.mjs) on the same commits, then a markdown table of both (docs/benchmarks.md).
#   scripts/bench-relay.sh             100,000 commits from 2,000 accounts on 4 hosts, 100 consumers
#   scripts/bench-relay.sh --quick     10,000 commits, a smoke run
# BENCH_LATENCY_RATE sets the rate of the latency run (commits/s, default 1000, a divisor of 10,000 so that the
# same cached commits serve): a moderate rate is well below the sustained one, which on a machine shared with
# other work may be far below its 2-core figure.
# The commits are generated (signed) once into target/bench-relay/cache and read back by later runs, so that
# generating them is never measured; the first run takes a few minutes longer. Raw output: target/bench-relay/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/jdk.sh"
JAVA_HOME="$(skein_java_home)"
export JAVA_HOME
out="$root/target/bench-relay"
mkdir -p "$out"

commits=100000
accounts=500
dump_frames=6000
live=10000
latency_rate="${BENCH_LATENCY_RATE:-1000}"
if [[ "${1:-}" == "--quick" ]]; then
  commits=10000
  accounts=100
  dump_frames=1000
  live=3000
fi

latency_seconds=$((live / latency_rate))
(( latency_seconds * latency_rate == live )) || { echo "BENCH_LATENCY_RATE must divide $live" >&2; exit 1; }

echo "building platform-relay and its test classes..." >&2
build=(-q -pl platform-relay -am test-compile dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt"
  -Dmdep.includeScope=test)
./mvnw -o "${build[@]}" > "$out/build.log" 2>&1 || ./mvnw "${build[@]}" > "$out/build.log" 2>&1 \
  || { grep ERROR "$out/build.log" >&2; exit 1; }

echo "running the load generator (output in $out/java.txt)..." >&2
cp="platform-relay/target/test-classes:platform-relay/target/classes:$(cat "$out/classpath.txt")"
rm -rf "$out/dump"
"$JAVA_HOME/bin/java" -Xmx3g -cp "$cp" dev.skein.relay.load.RelayLoadGenerator \
  --hosts 4 --accounts "$accounts" --commits "$commits" --consumers 100 --latency-rate "$latency_rate" \
  --latency-seconds "$latency_seconds" --cache "$out/cache-$commits-$accounts" --dump "$out/dump" \
  --dump-frames "$dump_frames" > "$out/java.txt" 2>&1 || { tail -30 "$out/java.txt" >&2; exit 1; }

echo "running @atproto/sync's Firehose on the first $dump_frames frames (output in $out/ts.json)..." >&2
node="${SKEIN_NODE:-interop-node/node_modules/.bin/node}"
[[ -x "$node" ]] || { echo "no Node 22: run scripts/install-node-interop.sh first" >&2; exit 1; }
"$node" interop-node/relay-ts-verify.mjs "$out/dump" 600000 > "$out/ts.json"

result() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$out/java.txt"; }
ts() { "$node" -e "const r = JSON.parse(require('fs').readFileSync('$out/ts.json', 'utf8')); console.log(r['$1'])"; }
fmt() { awk -v v="$1" -v d="${2:-0}" 'BEGIN { printf "%\047.*f", d, v }'; }

rate=$(result rate)
cpu_us=$(result cpu_us)
cpu_us_no_jit=$(result cpu_us_no_jit)
cons_rate=$(result consumers_rate)
ts_rate=$(ts commitsPerSecond)
ts_cpu_rate=$(ts commitsPerCpuSecond)
ts_errors=$(ts errors)
per_cpu_s=$(awk -v c="$cpu_us" 'BEGIN { print 1e6 / c }')
two_cores=$(awk -v c="$cpu_us" 'BEGIN { print 2e6 / c }')
two_cores_no_jit=$(awk -v c="$cpu_us_no_jit" 'BEGIN { print 2e6 / c }')
ratio=$(awk -v a="$rate" -v b="$ts_rate" 'BEGIN { print a / b }')
cpu_ratio=$(awk -v a="$per_cpu_s" -v b="$ts_cpu_rate" 'BEGIN { print a / b }')
drop=$(awk -v a="$rate" -v b="$cons_rate" 'BEGIN { print 100 * (a - b) / a }')
# A negative drop is a run with consumers that went faster than the one without: said as "higher".
drop_words=$(awk -v d="$drop" 'BEGIN { printf "%.1f %% %s", (d < 0 ? -d : d), (d < 0 ? "higher" : "lower") }')
cons_cpu_us=$(result consumers_cpu_us)
cons_cpu_us_no_jit=$(result consumers_cpu_us_no_jit)
cpu_more=$(awk -v a="$cpu_us_no_jit" -v b="$cons_cpu_us_no_jit" 'BEGIN { print 100 * (b - a) / a }')

cat <<EOF

Relay benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(result load_average) at the end
($commits commits from $((accounts * 4)) accounts on 4 hosts; every commit verified: signature, Sync 1.1 inversion,
rev, since/prevData chain, host binding; dropped: $(fmt "$(result dropped)"); Firehose errors: $ts_errors)

| measure | goal | Skein relay | TypeScript (@atproto/sync Firehose) | ratio |
|---|---|---|---|---|
| verified commits/s, sustained (wall clock, shared machine) | ≥ 10,000 | $(fmt "$rate") | $(fmt "$ts_rate") | $(fmt "$ratio" 1)× (goal ≥ 20×) |
| process CPU per commit (every thread; without the JIT compiler's) | | $(fmt "$cpu_us") µs ($(fmt "$cpu_us_no_jit") µs) | $(fmt "$(awk -v r="$ts_cpu_rate" 'BEGIN { print 1e6 / r }')") µs (main thread) | |
| commits per CPU-second | | $(fmt "$per_cpu_s") | $(fmt "$ts_cpu_rate") | $(fmt "$cpu_ratio" 1)× |
| commits/s that CPU cost gives on 2 free cores (without the JIT's) | ≥ 10,000 | $(fmt "$two_cores") ($(fmt "$two_cores_no_jit")) | | |
| with 100 subscribeRepos consumers | drop ≤ 10 % | $(fmt "$cons_rate")/s (${drop_words}; every consumer got every event: $(awk -v v="$(result consumers_all_received)" 'BEGIN { print v == 1 ? "yes" : "NO" }')); CPU per commit $(fmt "$cons_cpu_us") µs ($(fmt "$cons_cpu_us_no_jit") µs without the JIT's: $(fmt "$cpu_more" 1) % more) | | |
| latency PDS → relay → consumer at $(fmt "$(result latency_rate)")/s | p50 ≤ 5 ms | p50 $(fmt "$(result latency_p50_ms)" 2) ms, p90 $(fmt "$(result latency_p90_ms)" 2) ms, p99 $(fmt "$(result latency_p99_ms)" 2) ms | | |
| process CPU per commit during that latency run (the relay keeping up, not working through a backlog) | | $(fmt "$(result latency_cpu_us)") µs ($(fmt "$(result latency_cpu_us_no_jit)") µs without the JIT's) | | |
| memory after the run | | RSS $(fmt "$(result rss_mb)") MB (heap after GC $(fmt "$(result heap_mb)") MB, of which the generator's frames $(fmt "$(result generator_heap_mb)") MB) | | |
| sequencer transaction | | $(fmt "$(result batch)" 1) events each | | |
EOF
