#!/bin/sh
# Runs each libFuzzer target named on the command line (default: all built
# ones) for FUZZ_SECONDS on a copy of its seed corpus (build/fuzz/corpus/,
# so new inputs never dirty the repo). Crash artifacts go to
# build/fuzz/crashes/, logs to build/fuzz/logs/. Ends with one line per
# target and exits non-zero if any crashed.
set -u
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p build/fuzz/corpus build/fuzz/crashes build/fuzz/logs
[ $# -eq 0 ] && set -- $(cd build/fuzz && ls fuzz_* 2>/dev/null)
summary=""
crashed=0
for t in "$@"; do
    name=${t#fuzz_}
    corpus=build/fuzz/corpus/$name
    mkdir -p "$corpus"
    [ -d "fuzz/corpus/$name" ] && cp -n fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null
    log=build/fuzz/logs/$t.txt
    echo "fuzz $t: ${seconds}s" >&2
    ./build/fuzz/"$t" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
        -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/"$t"- \
        "$corpus" > "$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [ "$rc" -eq 0 ]; then
        line="fuzz $t: ok, ${runs:-?} runs, ${speed:-?} exec/s, corpus $(ls "$corpus" | wc -l)"
    else
        crashed=$((crashed + 1))
        line="fuzz $t: CRASHED (exit $rc), see $log and build/fuzz/crashes/$t-*"
        grep -m1 -E 'ERROR: |runtime error|property broken|deadly signal' "$log" >&2
    fi
    echo "$line" >&2
    summary="$summary$line
"
done
printf '\n%s' "$summary"
echo "fuzz: $# targets ran, $crashed crashed"
[ "$crashed" -eq 0 ]
