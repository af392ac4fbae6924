#!/usr/bin/env bash
# Makes sure the local PostgreSQL server has the pgvector extension ("vector"), and creates it in the
# database the tests use. Idempotent and quiet: when pgvector is already there it only checks and exits.
#
# Where it is missing it installs Debian's package when one exists (postgresql-<major>-pgvector), else
# builds it from Debian's source package (Debian 12 has none: the source comes from the trixie suite).
# Needs root (or sudo) only when something must be installed.
#
# Environment:
#   PGMAJOR         PostgreSQL major version to install for (default: the newest cluster in /etc/postgresql)
#   SKEIN_TEST_DB   database to create the extension in (default: test; created when missing)
#   SKEIN_PGVECTOR_SUITE  Debian suite that provides the source package (default: trixie)
set -euo pipefail

suite="${SKEIN_PGVECTOR_SUITE:-trixie}"
db="${SKEIN_TEST_DB:-test}"
src_list="/etc/apt/sources.list.d/skein-pgvector-src.sources"

say() { printf 'install-pgvector: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

pg_major() {
  if [[ -n "${PGMAJOR:-}" ]]; then echo "$PGMAJOR"; return; fi
  local v
  v="$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1 || true)"
  [[ -n "$v" ]] || v="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1 || true)"
  [[ -n "$v" ]] || die "no PostgreSQL server found (install postgresql, or set PGMAJOR)"
  echo "$v"
}

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@";
  elif command -v sudo >/dev/null; then sudo "$@";
  else die "root is needed to run: $*"; fi
}

# Runs a command, keeping its output in a log that is shown only when it fails.
quietly() {
  local log
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    say "failed: $*"
    tail -n 40 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

# psql against the local server: as the postgres OS user where we can become it, else as $PGUSER/postgres over TCP.
psql_local() {
  export PGOPTIONS="-c client_min_messages=warning"
  if [[ "$(id -u)" == 0 ]] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- psql -X -q -t -A -v ON_ERROR_STOP=1 "$@"
  else
    psql -X -q -t -A -v ON_ERROR_STOP=1 -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" "$@"
  fi
}

major="$(pg_major)"
pg_config="/usr/lib/postgresql/$major/bin/pg_config"
control="/usr/share/postgresql/$major/extension/vector.control"

install_from_source() {
  if [[ ! -f "$src_list" ]]; then
    as_root tee "$src_list" >/dev/null <<SRC
# Added by Skein's scripts/install-pgvector.sh: the pgvector source package, built locally.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  quietly as_root apt-get update -q
  quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "postgresql-server-dev-$major" build-essential dpkg-dev
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && quietly apt-get source -q pgvector)
  local dir
  dir="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
  [[ -n "$dir" ]] || die "apt-get source pgvector gave no source folder"
  quietly make -C "$dir" PG_CONFIG="$pg_config"
  quietly as_root make -C "$dir" PG_CONFIG="$pg_config" install
}

if [[ ! -f "$control" ]]; then
  say "pgvector missing for PostgreSQL $major: installing it (takes a minute)"
  if apt-cache policy "postgresql-$major-pgvector" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "postgresql-$major-pgvector"
  else
    install_from_source
  fi
  [[ -f "$control" ]] || die "pgvector did not install into $control"
  say "pgvector installed for PostgreSQL $major"
fi

if ! pg_isready -q -h "${PGHOST:-127.0.0.1}" 2>/dev/null; then
  say "PostgreSQL is not answering: the extension files are installed; start the server and run this script again to create it in database '$db'"
  exit 0
fi
if [[ "$(psql_local -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]]; then
  psql_local -d postgres -c "CREATE DATABASE \"$db\""
fi
psql_local -d "$db" -c "CREATE EXTENSION IF NOT EXISTS vector" >/dev/null
