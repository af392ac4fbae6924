# Finds a JDK 21 or newer. Sourced by ./skein and .ci/run; defines skein_java_home, which prints its home.
# Order: $JAVA_HOME if it is 21+, else the java on the PATH if it is 21+, else the newest 21+ JDK in the
# usual install folders (/usr/lib/jvm on Linux, /Library/Java/JavaVirtualMachines on macOS).

SKEIN_MIN_JAVA=21

# The feature version of a java executable: "17.0.15" -> 17, "25" -> 25, "1.8.0_381" -> 8.
skein_java_major() {
  local v
  v="$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
  [[ -n "$v" ]] || { echo 0; return; }
  [[ "$v" == 1.* ]] && v="${v#1.}"
  v="${v%%[.+-]*}"
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

skein_java_home() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] \
      && (( $(skein_java_major "$JAVA_HOME/bin/java") >= SKEIN_MIN_JAVA )); then
    echo "$JAVA_HOME"
    return 0
  fi
  local java
  if java="$(command -v java)"; then
    java="$(readlink -f "$java" 2>/dev/null || echo "$java")"
    if (( $(skein_java_major "$java") >= SKEIN_MIN_JAVA )); then
      echo "${java%/bin/java}"
      return 0
    fi
  fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -x "$home/bin/java" ]] || continue
    major="$(skein_java_major "$home/bin/java")"
    if (( major >= SKEIN_MIN_JAVA && major > best_major )); then
      best="$home"
      best_major="$major"
    fi
  done
  [[ -n "$best" ]] || return 1
  echo "$best"
}

# The JVM options ./skein runs the platform with: $SKEIN_JAVA_OPTS when set, else options that give memory
# back at idle: a periodic G1 cycle every 5 s when no collection ran, after which G1 keeps at most 30 % of the
# heap free (MaxHeapFreeRatio, default 70 %: an idle PDS kept about 150 MB of heap committed for 45 MB live;
# under load G1 still grows the heap as its collection-time goal needs), and malloc arenas trimmed. An idle
# PDS with its PLC directory is then about 220 MB resident, where the defaults left it near 370 MB and the
# periodic cycle alone near 290 MB (docs/benchmarks.md). TrimNativeHeapInterval is experimental on some JDK
# 21 builds, hence the unlock; unknown options are ignored.
skein_java_options() {
  if [[ -n "${SKEIN_JAVA_OPTS+set}" ]]; then
    echo "$SKEIN_JAVA_OPTS"
  else
    echo "-XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockExperimentalVMOptions -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000"
  fi
}
