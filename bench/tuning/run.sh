#!/usr/bin/env bash
# Buffer allocation for scenarios/automotive-body.yaml (issue 13): every finite buffer of the line may take
# 0-60 places and together they keep the 142 they have now. Appends bench/tuning/automotive-buffers.tuning.yaml
# to a copy of the scenario, runs `linetwin tune` on it (cold JVM, whole process) and prints the wall time;
# the recommendation, its gain with a 95 % CI and the PCS come from the tune output itself.
# Usage: bench/tuning/run.sh [extra tune options, e.g. --budget 100 --threads 2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/bench/out/tuning"
mkdir -p "$out"
scenario="$out/automotive-buffers.yaml"
cat "$root/scenarios/automotive-body.yaml" "$root/bench/tuning/automotive-buffers.tuning.yaml" > "$scenario"
"$root/linetwin" validate "$scenario" > /dev/null   # builds the launcher's jar first if sources changed

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
start=$(date +%s.%N)
"$root/linetwin" tune "$scenario" --json "$out/automotive-buffers.json" "$@"
end=$(date +%s.%N)
echo "== wall (whole process, cold JVM): $(echo "$end - $start" | bc) s; load average after $(cut -d' ' -f1-3 /proc/loadavg)"
