#!/usr/bin/env bash
# Twin sync benchmark: builds twin-sync (no install), then runs bench/twin/TwinBench.java against an
# in-JVM KRaft broker. Usage: bench/twin/run.sh [-Dbench.prefilled=N -Dbench.rate=N ...]
# -Dbench.only=ref,a,b,c picks the parts. JVM options: BENCH_JAVA_OPTS (default below: fixed 2 GB heap, ZGC: in paired
# runs it cut the latency tail against G1 with a 10 ms pause goal, see bench/TWIN.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "start: $(date -u +%FT%TZ); $(uptime)"
mkdir -p target
# One session: the reactor then resolves broker and twin-model to what it just compiled (nothing installed).
# Each module writes the file in turn; twin-sync, built last, leaves its own test class path.
mvn -B -q -pl twin-sync -am test-compile dependency:build-classpath -DincludeScope=test \
    -Dmdep.outputFile="$PWD/target/twin-bench.cp" >/dev/null
CP="twin-sync/target/classes:twin-sync/target/test-classes:twin-model/target/classes:broker/target/classes:$(cat target/twin-bench.cp)"
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseZGC}
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" "$@" bench/twin/TwinBench.java
echo "end: $(date -u +%FT%TZ); $(uptime)"
