#!/usr/bin/env python3
"""Writes the demo team's scan files (docs/examples/team/<round>/*.yaml): invented teachers, deterministic.

Run from the repository root: python3 docs/examples/team/make-demo.py. The files are committed; Exports/team-*
are made from them and kept current by ExportsTests.
"""
import os
import random

random.seed(20261124)
TEAM = "Bouwtechniek bovenbouw"
HERE = os.path.dirname(os.path.abspath(__file__))
COUNTS = {1: 8, 2: 10, 3: 7, 4: 5, 5: 4, 6: 5, 7: 5}
IDS = [f"{c}.{i}" for c, n in COUNTS.items() for i in range(1, n + 1)]
VAKDOCENT = [i for i in IDS if not i.startswith("1.")]  # vakdocent-model2 has no star for competency 1
LABELS = {1: "nog niet", 2: "soms / in ontwikkeling", 3: "meestal / bekwaam", 4: "altijd / kan het anderen leren"}

# name, consent, learning preference, profile, strength per competency (added to a base of 2.6)
TEACHERS = [
    ("Ans Bakker", "metNaam", "kunstAfkijken", "mentor-model2", {1: 1.2, 2: 0.9, 6: 0.2}),
    ("Bram de Jong", "metNaam", "oefenen", "mentor-model2", {1: 0.4, 2: -0.6, 3: 0.5, 6: -0.7}),
    ("Carla Visser", "metNaam", "participeren", "mentor-model2", {4: 1.0, 5: 1.0, 2: -0.4}),
    ("Dirk Smit", "metNaam", "oefenen", "mentor-model2", {1: -0.5, 2: -0.8, 6: 1.1}),
    ("Esra Yilmaz", "metNaam", "ontdekken", "mentor-model2", {3: 1.0, 7: 0.9, 2: -0.5, 6: -0.6}),
    ("Fleur Mulder", "metNaam", "kennisVerwerven", "vakdocent-model2", {3: 0.8, 2: -0.7, 6: -0.8}),
    ("Gert Bos", "anoniem", "oefenen", "mentor-model2", {2: -0.9, 6: -0.4, 5: 0.6}),
    ("Hanneke Vos", "anoniem", "kunstAfkijken", "mentor-model2", {1: 0.7, 2: -0.3, 6: -0.9}),
    ("Ilias El Amrani", "anoniem", "participeren", "vakdocent-model2", {7: 1.0, 2: -0.6, 4: -0.5}),
    ("Joost Peters", "prive", "ontdekken", "mentor-model2", {2: -1.0}),
]
# In the spring the team has had its training on competency 2 (the loopbaangesprek) and 6 in part.
GROWTH = {2: 0.8, 6: 0.35}
CAPPED = {"4.3", "6.5", "7.1"}


def scores(profile, strengths, growth, rng):
    ids = VAKDOCENT if profile == "vakdocent-model2" else IDS
    out = {}
    for i in ids:
        c = int(i.split(".")[0])
        value = 2.6 + strengths.get(c, 0) + growth.get(c, 0) + rng.uniform(-0.7, 0.7)
        out[i] = max(1, min(4, round(value)))
        # Nobody in the team masters these in the autumn: the report's coverage shows them.
        if i in CAPPED and not growth:
            out[i] = min(out[i], 2)
    return out


def write(folder, slug, name, consent, preference, profile, date, values, note=None):
    os.makedirs(folder, exist_ok=True)
    lines = [
        "# LOB-spiegel zelfscan (formaatversie 1). Zie docs/scan-file.md.",
        "# Demoteam van LOB-spiegel: verzonnen docenten, gemaakt door docs/examples/team/make-demo.py.",
        "formatVersion: 1",
        f'teacher: "{name}"',
        f'team: "{TEAM}"',
        f'profile: "{profile}"',
        f"date: {date}",
        f"consent: {consent}",
        "learningPreference:",
        f"  chosen: {preference}",
        "scores:",
    ]
    for i, v in values.items():
        if note and i == note[0]:
            lines.append(f'  "{i}": {{score: {v}, note: "{note[1]}"}}   # {LABELS[v]}')
        else:
            lines.append(f'  "{i}": {v}   # {LABELS[v]}')
    with open(os.path.join(folder, f"{slug}.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    for n, (name, consent, preference, profile, strengths) in enumerate(TEACHERS):
        slug = name.lower().replace(" ", "-")
        rng = random.Random(f"{name}-najaar")
        autumn = scores(profile, strengths, {}, rng)
        note = ("2.1", "Dit blijft privé: notities gaan nooit mee naar de teamvoorzitter.") if n == 0 else None
        write(os.path.join(HERE, "najaar-2026"), slug, name, consent, preference, profile, f"2026-10-{5 + n:02d}", autumn, note)
        if name == "Fleur Mulder":
            continue  # left the team over the winter
        rng = random.Random(f"{name}-voorjaar")
        spring = scores(profile, strengths, GROWTH, rng)
        if name == "Bram de Jong":
            # A first try, then a corrected scan a week later: the later one counts, the first stays as history.
            early = scores(profile, strengths, {}, random.Random("bram-early"))
            write(os.path.join(HERE, "voorjaar-2027"), f"{slug}-eerste-poging", name, consent, preference, profile, "2027-03-02", early)
            write(os.path.join(HERE, "voorjaar-2027"), slug, name, consent, preference, profile, "2027-03-09", spring)
        else:
            write(os.path.join(HERE, "voorjaar-2027"), slug, name, consent, preference, profile, f"2027-03-{3 + n:02d}", spring)


main()
