#!/usr/bin/env bash
# Drover fleet benchmark: measures every scenario of issue 6 against the physical floor (one psql
# session, one transaction per tenant) measured in the same run. See bench/README.md.
#
#   bench/run.sh            N=1000 tenants, K=20 revisions, OFFLINE_N=10000, REPS=3
#   bench/run.sh --quick    N=50, K=5, OFFLINE_N=500, REPS=3 (smoke run, ~1 minute)
#
# Environment (all optional): N, K, OFFLINE_N, REPS, UPGRADE_REPS (repetitions of the floor and
# full-upgrade pair; default REPS), SCENARIOS (space-separated subset of
# "upgrade noop check offline help memory"), WORK (scratch dir, default bench/work),
# PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres), JAVA_OPTS_EXTRA (added to
# DROVER_JAVA_OPTS for every Drover run), KEEP_DB=1 (do not drop the databases at the end).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

if [ "${1:-}" = "--quick" ]; then
  : "${N:=50}" "${K:=5}" "${OFFLINE_N:=500}"
  shift
fi
: "${N:=1000}" "${K:=20}" "${OFFLINE_N:=10000}" "${REPS:=3}"
: "${UPGRADE_REPS:=$REPS}"
: "${SCENARIOS:=upgrade noop check offline help memory}"
: "${WORK:=$here/work}"
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER

jar="$root/cli/target/cli-0.1.0-SNAPSHOT-all.jar"
drover="$root/drover"
tag="drover_bench_$$"
tpl="${tag}_tpl"
db="${tag}_run"
psql_q=(psql -X -q -v ON_ERROR_STOP=1)
results="$WORK/results.tsv"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  if [ "${KEEP_DB:-0}" != 1 ]; then
    "${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS $tpl" \
      >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# ---- build and generate ----------------------------------------------------------------------
if [ ! -f "$jar" ]; then
  log "building $jar"
  (cd "$root" && mvn -B -q -DskipTests package >&2)
fi
mkdir -p "$WORK"
rm -f "$results"
java "$here/Generate.java" "$WORK" "$N" "$K" "$OFFLINE_N" "$db" >&2

# ---- databases -------------------------------------------------------------------------------
# The template holds the N empty tenant schemas; every reset clones it (CREATE DATABASE ...
# TEMPLATE is a file copy, much faster than dropping N schemas full of tables).
log "creating template database $tpl with $N tenant schemas"
"${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $tpl" -c "CREATE DATABASE $tpl" >/dev/null
"${psql_q[@]}" -d "$tpl" -f "$WORK/schemas.sql" >/dev/null

reset_fleet() {
  "${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db TEMPLATE $tpl" >/dev/null
}

commits() {  # transactions committed in the run database so far (pg_stat_database, may lag ~0.5 s)
  "${psql_q[@]}" -d postgres -Atc "SELECT pg_stat_clear_snapshot(); SELECT xact_commit FROM pg_stat_database WHERE datname = '$db'" | tail -1
}

at_head() {  # number of tenants whose version table holds the head revision
  local head
  head=$(sed -n 's/^-- revision: //p' "$(ls "$WORK"/versions/*.sql | tail -1)")
  local sql
  sql=$("${psql_q[@]}" -d "$db" -Atc "SELECT string_agg(format('SELECT count(*) FROM %I.drover_version WHERE version_num = %L', nspname, '$head'), ' UNION ALL ') FROM pg_namespace WHERE nspname LIKE 'tenant%'")
  "${psql_q[@]}" -d "$db" -Atc "SELECT sum(c) FROM ($sql) s(c)"
}

# record SCENARIO SECONDS USER_CPU SYS_CPU MAXRSS_KB
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"; }

# timed SCENARIO OUTFILE CMD...: wall time from the shell (ns clock), CPU and max RSS from GNU time.
timed() {
  local scenario=$1 out=$2
  shift 2
  local tf t0 t1 rc=0
  tf=$(mktemp)
  t0=$(date +%s%N)
  /usr/bin/time -o "$tf" -f '%U %S %M' "$@" >"$out" 2>"$out.err" || rc=$?
  t1=$(date +%s%N)
  local secs
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  read -r u s m < <(tail -1 "$tf")
  rm -f "$tf"
  record "$scenario" "$secs" "$u" "$s" "$m"
  log "$scenario: ${secs}s (user ${u}s sys ${s}s maxrss ${m}KB, exit $rc)"
  LAST_RC=$rc
}

drover_run() {  # drover_run SCENARIO OUTFILE ARGS...
  local scenario=$1 out=$2
  shift 2
  DROVER_JAVA_OPTS="${DROVER_JAVA_OPTS:-} ${JAVA_OPTS_EXTRA:-}" timed "$scenario" "$out" "$drover" "$@"
}

has() { [[ " $SCENARIOS " == *" $1 "* ]]; }

# JVM start alone with the launcher's flags, to separate start-up from Drover's own work.
for _ in $(seq "$REPS"); do
  timed jvm_version "$WORK/jvm.out" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version
done

