#!/usr/bin/env bash
# Joins benchmark: submit + approve over HTTP against the running app (embedded PostgreSQL, fsync on), beside
# pgbench's one-row INSERT transaction at the same client count on the app's own database (docs/benchmarks.md, "Joins").
# Usage: bench/joins.sh [--clients=8,16,32] [--rounds=3] [--seconds=20] [--warmup=60]
#                       [--rate=300] [--open-rounds=3] [--open-seconds=30] [--open-connections=64]
#                       [--phases=closed,open] [--out=target/bench/joins] [--pgbench=pgbench]
#                       [--jfr=target/bench/joins/app.jfr]   (a flight recording of the app during the measurements)
#                       [--app-arg=--some.property=value] [--app-arg=-XX:SomeJvmOption]   (each passed to the app)
# Extra Maven flags (e.g. -o for offline) go in MVN_FLAGS. Needs pgbench (apt-get install postgresql-client). The app
# runs in a JVM of its own, started by the benchmark; its log, pgbench's scripts and logs and the tables land in
# target/bench/joins/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " != *" --pgbench="* ]] && ! command -v pgbench >/dev/null; then
  echo "pgbench not found: apt-get install postgresql-client, or pass --pgbench=/path/to/pgbench" >&2
  exit 1
fi
exec mvn -q ${MVN_FLAGS:-} -Pbench test-compile exec:exec -Dbench.main=org.unionhub.bench.JoinBenchmark \
  -Dbench.args="$*"
