#!/usr/bin/env python3
"""Reads the spreadsheet CSVs of Exports/ as Dutch Excel (nl-NL) opens a .csv by double-click, and checks what a user
would see: UTF-8 taken from the byte order mark, ';' as list separator, every row the same number of cells, a
decimal comma read as a number, '="2.10"' read as the text 2.10, and no text that Excel would take for a date.
A file with no figures (a list of names and texts) is named with "=text": then it must hold no number either.
Usage: python3 Tests/e2e/csv-excel.py Exports/team-report.csv Exports/budget-example.csv Exports/team-pairs.csv=text"""
import csv, io, re, sys

def excel_cell(raw):
    """What Dutch Excel makes of one field: (kind, value)."""
    if raw.startswith('="') and raw.endswith('"'):
        return "tekst", raw[2:-1]
    if re.fullmatch(r"-?\d+", raw):
        return "getal", int(raw)
    if re.fullmatch(r"-?\d+,\d+", raw):
        return "getal", float(raw.replace(",", "."))
    if re.fullmatch(r"\d{1,2}[.\-/]\d{1,2}([.\-/]\d{2,4})?", raw):
        return "datum", raw  # what Excel would turn into a date
    return "tekst", raw

failed = False
for argument in sys.argv[1:]:
    path, _, expected = argument.partition("=")
    data = open(path, "rb").read()
    assert data.startswith(b"\xef\xbb\xbf"), f"{path}: no UTF-8 byte order mark: Excel would read it as Windows-1252"
    text = data[3:].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    widths = {len(row) for row in rows}
    cells = [[excel_cell(field) for field in row] for row in rows[1:]]
    dates = [(r, c) for r, row in enumerate(cells) for c, (kind, _) in enumerate(row) if kind == "datum"]
    numbers = sum(1 for row in cells for kind, _ in row if kind == "getal")
    print(f"csv-excel: {path}: {len(rows) - 1} rows × {len(rows[0])} columns, {numbers} numbers, {len(dates)} dates")
    for row in rows[:3]:
        print("  | " + " | ".join(f"{kind}:{value}" for kind, value in (excel_cell(f) for f in row)))
    if len(widths) != 1 or dates or "Ã" in text or (numbers > 0 if expected == "text" else numbers == 0):
        print(f"csv-excel: {path}: FAIL (row widths {sorted(widths)}, dates at {dates[:3]})")
        failed = True
sys.exit(1 if failed else 0)
