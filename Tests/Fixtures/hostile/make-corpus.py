#!/usr/bin/env python3
"""Writes the hostile and malformed input corpus beside this script: one folder per kind of file LOB-spiegel reads
(scan, profile, catalogue, schoolscan). Every file must be refused with a clear message, quickly, without a crash
and without changing the database (Tests/lobTests/HostileInputTests.swift). Large files are made by the test itself.

    python3 Tests/Fixtures/hostile/make-corpus.py
"""
import os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ESC = "\x1b"
INTMAX = "9223372036854775807"

SCAN = """formatVersion: 1
teacher: "Jan de Vries"
profile: "loopbaanbegeleider-vmbo"
date: 2026-11-24
consent: anoniem
scores:
  "1.1": 3
"""
PROFILE = """formatVersion: 1
id: eigen
title: Eigen profiel
target: 3
behaviours: ["1.1", "1.2"]
"""
CATALOGUE = """formatVersion: 1
title: Eigen catalogus
forms:
  - id: cursus
    name: Cursus
    preferences: [kennisVerwerven]
    withWhom: een trainer
    hours: 8
    costPerParticipant: 300
"""
SCHOOLSCAN = """formatVersion: 1
school: "Het Baken"
schoolYear: 2026-2027
date: 2026-11-20
aspects:
  1: {current: model2}
"""
BASE = {"scan": SCAN, "profile": PROFILE, "catalogue": CATALOGUE, "schoolscan": SCHOOLSCAN}


def laughs(in_keys):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    if in_keys:
        lines.append("? *i\n: boom")
    return "\n".join(lines) + "\n"


def common(base):
    return {
        "empty.yaml": "",
        "only-comment.yaml": "# niets\n",
        "whitespace.yaml": "   \n\n\t\n",
        "binary.yaml": bytes(range(256)) * 4,
        "invalid-utf8.yaml": base.encode() + b"extra: \xff\xfe\xfd\n",
        "utf16.yaml": base.encode("utf-16"),
        "nul-byte.yaml": base.replace("formatVersion: 1", "formatVersion: 1\nnote: \"a\x00b\""),
        "laughs-in-keys.yaml": laughs(True),
        "laughs-in-values.yaml": laughs(False),
        "anchor-alias.yaml": base + "extra: &x 1\nmore: *x\n",
        "deep-flow.yaml": "a: " + "[" * 5000 + "]" * 5000 + "\n",
        "deep-flow-map.yaml": "a: " + "{b: " * 3000 + "1" + "}" * 3000 + "\n",
        "deep-block.yaml": "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "x: 1\n",
        "duplicate-key.yaml": base + base.splitlines()[1] + "\n",
        "complex-key.yaml": "? [a, b]\n: c\n",
        "tagged.yaml": base + "blob: !!binary aGVsbG8=\n",
        "root-list.yaml": "- 1\n- 2\n",
        "root-scalar.yaml": "hallo\n",
        "json-broken.json": '{"formatVersion": 1, "teacher": ',
        "unknown-key-escape.yaml": base + f'"{ESC}]0;titel{ESC}\\\\{ESC}[2J": 1\n',
        "unknown-key-yaml-escape.yaml": base + '"\\e]0;titel\\a\\e[2J\\u202Eevil": 1\n',
        "bidi-override.yaml": base + 'x: "\u202e' + 'gnp.exe"\n',
        "excel.yaml": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + b"\x00" * 200,
        "old-excel.yaml": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200,
        "version-huge.yaml": base.replace("formatVersion: 1", f"formatVersion: {INTMAX}"),
        "version-overflow.yaml": base.replace("formatVersion: 1", "formatVersion: 99999999999999999999999"),
        "quoted-version.yaml": base.replace("formatVersion: 1", 'formatVersion: "1"'),
        "many-faults.yaml": base + "".join(f"onbekend{i}: {i}\n" for i in range(30)),
        "long-line.yaml": base + "x: " + "a" * 20000 + "\n",
        "crlf-garbage.yaml": "formatVersion: 1\r\n\r\n\x0c\x0b:\r\n",
    }


