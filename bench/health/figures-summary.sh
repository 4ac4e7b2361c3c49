#!/usr/bin/env bash
# Mean ± sd over seeds of the protocol runs in bench/out/health2 (or DIR): one row per mode, set and recipe
# (every key but seed and units), from the VALID/TEST lines that bench/health/figures.sh leaves in the logs.
# Usage: bench/health/figures-summary.sh [DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${1:-$root/bench/out/health2}"
grep -h '^\(VALID\|TEST\) ' "$dir"/*.log 2>/dev/null | sort -u | awk '
function sd(sum, sq, n) { return n > 1 ? sqrt((sq - sum * sum / n) / (n - 1)) : 0 }
{
    recipe = ""; seed = 42
    delete v
    for (i = 2; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] == "seed") { seed = kv[2]; continue }
        if (kv[1] ~ /^(rmse_|score_|train_|load1_|epochs_|windows|units|cuts)/) { v[kv[1]] = kv[2]; continue }
        recipe = recipe (recipe == "" ? "" : " ") $i
    }
    key = $1 " " recipe
    if (!(key in n)) order[++rows] = key
    n[key]++; seeds[key] = seeds[key] (seeds[key] == "" ? "" : ",") seed
    for (m in v) { s[key, m] += v[m]; q[key, m] += v[m] * v[m] }
}
END {
    printf "%-5s %-66s %-10s %-16s %-16s %-16s %s\n", "mode", "recipe", "seeds", "rmse_given", "rmse_capped", "rmse_capped_clip", "train_cpu_s"
    for (r = 1; r <= rows; r++) {
        k = order[r]; mode = substr(k, 1, index(k, " ") - 1); recipe = substr(k, index(k, " ") + 1)
        printf "%-5s %-66s %-10s", mode, recipe, seeds[k]
        split("rmse_given rmse_capped rmse_capped_clip train_cpu_s", ms, " ")
        for (j = 1; j <= 4; j++) {
            m = ms[j]
            printf " %6.2f ± %-6.2f", s[k, m] / n[k], sd(s[k, m], q[k, m], n[k])
        }
        printf "\n"
    }
}'
