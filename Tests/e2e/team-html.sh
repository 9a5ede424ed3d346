#!/usr/bin/env bash
# Checks the HTML team report in a real browser: headless Chromium renders Exports/team-report.html to a PNG; the
# heatmap must show its three colours (target met, one level below, two or more below) and the page must print.
# Usage: Tests/e2e/team-html.sh [file.html]   (needs chromium)
set -euo pipefail
cd "$(dirname "$0")/../.."
html="$(realpath "${1:-Exports/team-report.html}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
browser=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile")

"${browser[@]}" --screenshot="$work/team.png" --window-size=1240,3000 "file://$html" >/dev/null 2>&1
"${browser[@]}" --no-pdf-header-footer --print-to-pdf="$work/team.pdf" "file://$html" >/dev/null 2>&1

python3 - "$work/team.png" "$work/team.pdf" <<'PY'
import re, sys
sys.path.insert(0, "Tests/e2e")
from pixels import pixels, near

width, height, rows = pixels(sys.argv[1])
flat = [p for row in rows for p in row]
met, below, far = near(flat, (0x8f, 0xd1, 0x9e), 12), near(flat, (0xff, 0xd9, 0x66), 12), near(flat, (0xf0, 0x8c, 0x84), 12)
print(f"team-html: {width}×{height}, heatmap pixels: {met} green, {below} yellow, {far} red")
assert met > 20000, "the heatmap's green cells are missing"
assert below > 5000, "the heatmap's yellow cells are missing"
assert far > 200, "the heatmap's red cells are missing"
pdf = open(sys.argv[2], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
print(f"team-html: PDF with {pages} A4 page(s)")
assert 1 <= pages <= 12, f"unexpected page count {pages}"
PY
