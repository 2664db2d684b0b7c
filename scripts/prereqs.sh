#!/usr/bin/env bash
# Makes sure the system programs Gamgyul needs on this machine are installed:
#   PostgreSQL 15+ (postgres, initdb, pg_ctl) with contrib (pg_trgm), and redis-server.
# Installs what is missing through apt when it can (root, or sudo without a password); otherwise
# prints exactly what to install and exits non-zero.
set -euo pipefail

missing=()
pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ] && pg_bin="$dir"
done
[ -n "$pg_bin" ] || missing+=(postgresql postgresql-contrib)
if [ -n "$pg_bin" ] && [ ! -f "$(dirname "$pg_bin")/lib/pg_trgm.so" ]; then
  missing+=(postgresql-contrib)
fi
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "prereqs: installing missing system packages: ${missing[*]}" >&2
apt_get=()
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  apt_get=(sudo apt-get)
fi
if [ ${#apt_get[@]} -eq 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "prereqs: cannot install packages here (need apt-get as root or passwordless sudo)." >&2
  echo "prereqs: please install: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${apt_get[@]}" update -qq || \
   ! "${apt_get[@]}" install -y -qq --no-install-recommends --no-upgrade "${missing[@]}" >/dev/null; then
  echo "prereqs: apt-get failed; please install: ${missing[*]}" >&2
  exit 1
fi
echo "prereqs: installed ${missing[*]}" >&2
