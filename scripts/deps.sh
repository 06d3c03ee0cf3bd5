#!/bin/sh
# Installs the Debian packages Parley builds and tests with, when missing.
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -e
need="gcc make pkg-config libmicrohttpd-dev libcurl4-openssl-dev libsqlite3-dev libsodium-dev libjansson-dev libcmark-dev libcmocka-dev libpq-dev libical-dev libcjose-dev libcsv-dev libcairo2-dev libfreetype-dev fonts-dejavu-core sqlite3 nodejs"
# `make fuzz` also needs clang and its libFuzzer runtime: `deps.sh fuzz`.
[ "${1:-}" = fuzz ] && need="$need clang libclang-rt-dev"
# `make test` also drives Debian's Chromium (tests/browser) and reads the
# evaluations' PDFs back with pdftotext (poppler-utils): `deps.sh test`.
[ "${1:-}" = test ] && need="$need chromium npm poppler-utils"
# `make bench` also needs wrk (the load generator), nginx (the ceiling: the
# same bytes as static files), curl and PostgreSQL (its column): `deps.sh bench`.
[ "${1:-}" = bench ] && need="$need wrk nginx curl postgresql"
# `make test-pg` also runs a throwaway PostgreSQL cluster
# (scripts/pg-cluster.sh), and nginx (with a certificate made by openssl) in
# front of two nodes (tests/http/twonode.test.mjs): `deps.sh pg`.
[ "${1:-}" = pg ] && need="$need postgresql nginx openssl"
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js may come from outside Debian's packages; a working `node` will do.
case "$missing" in *nodejs*) command -v node >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ nodejs//');; esac
case "$missing" in *npm*) command -v npm >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ npm//');; esac
if [ -n "$missing" ]; then
    cmd="apt-get install -y --no-install-recommends$missing"
    if [ "$(id -u)" -ne 0 ]; then
        echo "parley: missing packages:$missing" >&2
        echo "parley: run as root:  apt-get update && $cmd" >&2
        exit 1
    fi
    echo "parley: installing$missing" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $cmd
fi
# The browser tests' npm packages (playwright-core, axe-core), exactly as
# package-lock.json pins them; no browser is downloaded.
cd "$(dirname "$0")/.."
if [ "${1:-}" = test ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; }; then
    echo "parley: npm ci (tests/browser)" >&2
    npm ci --no-audit --no-fund
fi
