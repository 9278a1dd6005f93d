#!/usr/bin/env bash
# Runs the same GetItem/Query load against keyhole's local engine and against dynalite (from npm),
# one after the other on this machine, and prints both. Usage: keyhole-bench/engine-vs-dynalite.sh [SECONDS] [WARMUP_SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bin/find-jdk.sh"
seconds="${1:-10}"
warmup="${2:-10}"
cd "$root"
mvn -B -q ${MVN_FLAGS:-} -DskipTests -pl keyhole-bench,keyhole-cli -am package; echo
dyn="$root/keyhole-bench/target/dynalite"
if [ ! -x "$dyn/node_modules/.bin/dynalite" ]; then
  mkdir -p "$dyn"
  (cd "$dyn" && npm install --silent --no-audit --no-fund dynalite@4.0.0 >/dev/null)
fi
cp="keyhole-bench/target/classes:keyhole-bench/target/lib/*"
# The jar just packaged, started directly (not through bin/keyhole) so its process id is the engine's own.
java ${KEYHOLE_JAVA_OPTS:-} -jar keyhole-cli/target/keyhole.jar local --port 8765 --in-memory >/tmp/keyhole-bench-local.log 2>&1 &
kpid=$!
"$dyn/node_modules/.bin/dynalite" --port 8766 >/tmp/keyhole-bench-dynalite.log 2>&1 &
dpid=$!
trap 'kill $kpid $dpid 2>/dev/null || true' EXIT
for port in 8765 8766; do
  for _ in $(seq 1 100); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done
done
java -cp "$cp" dev.keyhole.bench.EngineLoad --endpoint http://127.0.0.1:8765 --label keyhole --pid $kpid --seconds "$seconds" --warmup "$warmup"
java -cp "$cp" dev.keyhole.bench.EngineLoad --endpoint http://127.0.0.1:8766 --label dynalite --pid $dpid --seconds "$seconds" --warmup "$warmup"
