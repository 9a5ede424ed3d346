#!/usr/bin/env bash
# Benchmark for issue "terminal UI": rendering a 200×60 frame and handling a key, next to filling a bare
# 200×60 buffer as the reference, in one release run. Prints median and p99 in microseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
swift run -c release lob-bench tui