SPECIFIC = {
    "scan": {
        "score-intmax.yaml": SCAN.replace('"1.1": 3', f'"1.1": {INTMAX}'),
        "score-negative.yaml": SCAN.replace('"1.1": 3', '"1.1": -1'),
        "score-quoted.yaml": SCAN.replace('"1.1": 3', '"1.1": "3"'),
        "score-float.yaml": SCAN.replace('"1.1": 3', '"1.1": 2.5'),
        "score-inf.yaml": SCAN.replace('"1.1": 3', '"1.1": .inf'),
        "date-impossible.yaml": SCAN.replace("2026-11-24", "2026-02-30"),
        "date-huge.yaml": SCAN.replace("2026-11-24", f"{INTMAX}-01-01"),
        # Int() takes a sign: these were read as 2026-01-05, the year 26 and the year 0.
        "date-sign.yaml": SCAN.replace("2026-11-24", "2026-+1-05"),
        "date-signed-year.yaml": SCAN.replace("2026-11-24", "+026-11-24"),
        "date-year-zero.yaml": SCAN.replace("2026-11-24", "0000-01-01"),
        "portrait-huge.yaml": SCAN + f"portraitPosition: {INTMAX}\n",
        "teacher-escape.yaml": SCAN.replace('"Jan de Vries"', f'"Jan{ESC}[2J{ESC}]0;pwned\\u0007"'),
        "teacher-yaml-escape.yaml": SCAN.replace('"Jan de Vries"', '"Jan\\e[2J\\e]0;pwned\\a"'),
        "note-yaml-escape.yaml": SCAN.replace('"1.1": 3', '"1.1": {score: 3, note: "\\e[2J\\e]8;;http://x\\e\\\\klik"}'),
        "teacher-newline.yaml": SCAN.replace('"Jan de Vries"', '"Jan\\n# Kop\\n| x | y |"'),
        "teacher-huge.yaml": SCAN.replace('"Jan de Vries"', '"' + "J" * 10000 + '"'),
        "note-huge.yaml": SCAN.replace('"1.1": 3', '"1.1": {score: 3, note: "' + "n" * 30000 + '"}'),
        "consent-unknown.yaml": SCAN.replace("anoniem", "iedereen"),
        "behaviour-unknown.yaml": SCAN.replace('"1.1"', '"9.9"'),
        "scores-list.yaml": SCAN.replace('  "1.1": 3', '  - 3'),
        "preference-huge.yaml": SCAN + f"learningPreference:\n  answers:\n    ka1: {INTMAX}\n",
    },
    "profile": {
        "target-huge.yaml": PROFILE.replace("target: 3", f"target: {INTMAX}"),
        "weight-huge.yaml": PROFILE + "weights: {1: 1e308}\n",
        "weight-inf.yaml": PROFILE + "weights: {1: .inf}\n",
        "weight-nan.yaml": PROFILE + "weights: {1: .nan}\n",
        "weight-negative.yaml": PROFILE + "weights: {1: -2}\n",
        "weight-competency-huge.yaml": PROFILE + f"weights: {{{INTMAX}: 1}}\n",
        "id-yaml-escape.yaml": PROFILE.replace("id: eigen", 'id: "eigen\\e[2J"'),
        "id-escape.yaml": PROFILE.replace("id: eigen", f'id: "eigen{ESC}[2J"'),
        "behaviours-many.yaml": PROFILE.replace('["1.1", "1.2"]', "[" + ",".join(f'"x{i}"' for i in range(2000)) + "]"),
        "behaviour-unknown.yaml": PROFILE.replace('"1.2"', '"9.9"'),
        "role-unknown.yaml": PROFILE + "role: koning\n",
    },
    "catalogue": {
        "hours-huge.yaml": CATALOGUE.replace("hours: 8", "hours: 1e308"),
        "hours-negative.yaml": CATALOGUE.replace("hours: 8", "hours: -8"),
        "cost-huge.yaml": CATALOGUE.replace("costPerParticipant: 300", "costPerParticipant: 1e308"),
        "cost-group-huge.yaml": CATALOGUE + "    costPerGroup: 1e308\n    maxGroupSize: 10\n",
        "group-intmax.yaml": CATALOGUE + f"    maxGroupSize: {INTMAX}\n",
        "group-zero.yaml": CATALOGUE + "    maxGroupSize: 0\n",
        "effect-huge.yaml": CATALOGUE + "    effect: 1e308\n",
        "effect-nan.yaml": CATALOGUE + "    effect: .nan\n",
        "period-month-intmax.yaml": CATALOGUE + f"schoolYear:\n  periods:\n    - {{name: p, from: {INTMAX}, to: 11}}\n",
        "period-month-huge-to.yaml": CATALOGUE + f"schoolYear:\n  periods:\n    - {{name: p, from: 9, to: {INTMAX}}}\n",
        "period-month-negative.yaml": CATALOGUE + "schoolYear:\n  periods:\n    - {name: p, from: -9223372036854775807, to: 2}\n",
        "name-yaml-escape.yaml": CATALOGUE.replace("name: Cursus", 'name: "Cursus\\e]8;;http://x\\e\\\\klik"'),
        "name-escape.yaml": CATALOGUE.replace("name: Cursus", f'name: "Cursus{ESC}]8;;http://x{ESC}\\\\klik{ESC}]8;;{ESC}\\\\"'),
        "forms-empty.yaml": "formatVersion: 1\ntitle: Leeg\nforms: []\n",
    },
    "schoolscan": {
        "year-intmax.yaml": SCHOOLSCAN.replace("2026-2027", f"{INTMAX}-1"),
        "year-reversed.yaml": SCHOOLSCAN.replace("2026-2027", "2027-2026"),
        "year-far.yaml": SCHOOLSCAN.replace("2026-2027", "9999-10000"),
        "aspect-huge.yaml": SCHOOLSCAN.replace("  1: {current: model2}", f"  {INTMAX}: {{current: model2}}"),
        "aspect-model-unknown.yaml": SCHOOLSCAN.replace("model2", "model9"),
        "school-yaml-escape.yaml": SCHOOLSCAN.replace('"Het Baken"', '"Het Baken\\e[31m\\e[2J"'),
        "school-escape.yaml": SCHOOLSCAN.replace('"Het Baken"', f'"Het Baken{ESC}[31m"'),
        "date-impossible.yaml": SCHOOLSCAN.replace("2026-11-20", "2026-13-45"),
    },
}

for kind, base in BASE.items():
    folder = os.path.join(HERE, kind)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for name, content in {**common(base), **SPECIFIC[kind]}.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)
    print(kind, len(os.listdir(folder)))
