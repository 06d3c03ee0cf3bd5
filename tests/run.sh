#!/bin/sh
# Runs every suite: the cmocka unit tests, then the HTTP tests against a
# real `parley serve` (built with ASan and UBSan), then the browser tests.
# Ends with one summary line.
set -u
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
passed=0
failed=0
log=build/test-logs
mkdir -p "$log"

for t in build/san/tests/test_*; do
    name=$(basename "$t")
    if "$t" > "$log/$name.txt" 2>&1; then status=ok; else status=FAILED; fi
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log/$name.txt" | tail -1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log/$name.txt" | tail -1)
    p=${p:-0}; f=${f:-0}
    if [ "$status" = FAILED ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
    echo "unit $name: $p passed, $f failed"
    [ "$status" = FAILED ] && cat "$log/$name.txt"
done

PARLEY_BIN=build/san/parley node --test --test-reporter=tap tests/http/ > "$log/http.tap" 2>&1
p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$log/http.tap" | tail -1)
f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$log/http.tap" | tail -1)
p=${p:-0}; f=${f:-0}
if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; fi
grep -E '^not ok|^# (pass|fail)' "$log/http.tap" | head -40
if [ "$f" -ne 0 ]; then
    grep -B2 -A30 '^not ok\|^    not ok' "$log/http.tap" | head -150
fi
echo "http: $p passed, $f failed"
passed=$((passed + p)); failed=$((failed + f))

# The browser suite: each role's journeys in Debian's Chromium, with axe;
# screenshots go to build/screenshots/.
PARLEY_BIN=build/san/parley node --test --test-reporter=tap tests/browser/ > "$log/browser.tap" 2>&1
p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$log/browser.tap" | tail -1)
f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$log/browser.tap" | tail -1)
p=${p:-0}; f=${f:-0}
if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then f=1; fi
if [ "$f" -ne 0 ]; then
    grep -B2 -A40 '^not ok\|^    not ok' "$log/browser.tap" | head -150
fi
echo "browser: $p passed, $f failed (screenshots in build/screenshots/)"
passed=$((passed + p)); failed=$((failed + f))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
