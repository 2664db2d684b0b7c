#!/usr/bin/env bash
# The feed and post-detail benchmark of issue 4, in one run on this machine:
#   1. a throw-away PostgreSQL (with pg_stat_statements) and Redis on loopback ports;
#   2. the seeded data set (Gamgyul.Bench seed: 10 000 users, power-law follows, a star with 5 000
#      followers, 200 000 posts with images, likes, comments and replies), kept between runs;
#   3. the Api (Release build, Production settings) and the bare baseline (Kestrel + Npgsql, same SQL);
#   4. load from a separate process (Gamgyul.Bench.Social load), the baseline and the Api in alternating
#      windows of the same run (so both see the same background load), then the report.
# Settings (environment): BENCH_DIR, BENCH_ROUNDS, BENCH_DURATION, BENCH_WARMUP, BENCH_PRIME, BENCH_CONCURRENCY,
# BENCH_PG_PORT, BENCH_REDIS_PORT, BENCH_API_PORT, BENCH_BASELINE_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dir=${BENCH_DIR:-/tmp/gamgyul-bench-social}
rounds=${BENCH_ROUNDS:-4}
duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-3}
prime=${BENCH_PRIME:-20}
concurrency=${BENCH_CONCURRENCY:-32}
pg_port=${BENCH_PG_PORT:-25432}
redis_port=${BENCH_REDIS_PORT:-26379}
api_port=${BENCH_API_PORT:-25080}
baseline_port=${BENCH_BASELINE_PORT:-25090}
flush_seconds=5
key=bench-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz
mkdir -p "$dir"
chmod 755 "$dir"
results="$dir/results"
rm -rf "$results"
mkdir -p "$results"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# Release builds of the bench and (through its reference) of the Api, which runs from its own output.
dotnet build -c Release bench/Gamgyul.Bench.Social -nologo -v:q -clp:NoSummary
bench=bench/Gamgyul.Bench.Social/bin/Release/net10.0/Gamgyul.Bench.Social
api_dir=Gamgyul.Api/bin/Release/net10.0

# PostgreSQL, as root through the postgres account (it refuses to run as root).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_as=()
if [ "$(id -u)" -eq 0 ]; then run_as=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
data="$dir/postgres"
if [ ! -s "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  [ ${#run_as[@]} -gt 0 ] && chown postgres:postgres "$data"
  chmod 700 "$data"
  (cd "$data" && "${run_as[@]}" "$pg_bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null)
fi
(cd "$data" && exec "${run_as[@]}" "$pg_bin/postgres" -D "$data" -p "$pg_port" -k "$data" \
  -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=512MB \
  -c shared_preload_libraries=pg_stat_statements -c fsync=off -c synchronous_commit=off >"$dir/postgres.log" 2>&1) &
pids+=($!)
until "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; do sleep 0.2; done
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'gamgyul_bench'" | grep -q 1 || psql -d postgres -c "CREATE DATABASE gamgyul_bench"
db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=gamgyul_bench;Maximum Pool Size=64;No Reset On Close=true"

redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$dir/redis.log" 2>&1 &
pids+=($!)

"$bench" seed --db "$db"
psql -d gamgyul_bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
"$bench" tokens --db "$db" --signing-key "$key" --out "$dir/inputs"

(cd "$api_dir" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
  ConnectionStrings__db="$db" ConnectionStrings__cache="127.0.0.1:$redis_port" Jwt__SigningKey="$key" \
  Posts__Views__FlushIntervalSeconds=$flush_seconds Logging__LogLevel__Default=Warning Email__Delivery=Sink \
  exec dotnet Gamgyul.Api.dll >"$dir/api.log" 2>&1) &
api_pid=$!
pids+=($api_pid)
"$bench" baseline --db "$db" --urls "http://127.0.0.1:$baseline_port" >"$dir/baseline.log" 2>&1 &
baseline_pid=$!
pids+=($baseline_pid)
for url in "http://127.0.0.1:$api_port/health" "http://127.0.0.1:$baseline_port/post?id=$(head -n 1 "$dir/inputs/posts.txt")"; do
  for _ in $(seq 1 300); do curl -fs -o /dev/null "$url" && break; sleep 0.2; done
  curl -fs -o /dev/null "$url" || { echo "not answering: $url (see $dir/*.log)" >&2; exit 1; }
done

load() { "$bench" load --scenario "$1" --api "http://127.0.0.1:$api_port" --baseline "http://127.0.0.1:$baseline_port" \
  --inputs "$dir/inputs" --rounds "$rounds" --duration "$duration" --warmup "$warmup" --concurrency "$concurrency" \
  --prime "$prime" --api-pid "$api_pid" --baseline-pid "$baseline_pid" --out "$results"; }
load feed

# Database writes caused by post-detail reads: statements and rows, counted by PostgreSQL itself, over
# the whole detail run plus one flush interval (the buffered views are written after the reads). The
# baseline writes nothing, so everything counted is the Api's.
rows_written="SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables"
sleep $((flush_seconds + 1))
psql -d gamgyul_bench -c "SELECT pg_stat_statements_reset()" >/dev/null
before=$(psql -d gamgyul_bench -c "$rows_written")
load detail
sleep $((flush_seconds + 2))
sleep 1 # pg_stat_user_tables is updated when backends report, at most every second
after=$(psql -d gamgyul_bench -c "$rows_written")
statements=$(psql -d gamgyul_bench -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query ~* '^\s*(insert|update|delete|merge)'")
printf 'write_statements=%s\nrows_written=%s\n' "$statements" "$((after - before))" >"$results/detail-writes.txt"

uptime >"$results/machine.txt"
"$bench" report --results "$results"
echo "results in $results"
