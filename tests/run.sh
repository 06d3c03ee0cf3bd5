#!/bin/sh
# Runs every suite: the cmocka unit tests, then the structure tests (the
# source tree's shape: includes down the layers, no circles among app/'s
# files), then the HTTP tests against a real `parley serve` (built with
# ASan and UBSan), then the browser tests.
# Ends with one summary line.
#
#   sh tests/run.sh        on SQLite: every suite (`make test`)
#   sh tests/run.sh pg     on PostgreSQL (`make test-pg`): starts a throwaway
#                          cluster (scripts/pg-cluster.sh) in a temporary
#                          folder on a free loopback port, runs test_store
#                          and the HTTP and browser suites against it with
#                          PARLEY_TEST_PG set, and stops it however they end.
#                          The other unit tests know no database: they run
#                          once, on SQLite. With PARLEY_TEST_PG already set
#                          (postgres://USER@HOST:PORT) that server is used.
set -u
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
passed=0
failed=0
log=build/test-logs
mkdir -p "$log"

engine=sqlite
units="build/san/tests/test_*"
if [ "${1:-}" = pg ]; then
    engine=pg
    units="build/san/tests/test_store"
    if [ -z "${PARLEY_TEST_PG:-}" ]; then
        cluster=$(mktemp -d "${TMPDIR:-/tmp}/parley-pg-XXXXXX")
        chmod 755 "$cluster"
        stop_cluster() {
            sh scripts/pg-cluster.sh stop "$cluster" >/dev/null 2>&1 || true
            rm -rf "$cluster"
        }
        trap stop_cluster EXIT
        trap 'exit 130' INT TERM
        # A free loopback port: the kernel's choice for a socket just closed.
        port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1",
                        () => { console.log(s.address().port); s.close(); })')
        if ! url=$(sh scripts/pg-cluster.sh start "$cluster" "$port"); then
            echo "could not start a PostgreSQL cluster (scripts/pg-cluster.sh start $cluster $port)"
            echo "0 passed, 1 failed"
            exit 1
        fi
        # The server's URL without the database: each test makes its own.
        PARLEY_TEST_PG=${url%/*}
    fi
    export PARLEY_TEST_PG
    echo "PostgreSQL: $PARLEY_TEST_PG"
else
    unset PARLEY_TEST_PG
fi
suffix=""
shots=build/screenshots
if [ "$engine" = pg ]; then suffix=-pg; shots=build/screenshots-pg; fi

for t in $units; do
    name=$(basename "$t")
    if "$t" > "$log/$name$suffix.txt" 2>&1; then status=ok; else status=FAILED; fi
    # A program may run more than one group (test_store: SQLite, PostgreSQL).
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log/$name$suffix.txt" | awk '{ n += $1 } END { print n + 0 }')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log/$name$suffix.txt" | awk '{ n += $1 } END { print n + 0 }')
    p=${p:-0}; f=${f:-0}
    if [ "$status" = FAILED ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
    echo "unit $name: $p passed, $f failed"
    [ "$status" = FAILED ] && cat "$log/$name$suffix.txt"
done

# Skips are listed with their reasons.
skips() {
    grep -E '^ *ok .* # SKIP' "$1" | sed 's/^ */  skipped: /'
}

# The source tree's shape, read from the objects the build made (nm). It
# knows no database: it runs once, on SQLite, as the unit tests do.
if [ "$engine" = sqlite ]; then
    node --test --test-reporter=tap tests/structure/ > "$log/structure$suffix.tap" 2>&1
    p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$log/structure$suffix.tap" | tail -1)
    f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$log/structure$suffix.tap" | tail -1)
    p=${p:-0}; f=${f:-0}
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    if [ "$f" -ne 0 ]; then
        grep -B2 -A40 '^not ok\|^    not ok' "$log/structure$suffix.tap" | head -150
    fi
    echo "structure: $p passed, $f failed"
    passed=$((passed + p)); failed=$((failed + f))
fi

PARLEY_BIN=build/san/parley node --test --test-reporter=tap tests/http/ > "$log/http$suffix.tap" 2>&1
p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$log/http$suffix.tap" | tail -1)
f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$log/http$suffix.tap" | tail -1)
s=$(sed -n 's/^# skipped \([0-9]*\)/\1/p' "$log/http$suffix.tap" | tail -1)
p=${p:-0}; f=${f:-0}; s=${s:-0}
if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; fi
grep -E '^not ok|^# (pass|fail)' "$log/http$suffix.tap" | head -40
skips "$log/http$suffix.tap"
if [ "$f" -ne 0 ]; then
    grep -B2 -A30 '^not ok\|^    not ok' "$log/http$suffix.tap" | head -150
fi
echo "http: $p passed, $f failed$( [ "$s" -ne 0 ] && echo ", $s skipped")"
passed=$((passed + p)); failed=$((failed + f))

# The browser suite: each role's journeys in Debian's Chromium, with axe;
# screenshots go to build/screenshots/ (build/screenshots-pg/ on PostgreSQL).
PARLEY_SCREENSHOTS=$shots PARLEY_BIN=build/san/parley node --test --test-reporter=tap tests/browser/ > "$log/browser$suffix.tap" 2>&1
p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$log/browser$suffix.tap" | tail -1)
f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$log/browser$suffix.tap" | tail -1)
s=$(sed -n 's/^# skipped \([0-9]*\)/\1/p' "$log/browser$suffix.tap" | tail -1)
p=${p:-0}; f=${f:-0}; s=${s:-0}
if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; fi
skips "$log/browser$suffix.tap"
if [ "$f" -ne 0 ]; then
    grep -B2 -A40 '^not ok\|^    not ok' "$log/browser$suffix.tap" | head -150
fi
echo "browser: $p passed, $f failed$( [ "$s" -ne 0 ] && echo ", $s skipped") (screenshots in $shots/)"
passed=$((passed + p)); failed=$((failed + f))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
