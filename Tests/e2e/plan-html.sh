#!/usr/bin/env bash
# Checks the HTML scholingsplan in a real browser: headless Chromium renders Exports/plan-example.html to a PNG
# (A4 at 150 dpi) and to a PDF; the PNG must show the page (enough ink, the heading colour, the radar chart's
# colours) and the PDF must print on a few A4 pages. Usage: Tests/e2e/plan-html.sh [file.html]   (needs chromium)
set -euo pipefail
cd "$(dirname "$0")/../.."
html="$(realpath "${1:-Exports/plan-example.html}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
browser=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile")

"${browser[@]}" --screenshot="$work/plan.png" --window-size=1240,1754 "file://$html" >/dev/null 2>&1
"${browser[@]}" --no-pdf-header-footer --print-to-pdf="$work/plan.pdf" "file://$html" >/dev/null 2>&1

python3 - "$work/plan.png" "$work/plan.pdf" <<'PY'
import re, sys
sys.path.insert(0, "Tests/e2e")
from pixels import pixels, near as near_in

width, height, rows = pixels(sys.argv[1])
assert (width, height) == (1240, 1754), f"screenshot is {width}×{height}"
flat = [p for row in rows for p in row]
ink = sum(1 for r, g, b in flat if r + g + b < 600) / len(flat)
def near(colour, tolerance=40):
    return near_in(flat, colour, tolerance)
heading, target = near((0x16, 0x42, 0x5b), 20), near((0xc0, 0x39, 0x2b), 45)
print(f"plan-html: {width}×{height}, {ink:.1%} ink, {heading} heading-blue pixels, {target} red target-line pixels")
assert ink > 0.03, "the page looks blank"
assert heading > 500, "no heading or radar colour: the styles did not apply"
assert target > 100, "the radar chart's target line is missing"

pdf = open(sys.argv[2], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf))
print(f"plan-html: PDF of {pages} pages, media boxes {sorted(s.decode() for pair in sizes for s in pair)}")
assert 2 <= pages <= 8, f"expected a few A4 pages, got {pages}"
assert all(abs(float(w) - 595.9) < 2 and abs(float(h) - 842.9) < 2 for w, h in sizes), "pages are not A4"
PY
echo "plan-html: rendered in Chromium"
