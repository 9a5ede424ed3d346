#!/usr/bin/env python3
"""Makes the demo year's 360° feedback (docs/examples/year/feedback/<teacher>/*.yaml): invented, deterministic.

In the autumn (20 October 2026) the leidinggevende of seven teachers rates all behaviours of their profile, and for
four of them three colleagues do too: the first feedback. In March 2027, after the activities, the same raters rate
only the behaviours of each teacher's plan goals again: the follow-up (Kirkpatrick level 3, `moment: vervolg`).
The goals come from each teacher's plan as `lob plan --format json` makes it from his autumn scan.

Run from the repository root:  LOB=.build/debug/lob python3 docs/examples/year/make-feedback.py
The files are committed; make-year.sh reads them into each teacher's database before his logbook is written.
"""
import hashlib
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TEAM = os.path.join(HERE, "..", "team", "najaar-2026")
OUT = os.path.join(HERE, "feedback")
LOB = os.environ.get("LOB", "lob")
# The teachers with feedback, and whether colleagues gave it as well as the leidinggevende.
TEACHERS = {
    "ans-bakker": False, "bram-de-jong": True, "carla-visser": True, "dirk-smit": False, "esra-yilmaz": True,
    "fleur-mulder": False, "gert-bos": True,
}
COLLEAGUES = 3


def number(*parts):
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:8], 16)


def scan(teacher):
    """The teacher's name, profile and scores from his autumn scan file (the demo's own simple YAML)."""
    name, profile, scores = None, None, {}
    with open(os.path.join(TEAM, teacher + ".yaml"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("teacher:"):
                name = line.split(":", 1)[1].strip().strip('"')
            elif line.startswith("profile:"):
                profile = line.split(":", 1)[1].strip().strip('"')
            elif line.startswith('  "'):
                key, value = line.split(":", 1)
                value = value.split("#")[0].strip()
                if value.isdigit():
                    scores[key.strip().strip('"')] = int(value)
    return name, profile, scores


def goals(teacher):
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "lob.sqlite")
        subprocess.run([LOB, "scan", "--answers", os.path.join(TEAM, teacher + ".yaml"), "--db", db],
                       check=True, capture_output=True)
        plan = json.loads(subprocess.run([LOB, "plan", "--format", "json", "--db", db], check=True,
                                         capture_output=True).stdout)
    return [b["behaviour"] for goal in plan["goals"] for b in goal["behaviours"]]


def write(path, name, group, profile, date, moment, ratings):
    # From the file's own place in the demo, so the same on every machine.
    response = "demo-" + hashlib.sha256(os.path.relpath(path, OUT).encode()).hexdigest()[:16]
    lines = [
        "# LOB-spiegel feedback (formaatversie 1). Demo: verzonnen, gemaakt door make-feedback.py.",
        "formatVersion: 1",
        f'response: "{response}"',
        f'feedbackFor: "{name}"',
        f"group: {group}",
        f'profile: "{profile}"',
        f"date: {date}",
    ]
    if moment == "vervolg":
        lines.append("moment: vervolg")
    lines.append("ratings:")
    lines += [f'  "{b}": {v}' for b, v in ratings]
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def order(behaviour):
    return tuple(int(part) for part in behaviour.split("."))


for teacher, with_colleagues in TEACHERS.items():
    name, profile, scores = scan(teacher)
    goal_behaviours = goals(teacher)
    raters = [("leidinggevende", "leidinggevende")]
    if with_colleagues:
        raters += [(f"collega-{i}", "collega") for i in range(1, COLLEAGUES + 1)]
    for rater, group in raters:
        first = {}
        for behaviour in sorted(scores, key=order):
            # Others see a goal behaviour a little lower than the teacher himself, the rest about the same.
            shift = [-1, 0, 0, 1][number(teacher, rater, behaviour, "nul") % 4]
            if behaviour in goal_behaviours:
                shift = min(shift, 0)
            first[behaviour] = max(1, min(4, scores[behaviour] + shift))
        write(os.path.join(OUT, teacher, f"{rater}-nulmeting.yaml"), name, group, profile, "2026-10-20",
              "nulmeting", sorted(first.items(), key=lambda item: order(item[0])))
        # Some months later, on the goals only: mostly one level more often, sometimes no change.
        later = []
        for behaviour in sorted(goal_behaviours, key=order):
            if behaviour not in first:
                continue
            rise = 0 if number(teacher, rater, behaviour, "vervolg") % 3 == 0 else 1
            later.append((behaviour, min(4, first[behaviour] + rise)))
        write(os.path.join(OUT, teacher, f"{rater}-vervolg.yaml"), name, group, profile, "2027-03-10",
              "vervolg", later)
