#!/usr/bin/env bash
# Benchmark for issue "team view": a school board of 5,000 teachers in 400 teams, 3 rounds (660,000 scores):
# import, one team's report and the board-wide aggregate, each next to the sqlite3 shell on the same database in the
# same run, with the ratios; and the training budget for the whole board (issue "budget": under 2 s).
# Needs sqlite3 (apt-get install -y sqlite3). Takes about 15 s after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
swift run -c release lob-bench board
