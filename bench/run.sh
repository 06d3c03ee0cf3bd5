#!/bin/sh
# bench/run.sh (`make bench`): the benchmark of issue 4. Builds the release
# binary, makes the default demo database and the large one in build/bench/,
# and for each: measures start-up to the first answer, signs in as the
# coordinator, and runs wrk against the main pages; then nginx serves the
# same bytes as static files (the ceiling) under the same wrk. Writes
# bench/RESULTS.md (bench/report.mjs); raw wrk output stays in build/bench/.
# Then a 10,000-person roster is imported and imported again, timed
# (bench/roster.sh, issue 17).
# The same pages are then measured with the same demos built on PostgreSQL
# (a throwaway cluster from scripts/pg-cluster.sh in build/bench/pg): the
# PostgreSQL column. Timings are never pass/fail: this only reports.
#
# Each page is also requested alone, five times one after another before
# its run, for the cost of one view (the median).
#
# Settings (environment): BENCH_SECONDS (3: thirty-four pages, five servers and
# nginx make 272 runs) per run after a 1 s warm-up
# (BENCH_WARMUP, 1), BENCH_CONNS (64), BENCH_THREADS (2 x nproc: Parley's
# worker threads), BENCH_PG_PORT (a free port), BENCH_ENGINES ("sqlite pg";
# "sqlite" leaves PostgreSQL out), BENCH_SIZES ("small large huge": the
# default demo and parley demo --size large and huge), BENCH_PG_SIZES
# ("small large": parley copy moves the huge district's four million rows
# to PostgreSQL row by row, through its triggers, for longer than the rest
# of the run).
set -eu
cd "$(dirname "$0")/.."

sh scripts/deps.sh bench
make --no-print-directory build/parley

BIN=build/parley
OUT=build/bench
SECONDS_=${BENCH_SECONDS:-3}
WARMUP=${BENCH_WARMUP:-1}
ENGINES=${BENCH_ENGINES:-sqlite pg}
SIZES=${BENCH_SIZES:-small large huge}
PG_SIZES=${BENCH_PG_SIZES:-small large}
CONNS=${BENCH_CONNS:-64}
THREADS=${BENCH_THREADS:-$(( $(nproc) * 2 ))}
EMAIL=coordinator@parley.test
PASSWORD=parley-demo-2026
RESULTS=$OUT/results.tsv

server_pid=""
nginx_pid=""
pg_dir=""
stop_all() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    [ -n "$pg_dir" ] && sh scripts/pg-cluster.sh stop "$pg_dir"
    server_pid=""; nginx_pid=""; pg_dir=""
}
trap 'stop_all' EXIT
trap 'stop_all; exit 1' INT TERM

die() { echo "bench: $*" >&2; exit 1; }
free_port() {
    node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}
wait_healthz() {
    i=0
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/healthz")" = 200 ]; do
        i=$((i + 1)); [ $i -lt 500 ] || die "no answer on port $1"
        sleep 0.01
    done
}

# wrk_page LABEL URL [HEADER]: a 2 s warm-up, then the measured run; prints
# "rps p50_ms p99_ms requests non2xx socket_errors".
wrk_page() {
    label=$1; url=$2; hdr=${3:-}
    if [ -n "$hdr" ]; then
        wrk -t2 -c"$CONNS" -d"${WARMUP}s" -H "$hdr" "$url" > /dev/null
        wrk -t2 -c"$CONNS" -d"${SECONDS_}s" --latency -H "$hdr" "$url" > "$OUT/wrk-$label.txt"
    else
        wrk -t2 -c"$CONNS" -d"${WARMUP}s" "$url" > /dev/null
        wrk -t2 -c"$CONNS" -d"${SECONDS_}s" --latency "$url" > "$OUT/wrk-$label.txt"
    fi
    awk '
        function ms(v) {
            if (v ~ /us$/) return v / 1000;
            if (v ~ /ms$/) return v + 0;
            if (v ~ /m$/) return v * 60000;
            if (v ~ /s$/) return v * 1000;
            return v + 0;
        }
        /Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        / requests in / { n = $1 }
        /Non-2xx or 3xx responses:/ { bad = $5 }
        /Socket errors:/ { gsub(/,/, ""); err = $4 + $6 + $8 + $10 }
        END { printf "%s %.3f %.3f %d %d %d\n", rps, p50, p99, n, bad + 0, err + 0 }
    ' "$OUT/wrk-$label.txt"
}

