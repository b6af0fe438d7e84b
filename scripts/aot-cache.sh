#!/usr/bin/env bash
# Trains an ahead-of-time cache for target/leverans.jar (JDK 25+, JEP 483/514/515: classes loaded and
# linked in advance, with method profiles), which roughly halves the cold start. Use it with
#   java -XX:AOTCache=target/leverans.aot -jar target/leverans.jar
# The training run starts the server on the bundled config with a throwaway data directory, plays one
# Klarna checkout (auth, shipping options, shipment) and stops it. A cache only fits the JDK and the
# jar it was trained with: run this again after every build (a stale cache is ignored with a warning).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh >/dev/null
major=$(java_major java)
if [ "$major" -lt 25 ]; then
  echo "The AOT cache needs JDK 25 or newer; $JAVA_HOME is $major." >&2
  exit 1
fi
[ -f target/leverans.jar ] || mvn -q -DskipTests package

port=${AOT_TRAINING_PORT:-18095}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
LEVERANS_HOST=127.0.0.1 LEVERANS_PORT=$port LEVERANS_DATA_DIR=$data \
  java -XX:AOTCacheOutput=target/leverans.aot -jar target/leverans.jar > "$data/training.log" 2>&1 &
pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 600); do curl -sf -o /dev/null "$url/health" && break; sleep 0.05; done

nonce="aot-$RANDOM-$RANDOM"
digest=$(printf '%s%s' "$nonce" "demo-secret" | sha256sum | cut -d' ' -f1)
token=$(curl -sf -X POST "$url/ksa/auth" -H 'Content-Type: application/json' \
  -d "{\"identifier\":\"demo\",\"secret\":{\"nonce\":\"$nonce\",\"digest\":\"$digest\"}}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
post() { curl -sf -o /dev/null -X POST "$url/ksa/$1" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" --data-binary "$2"; }
post shipping_options @bench/options-request.json
post shipment "$(sed "s/__SESSION__/aot-$RANDOM/" bench/select-request.json)"
curl -sf -o /dev/null "$url/metrics"

kill -TERM "$pid"
wait "$pid" || true
if [ ! -s target/leverans.aot ]; then
  echo "training did not write target/leverans.aot; its log:" >&2
  cat "$data/training.log" >&2
  exit 1
fi
echo "wrote target/leverans.aot ($(du -h target/leverans.aot | cut -f1)); start with:"
echo "  java -XX:AOTCache=target/leverans.aot -jar target/leverans.jar"
