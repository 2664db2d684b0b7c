#!/usr/bin/env bash
# Runs everything: installs missing system packages, then starts the Aspire AppHost (dashboard, Postgres,
# Redis, migrations, Api, workers). Extra arguments go to the AppHost, for example
#   scripts/run.sh --Gamgyul:Mode=local --Gamgyul:Local:PostgresPort=25432
# Ctrl-C or SIGTERM stops the AppHost and waits until every process it started (DCP, postgres,
# redis-server, the services) is gone, so nothing is left running.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/prereqs.sh

log=$(mktemp -t gamgyul-run.XXXXXX)
run_pid=""
stopping=0

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Every descendant of the given pids (from one ps snapshot), the pids themselves included.
descendants() {
  ps -eo pid=,ppid= | awk -v roots="$*" '
    { parent[$1] = $2; pids[NR] = $1 }
    END {
      n = split(roots, r, " "); for (i = 1; i <= n; i++) keep[r[i]] = 1
      do { changed = 0
        for (i in pids) { p = pids[i]; if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
      } while (changed)
      for (p in keep) print p
    }'
}

# DCP detaches from us (setsid), but it is started with "--monitor <AppHost pid>": find it by that.
dcp_of() {
  ps -ww -eo pid=,args= | awk -v apphost="$1" \
    '$0 ~ /dcp start-apiserver/ && $0 ~ ("--monitor " apphost "( |$)") { print $1 }'
}

alive() { local p; for p in "$@"; do kill -0 "$p" 2>/dev/null && echo "$p"; done; return 0; }

apphost=""
tree=""
# Remembers the AppHost, DCP and everything now running under them. Once the AppHost is gone, DCP's
# processes are no longer related to this script by anything, so the snapshot tells us what to wait for.
refresh_tree() {
  [ -n "$run_pid" ] || return 0
  [ -n "$apphost" ] || apphost=$(pgrep -P "$run_pid" -f 'Gamgyul\.AppHost' | head -n1 || true)
  local dcp=""
  [ -z "$apphost" ] || dcp=$(dcp_of "$apphost")
  tree=$(descendants "$run_pid" $dcp | tr '\n' ' ')
}

# Waits (up to 60 s) for every remembered process to exit; kills what is left after that.
wait_for_tree() {
  local left deadline=$((SECONDS + 60))
  while left=$(alive $tree) && [ -n "$left" ] && [ $SECONDS -lt $deadline ]; do
    sleep 0.5
  done
  if [ -n "$left" ]; then
    say "Still running after 60 s, killing: $(echo $left)"
    kill -KILL $left 2>/dev/null || true
  fi
}

stop_all() {
  [ "$stopping" -eq 1 ] && return
  stopping=1
  [ -n "$run_pid" ] || return 0
  refresh_tree
  say "Stopping Gamgyul (AppHost pid ${apphost:-?}); waiting for all of its processes to exit..."
  # A background job ignores SIGINT, so the AppHost itself gets SIGTERM (graceful shutdown).
  kill -TERM "${apphost:-$run_pid}" 2>/dev/null || true
  wait_for_tree
  wait "$run_pid" 2>/dev/null || true
  say "Stopped; nothing left running."
}

on_signal() {
  stop_all
  rm -f "$log"
  exit "$1"
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

say "Starting the AppHost (first build can take a minute)..."
dotnet run --project Gamgyul.AppHost -- "$@" > >(tee -a "$log") 2>&1 &
run_pid=$!

# Repeat the dashboard's login URL once it is printed, so it does not scroll away unnoticed.
shown=0
tick=0
while kill -0 "$run_pid" 2>/dev/null; do
  if [ "$shown" -eq 0 ] && url=$(grep -m1 -o 'http[^ ]*/login?t=[0-9a-fA-F]*' "$log" 2>/dev/null); then
    say "Dashboard: $url"
    say "Api: http://localhost:5080 (health: http://localhost:5080/health). Stop with Ctrl-C."
    shown=1
  fi
  if [ $((tick % 3)) -eq 0 ]; then refresh_tree; fi
  tick=$((tick + 1))
  sleep 1 & wait $! || true
done

# The AppHost ended by itself (a failed preflight, a crash): still wait for DCP to take its processes down.
status=0
wait "$run_pid" || status=$?
wait_for_tree
rm -f "$log"
exit "$status"
