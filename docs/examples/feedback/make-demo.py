#!/usr/bin/env python3
"""Writes the demo feedback about Jan de Vries (docs/examples/scan.yaml): four colleagues and his leidinggevende,
as the feedback form saves them. Invented, deterministic (seeded), and shaped to show what the report shows: blind
spots, hidden strengths, agreement, a behaviour fewer than three colleagues could judge, and remarks.

    python3 docs/examples/feedback/make-demo.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = [(1, 8), (2, 10), (3, 7), (4, 5), (5, 4), (6, 5), (7, 5)]
IDS = [f"{c}.{i}" for c, n in SIZES for i in range(1, n + 1)]
# How colleagues see Jan, roughly: where he rates himself 4 on 1.5 and 1.8 they see less; 1.2 and 3.4 more.
LEAN = {"1.5": -2, "1.8": -1, "5.4": -1, "1.2": +1, "3.4": +1, "6.3": +1}
rng = random.Random(360)


def rating(behaviour, base):
    value = base + LEAN.get(behaviour, 0) + rng.choice([0, 0, 0, 1, -1])
    return max(1, min(4, value))


def write(name, response, group, ratings, remarks):
    lines = [
        "# LOB-spiegel feedback (formaatversie 1), demo. Zie docs/feedback.md.",
        "formatVersion: 1",
        f'response: "{response}"',
        'feedbackFor: "Jan de Vries"',
        f"group: {group}",
        "profile: loopbaanbegeleider-vmbo",
        "date: 2026-12-01",
        "ratings:",
    ]
    lines += [f'  "{b}": {ratings.get(b, "null")}' for b in IDS]
    if remarks:
        lines.append("remarks:")
        lines += [f'  "{c}": "{text}"' for c, text in remarks.items()]
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


remarks = [
    {1: "Jan luistert goed, maar stelt weinig vervolgvragen."},
    {1: "Leerlingen komen graag bij hem.", 5: "Deelt zijn materiaal niet vaak."},
    {7: "Vraagt zelden feedback op zijn lessen."},
    {},
]
for index in range(4):
    # 4.5 is judged by two colleagues only: its figure stays withheld.
    ratings = {b: rating(b, 3) for b in IDS if not (b == "4.5" and index >= 2) and rng.random() > 0.05}
    write(f"collega-{index + 1}.yaml", f"demo-collega-{index + 1:04d}", "collega", ratings, remarks[index])
write(
    "leidinggevende.yaml", "demo-leidinggevende-0001", "leidinggevende", {b: rating(b, 3) for b in IDS},
    {1: "Sterk in het contact met leerlingen; maak je gesprekken doelgerichter.", 7: "Plan een intervisie."})