# alone_ms URL HEADER: the median of five requests one after another, ms.
alone_ms() {
    for i in 1 2 3 4 5; do
        curl -s -o /dev/null -w '%{time_total}\n' -H "$2" "$1"
    done | sort -n | sed -n 3p | awk '{ printf "%.2f", $1 * 1000 }'
}

# q DB SQL: one value, by sqlite3 or psql as the database's kind wants.
q() {
    case $1 in
        postgres://*) psql -X -At "$1" -c "$2" ;;
        *) sqlite3 "$1" "$2" ;;
    esac
}

# A cluster left running by an interrupted run would lose its folder.
[ -f "$OUT/pg/data/PG_VERSION" ] && sh scripts/pg-cluster.sh stop "$(pwd)/$OUT/pg"
rm -rf "$OUT"
mkdir -p "$OUT/static"
# ct_of SIZE: the Consulting Teacher signed in: the demo's, or the large
# (huge) district's first, who carries a full caseload.
ct_of() {
    case $1 in
        large) echo staff4001@district.test ;;
        huge) echo staff40001@district.test ;;
        *) echo ct1@parley.test ;;
    esac
}
for size in $SIZES; do
    echo "bench: demo database ($size)" >&2
    $BIN demo --db "$OUT/$size.db" --size "$size" > /dev/null 2>&1 || die "parley demo --size $size failed"
    # The demo gives the district's own people no password: give its CT the demo's.
    [ "$size" = small ] ||
        echo "$PASSWORD" | $BIN user passwd --db "$OUT/$size.db" --email "$(ct_of "$size")" > /dev/null
done

