#!/usr/bin/env bash
# health risk on the bottling line as a user runs it (cold JVM, whole process), RUNS times:
# wall and CPU seconds per run, and its last progress line (replications run, share done); then RUNS times in
# one JVM (warm, bench/health/RiskWarm.java).
# Usage: bench/health/risk-speed.sh [RUNS] [extra health risk options...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-3}"; shift || true
mvn -B -q -o -pl app -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/risk-classpath.txt
cp="app/target/classes"
for m in twin-model twin-sync simulation predictors renderer loop broker; do cp="$cp:$m/target/classes"; done
cp="$cp:$(cat app/target/risk-classpath.txt)"
echo "start $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg) cores $(nproc) $(java -version 2>&1 | head -1)"
for i in $(seq "$runs"); do
    /usr/bin/time -f "RUN wall_s=%e user_s=%U sys_s=%S" java -cp "$cp" io.linetwin.app.Main health risk \
        scenarios/bottling-line.yaml --rul filler=30h,8h --progress "$@" 2>&1 >/dev/null | grep -E "^RUN|^linetwin: .*replications" | tail -2
done
# Warm: the same command RUNS times in one JVM.
java -cp "$cp" bench/health/RiskWarm.java "$runs" health risk scenarios/bottling-line.yaml --rul filler=30h,8h \
    --quiet "$@"
echo "end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
