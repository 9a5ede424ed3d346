#!/usr/bin/env bash
# Benchmark for issue "Self-scan": storing one scan and producing its report, next to a bare `lob --version`
# in the same run, so that process start (the dynamic loader, Swift runtime, Foundation) is subtracted.
# Usage: Benchmarks/scan-report.sh [RUNS]   (release build; prints milliseconds per run)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}

swift build -c release --product lob >/dev/null
lob=$(swift build -c release --show-bin-path)/lob
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" LOB_DB="$work/bench.sqlite"
"$lob" scans list >/dev/null   # create the database and schema once, outside the timings

# time_ms CMD…: runs CMD $runs times; prints the median and mean wall time in milliseconds.
time_ms() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1; s += $1 } END {
        m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        printf "%.2f %.2f\n", m / 1000, s / NR / 1000 }'
}

read -r version_median version_mean < <(time_ms "$lob" --version)
read -r store_median store_mean < <(time_ms "$lob" scan --answers docs/examples/scan.yaml)
read -r report_median report_mean < <(time_ms "$lob" report --latest --format json)

printf '%-44s %10s %10s %14s\n' "command ($runs runs, release)" "median ms" "mean ms" "beyond start"
printf '%-44s %10s %10s %14s\n' "lob --version (reference: process start)" "$version_median" "$version_mean" "-"
printf '%-44s %10s %10s %14.2f\n' "lob scan --answers docs/examples/scan.yaml" "$store_median" "$store_mean" "$(awk "BEGIN { print $store_median - $version_median }")"
printf '%-44s %10s %10s %14.2f\n' "lob report --latest --format json" "$report_median" "$report_mean" "$(awk "BEGIN { print $report_median - $version_median }")"
total=$(awk "BEGIN { print $store_median + $report_median - 2 * $version_median }")
printf 'store + report beyond process start: %.2f ms (target: well under 50 ms)\n' "$total"
