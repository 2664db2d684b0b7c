#!/usr/bin/env bash
# Runs the machine's own PostgreSQL for the AppHost's local mode (started by Aspire as an executable).
#   usage: scripts/local/postgres.sh BIN_DIR DATA_DIR PORT
# First run: initdb (UTF-8, trust auth for the loopback-only server). Every run: exec postgres in the
# foreground, listening on 127.0.0.1 only. It execs (no fork), so the orchestrator's SIGTERM reaches
# postgres itself. PostgreSQL refuses to run as root, so as root it drops to the postgres user.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 BIN_DIR DATA_DIR PORT" >&2
  exit 2
fi
bin=$1
data=$2
port=$3

run_as=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "postgres.sh: running as root needs the 'postgres' system user (apt-get install postgresql creates it)." >&2
    exit 1
  fi
  run_as=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

mkdir -p "$data"
if [ ${#run_as[@]} -gt 0 ]; then
  chown postgres:postgres "$data"
fi
chmod 700 "$data"
if ! "${run_as[@]}" test -r "$data" -a -w "$data" -a -x "$data"; then
  echo "postgres.sh: the postgres user cannot use $data; every parent folder must be searchable by it" >&2
  echo "postgres.sh: (chmod o+x on them), or set Gamgyul:Local:DataDirectory to a folder outside /root." >&2
  exit 1
fi
# initdb and postgres must not start in a folder they cannot read (root's home, for one).
cd "$data"

if [ ! -s "$data/PG_VERSION" ]; then
  echo "postgres.sh: initialising a new cluster in $data"
  # C.UTF-8 (not C): pg_trgm needs a locale that classifies Hangul as letters, or Korean text yields no trigrams.
  "${run_as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

# postgres logs everything to stderr; send it to stdout so the dashboard does not paint every LOG line as an error.
exec 2>&1
exec "${run_as[@]}" "$bin/postgres" -D "$data" -p "$port" \
  -c listen_addresses=127.0.0.1 \
  -c unix_socket_directories=
