#!/usr/bin/env bash
# Measures the PDS over HTTP (issue 3's performance figures) and prints a markdown table; docs/benchmarks.md
# records the results. Builds skein.jar and the load generator, then starts the PDS as a process of its own.
#   scripts/bench-pds.sh                                   embedded H2 in a fresh data directory
#   scripts/bench-pds.sh --jdbc jdbc:postgresql://127.0.0.1:5432/test [--db-user postgres] [--db-password x]
#                                                          (in a new schema, dropped at the end unless --keep-data)
#   scripts/bench-pds.sh --pds http://127.0.0.1:2583 [--pid N]   a PDS already running (./skein)
# Other options: --records N (2000), --reads N (8000), --warmup N (2000), --jvm "JVM options for the PDS",
# --keep-data, --writes-only (the warm-up, then only createRecord at concurrency 8: for profiling).
# Set SKEIN_BENCH_NO_BUILD=1 to use the jars already built.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/jdk.sh"
JAVA_HOME="$(skein_java_home)"
export JAVA_HOME
if [[ -z "${SKEIN_BENCH_NO_BUILD:-}" ]]; then
  ./mvnw -q -o -pl platform-app,benchmarks -am package -DskipTests || ./mvnw -q -pl platform-app,benchmarks -am package -DskipTests
fi
# On PostgreSQL the PDS works in a schema of its own, dropped afterwards with psql (kept with --keep-data).
jdbc="" db_user="postgres" keep=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --jdbc) jdbc="${args[i + 1]:-}" ;;
    --db-user) db_user="${args[i + 1]:-}" ;;
    --db-password) export PGPASSWORD="${args[i + 1]:-}" ;;
    --keep-data) keep=1 ;;
  esac
done
extra=()
if [[ "$jdbc" == jdbc:postgresql:* ]]; then
  schema="bench_$(date +%s)_$$"
  extra=(--db-schema "$schema")
  if [[ -z "$keep" ]]; then
    # jdbc:postgresql://host:port/db?params -> postgresql://user@host:port/db (the password, if any, from PGPASSWORD)
    pg="${jdbc#jdbc:postgresql://}"
    pg="postgresql://${db_user}@${pg%%\?*}"
    drop_schema() {
      command -v psql > /dev/null || { echo "psql not found: schema $schema left in place" >&2; return 0; }
      psql -q "$pg" -c "DROP SCHEMA IF EXISTS $schema CASCADE" > /dev/null 2>&1 \
        || echo "could not drop schema $schema" >&2
    }
    trap drop_schema EXIT
  fi
fi
# The PDS runs with the JVM options ./skein uses (scripts/jdk.sh); --jvm adds to them.
"$JAVA_HOME/bin/java" -cp benchmarks/target/benchmarks.jar dev.skein.bench.pds.PdsLoadGenerator \
  --jar platform-app/target/skein.jar --work-dir target/bench-pds --jvm "$(skein_java_options)" "${extra[@]}" "$@"
