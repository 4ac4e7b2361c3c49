#!/usr/bin/env bash
# The twin of many lines: events/s of 1, 2 and 3 `twin follow` processes of one consumer group over 12 lines.
# Usage: bench/twin/group.sh [LINE-SECONDS]  (default 3600: about 30k events per line)
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "start: $(date -u +%FT%TZ); $(uptime)"
mvn -B -q -o -DskipTests package >/dev/null
java -Xmx2g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)" \
    io.linetwin.bench.TwinGroupBenchmark "${1:-3600}"
echo "end: $(date -u +%FT%TZ); $(uptime)"
