#!/usr/bin/env bash
# Station-finder benchmark: nearest stations with two amenity filters and open-now among 200,000 stations across China,
# beside the app's trivial /api/v1/ping in the same run (docs/benchmarks.md, "Station finder").
# Usage: bench/finder.sh [--stations=200000] [--rounds=3] [--duration=15] [--warmup=10] [--threads=2]
#                        [--connections=32] [--points=10000] [--seed=42] [--out=target/bench/finder] [--wrk=wrk]
#                        [--jfr=target/bench/finder/rounds.jfr]   (a flight recording of the measured rounds)
# Extra Maven flags (e.g. -o for offline) go in MVN_FLAGS. Needs wrk (apt-get install wrk). Raw wrk outputs and the
# table land in target/bench/finder/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " != *" --wrk="* ]] && ! command -v wrk >/dev/null; then
  echo "wrk not found: apt-get install wrk, or pass --wrk=/path/to/wrk" >&2
  exit 1
fi
exec mvn -q ${MVN_FLAGS:-} -Pbench test-compile exec:exec -Dbench.main=org.unionhub.bench.FinderBenchmark \
  -Dbench.args="$*"
