#!/usr/bin/env bash
# Profiles Drover's fleet commands with JDK Flight Recorder and prints where the time goes
# (bench/JfrSummary.java), plus start-up facts for --help (classes loaded; the effect of an
# AppCDS archive, measured as a what-if with JVM flags only, no code change).
#
#   bench/profile.sh            N=1000, K=20
#   bench/profile.sh --quick    N=50, K=5
# Environment: N, K, WORK (default bench/work-profile), PGHOST/PGPORT/PGUSER.
# Not a timing benchmark: JFR adds overhead. Use bench/run.sh for the figures.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
if [ "${1:-}" = "--quick" ]; then : "${N:=50}" "${K:=5}"; fi
: "${N:=1000}" "${K:=20}" "${WORK:=$here/work-profile}"
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=postgres}"
export PGHOST PGPORT PGUSER
jar="$root/cli/target/cli-0.1.0-SNAPSHOT-all.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package >&2)
db="drover_bench_prof_$$"
psql_q=(psql -X -q -v ON_ERROR_STOP=1)
trap '"${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT

mkdir -p "$WORK"
java "$here/Generate.java" "$WORK" "$N" "$K" 10 "$db" >&2
"${psql_q[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
"${psql_q[@]}" -d "$db" -f "$WORK/schemas.sql" >/dev/null

# The 'profile' settings, with every socket read recorded (default threshold: 10 ms).
jfc="$WORK/drover.jfc"
sed '/<event name="jdk.SocketRead">/,/<\/event>/ s#<setting name="threshold"[^>]*>[^<]*</setting>#<setting name="threshold">0 ms</setting>#' \
  "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" >"$jfc"

profile() {  # profile NAME ARGS...
  local name=$1
  shift
  local t0 t1
  t0=$(date +%s%N)
  DROVER_JAVA_OPTS="-XX:StartFlightRecording:filename=$WORK/$name.jfr,settings=$jfc" \
    "$root/drover" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  t1=$(date +%s%N)
  echo "===== $name: drover $* ($(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') s wall with JFR)"
  java "$here/JfrSummary.java" "$WORK/$name.jfr" 10
  echo
}

profile upgrade -c "$WORK/drover.ini" upgrade head
profile noop -c "$WORK/drover.ini" upgrade head
profile check -c "$WORK/drover.ini" check

echo "===== start-up: drover --help"
DROVER_JAVA_OPTS="-Xlog:class+load:file=$WORK/help-classes.log" "$root/drover" --help >/dev/null
echo "classes loaded by --help: $(wc -l <"$WORK/help-classes.log")" \
  "($(grep -c 'source: jrt' "$WORK/help-classes.log") from the JDK image," \
  "$(grep -c 'shared objects file' "$WORK/help-classes.log") from the JDK CDS archive," \
  "$(grep -c "source: .*cli-0.1.0-SNAPSHOT-all.jar\|source: jar:file" "$WORK/help-classes.log") from the Drover jar)"
grep -o 'source: jar:file[^!]*!/[^ ]*\|source: file:[^ ]*' "$WORK/help-classes.log" >/dev/null || true
awk '/cli-0.1.0-SNAPSHOT-all.jar/ { split($2, p, "."); k = p[1] "." p[2] (p[3] ? "." p[3] : ""); c[k]++ }
     END { for (k in c) printf "    %5d  %s\n", c[k], k }' "$WORK/help-classes.log" | sort -rn | head -8

time_help() {  # median of 5 --help runs with extra JVM flags
  local i t0 t1 all=()
  for i in 1 2 3 4 5; do
    t0=$(date +%s%N)
    DROVER_JAVA_OPTS="$1" "$root/drover" --help >/dev/null
    t1=$(date +%s%N)
    all+=("$(( (t1 - t0) / 1000000 ))")
  done
  printf '%s\n' "${all[@]}" | sort -n | sed -n 3p
}
rm -f "$WORK/app.jsa"
DROVER_JAVA_OPTS="-XX:ArchiveClassesAtExit=$WORK/app.jsa" "$root/drover" --help >/dev/null 2>&1
echo "--help median of 5, launcher flags:                 $(time_help "") ms"
echo "--help median of 5, + AppCDS archive (what-if):     $(time_help "-XX:SharedArchiveFile=$WORK/app.jsa") ms"
echo "--help median of 5, + -Xshare:off (no CDS at all):  $(time_help "-Xshare:off") ms"