# The same demos on a throwaway PostgreSQL cluster, a database per size,
# moved there by parley copy: the very same rows, and far quicker than
# building the large demo again over the network (a round trip per row).
pg_server=""
case " $ENGINES " in *" pg "*)
    pg_dir=$(pwd)/$OUT/pg
    mkdir -p "$pg_dir"
    url=$(sh scripts/pg-cluster.sh start "$pg_dir" "${BENCH_PG_PORT:-$(free_port)}")
    pg_server=${url%/*}
    for size in $PG_SIZES; do
        echo "bench: demo database on PostgreSQL ($size, parley copy)" >&2
        psql -X -q "$pg_server/postgres" -c "CREATE DATABASE bench_$size"
        # The audit key goes with the log (R38), into $OUT with the rest.
        $BIN copy --from "$OUT/$size.db" --to "$pg_server/bench_$size" \
            --to-audit-key "$OUT/bench_$size.audit-key" > "$OUT/copy-$size.txt" 2>&1 ||
            die "parley copy to PostgreSQL failed: $(tail -1 "$OUT/copy-$size.txt")"
    done ;;
esac

{
    printf 'meta\tdate\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'meta\tnproc\t%s\n' "$(nproc)"
    printf 'meta\tcpu\t%s\n' "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    printf 'meta\tmemory\t%s MiB\n' "$(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)"
    printf 'meta\tkernel\t%s\n' "$(uname -sr)"
    printf 'meta\twrk\t%s\n' "$(wrk -v 2>&1 | head -1 | awk '{print $2}')"
    printf 'meta\tnginx\t%s\n' "$(nginx -v 2>&1 | sed 's/.*nginx\///')"
    printf 'meta\tsqlite\t%s\n' "$(sqlite3 --version | awk '{print $1}')"
    [ -n "$pg_server" ] && printf 'meta\tpostgresql\t%s\n' "$(q "$pg_server/postgres" 'SHOW server_version')"
    printf 'meta\tcommit\t%s\n' "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
    printf 'meta\tthreads\t%s\n' "$THREADS"
    printf 'meta\tconns\t%s\n' "$CONNS"
    printf 'meta\tseconds\t%s\n' "$SECONDS_"
    printf 'meta\twarmup\t%s\n' "$WARMUP"
} > "$RESULTS"

# The roster import of issue 17: a 10,000-person OneRoster set, timed
# (bench/roster.sh), on each engine.
sh bench/roster.sh "$RESULTS" "$pg_server"

# sign_in BASE EMAIL JAR: signs in as a browser does (the form's CSRF
# token, then POST /login) and prints the session's Cookie header value.
sign_in() {
    csrf=$(curl -s -c "$3" -b "$3" "$1/login" |
           sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    [ -n "$csrf" ] || die "no CSRF token on /login"
    code=$(curl -s -o /dev/null -w '%{http_code}' -c "$3" -b "$3" \
        --data-urlencode "csrf=$csrf" --data-urlencode "email=$2" \
        --data-urlencode "password=$PASSWORD" --data-urlencode "next=/dashboard" "$1/login")
    [ "$code" = 303 ] || die "sign-in as $2 answered $code"
    awk '!/^# / && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$3"
}

# bench_db ENGINE SIZE DB: start-up time, then wrk on each page, of
# `parley serve` on DB. Results go to $RESULTS as server "parley" (SQLite)
# or "parley_pg", meta keys prefixed "pg_" for PostgreSQL. The SQLite run
# also keeps each answer's bytes for nginx.
bench_db() {
    engine=$1; size=$2; db=$3
    server=parley; mp=""; key=""
    # A PostgreSQL database's audit key is where parley copy put it.
    [ "$engine" = pg ] && { server=parley_pg; mp=pg_; key="--audit-key $OUT/bench_$size.audit-key"; }
    printf 'meta\t%s%s_audit_rows\t%s\n' "$mp" "$size" "$(q "$db" 'SELECT count(*) FROM audit')" >> "$RESULTS"
    printf 'meta\t%s%s_people\t%s\n' "$mp" "$size" "$(q "$db" 'SELECT count(*) FROM person')" >> "$RESULTS"
    port=$(free_port)

    echo "bench: $engine $size: start-up time" >&2
    startup=$(node bench/startup.mjs "$BIN" "$db" "$port" "$THREADS" 7 $key)
    printf 'meta\t%s%s_startup_ms\t%s\n' "$mp" "$size" "$startup" >> "$RESULTS"

    # wrk opens $CONNS connections from one address: lift the per-address cap.
    $BIN serve --db "$db" $key --listen "127.0.0.1:$port" --threads "$THREADS" \
        --max-conns-per-address 1000 > /dev/null 2> "$OUT/serve-$engine-$size.log" &
    server_pid=$!
    wait_healthz "$port"
    base=http://127.0.0.1:$port

    # Sign in as the coordinator, and as a Consulting Teacher with a
    # caseload, as a browser does.
    cookie=$(sign_in "$base" "$EMAIL" "$OUT/cookies-$engine-$size.txt")
    ct_cookie=$(sign_in "$base" "$(ct_of "$size")" "$OUT/cookies-ct-$engine-$size.txt")
    pss_cookie=$(sign_in "$base" pss@parley.test "$OUT/cookies-pss-$engine-$size.txt")
    token=$($BIN token create --db "$db" $key --email "$EMAIL")
    teacher=$(q "$db" "SELECT id FROM person WHERE email = 'teacher@parley.test'")
    [ -n "$teacher" ] || die "no teacher@parley.test in $db"
    case_id=$(q "$db" "SELECT id FROM teacher_case WHERE teacher_id = $teacher ORDER BY id LIMIT 1")
    [ -n "$case_id" ] || die "no case of teacher@parley.test in $db"
    # The eligibility checker with an answer (every criterion checked).
    elig='/eligibility?check=1&district_year=5&plan=directed_growth&months=12&rating=needs_improvement&union_member=yes&full_time=yes&job=classroom_teacher'

    # The person and case pages last: every view of either writes an audit
    # row (R37). set -f: the eligibility URL's "?" is no glob.
    mkdir -p "$OUT/static/$size" "$OUT/answers/$engine/$size"
    for page in "home / -" "about /about -" "faq /faq -" "eligibility $elig -" \
                "dashboard /dashboard cookie" "people /people cookie" \
                "api_people /api/v1/people bearer" "intake /intake cookie" \
                "ct_dashboard /dashboard ct" "deadlines /deadlines cookie" \
                "api_deadlines /api/v1/deadlines bearer" "goals /cases/$case_id/goals cookie" \
                "observations /cases/$case_id/observations cookie" \
                "meetings /cases/$case_id/meetings cookie" "coaching /cases/$case_id/coaching cookie" \
                "evaluations /cases/$case_id/evaluations cookie" \
                "recommendation /cases/$case_id/recommendation cookie" \
                "packet /cases/$case_id/packet cookie" "panel /panel cookie" \
                "panel_sessions /panel/sessions cookie" "api_panel /api/v1/panel/overview bearer" \
                "decisions /decisions cookie" "cts /cts cookie" "roster /panel/roster cookie" \
                "track_record /track-record -" "track_record_csv /track-record.csv -" \
                "reports /reports cookie" "reports_feedback_csv /reports/feedback.csv cookie" \
                "api_reports_work /api/v1/reports/work bearer" "surveys /surveys cookie" \
                "outcome /cases/$case_id/outcome cookie" "pss /pss pss" \
                "person /people/$teacher cookie" "case /cases/$case_id cookie"; do
        set -f; set -- $page; set +f
        name=$1; path=$2; auth=$3
        case $auth in
            cookie) hdr="Cookie: $cookie" ;;
            ct) hdr="Cookie: $ct_cookie" ;;
            pss) hdr="Cookie: $pss_cookie" ;;
            bearer) hdr="Authorization: Bearer $token" ;;
            *) hdr="" ;;
        esac
        # The exact bytes of the answer (for nginx, from the SQLite run).
        answer=$OUT/answers/$engine/$size/$name
        if [ -n "$hdr" ]; then
            code=$(curl -s -o "$answer" -w '%{http_code}' -H "$hdr" "$base$path")
        else
            code=$(curl -s -o "$answer" -w '%{http_code}' "$base$path")
        fi
        [ "$code" = 200 ] || die "$engine $size $path answered $code"
        [ "$engine" = sqlite ] && cp "$answer" "$OUT/static/$size/$name"
        bytes=$(wc -c < "$answer")
        echo "bench: $engine $size: parley $path ($bytes bytes)" >&2
        # Alone before the load: after it, the server may still be answering
        # what wrk left queued.
        printf 'alone\t%s\t%s\t%s\t%s\n' "$size" "$server" "$name" \
            "$(alone_ms "$base$path" "${hdr:-X-Bench: alone}")" >> "$RESULTS"
        set -- $(wrk_page "$server-$size-$name" "$base$path" "$hdr")
        printf 'run\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
            "$size" "$server" "$name" "$path" "$bytes" "$1" "$2" "$3" "$4" "$5" "$6" >> "$RESULTS"
    done
    printf 'meta\t%s%s_rss_kib\t%s\n' "$mp" "$size" "$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")" >> "$RESULTS"
    kill "$server_pid"; wait "$server_pid" || true; server_pid=""
}

# SQLite first: its answers are what nginx serves.
for size in $SIZES; do
    bench_db sqlite "$size" "$OUT/$size.db"
done
if [ -n "$pg_server" ]; then
    for size in $PG_SIZES; do
        bench_db pg "$size" "$pg_server/bench_$size"
    done
    sh scripts/pg-cluster.sh stop "$pg_dir"; pg_dir=""
fi

# The ceiling: nginx serving the same bytes.
prefix=$(pwd)/$OUT/nginx
mkdir -p "$prefix/tmp"
port=$(free_port)
sed -e "s|@PREFIX@|$prefix|g" -e "s|@ROOT@|$(pwd)/$OUT/static|g" -e "s|@PORT@|$port|g" \
    bench/nginx.conf > "$prefix/nginx.conf"
[ "$(id -u)" -eq 0 ] || sed -i '/^user /d' "$prefix/nginx.conf"
nginx -e "$prefix/error.log" -p "$prefix" -c "$prefix/nginx.conf" &
nginx_pid=$!
i=0
until curl -s -o /dev/null "http://127.0.0.1:$port/small/home"; do
    i=$((i + 1)); [ $i -lt 500 ] || die "nginx did not start: $(cat "$prefix/error.log")"
    sleep 0.01
done
for size in $SIZES; do
    # Every page Parley answered above, by the name it was saved under.
    for name in $(ls "$OUT/static/$size"); do
        echo "bench: $size: nginx $name" >&2
        bytes=$(wc -c < "$OUT/static/$size/$name")
        set -- $(wrk_page "nginx-$size-$name" "http://127.0.0.1:$port/$size/$name")
        printf 'run\t%s\tnginx\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
            "$size" "$name" "/$size/$name" "$bytes" "$1" "$2" "$3" "$4" "$5" "$6" >> "$RESULTS"
    done
done
kill "$nginx_pid"; wait "$nginx_pid" || true; nginx_pid=""

node bench/report.mjs "$RESULTS" bench/RESULTS.md
echo "bench: wrote bench/RESULTS.md" >&2
