#!/bin/sh
# bench/roster.sh: the roster import of issue 17, timed. A 10,000-person
# OneRoster 1.1 set (bench/roster_set.mjs: 60 schools, a student for each
# ten staff) into a fresh demo database with the release build: the preview,
# the import, and the same import again, which changes nothing. `make
# bench` runs it (bench/run.sh) and reports it in bench/RESULTS.md; alone,
# `sh bench/roster.sh` prints the times. Timings are never pass/fail.
#
#   sh bench/roster.sh [RESULTS [PG_SERVER]]
#     RESULTS    a results.tsv to add "meta roster_..." lines to
#     PG_SERVER  postgres://USER@HOST:PORT: the same on PostgreSQL too
# BENCH_ROSTER_PEOPLE: the set's size (10000).
set -eu
cd "$(dirname "$0")/.."

BIN=build/parley
OUT=build/bench/roster
PEOPLE=${BENCH_ROSTER_PEOPLE:-10000}
RESULTS=${1:-}
PG_SERVER=${2:-}

[ -x "$BIN" ] || make --no-print-directory "$BIN"
rm -rf "$OUT"
mkdir -p "$OUT"
node bench/roster_set.mjs "$OUT/set" "$PEOPLE"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# timed LABEL DB KEYOPT ARGS...: runs parley import roster, prints its ms.
timed() {
    label=$1; db=$2; key=$3; shift 3
    t0=$(now_ms)
    # shellcheck disable=SC2086
    $BIN import roster "$OUT/set" --db "$db" $key "$@" > "$OUT/$label.txt" 2>&1 ||
        { echo "bench: roster $label failed: $(tail -3 "$OUT/$label.txt")" >&2; exit 1; }
    echo $(( $(now_ms) - t0 ))
}

# run ENGINE DB KEYOPT: a fresh demo, then the three runs.
run() {
    engine=$1; db=$2; key=$3
    # shellcheck disable=SC2086
    $BIN demo --db "$db" $key > /dev/null 2>&1
    preview=$(timed "$engine-preview" "$db" "$key")
    import=$(timed "$engine-import" "$db" "$key" --apply)
    again=$(timed "$engine-again" "$db" "$key" --apply)
    grep -q "^Imported: 0 people added, 0 changed, $PEOPLE left as they were" "$OUT/$engine-again.txt" ||
        { echo "bench: importing the roster again changed something: $(tail -1 "$OUT/$engine-again.txt")" >&2; exit 1; }
    echo "bench: roster of $PEOPLE on $engine: preview $preview ms, import $import ms, again $again ms" >&2
    if [ -n "$RESULTS" ]; then
        printf 'meta\troster_%s\t%s %s %s\n' "$engine" "$preview" "$import" "$again" >> "$RESULTS"
        printf 'meta\troster_people\t%s\n' "$PEOPLE" >> "$RESULTS"
    fi
}

run sqlite "$OUT/roster.db" ""
if [ -n "$PG_SERVER" ]; then
    psql -X -q "$PG_SERVER/postgres" -c "DROP DATABASE IF EXISTS bench_roster" -c "CREATE DATABASE bench_roster"
    run pg "$PG_SERVER/bench_roster" "--audit-key $OUT/bench_roster.audit-key"
fi
