#!/usr/bin/env bash
# Cluster overhead (issue 12): the same fleet upgraded by a local run and by a coordinator with two
# agents on this machine (one per zone, one database per zone), several runs each, interleaved.
# Prints, per run, the wall time of the whole command and the rollout time of its report, and the
# ratio cluster/local of the medians. Also times 'drover --help' and a no-op upgrade, and checks
# that neither loads a cluster or Hazelcast class.
#
#   bench/cluster.sh        N=200 schemas per database (2 databases), K=5 revisions, REPS=3
#
# Environment (optional): N, K, REPS, WORK (default bench/work/cluster), PGHOST/PGPORT/PGUSER,
# COLD=1 (start the agents afresh before each cluster run and recreate the databases, instead of
# long-running agents and a fleet reset in place).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
: "${N:=200}" "${K:=5}" "${REPS:=3}" "${WORK:=$here/work/cluster}"
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
jar="$root/cli/target/cli-0.1.0-SNAPSHOT-all.jar"
java_opts=(-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
tag="drover_cbench_$$"
psql_q=(psql -X -q -v ON_ERROR_STOP=1)
export DROVER_CLUSTER_KEY="bench-$$-$RANDOM"
agents=()
log() { printf '[cluster-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
  for pid in "${agents[@]}"; do kill "$pid" 2>/dev/null || true; done
  for zone in a b; do "${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS ${tag}_$zone WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS ${tag}_${zone}_tpl" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package >&2)
rm -rf "$WORK"; mkdir -p "$WORK/migrations/versions"
base=$((20000 + RANDOM % 20000))
cat > "$WORK/drover.ini" <<INI
[drover]
databases = a, b
concurrency = 8
[cluster]
name = $tag
members = 127.0.0.1:$base, 127.0.0.1:$((base + 1))
host = 127.0.0.1
port = $base
key = \${env:DROVER_CLUSTER_KEY}
[a]
url = jdbc:postgresql://$PGHOST:$PGPORT/${tag}_a?user=$PGUSER
tenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%%' ORDER BY 1
version_locations = %(here)s/migrations/versions
max_connections = 4
fleet_ledger = off
zone = a
[b]
url = jdbc:postgresql://$PGHOST:$PGPORT/${tag}_b?user=$PGUSER
tenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%%' ORDER BY 1
version_locations = %(here)s/migrations/versions
max_connections = 4
fleet_ledger = off
zone = b
INI
prev=""
for k in $(seq 1 "$K"); do
  rev=$(printf 'r%03d' "$k")
  { echo "-- revision: $rev"; echo "-- down_revision: $prev"
    [ "$k" = 1 ] || echo "-- lint_ignore: create-index-not-concurrently the benchmark's tables are empty"
    echo; echo "-- drover:upgrade"
    if [ "$k" = 1 ]; then echo "CREATE TABLE items (id INT PRIMARY KEY);"; else echo "ALTER TABLE items ADD COLUMN c$k TEXT;"; fi
    echo "CREATE INDEX items_$k ON items (id);"; echo; echo "-- drover:downgrade"; echo "DROP INDEX items_$k;"
  } > "$WORK/migrations/versions/${rev}_step.sql"
  prev=$rev
done
for zone in a b; do
  "${psql_q[@]}" -d postgres -c "CREATE DATABASE ${tag}_${zone}_tpl"
  sql=""; for i in $(seq -f '%04g' 1 "$N"); do sql="$sql CREATE SCHEMA tenant_$i;"; done
  "${psql_q[@]}" -d "${tag}_${zone}_tpl" -c "$sql"
done
recreate() {
  for zone in a b; do "${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS ${tag}_$zone WITH (FORCE)" \
    -c "CREATE DATABASE ${tag}_$zone TEMPLATE ${tag}_${zone}_tpl"; done
}
# In place, so that long-running agents keep their sessions: every tenant schema anew (no fleet ledger,
# in both modes: a process caches that it installed one).
reset_in_place() {
  for zone in a b; do
    sql=""
    for i in $(seq -f '%04g' 1 "$N"); do sql="$sql DROP SCHEMA tenant_$i CASCADE; CREATE SCHEMA tenant_$i;"; done
    "${psql_q[@]}" -d "${tag}_$zone" -c "$sql" >/dev/null 2>&1
  done
}
reset() { if [ "${COLD:-0}" = 1 ]; then recreate; else reset_in_place; fi; }
recreate
drover() { java "${java_opts[@]}" -jar "$jar" -c "$WORK/drover.ini" --no-progress "$@"; }
# Agents are started after each reset (recreating a database ends their pooled sessions) and before
# the timed command, as long-running agents would be; the local run is a fresh process each time.
start_agents() {
  agents=()
  java "${java_opts[@]}" -jar "$jar" -c "$WORK/drover.ini" agent --zones a --port "$base" --node-name agent-a \
    > "$WORK/agent-a.log" 2>&1 & agents+=($!)
  java "${java_opts[@]}" -jar "$jar" -c "$WORK/drover.ini" agent --zones b --port $((base + 1)) --node-name agent-b \
    > "$WORK/agent-b.log" 2>&1 & agents+=($!)
  until grep -q "joined cluster" "$WORK/agent-a.log" && grep -q "joined cluster" "$WORK/agent-b.log"; do
    for pid in "${agents[@]}"; do kill -0 "$pid" 2>/dev/null || { cat "$WORK"/agent-*.log >&2; exit 1; }; done
    sleep 0.5
  done
}
stop_agents() {
  for pid in "${agents[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${agents[@]}"; do wait "$pid" 2>/dev/null || true; done
  agents=()
}
if [ "${COLD:-0}" != 1 ]; then
  log "starting two long-running agents (zones a and b)"
  start_agents
fi
now() { date +%s%N; }
results="$WORK/results.tsv"; : > "$results"
for rep in $(seq 1 "$REPS"); do
  for mode in local cluster; do
    reset
    flag=(); [ "$mode" = cluster ] && { flag=(--cluster); [ "${COLD:-0}" = 1 ] && start_agents; }
    t0=$(now); drover -q upgrade "${flag[@]}" --report "$WORK/$mode-$rep.json"; t1=$(now)
    [ "$mode" = cluster ] && [ "${COLD:-0}" = 1 ] && stop_agents
    rollout=$(grep -m1 '"durationMs"' "$WORK/$mode-$rep.json" | tr -dc 0-9)
    printf '%s\t%s\t%d\t%d\n' "$mode" "$rep" $(((t1 - t0) / 1000000)) "$rollout" >> "$results"
    log "$mode run $rep: wall $(((t1 - t0) / 1000000)) ms, rollout $rollout ms"
  done
done
classes() { # classes a command loads, and how many of them are cluster or Hazelcast classes
  java "${java_opts[@]}" -Xlog:class+load=info:file="$WORK/classes.txt" -jar "$jar" -c "$WORK/drover.ini" "$@" >/dev/null 2>&1 || true
  printf '%d\t%d' "$(wc -l < "$WORK/classes.txt")" "$(grep -cE 'com\.hazelcast|io\.vertx\.spi\.cluster|dev\.drover\.cluster|dev\.drover\.cli\.cluster' "$WORK/classes.txt" || true)"
}
for rep in $(seq 1 "$REPS"); do
  t0=$(now); drover --help > /dev/null; t1=$(now); drover -q upgrade > /dev/null; t2=$(now)
  printf 'help\t%s\t%d\t0\nnoop\t%s\t%d\t0\n' "$rep" $(((t1 - t0) / 1000000)) "$rep" $(((t2 - t1) / 1000000)) >> "$results"
done
median() { awk -F'\t' -v m="$1" -v c="$2" '$1 == m { print $c }' "$results" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo
echo "fleet: 2 databases x $N schemas, $K revisions; $REPS runs each (interleaved); agents: $([ "${COLD:-0}" = 1 ] && echo "started before each run" || echo "long-running")"
printf '%-8s %12s %12s\n' mode "wall ms" "rollout ms"
for mode in local cluster; do printf '%-8s %12s %12s\n' "$mode" "$(median $mode 3)" "$(median $mode 4)"; done
awk -v c="$(median cluster 4)" -v l="$(median local 4)" -v cw="$(median cluster 3)" -v lw="$(median local 3)" \
  'BEGIN { printf "cluster/local: rollout %.2f, wall %.2f (wall includes joining the cluster)\n", c / l, cw / lw }'
printf 'help     %s ms (median), classes loaded / of them cluster: %s\n' "$(median help 3)" "$(classes --help)"
printf 'no-op    %s ms (median), classes loaded / of them cluster: %s\n' "$(median noop 3)" "$(classes -q upgrade)"
echo "raw: $results"
