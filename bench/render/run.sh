#!/usr/bin/env bash
# Rendering benchmark: frames/s at 1280x720 for 20, 170 and 500 machines on software GL (OSMesa), and the wall
# time of a whole snapshot (fresh JVM: simulate, start GL, render, write PNG). Needs libosmesa6.
# Usage: bench/render/run.sh [SECONDS_PER_SIZE] [SNAPSHOT_RUNS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -B -q -pl renderer -am test-compile
mvn -B -q -pl renderer dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/render-bench.cp  # written under renderer/
cp="renderer/target/test-classes:renderer/target/classes:simulation/target/classes:twin-model/target/classes:$(cat renderer/target/render-bench.cp)"
natives="-Dorg.lwjgl.system.SharedLibraryExtractPath=$PWD/renderer/target/natives"
mkdir -p bench/out
java $natives -cp "$cp" io.linetwin.render.bench.RenderBench fps "${1:-10}" 2>/dev/null
java $natives -cp "$cp" io.linetwin.render.bench.RenderBench snapshot scenarios/bottling-line.yaml bench/out/snapshot.png "${2:-3}" 2>/dev/null
java $natives -cp "$cp" io.linetwin.render.bench.RenderBench snapshot-once scenarios/bottling-line.yaml bench/out/snapshot.png 2>/dev/null
