#!/usr/bin/env bash
# Installs what the real-client tests need into interop-node/node_modules (ignored by git): the pinned
# official npm packages, and Node 22 from the npm package "node" (node_modules/.bin/node), so the
# machine's own Node may be older. Needs npm on the PATH. Idempotent: when node_modules already matches
# package-lock.json and its Node is 22 or newer, it only checks and exits.
#
# Usage: scripts/install-node-interop.sh [interop-node folder]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(cd "${1:-$here/interop-node}" && pwd)"
min_major=22

say() { printf 'install-node-interop: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

command -v npm >/dev/null || die "npm is not on the PATH (install Node.js with npm, any version: it fetches Node $min_major itself)"
[[ -f "$dir/package-lock.json" ]] || die "no package-lock.json in $dir"

node_major() {
  local v
  v="$("$dir/node_modules/.bin/node" -v 2>/dev/null)" || return 1
  v="${v#v}"
  echo "${v%%.*}"
}

node_ok() {
  local m
  m="$(node_major)" && [[ "$m" -ge "$min_major" ]]
}

source "$here/scripts/npm-lock.sh"

installed_matches_lock() {
  local node=node
  command -v node >/dev/null || node="$dir/node_modules/.bin/node"
  npm_installed_matches_lock "$dir" "$node"
}

if installed_matches_lock && node_ok; then
  exit 0
fi

if [[ -L "$dir/node_modules" ]]; then
  die "$dir/node_modules is a link to $(readlink "$dir/node_modules") and is out of date: update it there (npm ci would replace the shared copy)"
fi

say "installing the npm packages of $dir (npm ci)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! (cd "$dir" && npm ci --no-audit --no-fund >"$log" 2>&1); then
  tail -n 40 "$log" >&2
  die "npm ci failed in $dir"
fi

if ! node_ok; then
  # Some npm versions skip the "node" package's preinstall script, which fetches the platform's binary.
  say "node_modules/.bin/node is not Node $min_major+ yet: running npm rebuild node"
  if ! (cd "$dir" && npm rebuild node >"$log" 2>&1); then
    tail -n 40 "$log" >&2
    die "npm rebuild node failed in $dir"
  fi
fi
node_ok || die "node_modules/.bin/node is not Node $min_major or newer: $("$dir/node_modules/.bin/node" -v 2>&1 || true)"
say "ready: Node $("$dir/node_modules/.bin/node" -v) and the npm packages in $dir/node_modules"
