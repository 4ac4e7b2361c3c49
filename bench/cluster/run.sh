#!/usr/bin/env bash
# Replications on Spark against the local engine: builds (package, no install), then runs ClusterBenchmark
# (warm, in one driver JVM; a standalone master and 1 or 2 one-core workers in JVMs of their own on loopback) and
# the same experiment as whole cold CLI processes. Usage: bench/cluster/run.sh [FILE] [HORIZON] [REPLICATIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
file=${1:-scenarios/automotive-body.yaml}
horizon=${2:-24h}
reps=${3:-40}
echo "start: $(date -u +%FT%TZ); $(uptime)"
mvn -B -q -o -DskipTests package >/dev/null
opens=(-XX:+IgnoreUnrecognizedVMOptions -Dio.netty.tryReflectionSetAccessible=true)
for package in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
    opens+=("--add-opens=java.base/$package=ALL-UNNAMED")
done
java "${opens[@]}" -Xmx1g -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)" \
    io.linetwin.bench.ClusterBenchmark "$file" "$horizon" "$reps"
echo "cold CLI (whole process, JVM start and build check included):"
for threads in 1 2; do
    /usr/bin/time -f "  run --threads $threads: %e s wall, %U s user" ./linetwin run "$file" --horizon "$horizon" \
        --replications "$reps" --threads "$threads" >/dev/null
done
/usr/bin/time -f "  run --master local[2]: %e s wall, %U s user" ./linetwin run "$file" --horizon "$horizon" \
    --replications "$reps" --master 'local[2]' >/dev/null
echo "end: $(date -u +%FT%TZ); $(uptime)"
