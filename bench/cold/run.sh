#!/usr/bin/env bash
# The speed a user sees (issue 20): whole processes, cold JVM, each row run N times, LineTwin and its peer
# alternating. Prints min / median / max wall seconds (and CPU seconds, user + sys) per row, the ratios, and
# the load average before and after: wall figures mean something only on a quiet machine, so the script
# refuses to start when the 1-minute load average is above 0.5 unless --force is given (it then says so in
# every table it prints).
#
# Usage: bench/cold/run.sh [--runs N] [--threads "1 2"] [--baseline] [--force]
#   --runs N         runs per row (default 5)
#   --threads LIST   thread counts of the parallel-replications row (default "1 2"; e.g. "1 2 4 8" on a big box);
#                    each is compared with the first
#   --baseline       also run every LineTwin row the way the launcher ran before issue 20 (no class-data archive,
#                    the JDK on PATH): LINETWIN_CDS=off LINETWIN_JAVA=java
#   --force          run even when the machine is busy
# Needs Debian's python3-simpy for the serial-line peer (skipped with a note when missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The peer lives in shared/ beside the checkout (../shared from the main checkout, ../../shared from a worktree).
peer="${LINETWIN_SIMPY_PEER:-}"
for candidate in "$root/../shared/bench/serial_line_simpy.py" "$root/../../shared/bench/serial_line_simpy.py"; do
    [[ -z $peer && -f $candidate ]] && peer=$candidate
done
runs=5
threads="1 2"
baseline=0
force=0
while (($#)); do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --baseline) baseline=1; shift ;;
        --force) force=1; shift ;;
        *) echo "usage: bench/cold/run.sh [--runs N] [--threads \"1 2\"] [--baseline] [--force]" >&2; exit 2 ;;
    esac
done

load() { cut -d' ' -f1-3 /proc/loadavg; }
load1=$(cut -d' ' -f1 /proc/loadavg)
echo "== load average (1, 5, 15 min): $(load) on $(nproc) cores"
if awk -v l="$load1" 'BEGIN { exit !(l > 0.5) }'; then
    if ((force)); then
        echo "!! WARNING: the machine is busy (load $load1 > 0.5): wall times below are NOT comparable figures"
    else
        echo "refusing: load average $load1 > 0.5 — wall-clock figures would be meaningless (--force to run anyway)" >&2
        exit 3
    fi
fi

cd "$root"
out="$root/bench/out/cold"
mkdir -p "$out"
linetwin="$root/linetwin"

# The launcher builds and makes its start-up archive on first use: do that before any timing.
"$linetwin" --version > /dev/null
if ((baseline)); then
    LINETWIN_CDS=off LINETWIN_JAVA=java "$linetwin" --version > /dev/null
fi
java_line=$(LINETWIN_JAVA_OPTS=-XshowSettings:properties "$linetwin" --version 2>&1 | grep -E 'java.home|java.vm.version' | tr -s ' ' | paste -sd' ')
echo "== launcher JVM: $java_line"
have_peer=1
if ! /usr/bin/python3 -c 'import SimPy' 2> /dev/null || [[ ! -f $peer ]]; then
    have_peer=0
    echo "== no SimPy peer (apt-get install python3-simpy; peer at $peer): serial-line ratio skipped"
fi

# time_one NAME ENV... -- CMD...: one whole process; appends "wall cpu" to $out/NAME.times
time_one() {
    local name=$1
    shift
    local envs=()
    while [[ $1 != -- ]]; do envs+=("$1"); shift; done
    shift
    env "${envs[@]}" /usr/bin/time -f "%e %U %S" -o "$out/$name.time" "$@" > "$out/$name.stdout" 2> "$out/$name.stderr" ||
        { echo "!! $name failed: $(tail -2 "$out/$name.stderr")" >&2; exit 1; }
    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$out/$name.time" >> "$out/$name.times"
}

