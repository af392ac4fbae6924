#!/usr/bin/env bash
# The docker-compose cluster as processes on this machine, against the local PostgreSQL:
#   scripts/cluster-local.sh start    starts plc, pds1, pds2 and relay, and waits until each is healthy
#   scripts/cluster-local.sh stop     stops them (SIGTERM: graceful shutdown), last started first
#   scripts/cluster-local.sh status   says which run and answer their health URL
# Settings: the same variables as docker-compose.yml, from the environment, else .env, else .env.example.
# PostgreSQL must already run on 127.0.0.1:$POSTGRES_PORT with $POSTGRES_DB; each role gets a schema of its own.
# Pid files, logs and each role's data go to $SKEIN_CLUSTER_DIR (default: data/cluster).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# KEY=VALUE lines of a file, each exported unless the environment already has the variable.
load_settings() {
  local file="$1" line key value
  [[ -f "$file" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*([A-Z_][A-Z0-9_]*)=(.*)$ ]] || continue
    key="${BASH_REMATCH[1]}"
    value="${BASH_REMATCH[2]}"
    value="${value%\"}"; value="${value#\"}"
    [[ -n "${!key+set}" ]] || export "$key=$value"
  done < "$file"
}
load_settings "$root/.env"
load_settings "$root/.env.example"

dir="${SKEIN_CLUSTER_DIR:-$root/data/cluster}"
jar="$root/platform-app/target/skein.jar"
db_url="jdbc:postgresql://127.0.0.1:${POSTGRES_PORT}/${POSTGRES_DB}"
roles=(plc pds1 pds2 relay)

port_of() {
  case "$1" in
    plc) echo "$SKEIN_PLC_PORT" ;;
    pds1) echo "$SKEIN_PDS1_PORT" ;;
    pds2) echo "$SKEIN_PDS2_PORT" ;;
    relay) echo "$SKEIN_RELAY_PORT" ;;
  esac
}

# The settings of one process: the same as its compose service, with loopback addresses for service names.
settings_of() {
  local common=(SERVER_ADDRESS="$SKEIN_BIND_ADDRESS" SKEIN_DATA_DIR="$dir/$1" SKEIN_ADMIN_PASSWORD="$SKEIN_ADMIN_PASSWORD")
  case "$1" in
    plc)
      echo "${common[@]}" SKEIN_ROLES=plc SKEIN_PORTS_PLC="$SKEIN_PLC_PORT" \
        SKEIN_PLC_DATASOURCE_URL="$db_url" SKEIN_PLC_DATASOURCE_USERNAME="$POSTGRES_USER" \
        SKEIN_PLC_DATASOURCE_PASSWORD="$POSTGRES_PASSWORD" SKEIN_PLC_DATASOURCE_SCHEMA=plc ;;
    pds1 | pds2)
      local port domains="$SKEIN_PDS1_HANDLE_DOMAINS"
      port="$(port_of "$1")"
      [[ "$1" == pds2 ]] && domains="$SKEIN_PDS2_HANDLE_DOMAINS"
      echo "${common[@]}" SKEIN_ROLES=pds SKEIN_PORTS_PDS="$port" SKEIN_PDS_HOSTNAME=localhost \
        SKEIN_PDS_PUBLIC_URL="http://localhost:$port" SKEIN_PDS_HANDLE_DOMAINS="$domains" \
        SKEIN_PDS_PLC_URL="http://127.0.0.1:$SKEIN_PLC_PORT" SKEIN_PDS_CRAWLERS="http://127.0.0.1:$SKEIN_RELAY_PORT" \
        SKEIN_PDS_DATASOURCE_URL="$db_url" SKEIN_PDS_DATASOURCE_USERNAME="$POSTGRES_USER" \
        SKEIN_PDS_DATASOURCE_PASSWORD="$POSTGRES_PASSWORD" SKEIN_PDS_DATASOURCE_SCHEMA="$1" ;;
    relay)
      echo "${common[@]}" SKEIN_ROLES=relay SKEIN_PORTS_RELAY="$SKEIN_RELAY_PORT" \
        SKEIN_RELAY_PLC_URL="http://127.0.0.1:$SKEIN_PLC_PORT" \
        SKEIN_RELAY_HOSTS="localhost:$SKEIN_PDS1_PORT,localhost:$SKEIN_PDS2_PORT" SKEIN_RELAY_ALLOW_INSECURE_HOSTS=true \
        SKEIN_RELAY_DATASOURCE_URL="$db_url" SKEIN_RELAY_DATASOURCE_USERNAME="$POSTGRES_USER" \
        SKEIN_RELAY_DATASOURCE_PASSWORD="$POSTGRES_PASSWORD" SKEIN_RELAY_DATASOURCE_SCHEMA=relay ;;
  esac
}

