#!/usr/bin/env bash
# Start-up of two builds of the shaded jar, interleaved: ROUNDS (default 10) rounds of `--help` and `current`
# on a quick-start fleet, each through the release launcher (cli/src/dist/bin/drover, so with its CDS archive,
# recorded by a first untimed run), then the median wall and CPU (user + sys) seconds of each.
#   bench/startup.sh BEFORE.jar AFTER.jar [FLEET_DIR]
# Copy each jar into a directory of its own first (the archive is written next to it). FLEET_DIR holds
# drover.ini (default: a new `drover init demo --template multitenant` upgraded to head, in a temp directory).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
launcher="$here/cli/src/dist/bin/drover"
before=$(realpath "$1"); after=$(realpath "$2"); rounds=${ROUNDS:-10}
work=$(mktemp -d)
if [ -n "${3:-}" ]; then fleet=$(realpath "$3"); else
  (cd "$work" && DROVER_JAR="$before" "$launcher" init demo --template multitenant >/dev/null 2>&1 \
    && DROVER_JAR="$before" "$launcher" -c demo/drover.ini upgrade head -q >/dev/null 2>&1)
  fleet="$work/demo"
fi
for jar in "$before" "$after"; do DROVER_JAR="$jar" "$launcher" --help >/dev/null 2>&1; done
for i in $(seq "$rounds"); do
  for cmd in help current; do
    for name in before after; do
      jar=$before; [ "$name" = after ] && jar=$after
      if [ "$cmd" = help ]; then args=(--help); else args=(-c "$fleet/drover.ini" current); fi
      DROVER_JAR="$jar" /usr/bin/time -f "$name.$cmd %e %U %S" -a -o "$work/times" "$launcher" "${args[@]}" >/dev/null 2>&1
    done
  done
done
for key in before.help after.help before.current after.current; do
  grep "^$key " "$work/times" | awk '{print $2, $3 + $4}' > "$work/k"
  median() { sort -n | awk '{a[NR]=$1} END {n=NR; printf "%.3f", n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2}'; }
  echo "$key: wall $(cut -d' ' -f1 "$work/k" | median) s, cpu $(cut -d' ' -f2 "$work/k" | median) s (median of $rounds)"
done
rm -rf "$work"
