#!/usr/bin/env bash
# Prints every Exports HTML document to A4 PDF in headless Chromium, as a school prints it, and reads the PDF back
# (pdfinfo, pdftotext): A4 pages, a footer with title, "LOB-spiegel", version and "pagina k van n" on every page,
# no page that holds only a heading or a few lines, at most the pages the document should need, and every row of
# figures and every table header whole on the paper (pdf-cells.py: Chromium clips what runs past the page edge).
# Usage: Tests/e2e/print-pdf.sh [Exports]   (needs chromium and poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/../.."
folder="$(realpath "${1:-Exports}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The most pages each demo document should take (before issue 16: team report 9, plan 6, team plan 5, budget 2).
# The 360° report lists all 44 behaviours with five figures each, the readings and the remarks: 7 pages.
# The team report's two-column table of figures ran past the page edge and lost its right side to the clip; whole,
# it takes a seventh page. Until then, the screen reader's copy of each chart (one long line, out of sight) was the
# widest thing on the page, and Chromium scaled every printed page down to fit it: the plan on 3 pages and the team
# plan on 3 were in smaller type than designed. At their real size they take 5 and 4. The team plan shows what the
# team did of it (issue 31, a table of its activities done): 5.
declare -A most=([team-report]=7 [plan-example]=5 [team-plan]=5 [budget-example]=2 [report-example]=5 [schoolscan-example]=3
    [feedback-example]=7)

status=0
for html in "$folder"/*.html; do
    name="$(basename "$html" .html)"
    # The blank form and the page of reactions are no documents but pages to answer (form-browser.py answers them).
    [[ "$name" == zelfscan* || "$name" == reacties* ]] && continue
    pdf="$work/$name.pdf"
    chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --no-pdf-header-footer \
        --print-to-pdf="$pdf" "file://$html" >/dev/null 2>&1
    pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
    size="$(pdfinfo "$pdf" | awk '/^Page size:/ {print $3 "x" $5}')"
    problems=()
    [[ "$size" == 595.* || "$size" == 594.* ]] && [[ "$size" == *x841.* || "$size" == *x842.* ]] ||
        problems+=("not A4 ($size pt)")
    cells="$(python3 Tests/e2e/pdf-cells.py "$html" "$pdf")" || problems+=("$cells")
    limit="${most[$name]:-4}"
    ((pages <= limit)) || problems+=("$pages pages, expected at most $limit")
    for ((page = 1; page <= pages; page++)); do
        text="$(pdftotext -layout -f "$page" -l "$page" "$pdf" -)"
        grep -q "LOB-spiegel [0-9.]* · pagina $page van $pages" <<<"$text" || problems+=("page $page: no footer")
        # Lines of content: everything but the footer line.
        lines="$(grep -v "LOB-spiegel [0-9.]* · pagina" <<<"$text" | grep -c '[[:alnum:]]' || true)"
        if ((page < pages && lines < 12)) || ((lines < 4)); then
            problems+=("page $page holds only $lines lines")
        fi
    done
    if ((${#problems[@]})); then
        printf 'print-pdf: %-20s %d page(s): FAIL: %s\n' "$name" "$pages" "$(IFS=';'; echo "${problems[*]}")"
        status=1
    else
        printf 'print-pdf: %-20s %d page(s), A4, footer on every page\n' "$name" "$pages"
    fi
done
exit $status
