#!/usr/bin/env bash
# The README's test command: installs what is missing, builds with warnings as errors, and runs the
# whole suite against real PostgreSQL and Redis servers that the tests start (and stop) themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scripts/prereqs.sh

# Every server a test starts keeps its files here; whatever a crashed test host left running is
# stopped on the way out, so no run leaves an orphan behind.
GAMGYUL_TEST_RUN_DIR=$(mktemp -d -t gamgyul-test.XXXXXX)
chmod 755 "$GAMGYUL_TEST_RUN_DIR"
export GAMGYUL_TEST_RUN_DIR
cleanup() {
  for pidfile in "$GAMGYUL_TEST_RUN_DIR"/postgres-*/postmaster.pid "$GAMGYUL_TEST_RUN_DIR"/redis-*/redis.pid \
      "$GAMGYUL_TEST_RUN_DIR"/s3rver-*/s3rver.pid; do
    [ -f "$pidfile" ] && kill "$(head -n 1 "$pidfile")" 2>/dev/null || true
  done
  rm -rf "$GAMGYUL_TEST_RUN_DIR"
}
trap cleanup EXIT

dotnet tool restore >/dev/null
# The web client (Gamgyul.Web): its unit tests, and the build the Api serves and the browser tests drive.
(cd Gamgyul.Web && npm ci --no-audit --no-fund --loglevel=error && npm run build && npm test)
dotnet build Gamgyul.sln -warnaserror -nologo -clp:NoSummary -v:q

log="$GAMGYUL_TEST_RUN_DIR/test-output.log"
status=0
dotnet test Gamgyul.sln --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# CI shows only the tail of the output: repeat each failed test (name, message, first stack lines) here.
awk '
  /^  (Passed|Skipped) / || /^Test Run / || /^Total tests:/ { inFailure = 0 }
  /^  Failed [A-Za-z]/ { inFailure = 1; lines = 0; print "----" }
  inFailure && lines++ < 25' "$log"

# One plain closing line for CI: "N passed, N failed, N skipped" (summed over test assemblies).
read -r total passed failed skipped < <(awk '
  /^Total tests:/ { t += $3 }
  /^ +Passed: +[0-9]+$/ { p += $2 }
  /^ +Failed: +[0-9]+$/ { f += $2 }
  /^ +Skipped: +[0-9]+$/ { s += $2 }
  END { print t+0, p+0, f+0, s+0 }' "$log")
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$total" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
