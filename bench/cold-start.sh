#!/usr/bin/env bash
# Cold start: from launching java to the first 200 from /health (polled every 20 ms), each time on an
# empty data directory, plainly and with the AOT cache of scripts/aot-cache.sh (JDK 25+).
# Usage: bench/cold-start.sh [runs]   (default 5); prints each run and the median.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh
RUNS=${1:-5}
PORT=18096
[ -f target/leverans.jar ] || mvn -q -DskipTests package

one_start() { # java flags...; prints milliseconds to the first /health 200
  local data pid started
  data=$(mktemp -d)
  started=$(date +%s%N)
  LEVERANS_HOST=127.0.0.1 LEVERANS_PORT=$PORT LEVERANS_DATA_DIR=$data java "$@" -jar target/leverans.jar > "$data/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1500); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break
    kill -0 "$pid" 2>/dev/null || { cat "$data/log" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$data"
}

series() { # label, java flags...
  local label=$1; shift
  local times=()
  for _ in $(seq 1 "$RUNS"); do times+=("$(one_start "$@")"); done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  printf '%-28s median %5s ms   runs: %s\n' "$label" "$median" "${times[*]}"
}

series "java -jar"
if [ "$(java_major java)" -ge 25 ]; then
  scripts/aot-cache.sh > /dev/null
  series "java -XX:AOTCache -jar" -XX:AOTCache=target/leverans.aot
else
  echo "java -XX:AOTCache -jar       skipped: needs JDK 25+"
fi
echo "target: < 2000 ms on an idle 2-core machine ($(nproc) cores here, load $(cut -d' ' -f1 /proc/loadavg))"
