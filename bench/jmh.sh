#!/usr/bin/env bash
# Builds and runs the JMH micro-benchmarks (bench/jmh, not part of the root reactor).
#   bench/jmh.sh [JMH ARGS...]     e.g. bench/jmh.sh Planning -f 1 -wi 2 -i 3
# INSTALL=1 first installs the project's modules into ~/.m2 (mvn -q install -DskipTests -DskipITs at the
# root) so the benchmarks link against the current orchestrator; MVN_OFFLINE=-o for offline builds.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
if [ "${INSTALL:-0}" = 1 ] || ! ls ~/.m2/repository/dev/drover/orchestrator/0.1.0-SNAPSHOT/*.jar >/dev/null 2>&1; then
  (cd "$root" && mvn ${MVN_OFFLINE:-} -B -q -DskipTests -DskipITs install >&2)
fi
(cd "$here/jmh" && mvn ${MVN_OFFLINE:-} -B -q package >&2)
# The machine has 2 cores: one fork, short iterations (overridable with JMH's own flags).
exec java -jar "$here/jmh/target/drover-jmh.jar" -f 1 -wi 3 -w 1s -i 5 -r 1s "$@"
