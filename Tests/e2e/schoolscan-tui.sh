#!/usr/bin/env bash
# End-to-end test of the schoolscan in a real terminal: tmux at 80×24, name the school, answer four aspects, kill
# the terminal, start again (it resumes at aspect 5), finish, and check what was stored.
# Usage: Tests/e2e/schoolscan-tui.sh [path/to/lob]   (needs tmux)
set -euo pipefail
cd "$(dirname "$0")/../.."
lob="$(realpath "${1:-.build/debug/lob}")"
work="$(mktemp -d)"
db="$work/lob.sqlite"
session="lob-school-$$"
# A tmux server of this script's own, kept alive by a session that waits: a new session never meets a server that is
# exiting after the last one closed ("server exited unexpectedly"), nor another script's.
tmux() { command tmux -L "$session" "$@"; }
tmux new-session -d -s keep "sleep 3600"
trap 'tmux kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
. Tests/e2e/tmux-lib.sh

start() {
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux new-session -d -s "$session" -x 80 -y 24 \
        "env -i HOME='$work' TERM=xterm-256color LANG=C.UTF-8 '$lob' schoolscan --db '$db'; echo \"EXIT:\$?\"; sleep 60"
}

start
wait_for "stap 1 van 3"
keys n "De Ring" Enter Enter
wait_for "aspect 1 van 12"
keys 2 2 1 2
wait_for "aspect 5 van 12"
tmux kill-session -t "$session"
count=$("$lob" schoolscan show --format json --db "$db" | grep -c '"current"' || true)
[ "$count" = 4 ] || fail "expected 4 stored aspects after the kill, found $count"

start
wait_for "aspect 5 van 12"
keys 2 3 2 2 1 2 2 1
wait_for "stap 3 van 3"
keys Enter
wait_for "EXIT:0"
json="$("$lob" schoolscan show --format json --db "$db")"
grep -q '"school" : "De Ring"' <<<"$json" || fail "school name not stored"
grep -q '"dominant" : "model2"' <<<"$json" || fail "dominant model not model2"
[ "$(grep -c '"current"' <<<"$json")" = 12 ] || fail "not all 12 aspects stored"
echo "schoolscan-tui: named, killed at aspect 5, resumed, finished; 12 aspects stored, model 2"
