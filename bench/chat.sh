#!/usr/bin/env bash
# Chat delivery benchmark: Gamgyul's gateway (Redis Streams bus + ChatWorker storing to Postgres) against a bare
# in-process WebSocket broadcaster, rooms of 2 and of 50. Starts a throwaway PostgreSQL and redis-server on free
# loopback ports, builds in Release, runs bench/Gamgyul.Bench.Chat, and stops everything it started.
#   usage: bench/chat.sh [--seconds 10] [--warmup 3] [--window 4]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench_name=chat
# shellcheck source=lib/throwaway-servers.sh
source "$root/bench/lib/throwaway-servers.sh"

dotnet build -c Release "$root/Gamgyul.ChatWorker" -v q -nologo | grep -E "error|warn" && exit 1 || true
dotnet build -c Release "$root/bench/Gamgyul.Bench.Chat" -v q -nologo | grep -E "error|warn" && exit 1 || true

for _ in $(seq 1 100); do
  "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q && break
  sleep 0.2
done
db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"

dotnet "$root/bench/Gamgyul.Bench.Chat/bin/Release/net10.0/Gamgyul.Bench.Chat.dll" \
  --db "$db" --redis "127.0.0.1:$redis_port" \
  --worker "$root/Gamgyul.ChatWorker/bin/Release/net10.0/Gamgyul.ChatWorker.dll" "$@"
