#!/usr/bin/env bash
# How long a material balance takes (issue 14): warm in-process figures after JIT warm-up, then whole-process
# cold runs (a fresh JVM per network, and the CLI on the example measurements). Prints the figures for
# bench/RESULTS.md. Usage: bench/balance/run.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-200}"

(cd "$root" && mvn -q -B -o -DskipTests -pl bench -am package)
cp="$root/bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat "$root/bench/target/runtime-classpath.txt")"
networks=(generated:35 "$root/scenarios/automotive-body.yaml" "$root/scenarios/bottling-line.yaml")

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== warm: $rounds rounds after as many warm-up rounds"
java -Xmx1g -cp "$cp" io.linetwin.bench.BalanceBenchmark warm "$rounds" "${networks[@]}"
echo "== cold: one fresh JVM per network"
for network in "${networks[@]}"; do
  java -Xmx1g -cp "$cp" io.linetwin.bench.BalanceBenchmark cold "$network" | tail -n +2
done
echo "== cold: the CLI on the example measurements, whole process (launcher, JVM, scenario, balance, report), 3 runs"
"$root/linetwin" --version > /dev/null
for run in 1 2 3; do
  /usr/bin/time -f "   ./linetwin balance scenarios/bottling-line.yaml --measurements ...: %e s wall, %U s user + %S s sys CPU" \
      "$root/linetwin" balance "$root/scenarios/bottling-line.yaml" \
      --measurements "$root/scenarios/bottling-line.measurements.csv" > /dev/null
done
for run in 1 2 3; do
  /usr/bin/time -f "   for scale, ./linetwin validate scenarios/bottling-line.yaml: %e s wall, %U s user + %S s sys CPU" \
      "$root/linetwin" validate "$root/scenarios/bottling-line.yaml" > /dev/null
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
