#!/usr/bin/env bash
# Organisation-tree benchmark: scope check and subtree listing on a tree of 100,000 unions (docs/benchmarks.md).
# Usage: bench/org-tree.sh [--nodes=100000] [--seconds=2] [--rounds=4] [--warmup=2] [--clients=1,8] [--seed=42]
#                          [--out=target/bench] [--pgbench=pgbench]
# Extra Maven flags (e.g. -o for offline) go in MVN_FLAGS. Results land in target/bench/: org-tree-results.md (the
# table) and org-tree-plans.txt (EXPLAIN ANALYZE of every statement).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " != *" --pgbench="* ]] && ! command -v pgbench >/dev/null; then
  echo "pgbench not found: apt-get install postgresql-client, or pass --pgbench=/path/to/pgbench" >&2
  exit 1
fi
exec mvn -q ${MVN_FLAGS:-} -Pbench test-compile exec:exec -Dbench.args="$*"
