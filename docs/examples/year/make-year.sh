#!/bin/sh
# Makes the demo school year's logbooks (docs/examples/year/logboeken/*.yaml): each teacher of the demo team scans
# himself in the autumn (docs/examples/team/najaar-2026), does what activiteiten.csv says of his plan and reacts to
# it, scans himself again in the spring (voorjaar-2027), reads in the 360° feedback about him (feedback/: the first in
# the autumn, the follow-up on his goals in March, made by make-feedback.py), and writes his logbook — by name when he
# shared his scan by name, else anonymously. Each teacher in a database of his own, as on his own computer.
#
# Run from the repository root:  LOB=.build/debug/lob sh docs/examples/year/make-year.sh [FOLDER]
# The logbooks are committed; EvaluationCommandTests runs this script and checks they are current.
set -eu
LOB=${LOB:-lob}
HERE=$(dirname "$0")
TEAM="$HERE/../team"
OUT=${1:-$HERE/logboeken}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The day the logbooks are written: 15 March 2027, after the spring scans.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1805068800}
mkdir -p "$OUT"

tail -n +2 "$HERE/activiteiten.csv" | while IFS=';' read -r teacher activity goal date hours cost satisfied usable remark; do
    db="$WORK/$teacher.sqlite"
    [ -f "$db" ] || "$LOB" scan --answers "$TEAM/najaar-2026/$teacher.yaml" --db "$db" > /dev/null
    set -- --date "$date" --db "$db"
    [ -z "$hours" ] || set -- "$@" --hours "$hours"
    [ -z "$cost" ] || set -- "$@" --cost "$cost"
    case "$activity" in
        [0-9]*) done=$("$LOB" plan done "$activity" "$@") ;;
        *) done=$("$LOB" plan done --form "$activity" --goal "$goal" "$@") ;;
    esac
    id=$(printf '%s\n' "$done" | sed -n 's/^In je logboek als nummer \([0-9]*\):.*/\1/p')
    if [ -n "$satisfied" ]; then
        "$LOB" plan react "$id" --satisfied "$satisfied" --usable "$usable" --remark "$remark" --date "$date" \
            --db "$db" > /dev/null
    fi
done

for db in "$WORK"/*.sqlite; do
    teacher=$(basename "$db" .sqlite)
    for spring in "$TEAM/voorjaar-2027/$teacher"*.yaml; do
        [ -f "$spring" ] && "$LOB" scan --answers "$spring" --db "$db" > /dev/null
    done
    if [ -d "$HERE/feedback/$teacher" ]; then
        "$LOB" feedback import "$HERE/feedback/$teacher" --db "$db" > /dev/null
    fi
    consent=anoniem
    grep -q '^consent: metNaam' "$TEAM/najaar-2026/$teacher.yaml" && consent=metNaam
    "$LOB" export logbook --consent "$consent" --out "$OUT/$teacher.yaml" --db "$db" > /dev/null
done
