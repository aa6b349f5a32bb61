#!/usr/bin/env bash
# Drover fleet benchmark: measures every scenario against floors measured in the same run: the
# same SQL run by psql (one transaction per tenant) over 1, 2 and 4 sessions, and for the reads
# 'drover current' on one tenant. See bench/README.md.
#
#   bench/run.sh            N=1000 tenants, K=20 revisions, OFFLINE_N=10000, BIG_N=10000, REPS=3
#   bench/run.sh --quick    N=50, K=5, OFFLINE_N=500, BIG_N=500, REPS=3 (smoke run, a few minutes)
#
# Environment (all optional): N, K, OFFLINE_N, BIG_N (tenants of the 'big' scenario, 3 light
# revisions each), REPS, UPGRADE_REPS (repetitions of the floors + full-upgrade group; default
# REPS), FLOORS (psql floors interleaved with each upgrade: any of "p1 p2 p4 tx"; default "p2 p4"),
# SCENARIOS (space-separated subset of "upgrade noop check status current drift offline help memory big"),
# WORK (scratch dir, default bench/work), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres),
# JAVA_OPTS_EXTRA (added to DROVER_JAVA_OPTS for every Drover run), KEEP_DB=1 (do not drop the
# databases at the end).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

if [ "${1:-}" = "--quick" ]; then
  : "${N:=50}" "${K:=5}" "${OFFLINE_N:=500}" "${BIG_N:=500}"
  shift
fi
: "${N:=1000}" "${K:=20}" "${OFFLINE_N:=10000}" "${BIG_N:=10000}" "${REPS:=3}"
: "${UPGRADE_REPS:=$REPS}"
: "${FLOORS:=p2 p4}"
: "${SCENARIOS:=upgrade noop check status current drift offline help memory big}"
: "${WORK:=$here/work}"
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER

jar="$root/cli/target/cli-0.1.0-SNAPSHOT-all.jar"
drover="$root/drover"
tag="drover_bench_$$"
tpl="${tag}_tpl"
db="${tag}_run"
big_tpl="${tag}_big_tpl"
big="${tag}_big"
psql_q=(psql -X -q -v ON_ERROR_STOP=1)
results="$WORK/results.tsv"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

cleanup() {
  if [ "${KEEP_DB:-0}" != 1 ]; then
    "${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS $tpl" \
      -c "DROP DATABASE IF EXISTS $big" -c "DROP DATABASE IF EXISTS $big_tpl" >/dev/null 2>&1 || true
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
PGPORT=$PGPORT java "$here/Generate.java" "$WORK" "$N" "$K" "$OFFLINE_N" "$db" >&2

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

# record SCENARIO SECONDS USER_CPU SYS_CPU MAXRSS_KB [SERVER_CPU]
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "${6:--}" >>"$results"; }

