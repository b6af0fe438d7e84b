#!/usr/bin/env bash
# Benchmark: /ksa/shipping_options against a bare Javalin endpoint answering the same bytes, and
# durable POST /ksa/shipment throughput. Prints throughput, p50 and p99 for each, the ratio, and the
# server's CPU time per request (user + system, from /proc/<pid>/stat before and after each run;
# steadier than throughput when wrk shares the cores).
# Usage: bench/run.sh [duration-seconds]   (default 15; each run is preceded by a warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh

DURATION=${1:-15}
CONNECTIONS=64
APP_PORT=18080
BASE_PORT=18081
OUT=bench/results
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)..."
  apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
[ -f target/leverans.jar ] || mvn -q -DskipTests package

DATA=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$DATA"; }
trap cleanup EXIT

wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" -X "${2:-GET}" ${3:+-d "$3"} && return 0; sleep 0.5; done; echo "not up: $1" >&2; exit 1; }

started_ns=$(date +%s%N)
# One merchant takes all the load here: its limits are raised so they are checked but never refuse.
LEVERANS_MERCHANT_RPS=${LEVERANS_MERCHANT_RPS:-1000000} LEVERANS_MERCHANT_CONCURRENCY=${LEVERANS_MERCHANT_CONCURRENCY:-100000} \
LEVERANS_HOST=127.0.0.1 LEVERANS_PORT=$APP_PORT LEVERANS_DATA_DIR=$DATA \
  java ${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -jar target/leverans.jar > "$OUT/server.log" 2>&1 &
pids+=($!)
APP_PID=$!
# Cold start: from launching java to the first 200 from /health (polled every 20 ms).
for _ in $(seq 1 3000); do
  curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/health" && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the server stopped during start-up (a jar older than config/?); its log:" >&2; cat "$OUT/server.log" >&2; exit 1; }
  sleep 0.02
done
cold_start_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))

nonce="bench-$RANDOM-$RANDOM"
digest=$(printf '%s%s' "$nonce" "demo-secret" | sha256sum | cut -d' ' -f1)
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$APP_PORT/ksa/auth" -H 'Content-Type: application/json' \
  -d "{\"identifier\":\"demo\",\"secret\":{\"nonce\":\"$nonce\",\"digest\":\"$digest\"}}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
export TOKEN

curl -sf -X POST "http://127.0.0.1:$APP_PORT/ksa/shipping_options" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $TOKEN" --data-binary @bench/options-request.json > "$OUT/options-response.json"

java ${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -cp target/leverans.jar bench/Baseline.java $BASE_PORT "$OUT/options-response.json" > "$OUT/baseline.log" 2>&1 &
pids+=($!)
BASE_PID=$!
wait_for "http://127.0.0.1:$BASE_PORT/baseline" POST '{}'

# CPU time (user + system) a process has used, in clock ticks: fields 14 and 15 of /proc/<pid>/stat.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# wrk --latency output -> "requests/s p50_ms p99_ms non2xx cpu_us_per_request" (CPU of process $5)
measure() { # url lua body seconds pid
  local before after
  before=$(cpu_ticks "$5")
  BODY_FILE=$3 wrk -t1 -c$CONNECTIONS -d"${4}s" --latency -s "$2" "$1" > "$OUT/last.txt"
  after=$(cpu_ticks "$5")
  awk -v ticks=$((after - before)) -v hz="$TICKS_PER_SECOND" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    / requests in / { total = $1 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d %.1f\n", rps, p50, p99, bad + 0, (total > 0 ? 1e6 * ticks / hz / total : 0) }' "$OUT/last.txt"
}

OPTS="http://127.0.0.1:$APP_PORT/ksa/shipping_options"
BASE="http://127.0.0.1:$BASE_PORT/baseline"
echo "Warming up (options, baseline, reservations)..."
measure "$OPTS" bench/post.lua bench/options-request.json 10 "$APP_PID" >/dev/null
measure "$BASE" bench/post.lua bench/options-request.json 10 "$BASE_PID" >/dev/null
measure "http://127.0.0.1:$APP_PORT/ksa/shipment" bench/select.lua bench/select-request.json 5 "$APP_PID" >/dev/null

echo "Measuring ${DURATION}s each at $CONNECTIONS connections (wrk -t1)..."
read -r o_rps o_p50 o_p99 o_bad o_cpu < <(measure "$OPTS" bench/post.lua bench/options-request.json "$DURATION" "$APP_PID")
read -r b_rps b_p50 b_p99 b_bad b_cpu < <(measure "$BASE" bench/post.lua bench/options-request.json "$DURATION" "$BASE_PID")
read -r s_rps s_p50 s_p99 s_bad s_cpu < <(measure "http://127.0.0.1:$APP_PORT/ksa/shipment" bench/select.lua bench/select-request.json "$DURATION" "$APP_PID")

size=$(wc -c < "$OUT/options-response.json")
ratio=$(awk -v a="$o_rps" -v b="$b_rps" 'BEGIN { printf "%.0f", 100 * a / b }')
echo
echo "Response size: $size bytes (options and baseline answer the same bytes)"
printf '%-32s %10s %9s %9s %8s %12s\n' "endpoint" "req/s" "p50 ms" "p99 ms" "non-2xx" "CPU us/req"
printf '%-32s %10s %9s %9s %8s %12s\n' "baseline POST (bare Javalin)" "$b_rps" "$b_p50" "$b_p99" "$b_bad" "$b_cpu"
printf '%-32s %10s %9s %9s %8s %12s\n' "POST /ksa/shipping_options" "$o_rps" "$o_p50" "$o_p99" "$o_bad" "$o_cpu"
printf '%-32s %10s %9s %9s %8s %12s\n' "POST /ksa/shipment (durable)" "$s_rps" "$s_p50" "$s_p99" "$s_bad" "$s_cpu"
echo "cold start: java -jar to /health 200 in ${cold_start_ms} ms (target < 2000 ms on an idle machine)"
echo
awk -v ratio="$ratio" -v op99="$o_p99" -v srps="$s_rps" -v sp99="$s_p99" -v ocpu="$o_cpu" -v bcpu="$b_cpu" 'function v(ok) { return ok ? "ok" : "MISSED" } BEGIN {
  printf "options / baseline throughput: %s%%  (target >= 50%%: %s)\n", ratio, v(ratio >= 50)
  printf "options / baseline CPU per request: %.2f (%s us vs %s us)\n", ocpu / bcpu, ocpu, bcpu
  printf "options p99: %s ms                (target <= 10 ms: %s)\n", op99, v(op99 <= 10)
  printf "durable reservations: %s/s, p99 %s ms (target >= 1000/s, p99 <= 25 ms: %s)\n", srps, sp99, v(srps >= 1000 && sp99 <= 25)
}'
