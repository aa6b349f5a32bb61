#!/usr/bin/env bash
# Where the server's work goes, per tenant, with measures that do not depend on the machine's load:
# the psql floors and one or more Drover jars upgrade the same fresh fleet (N schemas x K heavy
# revisions), each run alone, and every run reports per tenant: WAL records, full-page images and
# bytes (pg_stat_wal), transactions committed, catalog rows added (pg_class, pg_type, pg_attribute,
# pg_depend, pg_trigger, pg_index, pg_constraint), server CPU (the postmaster's children, /proc),
# and with PROXY=1 the wire messages through a counting proxy (bench/WireCount.java): round trips
# (simple queries + syncs), extended-protocol executes, connections. See bench/README.md.
#
#   PGPORT=5433 JARS="old=/path/old-all.jar new=cli/target/cli-0.1.0-SNAPSHOT-all.jar" bench/attribute.sh
#
# Environment: N (default 100), K (20), REPS (1), FLOORS (any of "p1 p4", default "p1 p4"), JARS
# (label=jar pairs, default "this=<this checkout's jar>"), PROXY=1 (count wire messages; adds latency,
# so its CPU figures are not the timing runs'), INI_EXTRA (lines appended to the [app] section of
# drover.ini, e.g. "fleet_ledger = off"), WORK (default bench/work-attr). Needs a server nothing
# else uses (the CPU and WAL figures are the whole server's).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
: "${N:=100}" "${K:=20}" "${REPS:=1}" "${FLOORS:=p1 p4}" "${PROXY:=0}" "${INI_EXTRA:=}"
: "${JARS:=this=$root/cli/target/cli-0.1.0-SNAPSHOT-all.jar}"
: "${WORK:=$here/work-attr}"
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
tag="drover_attr_$$"
tpl="${tag}_tpl"
db="${tag}_run"
psql_q=(psql -X -q -v ON_ERROR_STOP=1)
proxy_port=$((20000 + $$ % 20000))
proxy_pid=

log() { printf '[attr %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  [ -z "$proxy_pid" ] || kill "$proxy_pid" 2>/dev/null || true
  "${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS $tpl" >/dev/null 2>&1 || true
}
trap cleanup EXIT

mkdir -p "$WORK"
java "$here/Generate.java" "$WORK" "$N" "$K" 1 "$db" >&2
"${psql_q[@]}" -d postgres -c "CREATE DATABASE $tpl" >/dev/null
"${psql_q[@]}" -d "$tpl" -f "$WORK/schemas.sql" >/dev/null
printf '%s\n' "$INI_EXTRA" >>"$WORK/drover.ini"

port=$PGPORT
if [ "$PROXY" = 1 ]; then
  java "$here/WireCount.java" "$proxy_port" "$PGHOST" "$PGPORT" "$WORK/wire.tsv" &
  proxy_pid=$!
  sleep 2
  port=$proxy_port
  sed -i "s#:$PGPORT/$db#:$proxy_port/$db?sslmode=disable#" "$WORK/drover.ini"
fi

