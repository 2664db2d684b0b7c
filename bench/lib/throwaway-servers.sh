# Sourced by the bench scripts: a throw-away PostgreSQL and redis-server on free loopback ports, in a work folder
# that is deleted, with both servers stopped, when the script exits. Needs $root (the repository) and $bench_name;
# sets $work, $pg_bin, $pg_port and $redis_port, and the array $pids (add more processes to it to have them stopped).
work=$(mktemp -d -t "gamgyul-$bench_name-bench.XXXX")
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_port=$(free_port)
redis_port=$(free_port)

"$root/scripts/local/postgres.sh" "$pg_bin" "$work/pg" "$pg_port" >"$work/pg.log" 2>&1 &
pids+=($!)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pids+=($!)
