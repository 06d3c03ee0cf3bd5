#!/bin/sh
# Installs the Debian packages Parley builds and tests with, when missing.
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -e
need="gcc make pkg-config libmicrohttpd-dev libsqlite3-dev libsodium-dev libjansson-dev libcmocka-dev sqlite3 nodejs"
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js may come from outside Debian's packages; a working `node` will do.
case "$missing" in *nodejs*) command -v node >/dev/null 2>&1 && missing=$(echo "$missing" | sed 's/ nodejs//');; esac
[ -z "$missing" ] && exit 0
cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "parley: missing packages:$missing" >&2
    echo "parley: run as root:  apt-get update && $cmd" >&2
    exit 1
fi
echo "parley: installing$missing" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive $cmd