clk_tck=$(getconf CLK_TCK)
server_ticks() {  # the postmaster's reaped and live children, in clock ticks
  local pm ticks c
  pm=$(head -1 "/var/run/postgresql/.s.PGSQL.$PGPORT.lock")
  ticks=$(awk '{ print $16 + $17 }' "/proc/$pm/stat")
  for c in $(cat /proc/"$pm"/task/*/children 2>/dev/null); do
    ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || echo 0)))
  done
  echo "$ticks"
}

# One line of counters: WAL records, FPIs, bytes; commits in the run database; catalog rows there.
snapshot() {
  "${psql_q[@]}" -d "$db" -At -F ' ' -c "SELECT pg_stat_clear_snapshot()" -c "SELECT w.wal_records, w.wal_fpi, w.wal_bytes,
      (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
      (SELECT count(*) FROM pg_class), (SELECT count(*) FROM pg_type), (SELECT count(*) FROM pg_attribute),
      (SELECT count(*) FROM pg_depend), (SELECT count(*) FROM pg_trigger), (SELECT count(*) FROM pg_index),
      (SELECT count(*) FROM pg_constraint) FROM pg_stat_wal w" | tail -1
}

wire() {  # total round trips, executes, connections so far
  [ "$PROXY" = 1 ] && [ -f "$WORK/wire.tsv" ] || { echo "0 0 0"; return; }
  awk '$1 == "msg_Q" || $1 == "msg_S" { rt += $2 } $1 == "msg_E" { e += $2 } $1 == "connections" { c = $2 }
       END { printf "%d %d %d\n", rt, e, c }' "$WORK/wire.tsv"
}

names=(wal_records wal_fpi wal_bytes commits pg_class pg_type pg_attribute pg_depend pg_trigger pg_index pg_constraint)
printf 'run\twall_s\tserver_cpu_ms\t%s\tround_trips\texecutes\tconnections\t(per tenant, N=%s K=%s)\n' \
  "$(IFS=$'\t'; echo "${names[*]}")" "$N" "$K"

# SAMPLE=1: every 0.2 s, each live backend's CPU ticks with its kind (backend_type, or for client
# backends the application name with run ids and numbers stripped); summed per kind at the end.
sampler() {  # sampler OUTFILE: runs until killed
  local pm
  pm=$(head -1 "/var/run/postgresql/.s.PGSQL.$PGPORT.lock")
  while true; do
    PGAPPNAME=sampler "${psql_q[@]}" -d postgres -At -F ' ' -c "SELECT pid, CASE WHEN backend_type = 'client backend' THEN
        regexp_replace(regexp_replace(coalesce(nullif(application_name, ''), 'unnamed'), ' [0-9a-f-]{8,}', ''), ' #[0-9]+', ' work')
        ELSE replace(backend_type, ' ', '_') END FROM pg_stat_activity" 2>/dev/null | while read -r pid kind; do
      [ -r "/proc/$pid/stat" ] && echo "$pid ${kind// /_} $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null)"
    done >>"$1"
    sleep 0.2
  done
}

measure() {  # measure LABEL CMD...
  local label=$1
  shift
  "${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE $tpl" -c CHECKPOINT >/dev/null
  local setting
  for setting in ${DB_SETTINGS:-}; do  # e.g. log_min_messages=debug4 (per database, this run only)
    "${psql_q[@]}" -d postgres -c "ALTER DATABASE $db SET ${setting%%=*} = '${setting#*=}'" >/dev/null
  done
  sleep 1.1
  local s0 s1 c0 c1 w0 w1 t0 t1
  local lsn0 lsn1
  lsn0=$("${psql_q[@]}" -d postgres -Atc "SELECT pg_current_wal_lsn()")
  s0=$(snapshot); w0=$(wire); c0=$(server_ticks); t0=$(date +%s%N)
  local sampler_pid=
  if [ "${SAMPLE:-0}" = 1 ]; then
    rm -f "$WORK/$label.samples"; sampler "$WORK/$label.samples" & sampler_pid=$!
  fi
  local perf_pid=
  if [ "${PERF:-0}" = 1 ]; then  # PERF=1: a system-wide CPU profile of the run (perf, software clock, 99 Hz)
    perf record -q -e cpu-clock -F 99 -a -g -o "$WORK/$label.perf.data" >/dev/null 2>&1 & perf_pid=$!
  fi
  "$@" >"$WORK/$label.out" 2>&1 || { tail -20 "$WORK/$label.out" >&2; exit 1; }
  t1=$(date +%s%N)
  if [ -n "$perf_pid" ]; then kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true; fi
  if [ -n "$sampler_pid" ]; then
    kill "$sampler_pid"; wait "$sampler_pid" 2>/dev/null || true
    # the last sample of each pid (CPU since the backend started), summed per kind, ms per tenant
    awk -v n="$N" -v hz="$clk_tck" -v label="$label" '{ last[$1] = $3; kind[$1] = $2 }
      END { for (p in last) { ms[kind[p]] += last[p] * 1000 / hz / n; cnt[kind[p]]++ }
            for (k in ms) printf "#  %s backends %s: %d, %.1f ms CPU per tenant\n", label, k, cnt[k], ms[k] }' \
      "$WORK/$label.samples" | sort >&2
  fi
  sleep 1.1
  c1=$(server_ticks); s1=$(snapshot); w1=$(wire)
  lsn1=$("${psql_q[@]}" -d postgres -Atc "SELECT pg_current_wal_lsn()")
  if [ -n "${WALDUMP:-}" ]; then  # WALDUMP=DATA_DIRECTORY: the run's WAL records by type (pg_waldump --stats=record)
    /usr/lib/postgresql/15/bin/pg_waldump -p "$WALDUMP/pg_wal" -s "$lsn0" -e "$lsn1" --stats=record >"$WORK/$label.waldump" 2>&1 || true
  fi
  awk -v label="$label" -v n="$N" -v s0="$s0" -v s1="$s1" -v w0="$w0" -v w1="$w1" -v c0="$c0" -v c1="$c1" \
      -v t0="$t0" -v t1="$t1" -v hz="$clk_tck" 'BEGIN {
    split(s0, a, " "); split(s1, b, " "); split(w0, x, " "); split(w1, y, " ")
    printf "%s\t%.2f\t%.1f", label, (t1 - t0) / 1e9, (c1 - c0) * 1000 / hz / n
    for (i = 1; i <= 11; i++) printf "\t%.1f", (b[i] - a[i]) / n
    for (i = 1; i <= 3; i++) printf "\t%.1f", (y[i] - x[i]) / n
    printf "\n" }'
}

for r in $(seq "$REPS"); do
  for f in $FLOORS; do
    if [[ $f == *r* ]]; then  # e.g. p4r25: the p4 floor with a new connection (psql \connect) every 25 tenants
      every=${f#*r}; f=${f%r*}
      for j in $(seq "${f#p}"); do
        awk -v c="$every" '/^BEGIN;$/ { if (n > 0 && n % c == 0) print "\\connect"; n++ } { print }' \
          "$WORK/floor-$f-$j.sql" >"$WORK/floor-${f}r-$j.sql"
      done
      measure "floor_${f}_reconnect$every" bash -c 'pids=(); for f in "${@:2}"; do psql -X -q -v ON_ERROR_STOP=1 -p '"$port"' -d '"$db"' -f "$f" >/dev/null & pids+=($!); done; fail=0; for p in "${pids[@]}"; do wait "$p" || fail=1; done; exit $fail' \
        _ x $(for j in $(seq "${f#p}"); do echo "$WORK/floor-${f}r-$j.sql"; done)
      continue
    fi
    case $f in
      p1) measure "floor_p1" "${psql_q[@]}" -p "$port" -d "$db" -f "$WORK/floor.sql" ;;
      p*) measure "floor_$f" bash -c 'pids=(); for f in "${@:2}"; do psql -X -q -v ON_ERROR_STOP=1 -p '"$port"' -d '"$db"' -f "$f" >/dev/null & pids+=($!); done; fail=0; for p in "${pids[@]}"; do wait "$p" || fail=1; done; exit $fail' \
            _ x $(for j in $(seq "${f#p}"); do echo "$WORK/floor-p${f#p}-$j.sql"; done) ;;
    esac
  done
  for pair in $JARS; do
    DROVER_JAR="${pair#*=}" measure "drover_${pair%%=*}" "$root/cli/src/dist/bin/drover" -c "$WORK/drover.ini" upgrade head
  done
done
