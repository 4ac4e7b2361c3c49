#!/usr/bin/env bash
# Live loop benchmark: snapshot → verdict for a scenario (default scenarios/automotive-body.yaml): a twin snapshot
# after 30 h of emulated line (Tuesday 12:00, mid-shift), then the what-if the live loop runs on it — baseline and two
# candidate changes, 20 paired replications × 24 h look-ahead on all cores. Cold: whole new JVMs (5 runs, timed by
# the shell and from inside); warm: one JVM, 2 warm-ups then 10 rounds.
# Usage: bench/loop/run.sh [SCENARIO] [COLD_RUNS] [WARM_ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
scenario="${1:-scenarios/automotive-body.yaml}"
cold="${2:-5}"
warm="${3:-10}"
echo "start: $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg); cores $(nproc)"
mvn -q -B -o -DskipTests -pl bench -am package
cp="bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
mkdir -p bench/out
snapshot="bench/out/$(basename "$scenario" .yaml)-snapshot.json"
java -Xmx1g -cp "$cp" io.linetwin.bench.LoopBenchmark generate "$scenario" "$snapshot" 30
for i in $(seq "$cold"); do
    start=$(date +%s.%N)
    java -Xmx1g -cp "$cp" io.linetwin.bench.LoopBenchmark verdict "$scenario" "$snapshot" 1 | tail -1
    end=$(date +%s.%N)
    echo "cold run $i: whole process $(echo "$end - $start" | bc) s (load $(cut -d' ' -f1 /proc/loadavg))"
done
java -Xmx1g -cp "$cp" io.linetwin.bench.LoopBenchmark verdict "$scenario" "$snapshot" "$warm"
echo "end: $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
