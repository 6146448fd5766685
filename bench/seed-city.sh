#!/usr/bin/env bash
# The seeds' city benchmark: builds the full city with the generator into the embedded PostgreSQL (fsync on), checks
# that the funnel shows the seeds' figures, then measures the funnel's latency for the city and one district beside
# ping, /api/v1/me and pgbench running the funnel's SQL (docs/benchmarks.md, "The seeds' city").
# Usage: bench/seed-city.sh [--scale=1] [--seed=20230530] [--rounds=3] [--duration=15] [--warmup=5] [--threads=2]
#                           [--connections=4] [--listeners=8] [--pool=20] [--out=target/bench/seed-city] [--wrk=wrk]
#                           [--pgbench=pgbench] [--reuse=true]   (measure again over the city the last run built)
# Extra Maven flags (e.g. -o for offline) go in MVN_FLAGS. Needs wrk and pgbench (apt-get install wrk
# postgresql-client). Raw outputs and the table land in target/bench/seed-city/.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk pgbench; do
  if [[ " $* " != *" --$tool="* ]] && ! command -v "$tool" >/dev/null; then
    echo "$tool not found: apt-get install wrk postgresql-client, or pass --$tool=/path/to/$tool" >&2
    exit 1
  fi
done
exec mvn -q ${MVN_FLAGS:-} -Pbench test-compile exec:exec -Dbench.main=org.unionhub.bench.SeedCityBenchmark \
  -Dbench.args="$*"