# ---- floor and full upgrade, interleaved so both see the same machine state ----------------------
if has upgrade || has noop || has check; then
  reps=$UPGRADE_REPS
  has upgrade || reps=1
  for r in $(seq "$reps"); do
    reset_fleet
    timed floor "$WORK/floor.out" "${psql_q[@]}" -d "$db" -f "$WORK/floor.sql"
    [ "$LAST_RC" = 0 ] || { cat "$WORK/floor.out.err" >&2; exit 1; }
    log "floor run $r: $(at_head)/$N tenants at head"
    reset_fleet
    timed floor_tx_per_revision "$WORK/floor2.out" "${psql_q[@]}" -d "$db" -f "$WORK/floor-tx-per-revision.sql"
    [ "$LAST_RC" = 0 ] || { cat "$WORK/floor2.out.err" >&2; exit 1; }
    log "floor (tx per revision) run $r: $(at_head)/$N tenants at head"
    reset_fleet
    sleep 1.1; c0=$(commits)
    drover_run upgrade "$WORK/upgrade.out" -c "$WORK/drover.ini" upgrade head
    [ "$LAST_RC" = 0 ] || { tail -20 "$WORK/upgrade.out" "$WORK/upgrade.out.err" >&2; exit 1; }
    sleep 1.1; c1=$(commits)
    log "upgrade run $r: $(at_head)/$N tenants at head; $((c1 - c0)) transactions committed"
    record upgrade_commits_per_tenant "$(awk -v a="$c0" -v b="$c1" -v n="$N" 'BEGIN { printf "%.1f", (b - a) / n }')" - - -
  done
fi

# ---- the fleet is now at head (left by the last Drover upgrade) ------------------------------
if has noop; then
  for _ in $(seq "$REPS"); do
    sleep 1.1; c0=$(commits)
    drover_run noop "$WORK/noop.out" -c "$WORK/drover.ini" upgrade head
    [ "$LAST_RC" = 0 ] || { tail -20 "$WORK/noop.out" "$WORK/noop.out.err" >&2; exit 1; }
    sleep 1.1; c1=$(commits)
    record noop_commits_per_tenant "$(awk -v a="$c0" -v b="$c1" -v n="$N" 'BEGIN { printf "%.1f", (b - a) / n }')" - - -
  done
fi

if has check; then
  for _ in $(seq "$REPS"); do
    drover_run check "$WORK/check.out" -c "$WORK/drover.ini" check
    [ "$LAST_RC" = 0 ] || { tail -20 "$WORK/check.out" "$WORK/check.out.err" >&2; exit 1; }
  done
fi

# ---- offline: OFFLINE_N tenants x K revisions, no database -------------------------------------
if has offline; then
  for _ in $(seq "$REPS"); do
    drover_run offline "$WORK/offline.sql" -c "$WORK/offline.ini" upgrade head --sql
    [ "$LAST_RC" = 0 ] || { tail -20 "$WORK/offline.sql.err" >&2; exit 1; }
  done
  log "offline SQL: $(wc -c <"$WORK/offline.sql") bytes, $(grep -c '^COMMIT;' "$WORK/offline.sql") transactions"
fi

if has help; then
  for _ in $(seq "$REPS"); do
    drover_run help "$WORK/help.out" --help
  done
fi

# ---- memory at OFFLINE_N tenants ----------------------------------------------------------------
# Peak RSS of the whole process (GNU time) and the heap occupancy the GC saw (the largest
# 'before' figure of -Xlog:gc), with the launcher's flags; then the same command capped at
# -Xmx256m, which must still succeed for the 256 MB heap target.
gc_peak_mb() {  # the largest heap occupancy in a -Xlog:gc,gc+heap+exit log: before any GC, or at exit
  awk '/ Pause / && match($0, /[0-9]+M->/) { b = substr($0, RSTART, RLENGTH - 3) + 0; if (b > p) p = b }
       /heap,exit/ && /generation +total/ && match($0, /used [0-9]+K/) { e += substr($0, RSTART + 5, RLENGTH - 6) / 1024 }
       END { if (e > p) p = e; printf "%.0f", p }' "$1"
}

if has memory; then
  gclog="$WORK/gc-offline.log"
  rm -f "$gclog"
  JAVA_OPTS_EXTRA="${JAVA_OPTS_EXTRA:-} -Xlog:gc,gc+heap+exit:file=$gclog" \
    drover_run memory_offline "$WORK/offline.sql" -c "$WORK/offline.ini" upgrade head --sql
  peak=$(gc_peak_mb "$gclog")
  record memory_offline_gc_peak_heap_mb "${peak:-0}" - - -
  JAVA_OPTS_EXTRA="${JAVA_OPTS_EXTRA:-} -Xmx256m" \
    drover_run memory_offline_xmx256m "$WORK/offline-256.sql" -c "$WORK/offline.ini" upgrade head --sql
  record memory_offline_xmx256m_exit "$LAST_RC" - - -
  if [ "$LAST_RC" != 0 ]; then
    log "with -Xmx256m: $(grep -m1 -o 'OutOfMemoryError[^\"]*' "$WORK/offline-256.sql.err" || tail -1 "$WORK/offline-256.sql.err")"
  fi
  if has check; then  # online at N tenants: the check command's footprint
    gclog="$WORK/gc-check.log"
    rm -f "$gclog"
    JAVA_OPTS_EXTRA="${JAVA_OPTS_EXTRA:-} -Xlog:gc,gc+heap+exit:file=$gclog" \
      drover_run memory_check "$WORK/check.out" -c "$WORK/drover.ini" check
    peak=$(gc_peak_mb "$gclog")
    record memory_check_gc_peak_heap_mb "${peak:-0}" - - -
  fi
fi

# ---- report --------------------------------------------------------------------------------------
"$here/report.sh" "$results" "$N" "$K" "$OFFLINE_N"