# stats NAME: min, median and max wall seconds, and the median CPU seconds
stats() {
    python3 -c '
import sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
w = sorted(r[0] for r in rows); c = sorted(r[1] for r in rows); m = (len(rows) - 1) // 2
print("%.2f %.2f %.2f %.2f" % (w[0], w[m], w[-1], c[m]))' "$out/$1.times"
}

row() {
    local name=$1 label=$2
    read -r min med max cpu < <(stats "$name")
    printf "| %-62s | %6s | %6s | %6s | %6s |\n" "$label" "$min" "$med" "$max" "$cpu"
}

median_of() { read -r _ med _ _ < <(stats "$1"); echo "$med"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

rm -f "$out"/*.times
serial=(run bench/serial-line/serial-line.yaml --threads 1)
year=(run scenarios/automotive-body.yaml --horizon 365d --replications 1 --warmup 0s)
parallel=(run scenarios/automotive-body.yaml --replications 8 --horizon 60d)
base_env=(LINETWIN_CDS=off LINETWIN_JAVA=java)

echo "== $runs rounds (each: every row once, LineTwin and the peer alternating)"
for ((r = 1; r <= runs; r++)); do
    time_one version -- "$linetwin" --version
    time_one validate -- "$linetwin" validate scenarios/bottling-line.yaml
    time_one serial -- "$linetwin" "${serial[@]}"
    ((have_peer)) && time_one simpy -- /usr/bin/python3 "$peer" 1000000
    time_one year -- "$linetwin" "${year[@]}"
    for t in $threads; do
        time_one "parallel-$t" -- "$linetwin" "${parallel[@]}" --threads "$t"
    done
    if ((baseline)); then
        time_one base-version "${base_env[@]}" -- "$linetwin" --version
        time_one base-validate "${base_env[@]}" -- "$linetwin" validate scenarios/bottling-line.yaml
        time_one base-serial "${base_env[@]}" -- "$linetwin" "${serial[@]}"
        time_one base-year "${base_env[@]}" -- "$linetwin" "${year[@]}"
        for t in $threads; do
            time_one "base-parallel-$t" "${base_env[@]}" -- "$linetwin" "${parallel[@]}" --threads "$t"
        done
    fi
    echo "   round $r done (load $(load))"
done

echo
echo "== results: wall seconds of whole processes over $runs runs, and median CPU seconds (user + sys)"
echo "   load average at the end: $(load)$( ((force)) && echo ' — run with --force on a busy machine')"
echo
printf "| %-62s | %6s | %6s | %6s | %6s |\n" "command (whole process, cold JVM)" "min" "median" "max" "CPU"
echo "|---|---:|---:|---:|---:|"
prefixes=("")
((baseline)) && prefixes+=("base-")
for p in "${prefixes[@]}"; do
    tag=""
    [[ -n $p ]] && tag=" [before: LINETWIN_CDS=off, PATH java]"
    row "${p}version" "linetwin --version$tag"
    row "${p}validate" "linetwin validate scenarios/bottling-line.yaml$tag"
    row "${p}serial" "linetwin run bench/serial-line/serial-line.yaml (1.0 M parts)$tag"
    row "${p}year" "linetwin run automotive-body.yaml, 365 d, 1 replication$tag"
    for t in $threads; do
        row "${p}parallel-$t" "linetwin run automotive-body.yaml, 8 × 60 d, --threads $t$tag"
    done
done
((have_peer)) && row simpy "SimPy 2.3.1 peer, 1,000,000 parts (/usr/bin/python3)"

echo
if ((have_peer)); then
    echo "serial line, SimPy / LineTwin (median wall): $(ratio "$(median_of simpy)" "$(median_of serial)")×   (target >= 10)"
fi
first=${threads%% *}
for t in $threads; do
    [[ $t == "$first" ]] && continue
    echo "8 × 60 d, --threads $first / --threads $t (median wall): $(ratio "$(median_of "parallel-$first")" "$(median_of "parallel-$t")")×"
done
echo "targets: --version and validate <= 0.3 s; one year <= 2.5 s; --threads 2 >= 1.8× --threads 1 (2 cores)"
echo "raw times: $out/*.times (wall cpu per run)"