pid_of() {
  local f="$dir/$1.pid"
  [[ -f "$f" ]] && kill -0 "$(cat "$f")" 2>/dev/null && cat "$f"
}

# Whether GET /actuator/health on the role's port answers 200 (bash only: no curl needed, as in the image).
healthy() {
  local port="$1" status
  status="$({ exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /actuator/health HTTP/1.0\r\n\r\n' >&3 \
    && head -n 1 <&3; } 2>/dev/null)" || return 1
  [[ "$status" == *" 200 "* ]]
}

start() {
  source "$root/scripts/jdk.sh"
  java_home="$(skein_java_home)" || { echo "cluster-local: needs a JDK $SKEIN_MIN_JAVA or newer" >&2; exit 1; }
  if [[ ! -f "$jar" ]]; then
    echo "cluster-local: building $jar" >&2
    (cd "$root" && JAVA_HOME="$java_home" ./mvnw -q -Dmaven.test.skip=true package -pl platform-app -am)
  fi
  mkdir -p "$dir"
  # The PLC first, the two PDSes together (each needs only the PLC), the relay last (it crawls them).
  launch plc && await plc
  launch pds1 && launch pds2 && await pds1 && await pds2
  launch relay && await relay
}

launch() {
  local pid
  if pid="$(pid_of "$1")"; then
    echo "$1 already runs (pid $pid)"
    return 0
  fi
  # shellcheck disable=SC2046
  env $(settings_of "$1") nohup "$java_home/bin/java" -jar "$jar" >"$dir/$1.log" 2>&1 &
  echo $! >"$dir/$1.pid"
}

# Waits until the role answers its health URL; fails if it exits or takes longer than SKEIN_START_TIMEOUT s.
await() {
  local port waited=0
  port="$(port_of "$1")"
  until healthy "$port"; do
    if ! pid_of "$1" >/dev/null; then
      echo "cluster-local: $1 exited; see $dir/$1.log" >&2
      tail -n 20 "$dir/$1.log" >&2
      exit 1
    fi
    if (( waited >= ${SKEIN_START_TIMEOUT:-300} )); then
      echo "cluster-local: $1 not healthy after $waited s; see $dir/$1.log" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "$1: http://127.0.0.1:$port (pid $(cat "$dir/$1.pid"), log $dir/$1.log)"
}

stop() {
  local i role pid waited
  for ((i = ${#roles[@]} - 1; i >= 0; i--)); do
    role="${roles[$i]}"
    if pid="$(pid_of "$role")"; then
      kill -TERM "$pid"
      waited=0
      while kill -0 "$pid" 2>/dev/null && (( waited < 60 )); do
        sleep 1
        waited=$((waited + 1))
      done
      if kill -0 "$pid" 2>/dev/null; then
        echo "cluster-local: $role (pid $pid) still runs after 60 s" >&2
      else
        echo "$role stopped"
      fi
    fi
    rm -f "$dir/$role.pid"
  done
}

status() {
  local role pid ok=0
  for role in "${roles[@]}"; do
    if pid="$(pid_of "$role")"; then
      if healthy "$(port_of "$role")"; then
        echo "$role: running (pid $pid), healthy at http://127.0.0.1:$(port_of "$role")"
      else
        echo "$role: running (pid $pid), not healthy yet"
        ok=1
      fi
    else
      echo "$role: stopped"
      ok=1
    fi
  done
  return "$ok"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac
