#!/usr/bin/env bash
# Isolation under a flood: merchant demo-outlet runs a steady, light load (2 connections, 10 ms apart) of
# /ksa/shipping_options while merchant demo floods the same instance (128 connections), with the
# demo's per-merchant limits (500 requests/s, 64 concurrent). Prints demo-outlet's p50/p99 quiet
# and during the flood, their ratio (target: p99 within 2x of quiet), and what the flooder got.
# Usage: bench/flood.sh [duration-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh >/dev/null

DURATION=${1:-15}
PORT=18090
OUT=bench/results
mkdir -p "$OUT"
command -v wrk >/dev/null 2>&1 || apt-get install -y -qq wrk >/dev/null
[ -f target/leverans.jar ] || mvn -q -DskipTests package

DATA=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$DATA"; }
trap cleanup EXIT

LEVERANS_MERCHANT_RPS=500 LEVERANS_MERCHANT_CONCURRENCY=64 LEVERANS_ACCESS_LOG=false \
LEVERANS_HOST=127.0.0.1 LEVERANS_PORT=$PORT LEVERANS_DATA_DIR=$DATA \
  java ${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC} -jar target/leverans.jar > "$OUT/flood-server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.1; done

token() { # identifier key
  local nonce="flood-$RANDOM-$RANDOM" digest
  digest=$(printf '%s%s' "$nonce" "$2" | sha256sum | cut -d' ' -f1)
  curl -sf -X POST "http://127.0.0.1:$PORT/ksa/auth" -H 'Content-Type: application/json' \
    -d "{\"identifier\":\"$1\",\"secret\":{\"nonce\":\"$nonce\",\"digest\":\"$digest\"}}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
STEADY_TOKEN=$(token demo-outlet outlet-secret)
FLOOD_TOKEN=$(token demo demo-secret)
URL="http://127.0.0.1:$PORT/ksa/shipping_options"

# wrk --latency output -> "requests/s p50_ms p99_ms non2xx"
summary() {
  awk 'function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad + 0 }' "$1"
}
steady() { TOKEN=$STEADY_TOKEN BODY_FILE=bench/options-request.json wrk -t1 -c2 -d"${1}s" --latency -s bench/steady.lua "$URL" > "$2"; }

echo "Warming up..."
steady 5 /dev/null
TOKEN=$FLOOD_TOKEN BODY_FILE=bench/options-request.json wrk -t1 -c16 -d5s -s bench/post.lua "$URL" > /dev/null

echo "Quiet: demo-outlet alone, ${DURATION}s at 2 connections..."
steady "$DURATION" "$OUT/flood-quiet.txt"
echo "Flood: demo at 128 connections beside it, ${DURATION}s..."
TOKEN=$FLOOD_TOKEN BODY_FILE=bench/options-request.json wrk -t1 -c128 -d"$((DURATION + 2))s" --latency -s bench/post.lua "$URL" \
  > "$OUT/flood-flooder.txt" &
flooder=$!
sleep 1
steady "$DURATION" "$OUT/flood-steady.txt"
wait $flooder

read -r q_rps q_p50 q_p99 q_bad < <(summary "$OUT/flood-quiet.txt")
read -r s_rps s_p50 s_p99 s_bad < <(summary "$OUT/flood-steady.txt")
read -r f_rps f_p50 f_p99 f_bad < <(summary "$OUT/flood-flooder.txt")
printf '%-40s %10s %9s %9s %8s\n' "" "req/s" "p50 ms" "p99 ms" "non-2xx"
printf '%-40s %10s %9s %9s %8s\n' "demo-outlet alone (2 connections)" "$q_rps" "$q_p50" "$q_p99" "$q_bad"
printf '%-40s %10s %9s %9s %8s\n' "demo-outlet during demo's flood" "$s_rps" "$s_p50" "$s_p99" "$s_bad"
printf '%-40s %10s %9s %9s %8s\n' "demo flooding (128 connections)" "$f_rps" "$f_p50" "$f_p99" "$f_bad"
awk -v q="$q_p99" -v s="$s_p99" 'BEGIN { r = s / q; printf "steady merchant p99 during the flood: %.2f x quiet (target <= 2: %s)\n", r, r <= 2 ? "ok" : "MISSED" }'
