#!/usr/bin/env bash
# The search benchmark of issue 7, in one run on this machine:
#   1. a throw-away PostgreSQL and Redis on free loopback ports (stopped and deleted at the end);
#   2. `Gamgyul.Bench --endpoint`: N synthetic Korean posts COPYed into Postgres, indexing throughput of the real
#      `rebuild-index fresh` (read, embed, upsert), query p50/p99 and queries per second of GET /search/ through the
#      real Api against the same queries sent straight to the vector index, and the edit-to-searchable lag through
#      outbox, relay, Redis Streams and the SearchIndexer;
#   3. `Gamgyul.Bench --postgres`: embedding and exact top-k in process, and the Postgres adapter's latency and
#      recall@k against exact search on the same N vectors; with MILVUS_ENDPOINT set, the Milvus adapter as well
#      (a collection of its own, dropped at the end).
# Settings (environment): BENCH_DOCUMENTS (100000), BENCH_QUERIES (300), BENCH_EDITS (20), BENCH_DIMENSIONS (384),
# MILVUS_ENDPOINT, MILVUS_TOKEN. Output: the figures on stdout.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

documents=${BENCH_DOCUMENTS:-100000}
queries=${BENCH_QUERIES:-300}
edits=${BENCH_EDITS:-20}
dimensions=${BENCH_DIMENSIONS:-384}

bench_name=search
# shellcheck source=lib/throwaway-servers.sh
source "$root/bench/lib/throwaway-servers.sh"

dotnet build -c Release "$root/bench/Gamgyul.Bench" -nologo -v:q -clp:NoSummary
bench="$root/bench/Gamgyul.Bench/bin/Release/net10.0/Gamgyul.Bench"

for _ in $(seq 1 150); do
  "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q && break
  sleep 0.2
done
"$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q || { cat "$work/pg.log" >&2; exit 1; }
for name in bench_endpoint bench_adapters; do
  "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE $name"
done
db() { echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$1;Maximum Pool Size=64"; }

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== endpoint: $documents posts, $queries queries, $edits edits"
"$bench" --endpoint --postgres "$(db bench_endpoint)" --redis "127.0.0.1:$redis_port" \
  --documents "$documents" --queries "$queries" --edits "$edits" --dimensions "$dimensions"

echo "== adapters: $documents vectors, $queries queries"
adapters=(--postgres "$(db bench_adapters)")
if [ -n "${MILVUS_ENDPOINT:-}" ]; then
  adapters+=(--milvus "$MILVUS_ENDPOINT")
  [ -n "${MILVUS_TOKEN:-}" ] && adapters+=(--milvus-token "$MILVUS_TOKEN")
else
  echo "Milvus: not run (set MILVUS_ENDPOINT, e.g. http://localhost:19530, to measure its recall@10 against exact search)"
fi
"$bench" --documents "$documents" --queries "$queries" --dimensions "$dimensions" "${adapters[@]}"
echo "== done $(date -u '+%H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
