#!/usr/bin/env bash
# Side-by-side benchmark of the 5-station serial line: LineTwin (MASON Schedule) against the SimPy 2.3.1 peer
# in ../shared/bench, plus the raw events/s of a bare MASON Schedule. Prints the figures for bench/RESULTS.md.
# Needs Debian's python3-simpy (run with /usr/bin/python3). Usage: bench/serial-line/run.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
peer="${LINETWIN_SIMPY_PEER:-$root/../shared/bench/serial_line_simpy.py}"
rounds="${1:-5}"

(cd "$root" && mvn -q -B -DskipTests -pl bench -am package)
cp="$root/bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat "$root/bench/target/runtime-classpath.txt")"

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1)"


echo "== LineTwin and raw MASON Schedule, alternating"
java -Xmx1g -cp "$cp" io.linetwin.bench.SerialLineBenchmark "$root/bench/serial-line/serial-line.yaml" "$rounds"
echo "== SimPy 2.3.1 peer"
/usr/bin/python3 "$peer" 1000000
