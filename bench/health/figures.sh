#!/usr/bin/env bash
# Runs the C-MAPSS protocol runs of a plan file one at a time, niced, each into bench/out/health2/NAME.log.
# Usage: bench/health/figures.sh [PLAN] [DATA_DIR]
# PLAN (default bench/health/figures.plan): one run a line, "NAME SET select|test key=value...", # comments.
# The plan is read again after every run, so lines appended while it runs are picked up; a run whose log already
# holds its VALID/TEST line is skipped, so the script resumes where it stopped; a failed run keeps its log as
# NAME.failed.log and is not retried until that file is removed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
plan="${1:-$root/bench/health/figures.plan}"
data="${2:-/work/shared/data/cmapss}"
out="$root/bench/out/health2"
mkdir -p "$out"
cd "$root"
mvn -B -q -o -pl predictors -am compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
# A private copy of the classes, so a rebuild during the runs cannot pull them away.
classes="$(mktemp -d "$root/predictors/target/bench-classes.XXXXXX")"
cp -r predictors/target/classes/. "$classes"
cp="$classes:$(cat predictors/target/runtime-classpath.txt)"
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 DJL_OFFLINE=true
while true; do
    next=""
    while read -r name set mode rest; do
        case "$name" in ''|'#'*) continue ;; esac
        [ -e "$out/$name.failed.log" ] && continue
        if ! grep -qs '^\(VALID\|TEST\) ' "$out/$name.log"; then next="$name $set $mode $rest"; break; fi
    done < "$plan"
    [ -n "$next" ] || break
    read -r name set mode rest <<<"$next"
    echo "$(date -u +%FT%TZ) $name $set $mode $rest (load $(cut -d' ' -f1 /proc/loadavg))"
    # shellcheck disable=SC2086
    nice -n 10 java -Xmx3g -cp "$cp" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
        -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
        bench/health/Protocol.java "$data" "$set" "$mode" $rest >"$out/$name.log" 2>&1 \
        || echo "$name failed, see $out/$name.log"
    grep -h '^\(VALID\|TEST\) ' "$out/$name.log" || true
    if ! grep -qs '^\(VALID\|TEST\) ' "$out/$name.log"; then mv "$out/$name.log" "$out/$name.failed.log"; fi
done
echo "plan done $(date -u +%FT%TZ)"
