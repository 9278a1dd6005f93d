#!/usr/bin/env bash
# Times `keyhole drift scan` on >= 1 GB of generated CloudTrail JSON (gzipped, S3 delivery layout) beside
# `zcat` of the same files and an equivalent `jq` filter. Usage: keyhole-bench/drift-vs-zcat-jq.sh [GB] [DIR]
# Needs jq (apt-get install -y jq). After one warm-up run each (page cache), every tool runs RUNS times
# (default 3, env RUNS) and the best time is reported, which damps noise from other work on the machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bin/find-jdk.sh"
gb="${1:-1}"
dir="${2:-${TMPDIR:-/tmp}/keyhole-drift-bench}"
cd "$root"
mvn -B -q -DskipTests -pl keyhole-bench,keyhole-cli -am package; echo
command -v jq >/dev/null || { echo "jq is missing: apt-get install -y jq" >&2; exit 2; }
if [ ! -d "$dir/trail" ]; then
  java -cp "keyhole-bench/target/classes:keyhole-bench/target/lib/*" dev.keyhole.bench.DriftTrail "$dir" "$gb"
fi
files() { find "$dir/trail" -name '*.json.gz' -print0 | sort -z; }
# The same question jq can answer: DynamoDB events, their id, caller, call, table and error.
filter='.Records[] | select(.eventSource == "dynamodb.amazonaws.com")
        | [.eventID, .userIdentity.arn, .eventName, .awsRegion, .requestParameters.tableName, .errorCode]'
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
run_zcat() { files | xargs -0 zcat > /dev/null; }
run_jq() { files | xargs -0 zcat | jq -c "$filter" > /dev/null; }
run_keyhole() {
  # with the JVM options bin/keyhole runs it with
  java $jvm -jar keyhole-cli/target/keyhole.jar drift scan "$dir/trail" --runbooks "$dir/runbooks" --audit "$dir/audit.db" \
    -o json --out /dev/null --fail-on none --no-progress 2>/dev/null
}
jvm=$("$root/bin/keyhole-jvm-options" "$JAVA_HOME" keyhole-cli/target/keyhole.jar drift scan)
echo "keyhole runs with: $jvm"
best() { local b=""; for _ in $(seq 1 "${RUNS:-3}"); do t=$(secs "$1"); if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi; done; echo "$b"; }
for tool in zcat keyhole jq; do secs "run_$tool" >/dev/null; done   # warm-up: page cache
z=$(best run_zcat); k=$(best run_keyhole); j=$(best run_jq)
json=$(files | xargs -0 zcat | wc -c)
printf 'input: %s files, %s bytes of JSON, %s bytes gzipped\n' "$(files | tr -cd '\0' | wc -c)" "$json" \
  "$(files | xargs -0 du -cb | tail -1 | cut -f1)"
printf 'machine: %s cores, %s; %s; load average %s\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(java -version 2>&1 | head -1)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %8.2f s\n' "zcat (all files, to /dev/null)" "$z" "keyhole drift scan (audit log, -o json)" "$k" \
  "zcat | jq (equivalent filter)" "$j"
printf 'keyhole / zcat = %.2fx (target <= 1.5x); jq / keyhole = %.1fx (target >= 5x)\n' \
  "$(echo "$k / $z" | bc -l)" "$(echo "$j / $k" | bc -l)"
