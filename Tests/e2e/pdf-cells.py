#!/usr/bin/env python3
"""Every row of figures of an HTML document is whole on its printed PDF: what Chromium clips at the page edge is
simply absent from the PDF's text, so counting lines or pages cannot see it.

    python3 Tests/e2e/pdf-cells.py DOCUMENT.html DOCUMENT.pdf

A row of a printed table whose cells are all short (ids and figures, which do not wrap) must be found on one line of
the PDF's text (pdftotext -layout): its cells' words in order, from the first cell to the last. A row cut at the
page edge misses its last cells. A header (repeated on every page, and in each column of a two-column table) must be
whole wherever it is printed: on each line that holds its words, each time its first word stands there, the first
word of each of its cells follows before the next (a clipped second copy lacks its last ones). Tables hidden from print (the screen reader's copy of a chart) are left out. Prints the
rows not found and exits 1. It also fails a print scaled down: Chromium shrinks every page when something on it is
wider than the paper, and the body text (10 pt, words about 11.6 pt high) then comes out smaller than 9 pt.
"""
import html.parser
import re
import subprocess
import sys

SHORT = 14


class Rows(html.parser.HTMLParser):
    """The body rows of every table not hidden from print, as lists of cell texts."""

    def __init__(self):
        super().__init__()
        self.rows = []
        self.stack = []
        self.row = None
        self.cell = None
        self.head = False
        self.headers = []

    def hidden(self):
        return any(hidden for _, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        hidden = "values" in classes or "visually-hidden" in classes or tag in ("caption", "script", "style")
        if tag == "thead":
            self.head = True
        self.stack.append((tag, hidden))
        if tag == "tr" and not self.hidden():
            self.row = []
        elif tag in ("th", "td") and self.row is not None and not self.hidden():
            self.cell = ""

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag in ("th", "td") and self.cell is not None and self.row is not None:
                self.row.append(" ".join(self.cell.split()))
                self.cell = None
            if open_tag == "tr" and self.row is not None:
                if self.row:
                    (self.headers if self.head else self.rows).append(self.row)
                self.row = None
            if open_tag == "thead":
                self.head = False
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def tokens(text):
    # pdftotext writes "0 · 1 · 3 · 1" as "0·1·3·1" where the spaces are narrow.
    return [t for t in re.split(r"[\s·]+", text) if t]


def contains(line, wanted):
    """Whether the tokens `wanted` appear in `line` in this order (other tokens may stand between)."""
    position = 0
    for token in wanted:
        try:
            position = line.index(token, position) + 1
        except ValueError:
            return False
    return True


def main():
    page, pdf = sys.argv[1], sys.argv[2]
    parser = Rows()
    parser.feed(open(page, encoding="utf-8").read())
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    lines = [tokens(line) for line in text.split("\n")]
    checked, missing = 0, []
    for row in parser.rows:
        if len(row) < 2 or any(len(cell) > SHORT for cell in row):
            continue
        checked += 1
        wanted = [t for cell in row for t in tokens(cell)]
        if not any(contains(line, wanted) for line in lines):
            missing.append(" | ".join(row))
    for header in parser.headers:
        wanted = [tokens(cell)[0] for cell in header if tokens(cell)]
        if len(wanted) < 2:
            continue
        checked += 1
        for line in lines:
            # A line that is this header (its words on it, in order), not a sentence that uses some of them.
            if not contains(line, wanted):
                continue
            starts = [i for i, token in enumerate(line) if token == wanted[0]] + [len(line)]
            if any(not contains(line[a:b], wanted) for a, b in zip(starts, starts[1:])):
                missing.append("header " + " | ".join(header))
                break
    boxes = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    heights = sorted(float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes))
    typical = heights[len(heights) // 2] if heights else 0
    if typical < 9:
        missing.append(f"printed scaled down: words {typical:.1f} pt high, expected about 11.6")
    if missing:
        print(f"{len(missing)} problem(s) with {checked} rows on the print: " + "; ".join(missing[:5]))
        sys.exit(1)
    print(f"{checked} rows of figures whole on the print")


if __name__ == "__main__":
    main()
