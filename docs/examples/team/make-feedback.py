#!/usr/bin/env python3
"""Writes demo 360° feedback about the demo team's members in the spring round (docs/examples/team/feedback/):
three or four colleagues per member, as the feedback form saves them. Invented and deterministic (seeded).

Shaped to show what `lob team feedback` shows: after its training on competency 2 (the loopbaangesprek) the team
sees itself higher there than colleagues do, and colleagues see more of competency 6 (the network) than the team
gives itself credit for. Ilias (anonymous, vakdocent profile) gets only two colleagues: his own report withholds
them, so he counts in no team figure.

    python3 docs/examples/team/make-feedback.py
"""
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "feedback")
SPRING = os.path.join(HERE, "voorjaar-2027")
# file, colleagues
MEMBERS = [
    ("ans-bakker", 3), ("bram-de-jong", 4), ("carla-visser", 3), ("dirk-smit", 3), ("esra-yilmaz", 4),
    ("gert-bos", 3), ("hanneke-vos", 3), ("ilias-el-amrani", 2),
]
LEAN = {2: -1, 6: +1}
rng = random.Random(3602027)


def read_scan(slug):
    text = open(os.path.join(SPRING, f"{slug}.yaml"), encoding="utf-8").read()
    name = re.search(r'^teacher: "(.*)"$', text, re.M).group(1)
    profile = re.search(r'^profile: "(.*)"$', text, re.M).group(1)
    scores = {m.group(1): int(m.group(2)) for m in re.finditer(r'^  "([\d.]+)": (?:\{score: )?(\d)', text, re.M)}
    return name, profile, scores


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    for slug, colleagues in MEMBERS:
        name, profile, scores = read_scan(slug)
        for n in range(colleagues):
            lines = [
                "# LOB-spiegel feedback (formaatversie 1), demo. Zie docs/feedback.md.",
                "formatVersion: 1",
                f'response: "r-{slug}-{n + 1}"',
                f'feedbackFor: "{name}"',
                "group: collega",
                f"profile: {profile}",
                f"date: 2027-04-{12 + n:02d}",
                "ratings:",
            ]
            for behaviour, own in scores.items():
                competency = int(behaviour.split(".")[0])
                # Competency 7 (the school's policy) most colleagues cannot judge.
                if competency == 7 and rng.random() < 0.5:
                    lines.append(f'  "{behaviour}": null')
                    continue
                value = own + LEAN.get(competency, 0) + rng.choice([0, 0, 0, 1, -1])
                lines.append(f'  "{behaviour}": {max(1, min(4, value))}')
            with open(os.path.join(OUT, f"{slug}-{n + 1}.yaml"), "w", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
