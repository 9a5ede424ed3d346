#!/usr/bin/env python3
"""Replays a fuzzing corpus through the real `lob`, as a user's command, and counts per reader what happened.

    python3 Tests/fuzz/tally.py [LOB] [CORPUS-FOLDER]

LOB defaults to .build/debug/lob, CORPUS-FOLDER to .build-fuzz/corpus (what Tests/fuzz/run.sh grew). Every input is
run as the command that reads that kind of file, with 1 GB of address space and 10 s, against a database that holds
the demo team and a scan. A line per reader gives the inputs, how many were accepted and refused, how many refusals
were not clear (exit status other than 1, no "lob: " line, a control character, over 8 kB), crashes, hangs, and
refusals after which the database was not what it was before (every table's rows compared). Exits non-zero on any
crash, hang, unclear refusal or changed database. See docs/fuzzing.md.
"""
import hashlib
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LOB = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/lob"))
CORPUS = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build-fuzz/corpus"))
SURVEY = os.path.join(ROOT, "Tests/Fixtures/survey")


def command(reader, path, db, index):
    """The user's command that reads `path` as this reader's kind of file."""
    store = ["--db", db]
    return {
        "scan": ["scan", "--answers", path] + store,
        "feedback": ["feedback", "import", path] + store,
        "profile": ["profiles", "validate", path],
        "costs": ["plan", "--costs", path, "--check"],
        "schoolscan": ["schoolscan", "--answers", path] + store,
        "survey-csv": ["import", "survey", path, "--mapping", os.path.join(SURVEY, "mapping.yaml"), "--team", "Bouw"]
        + store,
        "survey-xlsx": ["import", "survey", path, "--mapping", os.path.join(SURVEY, "mapping.yaml"), "--team", "Bouw"]
        + store,
        "mapping": ["import", "survey", os.path.join(SURVEY, "google.csv"), "--mapping", path, "--team", "Bouw"]
        + store,
        # A round of its own for every list: an accepted list opens one, and the next is not refused for that.
        "invite": ["team", "round", "open", "--team", "Bouw", "--round", f"r{index}", "--invite", path] + store,
        "reactions": ["plan", "react", "--file", path] + store,
    }[reader]


def digest(db):
    """Every row of every table, in order: what "the database unchanged" compares."""
    if not os.path.exists(db):
        return ""
    hasher = hashlib.sha256()
    with sqlite3.connect(db) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            hasher.update(table.encode())
            # Sorted here: some tables are WITHOUT ROWID.
            for row in sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"')):
                hasher.update(row.encode())
    return hasher.hexdigest()


def limit():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(arguments, home):
    try:
        done = subprocess.run(
            [LOB] + arguments, capture_output=True, timeout=10, preexec_fn=limit, stdin=subprocess.DEVNULL,
            env={"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        return done.returncode, done.stderr, False
    except subprocess.TimeoutExpired as expired:
        return None, expired.stderr or b"", True


def clear(status, stderr):
    text = stderr.decode("utf-8", "replace")
    controls = [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F]
    lines = [line for line in text.split("\n") if line]
    return (status == 1 and lines and not controls and len(stderr) <= 8192
            and all(line.startswith("lob: ") or line.startswith("  ") for line in lines))


def main():
    failed = False
    with tempfile.TemporaryDirectory(prefix="lob-tally-") as folder:
        home = os.path.join(folder, "home")
        os.makedirs(home)
        for reader in sorted(os.listdir(CORPUS)):
            db = os.path.join(folder, f"{reader}.sqlite")
            for seed in (["team", "import", os.path.join(ROOT, "docs/examples/team/najaar-2026"), "--team", "Bouw"],
                         ["scan", "--answers", os.path.join(ROOT, "docs/examples/scan.yaml")]):
                status, stderr, _ = run(seed + ["--db", db], home)
                assert status == 0, stderr
            if reader == "reactions":
                # A logbook for the reactions to meet: two activities of the example scan's plan.
                for number, date in (("1", "2026-12-10"), ("2", "2026-12-11")):
                    status, stderr, _ = run(["plan", "done", number, "--date", date, "--db", db], home)
                    assert status == 0, stderr
            inputs = sorted(os.listdir(os.path.join(CORPUS, reader)))
            counts = dict(accepted=0, refused=0, unclear=0, crashed=0, hung=0, changed=0)
            before = digest(db)
            for index, name in enumerate(inputs):
                path = os.path.join(CORPUS, reader, name)
                status, stderr, hung = run(command(reader, path, db, index), home)
                after = digest(db)
                if hung:
                    counts["hung"] += 1
                    print(f"  hang: {reader} {name}")
                elif status < 0 or status >= 128:
                    counts["crashed"] += 1
                    print(f"  crash ({status}): {reader} {name}")
                elif status == 0:
                    counts["accepted"] += 1
                else:
                    counts["refused"] += 1
                    if not clear(status, stderr):
                        counts["unclear"] += 1
                        print(f"  unclear ({status}): {reader} {name}: {stderr[:200]!r}")
                    if after != before:
                        counts["changed"] += 1
                        print(f"  database changed on refusal: {reader} {name}")
                before = after
            print(f"tally {reader}: {len(inputs)} inputs, {counts['accepted']} accepted, {counts['refused']} refused "
                  f"({counts['unclear']} unclear), {counts['crashed']} crashed, {counts['hung']} hung, "
                  f"database changed on {counts['changed']} refusals", flush=True)
            failed = failed or any(counts[key] for key in ("unclear", "crashed", "hung", "changed"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
