#!/usr/bin/env bash
# Re-scores a saved model: bench/health/evaluate.sh DATA_DIR SET MODEL_DIR (second pass = warm latency).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
test -f predictors/target/runtime-classpath.txt || mvn -B -q -pl predictors -am compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 DJL_OFFLINE=true
exec java -Xmx2g -cp "predictors/target/classes:$(cat predictors/target/runtime-classpath.txt)" \
    -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
    bench/health/Evaluate.java "$@"
