#!/usr/bin/env bash
# Roster-import benchmark: a generated roster of 1,193,500 members imported through the app's own API (upload →
# mapping → background validation → background commit) beside a raw COPY of the same file into a scratch table, in the
# same run, with the heap the JVM needed (docs/benchmarks.md, "Roster import").
# Usage: bench/import.sh [--rows=1193500] [--runs=3] [--format=csv|xlsx] [--unions=40] [--seed=42]
#                        [--out=target/bench/import] [--batch-size=10000] [--check-chunk=2000]
#                        [--without-name-index=true]   (diagnostic: drops the roster's trigram index on member.name)
# Extra Maven flags (e.g. -o for offline) go in MVN_FLAGS. The JVM runs with -Xms1g -Xmx1g (the bench profile).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -q ${MVN_FLAGS:-} -Pbench test-compile exec:exec -Dbench.main=org.unionhub.bench.ImportBenchmark \
  -Dbench.args="$*"
