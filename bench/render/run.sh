#!/usr/bin/env bash
# Rendering benchmark, software GL only (OSMesa; needs libosmesa6): frames/s and CPU ms per frame at 1280x720 for
# lines of 20, 170 and 500 machines, the split of one snapshot, and `linetwin render scenarios/bottling-line.yaml --out PNG` end to end
# in a fresh JVM per run (default instant: the end of warm-up + horizon). Every figure is printed with the load
# average at the time, because on a shared machine the numbers mean little without it.
# Usage: bench/render/run.sh [SECONDS_PER_SIZE=10] [SNAPSHOT_RUNS=5]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds="${1:-10}"
runs="${2:-5}"
load() { cut -d' ' -f1-3 /proc/loadavg; }

# Compiles every module (no install) and writes each module's class path under its target/.
mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.cp
mvn -B -q -pl app -am compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-runtime.cp
natives="-Dorg.lwjgl.system.SharedLibraryExtractPath=$PWD/renderer/target/natives"
rcp="renderer/target/test-classes:renderer/target/classes:$(cat renderer/target/bench-test.cp)"
acp="app/target/classes:$(cat app/target/bench-runtime.cp)"
mkdir -p bench/out

echo "fps: load before $(load)"
java $natives -cp "$rcp" io.linetwin.render.bench.RenderBench fps "$seconds" 2>/dev/null
echo "fps: load after $(load)"

echo "snapshot split (C1, as the launcher runs render): load $(load)"
java -XX:TieredStopAtLevel=1 $natives -cp "$rcp" io.linetwin.render.bench.RenderBench snapshot-once scenarios/bottling-line.yaml \
    bench/out/snapshot.png 2>/dev/null

TIMEFORMAT='%R s wall, %U s user + %S s sys CPU' 
./linetwin --version >/dev/null  # builds first if the launcher finds the jar stale, so the timings below never include a build
for i in $(seq "$runs"); do
    before="$(load)"
    wall=$( { time ./linetwin render scenarios/bottling-line.yaml --out bench/out/snapshot.png >/dev/null 2>&1; } 2>&1 )
    echo "./linetwin render bottling-line --out (fresh JVM, C1 as the launcher runs it): ${wall}   load ${before}"
    before="$(load)"
    wall=$( { time java $natives -cp "$acp" io.linetwin.app.Main render scenarios/bottling-line.yaml \
        --out bench/out/snapshot.png >/dev/null 2>&1; } 2>&1 )
    echo "java ... render bottling-line --out (fresh JVM, default tiered JIT): ${wall}   load ${before}"
done
