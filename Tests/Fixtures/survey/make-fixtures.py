#!/usr/bin/env python3
"""Writes survey exports beside this script, shaped as each tool writes them, and `expected.json` with what each
row must become. `mapping.yaml` is `lob import survey --template` (a test keeps it current); the tools' own columns
(timestamps, e-mail, IDs) come along as they do in a real export.

- google.csv: Google Forms "Download responses (.csv)": UTF-8, commas, a grid question ("Vraag [rij]"),
  "Tijdstempel" as 24-11-2026 10:15:03 (Dutch setting).
- excel-nl.csv: the same answers opened and saved by Dutch Excel as "CSV (gescheiden door lijstscheidingsteken)":
  semicolons, Windows-1252, a remark with a line break in quotes, CRLF line ends.
- excel-utf8.csv: Dutch Excel's "CSV UTF-8": a byte order mark and semicolons.
- limesurvey.csv: LimeSurvey "Export responses" with full question texts: every field quoted, commas,
  "Datum verstuurd" as 2026-11-24 10:15:03.
- forms.xlsx: Microsoft Forms "Open in Excel": shared strings, "Tijd van voltooien" as an Excel day number.
- bad.csv: rows with an unknown answer, no name, no consent choice and a control character in a name.

    python3 Tests/Fixtures/survey/make-fixtures.py
"""
import csv
import io
import json
import os
import random
import re
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
mapping = open(os.path.join(HERE, "mapping.yaml"), encoding="utf-8").read()
behaviours = re.findall(r'^  "(\d\.\d+)": "(.*)"$', mapping, re.M)
levels = ["Nog niet", "Soms / in ontwikkeling", "Meestal / bekwaam", "Altijd / kan het anderen leren"]
skip = "Sla ik over"
consent = {
    "prive": "Privé: alleen voor jezelf",
    "anoniem": "Anoniem: telt anoniem mee in de teamcijfers",
    "metNaam": "Met naam: de teamvoorzitter mag hem met je naam zien",
}
people = [
    ("Ans Bakker", "metNaam", "2026-11-24"),
    ("Bram de Jong", "anoniem", "2026-11-25"),
    ("Chloë Ëlmers", "anoniem", "2026-11-25"),
    ("Dirk Smit", "prive", "2026-11-26"),
    ("=HYPERLINK(\"http://x\")", "metNaam", "2026-11-27"),
]
rng = random.Random(2026)
answers = []
for name, choice, date in people:
    picked = {}
    for behaviour, _ in behaviours:
        value = rng.choice([1, 2, 3, 4, 4, 3, None])
        picked[behaviour] = value
    answers.append((name, choice, date, picked))

expected = [{"row": i + 2, "teacher": n, "consent": c, "date": d, "scores": {b: v for b, v in s.items() if v}}
            for i, (n, c, d, s) in enumerate(answers)]
with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as out:
    json.dump(expected, out, ensure_ascii=False, indent=1, sort_keys=True)
    out.write("\n")


def text(value):
    return skip if value is None else levels[value - 1]


def dmy(date, time="10:15:03"):
    y, m, d = date.split("-")
    return f"{d}-{m}-{y} {time}"


# Google Forms: the behaviours as one grid question, so each column is "Vraag [rij]".
grid = "Hoe vaak doe je dit?"
header = ["Tijdstempel", "E-mailadres", "Je naam", "Wie mag je scan zien?"] + [f"{grid} [{t}]" for _, t in behaviours]
rows = [[dmy(d), f"collega{i}@school.nl", n, consent[c]] + [text(s[b]) for b, _ in behaviours]
        for i, (n, c, d, s) in enumerate(answers)]
with open(os.path.join(HERE, "google.csv"), "w", encoding="utf-8", newline="") as out:
    csv.writer(out, lineterminator="\r\n").writerows([header] + rows)

# Dutch Excel: the plain question texts, a free remark with a line break, semicolons, Windows-1252, CRLF.
header = ["Tijdstempel", "Je naam", "Wie mag je scan zien?"] + [t for _, t in behaviours] + ["Opmerking"]
rows = [[dmy(d, "10:15"), n, consent[c]] + [text(s[b]) for b, _ in behaviours] + [f"Eerste regel; met \"aanhalingstekens\"\nTweede regel van {n}"]
        for n, c, d, s in answers]
buffer = io.StringIO()
csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([header] + rows)
open(os.path.join(HERE, "excel-nl.csv"), "wb").write(buffer.getvalue().encode("cp1252"))
open(os.path.join(HERE, "excel-utf8.csv"), "wb").write(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))

# LimeSurvey: every field quoted, its own columns first.
header = ["Antwoord ID", "Datum verstuurd", "Laatste pagina", "Starttaal", "Je naam", "Wie mag je scan zien?"] + [
    t for _, t in behaviours]
rows = [[str(i + 1), f"{d} 10:15:03", "3", "nl", n, consent[c]] + [text(s[b]) for b, _ in behaviours]
        for i, (n, c, d, s) in enumerate(answers)]
with open(os.path.join(HERE, "limesurvey.csv"), "w", encoding="utf-8", newline="") as out:
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows([header] + rows)


# Microsoft Forms: ID, Begintijd, Tijd van voltooien, E-mail, Naam, Laatst gewijzigd, then the questions.
def serial(date, fraction=0.43):
    y, m, d = map(int, date.split("-"))
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days + fraction


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


header = ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Laatst gewijzigd", "Je naam",
          "Wie mag je scan zien?"] + [t for _, t in behaviours]
table = [header] + [[i + 1, serial(d, 0.41), serial(d), "anoniem", "", "", n, consent[c]] +
                    [text(s[b]) for b, _ in behaviours] for i, (n, c, d, s) in enumerate(answers)]
strings = []
def shared(value):
    if value not in strings:
        strings.append(value)
    return strings.index(value)
def escape(value):
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
sheet_rows = []
for r, row in enumerate(table, start=1):
    cells = []
    for c, value in enumerate(row):
        ref = f"{column(c)}{r}"
        if value == "":
            continue
        if isinstance(value, (int, float)):
            cells.append(f'<c r="{ref}" s="1"><v>{value}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>')
    sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Form1" sheetId="1" r:id="rId3"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main}" xmlns:r="{rel}"><sheetData>{"".join(sheet_rows)}</sheetData></worksheet>',
}
parts["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                                 + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
with zipfile.ZipFile(os.path.join(HERE, "forms.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    for name, content in parts.items():
        info = zipfile.ZipInfo(name, date_time=(2026, 11, 24, 10, 15, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, content)

# Bad rows: row 3 an unknown answer, row 4 no name, row 5 no consent choice, row 6 an escape in the name.
header = ["Tijdstempel", "Je naam", "Wie mag je scan zien?"] + [t for _, t in behaviours]
good = [text(v) for v in answers[0][3].values()]
rows = [
    [dmy("2026-11-24"), "Ans Bakker", consent["metNaam"]] + good,
    [dmy("2026-11-24"), "Bram de Jong", consent["anoniem"]] + ["Vaak"] + good[1:],
    [dmy("2026-11-24"), "", consent["anoniem"]] + good,
    [dmy("2026-11-24"), "Chloë Ëlmers", ""] + good,
    [dmy("2026-11-24"), "Dirk\x1b[31m Smit", consent["anoniem"]] + good,
]
with open(os.path.join(HERE, "bad.csv"), "w", encoding="utf-8", newline="") as out:
    csv.writer(out, lineterminator="\n").writerows([header] + rows)
