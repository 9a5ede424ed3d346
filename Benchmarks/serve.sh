#!/usr/bin/env bash
# Benchmark for issue "lob serve": 200 colleagues answering at once (44 answers each) through `lob serve`, from a
# second process over loopback. Prints answers per second and the p50/p99 latency of saving one answer beside a static
# page of the same server in the same run, then checks that no acknowledged answer is lost and that SQLite finds the
# database whole. Takes a few minutes for the release build, then about 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product lob
swift run -c release lob-bench serve
