#!/usr/bin/env bash
# Does RUL training on this machine depend on anything but its inputs? Issue 21 saw NaN from the first Conv1d
# on one AVX-512 machine. This script answers, in about 2 minutes of CPU:
#   1. the CPU, kernel and JVM (lscpu flags, uname, java -version);
#   2. zmm/k register integrity across context switches (zmmcheck.c, two processes racing for the cores);
#   3. every Conv1d shape the health models use, forward and backward against a plain-Java reference, with
#      every malloc'd and freed byte set to 0xff (a float NaN) by poison.c, on the default and the AVX2 oneDNN path;
#   4. a short run of the best FD001 recipe, plain, under MALLOC_PERTURB_=255 and =128, and NaN-poisoned: the
#      weights must hash the same in all four (one thread, fixed seed).
# Usage: bench/health/nan-check.sh [DATA_DIR] [EPOCHS]    (DATA_DIR default ../shared/data/cmapss, EPOCHS 3)
# Needs gcc. Prints VERDICT lines; exit 0 when every check passes.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-../shared/data/cmapss}"
case "$data" in /*) ;; *) data="$root/$data" ;; esac
epochs="${2:-3}"
cd "$root"
if [[ ! -f "$data/train_FD001.txt" ]]; then
    echo "nan-check: $data/train_FD001.txt: expected the C-MAPSS data, got none (give DATA_DIR)" >&2
    exit 2
fi
work="$(mktemp -d "$root/predictors/target/nan-check.XXXXXX")"
here=bench/health/nancheck
failed=0

echo "== machine"
date -u +%FT%TZ
echo "load $(cut -d' ' -f1-3 /proc/loadavg) cores $(nproc)"
lscpu | grep -E '^(Model name|Flags):'
uname -r
java -version 2>&1 | head -1

mvn -B -q -o -pl predictors -am compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt || exit 2
cp -r predictors/target/classes "$work/classes"
cp="$work/classes:$(cat predictors/target/runtime-classpath.txt)"
gcc -O2 -shared -fPIC -o "$work/poison.so" "$here/poison.c" || exit 2
gcc -O2 -mavx512f -mavx512bw -o "$work/zmmcheck" "$here/zmmcheck.c" || exit 2
javac -d "$work" -cp "$cp" "$here/ConvCheck.java" "$here/TrainHash.java" || exit 2
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 DJL_OFFLINE=true
jvm=(java -Xmx2g -cp "$work:$cp" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1
     -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)

echo "== zmm/k register integrity (two processes, ~30 s)"
"$work/zmmcheck" 2000 5000000 > "$work/zmm1.txt" & first=$!
"$work/zmmcheck" 2000 5000000 > "$work/zmm2.txt" & second=$!
wait $first; zmm=$?; wait $second; zmm=$((zmm + $?))
cat "$work/zmm1.txt" "$work/zmm2.txt"
if ((zmm)); then echo "VERDICT FAIL: vector registers changed under the program's feet"; failed=1;
else echo "VERDICT ok: registers intact"; fi

echo "== Conv1d vs plain Java, malloc and free filled with NaN bytes"
conv_failed=0
for isa in ALL AVX2; do
    for shape in "128 30 29 32 5 2" "71 30 29 32 5 2" "1024 30 29 32 5 2" "128 30 14 32 5 2" "128 30 15 32 5 2" \
            "128 30 14 10 9 4" "128 30 10 10 9 4" "128 30 10 1 3 1" "128 30 29 10 10 5" "128 31 10 10 10 5" \
            "128 35 10 1 3 1" "128 30 32 64 5 2" "128 30 64 64 3 1"; do
        env ONEDNN_MAX_CPU_ISA=$isa LD_PRELOAD="$work/poison.so" POISON_FREE=1 "${jvm[@]}" ConvCheck 2 $shape \
            2>&1 | grep RESULT | sed "s/^/$isa /"
        ((${PIPESTATUS[0]})) && conv_failed=1
    done
done
if ((conv_failed)); then echo "VERDICT FAIL: a convolution is wrong or reads memory it did not write"; failed=1;
else echo "VERDICT ok: every convolution matches the reference, nothing reads unwritten memory"; fi

echo "== short training ($epochs epochs), weights hashed under four memory conditions"
hashes=()
for condition in plain "MALLOC_PERTURB_=255" "MALLOC_PERTURB_=128" "LD_PRELOAD=$work/poison.so POISON_FREE=1"; do
    environment=(A=1)
    [[ $condition != plain ]] && read -r -a environment <<< "$condition"
    dir="$work/model-${#hashes[@]}"
    line=$(env "${environment[@]}" "${jvm[@]}" TrainHash "$data" "$epochs" "$dir" 2>&1 | tee "$dir.log" \
        | grep '^WEIGHTS')
    echo "${condition%% *}: $(grep -c epoch "$dir.log") epoch lines, $line"
    hashes+=("${line:-none}")
done
if [[ "$(printf '%s\n' "${hashes[@]}" | sort -u | wc -l)" == 1 && "${hashes[0]}" != none ]]; then
    echo "VERDICT ok: training is bit-identical whatever memory it is given"
else
    echo "VERDICT FAIL: training depends on memory contents or is not reproducible here"; failed=1
fi
echo "logs in $work"
exit $failed
