#!/usr/bin/env bash
# End-to-end test of the terminal UI: drives the real `lob scan` in tmux at 80×24 on a fresh database,
# answers some behaviours, kills the terminal, starts again, resumes, finishes, and checks the stored scan.
# Usage: Tests/e2e/scan-tui.sh [path/to/lob]   (needs tmux and sqlite3)
set -euo pipefail
cd "$(dirname "$0")/../.."
lob="$(realpath "${1:-.build/debug/lob}")"
work="$(mktemp -d)"
db="$work/lob.sqlite"
session="lob-e2e-$$"
# A tmux server of this script's own, kept alive by a session that waits: a new session never meets a server that is
# exiting after the last one closed ("server exited unexpectedly"), nor another script's.
tmux() { command tmux -L "$session" "$@"; }
tmux new-session -d -s keep "sleep 3600"
trap 'tmux kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
. Tests/e2e/tmux-lib.sh

start() {
    tmux new-session -d -s "$session" -x 80 -y 24 \
        "env -i HOME='$work' TERM=xterm-256color LANG=C.UTF-8 '$lob' scan --db '$db'; echo \"EXIT:\$?\"; sleep 60"
}

repeat() { for _ in $(seq "$2"); do tmux send-keys -t "$session" "$1"; done; }
sql() { sqlite3 "$db" "$1"; }

echo "e2e: first start on a fresh database"
start
wait_for "stap 1 van 5"
keys "Joëlle" Enter Enter "Bouw & Wonen" Enter Enter Enter Enter
wait_for "Twee portretten"
keys 6 Enter
wait_for "vraag 1 van 44"
keys 3 4 2 3 1
wait_for "vraag 6 van 44"

echo "e2e: kill the terminal halfway"
tmux kill-session -t "$session"
sleep 0.5
[ "$(sql 'SELECT COUNT(*) FROM answer')" = 5 ] || fail "expected 5 stored answers, found $(sql 'SELECT COUNT(*) FROM answer')"
[ "$(sql 'SELECT finished FROM scan')" = 0 ] || fail "the scan should be unfinished"
[ "$(stat -c %a "$db")" = 600 ] || fail "the database should be private (0600)"

echo "e2e: start again and resume"
start
wait_for "nog niet af"
wait_for "5 van 44 gedragskenmerken beantwoord"
keys v
wait_for "vraag 6 van 44"
repeat 3 39
wait_for "stelling 1 van 15"
repeat 2 12
repeat 4 3
wait_for "Jouw leervoorkeur"
keys Enter
wait_for "Je uitslag: 44 van 44"
keys q
wait_for "EXIT:0"
tmux capture-pane -p -t "$session" | grep -F "Scan 1 is klaar" >/dev/null || fail "no closing message after the terminal was restored"

echo "e2e: check the stored scan"
[ "$(sql 'SELECT COUNT(*) FROM scan')" = 1 ] || fail "expected one scan"
[ "$(sql "SELECT teacher || '|' || team || '|' || finished || '|' || portraitPosition FROM scan")" = "Joëlle|Bouw & Wonen|1|6" ] \
    || fail "scan row: $(sql 'SELECT teacher, team, finished, portraitPosition FROM scan')"
[ "$(sql "SELECT group_concat(score, '') FROM (SELECT score FROM answer ORDER BY position LIMIT 6)")" = 342313 ] \
    || fail "first answers: $(sql "SELECT group_concat(score, '') FROM answer")"
[ "$(sql 'SELECT COUNT(*) FROM answer WHERE score IS NOT NULL')" = 44 ] || fail "expected 44 answers"
[ "$(sql 'SELECT COUNT(*) FROM preferenceAnswer')" = 15 ] || fail "expected 15 preference answers"
report="$("$lob" report --latest --db "$db")"
grep -qF "ZELFSCAN VAN JOËLLE" <<<"$report" || fail "lob report does not show the scan"
tmux kill-session -t "$session"
sleep 0.5

echo "e2e: colours, and none with NO_COLOR"
start_with() {
    tmux new-session -d -s "$session" -x 80 -y 24 "env -i HOME='$work' TERM=xterm-256color LANG=C.UTF-8 $1 '$lob' scan --db '$db'; sleep 60"
}
start_with ""
wait_for "stap 1 van 5"
screen="$(tmux capture-pane -e -p -t "$session")"
grep -qE $'\e\\[4[0-7]m' <<<"$screen" || fail "expected background colours on a colour terminal"
tmux kill-session -t "$session"
sleep 0.5
start_with "NO_COLOR=1"
wait_for "stap 1 van 5"
screen="$(tmux capture-pane -e -p -t "$session")"
if grep -qE $'\e\\[(3[0-7]|4[0-7])m' <<<"$screen"; then fail "colours despite NO_COLOR"; fi
grep -qF $'\e[7m' <<<"$screen" || fail "expected reverse video for the title bar without colours"
tmux kill-session -t "$session"
sleep 0.5

echo "e2e: SIGTERM restores the terminal"
start
wait_for "stap 1 van 5"
pkill -TERM -f "scan --db $db"
wait_for "EXIT:143"
if tmux capture-pane -p -t "$session" | grep -F "stap 1 van 5" >/dev/null; then fail "the full screen is still shown after SIGTERM"; fi
tmux kill-session -t "$session"
echo "e2e: terminal UI passed"
