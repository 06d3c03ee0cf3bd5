#!/bin/sh
# A throwaway PostgreSQL cluster for tests (Debian's postgresql package).
#   pg-cluster.sh start DIR PORT      initdb in DIR if needed, start, create
#                                     database parley; prints its URL
#   pg-cluster.sh stop DIR            stops it (DIR is left for the caller)
#   pg-cluster.sh url DIR PORT DB     prints postgres://postgres@127.0.0.1:PORT/DB
# Test-only: trust authentication, loopback and DIR's unix socket only,
# fsync off. As root, the server runs as the postgres user (it refuses
# root), so DIR is handed to that user.
set -e
die() { echo "pg-cluster: $*" >&2; exit 1; }

bindir() {
    if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$d" ] || die "PostgreSQL not installed: run sh scripts/deps.sh pg"
    echo "$d"
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "postgres://postgres@127.0.0.1:$1/$2"; }

init() {
    dir=$1
    [ -f "$dir/data/PG_VERSION" ] && return 0
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    # C locale: byte order, as SQLite sorts; UTF8 as the application writes.
    as_owner "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C \
        --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    cat >>"$dir/data/postgresql.conf" <<CONF
# pg-cluster.sh: a test cluster; durability traded for speed.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
CONF
}

start() {
    dir=$1 port=$2
    [ -n "$dir" ] && [ -n "$port" ] || die "usage: start DIR PORT"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    init "$dir"
    if ! as_owner "$BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port" start >/dev/null || { cat "$dir/server.log" >&2; die "server did not start"; }
    fi
    psql="$BIN/psql -X -q -h $dir -p $port -U postgres -d postgres -v ON_ERROR_STOP=1"
    if [ -z "$(as_owner $psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'parley'")" ]; then
        as_owner $psql -c "CREATE DATABASE parley"
    fi
    url "$port" parley
}

stop() {
    dir=$1
    [ -n "$dir" ] || die "usage: stop DIR"
    [ -f "$dir/data/PG_VERSION" ] || return 0
    if as_owner "$BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$dir/data" -w -m fast stop >/dev/null
    fi
}

case "${1:-}" in
start) BIN=$(bindir); start "${2:-}" "${3:-}" ;;
stop)  BIN=$(bindir); stop "${2:-}" ;;
url)   [ -n "${3:-}" ] || die "usage: url DIR PORT DBNAME"; url "$3" "${4:-parley}" ;;
*)     die "usage: pg-cluster.sh start DIR PORT | stop DIR | url DIR PORT DBNAME" ;;
esac
