#!/usr/bin/env bash
# Full C-MAPSS benchmark: trains and evaluates each model on each set, one RESULT line per pair.
# Usage: bench/health/run.sh [DATA_DIR] [MODELS] [SETS] [ENSEMBLE] [MAX_EPOCHS] [SEED] [SAVE_DIR] [SMOOTHING] [BATCH LR] [WINDOWS_PER_EPOCH] [AGE_INPUT] [PATIENCE] [BASELINE] [HUBER_DELTA]
# BASELINE: k = per-unit baseline over the first k cycles replaces the sensors, k+abs = added to them
# e.g.   bench/health/run.sh ../shared/data/cmapss cnn,lstm FD001,FD004 3 40 42
# Each RESULT line gives the training wall time (train_wall_s), the JVM's CPU time over the same span
# (train_cpu_s: what one free core would take) and the 1-minute load average when training ended (load1_after).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-../shared/data/cmapss}"
case "$data" in /*) ;; *) data="$root/$data" ;; esac
cd "$root"
# Compile the module (no install: ~/.m2 may be shared) and write its runtime class path.
mvn -B -q -pl predictors -am compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
# A private copy of the classes, so a rebuild during a long run cannot pull them away.
classes="$(mktemp -d "$root/predictors/target/bench-classes.XXXXXX")"
cp -r predictors/target/classes/. "$classes"
cp="$classes:$(cat predictors/target/runtime-classpath.txt)"
echo "start $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg) cores $(nproc)"
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 DJL_OFFLINE=true
exec java -Xmx4g -cp "$cp" \
    -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    bench/health/HealthBenchmark.java "$data" "${2:-cnn,lstm,cnn-lstm}" "${3:-FD001,FD002,FD003,FD004}" \
    "${4:-3}" "${5:-40}" "${6:-42}" "${7:-}" "${@:8}"
