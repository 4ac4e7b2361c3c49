#!/usr/bin/env bash
# Twin sync benchmark: builds twin-sync (no install), then runs bench/twin/TwinBench.java against an
# in-JVM KRaft broker. Usage: bench/twin/run.sh [-Dbench.prefilled=N -Dbench.rate=N ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl twin-sync -am test-compile
mkdir -p target
mvn -B -q -pl twin-sync -am dependency:build-classpath -DincludeScope=test -Dmdep.outputFile="$PWD/target/twin-bench.cp" >/dev/null
CP="twin-sync/target/classes:twin-sync/target/test-classes:twin-model/target/classes:$(cat target/twin-bench.cp)"
exec java -Xms1g -Xmx3g -cp "$CP" "$@" bench/twin/TwinBench.java
