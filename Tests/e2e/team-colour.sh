#!/usr/bin/env bash
# End-to-end test of the team report's heatmap in a real terminal: in tmux it is coloured (green, yellow, red
# backgrounds), with NO_COLOR or through a pipe it is not, and the same digits and marks are there either way.
# Usage: Tests/e2e/team-colour.sh [path/to/lob]   (needs tmux)
set -euo pipefail
cd "$(dirname "$0")/../.."
lob="$(realpath "${1:-.build/debug/lob}")"
work="$(mktemp -d)"
db="$work/lob.sqlite"
session="lob-team-$$"
# A tmux server of this script's own, kept alive by a session that waits: a new session never meets a server that is
# exiting after the last one closed ("server exited unexpectedly"), nor another script's.
tmux() { command tmux -L "$session" "$@"; }
tmux new-session -d -s keep "sleep 3600"
trap 'tmux kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

"$lob" team import docs/examples/team/najaar-2026 --team "Bouwtechniek bovenbouw" --round "najaar 2026" --db "$db" >/dev/null

# show ENV…: runs the report in a 200×300 tmux pane and captures it with its escape sequences.
show() {
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux new-session -d -s "$session" -x 200 -y 300 \
        "env -i HOME='$work' TERM=xterm-256color LANG=C.UTF-8 $* '$lob' team report --no-compare --db '$db'; echo EINDE; sleep 60"
    for _ in $(seq 100); do
        if tmux capture-pane -p -t "$session" -S 0 -E 299 | grep -q EINDE; then break; fi
        sleep 0.1
    done
    tmux capture-pane -p -e -t "$session" -S 0 -E 299
}

coloured="$(show)"
grep -q $'\e\\[30;42m' <<<"$coloured" || grep -q $'\e\\[42m' <<<"$coloured" || { echo "FAIL: no green cells in a terminal" >&2; exit 1; }
grep -q $'41m' <<<"$coloured" || { echo "FAIL: no red cells in a terminal" >&2; exit 1; }
plain="$(show NO_COLOR=1)"
if grep -q $'\e\\[4[123]m\|\e\\[30;4' <<<"$plain"; then echo "FAIL: colour despite NO_COLOR" >&2; exit 1; fi
grep -q "! = tot één niveau onder" <<<"$plain" || { echo "FAIL: no legend under NO_COLOR" >&2; exit 1; }
piped="$("$lob" team report --no-compare --db "$db")"
if grep -q $'\e' <<<"$piped"; then echo "FAIL: escape sequences in piped output" >&2; exit 1; fi
echo "team-colour: coloured in tmux, plain with NO_COLOR and in a pipe"
