#!/usr/bin/env bash
# Every reader of lob under libFuzzer with AddressSanitizer (docs/fuzzing.md):
#   bash Tests/fuzz/run.sh [SECONDS-PER-READER] [READER…]
# Builds lob-fuzz with libFuzzer and AddressSanitizer into .build-fuzz, seeds each reader with the committed examples,
# fixtures and hostile corpus and with Tests/fuzz/crashes/READER (every input that once crashed a reader, kept as a
# regression), runs it for the time given (default 60 s) within 2 GB, and prints a line per reader: the inputs run,
# the corpus size, and what was found. A finding (crash, leak, timeout, out of memory) is copied to
# Tests/fuzz/crashes/READER and fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
readers=("$@")
[ ${#readers[@]} -gt 0 ] || readers=(scan feedback profile costs schoolscan survey-csv survey-xlsx mapping invite pgaddress logbook indicators reactions)

# SwiftPM's own --sanitize leaves main to libFuzzer and instruments the C code (libyaml); -sanitize for swiftc
# instruments the Swift code too (without it, a pure-Swift reader runs unguided).
mkdir -p .build-fuzz
swift build -c release --scratch-path .build-fuzz --product lob-fuzz --sanitize fuzzer --sanitize address \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >.build-fuzz/build.log 2>&1 || {
    tail -40 .build-fuzz/build.log
    exit 1
}
fuzzer=.build-fuzz/release/lob-fuzz

# The seeds of each reader: committed files only, so that a run starts where the last one could.
seeds() {
    case "$1" in
        scan) echo docs/examples/scan.yaml docs/examples/team/najaar-2026/* Tests/Fixtures/hostile/scan/* ;;
        feedback) echo docs/examples/feedback/* docs/examples/team/feedback/* docs/examples/year/feedback/*/* ;;
        profile) echo Profiles/*.yaml Tests/Fixtures/hostile/profile/* ;;
        costs) echo Profiles/activities/*.yaml Tests/Fixtures/hostile/catalogue/* ;;
        schoolscan) echo docs/examples/schoolscan.yaml Tests/Fixtures/hostile/schoolscan/* ;;
        survey-csv) echo Tests/Fixtures/survey/*.csv Tests/Fixtures/hostile/survey/*.csv ;;
        survey-xlsx) echo Tests/Fixtures/survey/*.xlsx Tests/Fixtures/hostile/survey/*.xlsx ;;
        mapping) echo Tests/Fixtures/survey/mapping.yaml Tests/Fixtures/hostile/survey-mapping.yaml ;;
        invite) echo Tests/fuzz/seeds/invite/* ;;
        pgaddress) echo Tests/fuzz/seeds/pgaddress/* ;;
        logbook) echo docs/examples/year/logboeken/* ;;
        indicators) echo docs/examples/year/indicatoren-*.csv Tests/Fixtures/survey/*.csv ;;
        reactions) echo docs/examples/reacties.yaml ;;
    esac
}

status=0
for reader in "${readers[@]}"; do
    corpus=.build-fuzz/corpus/$reader
    crashes=Tests/fuzz/crashes/$reader
    findings=.build-fuzz/findings/$reader
    # Only this run's findings count: a kept one is already in $crashes.
    rm -rf "$findings"
    mkdir -p "$corpus" "$crashes" "$findings"
    for file in $(seeds "$reader") "$crashes"/*; do
        [ -f "$file" ] && cp "$file" "$corpus/seed-$(basename "$file")"
    done
    log=.build-fuzz/$reader.log
    set +e
    LOB_FUZZ_TARGET=$reader ASAN_OPTIONS=detect_leaks=0 "$fuzzer" "$corpus" -max_total_time="$seconds" \
        -rss_limit_mb=2048 -timeout=10 -max_len=262144 -artifact_prefix="$findings/" -print_final_stats=1 \
        >"$log" 2>&1
    code=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    found=$(ls "$findings" | wc -l)
    echo "fuzz $reader: $runs inputs in ${seconds}s, corpus $(ls "$corpus" | wc -l), findings $found (exit $code)"
    if [ "$found" -gt 0 ] || [ "$code" -ne 0 ]; then
        cp "$findings"/* "$crashes"/ 2>/dev/null || true
        tail -40 "$log"
        status=1
    fi
done
exit $status