# CPU seconds the PostgreSQL server has spent so far: the postmaster's reaped children (backends that
# have exited) plus its live children. Only meaningful on a server nothing else uses (bench/README:
# PGPORT=5433 for a private cluster); '-' when the postmaster is not on this machine.
clk_tck=$(getconf CLK_TCK)
server_cpu() {
  local lock="/var/run/postgresql/.s.PGSQL.$PGPORT.lock" pm ticks c
  [ -r "$lock" ] || { echo -; return; }
  pm=$(head -1 "$lock")
  [ -r "/proc/$pm/stat" ] || { echo -; return; }
  ticks=$(awk '{ print $16 + $17 }' "/proc/$pm/stat")
  for c in $(cat /proc/"$pm"/task/*/children 2>/dev/null); do
    ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || echo 0)))
  done
  awk -v t="$ticks" -v h="$clk_tck" 'BEGIN { printf "%.2f", t / h }'
}

# timed SCENARIO OUTFILE CMD...: wall time from the shell (ns clock), CPU and max RSS from GNU time.
timed() {
  local scenario=$1 out=$2
  shift 2
  local tf t0 t1 c0 c1 rc=0
  tf=$(mktemp)
  c0=$(server_cpu)
  t0=$(date +%s%N)
  /usr/bin/time -o "$tf" -f '%U %S %M' "$@" >"$out" 2>"$out.err" || rc=$?
  t1=$(date +%s%N)
  local secs
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  read -r u s m < <(tail -1 "$tf")
  rm -f "$tf"
  sleep 0.3  # let the postmaster reap the command's backends, so their CPU is counted
  c1=$(server_cpu)
  local srv=-
  [ "$c0" = - ] || srv=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }')
  record "$scenario" "$secs" "$u" "$s" "$m" "$srv"
  log "$scenario: ${secs}s (user ${u}s sys ${s}s maxrss ${m}KB, server CPU ${srv}s, exit $rc)"
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

# ---- floors and full upgrade, interleaved so all see the same machine state ---------------------
# floor P: the SQL of floor.sql split over P psql sessions (P=1: floor.sql itself), each tenant one
# transaction; 'tx' is floor.sql with a commit after every revision.
run_floor() {  # run_floor NAME DIR DB
  local name=$1 dir=$2 database=$3 sessions
  case $name in
    p1) timed floor "$WORK/floor.out" "${psql_q[@]}" -d "$database" -f "$dir/floor.sql" ;;
    tx) timed floor_tx_per_revision "$WORK/floor.out" "${psql_q[@]}" -d "$database" -f "$dir/floor-tx-per-revision.sql" ;;
    p*) sessions=${name#p}
        timed "floor_$name" "$WORK/floor.out" bash -c 'pids=(); for f in "$@"; do psql -X -q -v ON_ERROR_STOP=1 -d '"$database"' -f "$f" >/dev/null & pids+=($!); done; fail=0; for p in "${pids[@]}"; do wait "$p" || fail=1; done; exit $fail' \
          _ $(for j in $(seq "$sessions"); do echo "$dir/floor-p$sessions-$j.sql"; done) ;;
  esac
  [ "$LAST_RC" = 0 ] || { cat "$WORK/floor.out.err" >&2; exit 1; }
}

if has upgrade || has noop || has check || has status || has current || has drift; then
  reps=$UPGRADE_REPS
  has upgrade || reps=1
  for r in $(seq "$reps"); do
    if has upgrade; then
      for f in $FLOORS; do
        reset_fleet
        run_floor "$f" "$WORK" "$db"
        log "floor $f run $r: $(at_head)/$N tenants at head"
      done
    fi
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
    drover_run current_one_tenant "$WORK/one.out" -c "$WORK/one.ini" current
    sleep 1.1; c0=$(commits)
    drover_run noop "$WORK/noop.out" -c "$WORK/drover.ini" upgrade head
    [ "$LAST_RC" = 0 ] || { tail -20 "$WORK/noop.out" "$WORK/noop.out.err" >&2; exit 1; }
    sleep 1.1; c1=$(commits)
    record noop_commits_per_tenant "$(awk -v a="$c0" -v b="$c1" -v n="$N" 'BEGIN { printf "%.1f", (b - a) / n }')" - - -
  done
fi

# The reads, each run interleaved with the reference: 'current' on a one-tenant view of the same database.
for read in check status current drift; do
  has "$read" || continue
  for _ in $(seq "$REPS"); do
    drover_run current_one_tenant "$WORK/one.out" -c "$WORK/one.ini" current
    drover_run "$read" "$WORK/$read.out" -c "$WORK/drover.ini" "$read"
    [ "$LAST_RC" = 0 ] || { tail -20 "$WORK/$read.out" "$WORK/$read.out.err" >&2; exit 1; }
  done
done

# drift at N tenants with three of them altered by hand (an extra index, a column's type, a dropped
# view, on the chain's first cycle of tables): drift must name exactly those three; they are put back.
if has drift; then
  mapfile -t odd < <("${psql_q[@]}" -d "$db" -Atc "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' ORDER BY 1" | awk 'NR == 7 || NR == 500 || NR == 993')
  viewdef=$("${psql_q[@]}" -d "$db" -Atc "SELECT pg_get_viewdef('\"${odd[2]}\".c1_recent_events'::regclass)")
  "${psql_q[@]}" -d "$db" -c "CREATE INDEX bench_drift_ix ON \"${odd[0]}\".c1_item_notes (written_at)" \
    -c "ALTER TABLE \"${odd[1]}\".c1_item_notes ALTER COLUMN body TYPE varchar(500)" \
    -c "DROP VIEW \"${odd[2]}\".c1_recent_events" >/dev/null
  drover_run drift_three_altered "$WORK/drift-found.out" -c "$WORK/drover.ini" drift
  found=$(grep -c ' differs from the majority' "$WORK/drift-found.out" || true)
  record drift_three_altered_exit "$LAST_RC" - - -
  record drift_three_altered_found "$found" - - -
  log "drift with 3 tenants altered (${odd[*]}): exit $LAST_RC, $found reported"
  "${psql_q[@]}" -d "$db" -c "DROP INDEX \"${odd[0]}\".bench_drift_ix" \
    -c "ALTER TABLE \"${odd[1]}\".c1_item_notes ALTER COLUMN body TYPE text" \
    -c "SET search_path TO \"${odd[2]}\"" -c "CREATE VIEW c1_recent_events AS $viewdef" >/dev/null
  [ "$found" = 3 ] || { cat "$WORK/drift-found.out" >&2; exit 1; }
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

# ---- big: BIG_N tenants x 3 light revisions online ---------------------------------------------
# The upgrade under -Xmx256m with its progress lines time-stamped (ETA accuracy), beside the
# parallel floors of the same SQL, then the reads at that size.
if has big; then
  bigdir="$WORK/big"
  java "$here/Generate.java" "$bigdir" "$BIG_N" 3 1 "$big" light >&2
  log "creating template database $big_tpl with $BIG_N tenant schemas"
  "${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $big_tpl" -c "CREATE DATABASE $big_tpl" >/dev/null
  "${psql_q[@]}" -d "$big_tpl" -f "$bigdir/schemas.sql" >/dev/null
  reset_big() {
    "${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $big" -c "CREATE DATABASE $big TEMPLATE $big_tpl" >/dev/null
  }
  for f in p2 p4; do
    reset_big
    timed "big_floor_$f" "$WORK/floor.out" bash -c 'pids=(); for f in "$@"; do psql -X -q -v ON_ERROR_STOP=1 -d '"$big"' -f "$f" >/dev/null & pids+=($!); done; fail=0; for p in "${pids[@]}"; do wait "$p" || fail=1; done; exit $fail' \
      _ $(for j in $(seq "${f#p}"); do echo "$bigdir/floor-p${f#p}-$j.sql"; done)
  done
  reset_big
  gclog="$WORK/gc-big.log"
  rm -f "$gclog" "$WORK/big-progress.log"
  big_c0=$(server_cpu)
  start_ns=$(date +%s%N)
  rc=0
  DROVER_JAVA_OPTS="${DROVER_JAVA_OPTS:-} ${JAVA_OPTS_EXTRA:-} -Xmx256m -Xlog:gc,gc+heap+exit:file=$gclog" \
    /usr/bin/time -o "$WORK/big.time" -f '%U %S %M' "$drover" -c "$bigdir/drover.ini" upgrade head \
    --report "$WORK/big-report.json" >"$WORK/big.out" 2> >(while IFS= read -r line; do printf '%s %s\n' "$(date +%s%N)" "$line"; done >"$WORK/big-progress.log") \
    || rc=$?
  end_ns=$(date +%s%N)
  sleep 0.5
  read -r u s m < <(tail -1 "$WORK/big.time")
  big_c1=$(server_cpu)
  big_srv=-
  [ "$big_c0" = - ] || big_srv=$(awk -v a="$big_c0" -v b="$big_c1" 'BEGIN { printf "%.2f", b - a }')
  record big_upgrade "$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')" "$u" "$s" "$m" "$big_srv"
  record big_upgrade_exit "$rc" - - -
  record big_upgrade_gc_peak_heap_mb "$(gc_peak_mb "$gclog")" - - -
  # ETA error of every progress line once 10% of the targets are done: |ETA - actual time left| / actual time left,
  # the time left measured to the command's exit (after the summary and the report are written).
  awk -v end="$end_ns" -v total="$BIG_N" '
    /ETA/ && match($0, /[0-9]+\/[0-9]+ done/) {
      split(substr($0, RSTART, RLENGTH), a, "/"); done = a[1] + 0
      if (done < total / 10) next
      match($0, /ETA [0-9]+:[0-9]+/); split(substr($0, RSTART + 4, RLENGTH - 4), t, ":")
      eta = t[1] * 60 + t[2]; left = (end - $1) / 1e9
      if (left < 5) next
      err = (eta - left) / left; if (err < 0) err = -err
      n++; if (err > max) max = err; sum += err
    }
    END { if (n) printf "big_eta_error_max_pct\t%.1f\t-\t-\t-\nbig_eta_error_mean_pct\t%.1f\t-\t-\t-\nbig_eta_lines\t%d\t-\t-\t-\n", 100 * max, 100 * sum / n, n }
  ' "$WORK/big-progress.log" >>"$results"
  log "big upgrade: exit $rc, $(grep -c ETA "$WORK/big-progress.log") progress lines with an ETA"
  # Every target's start and finish, kept small, and replayed through the candidate estimators
  # (bench/EtaReplay.java; with the orchestrator's classes, the production estimator too).
  if [ "$rc" = 0 ]; then
    java "$here/EtaReplay.java" extract "$WORK/big-report.json" "$end_ns" "$WORK/big-run.tsv.gz" >&2
    java -cp "$root/orchestrator/target/classes" "$here/EtaReplay.java" compare "$WORK/big-run.tsv.gz" \
      >"$WORK/big-eta-replay.txt" && log "ETA replay of this run: $WORK/big-eta-replay.txt"
  fi
  for read in noop check status current; do
    for _ in $(seq "$REPS"); do
      drover_run current_one_tenant "$WORK/one.out" -c "$WORK/one.ini" current
      if [ "$read" = noop ]; then
        drover_run big_noop "$WORK/big-read.out" -c "$bigdir/drover.ini" upgrade head
      else
        drover_run "big_$read" "$WORK/big-read.out" -c "$bigdir/drover.ini" "$read"
      fi
    done
  done
fi

# ---- report --------------------------------------------------------------------------------------
"$here/report.sh" "$results" "$N" "$K" "$OFFLINE_N" "$BIG_N"
