# Helpers for the tmux end-to-end tests; the sourcing script sets $session.

fail() { echo "FAIL: $*" >&2; echo "--- screen:" >&2; tmux capture-pane -p -t "$session" >&2 2>/dev/null || true; exit 1; }

# Waits until the screen shows the text (up to 15 s).
wait_for() {
    for _ in $(seq 150); do
        if tmux capture-pane -p -t "$session" 2>/dev/null | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    fail "the screen never showed '$1'"
}

keys() { for key in "$@"; do tmux send-keys -t "$session" "$key"; done; }
