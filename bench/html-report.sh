#!/usr/bin/env bash
# The HTML run report at scale: page size, and the time headless Chromium takes to load a page and draw
# its timeline (--dump-dom returns after the inline script ran), for 10 (the floor: Chromium's own
# start-up), 1,000, 10,000 and 50,000 synthetic targets, several rounds; times as ratios to the floor of
# the same round. Needs 'chromium' and a build (mvn -B -o test-compile -pl orchestrator).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -o -q -Dstyle.color=never dependency:build-classpath -pl orchestrator -Dmdep.outputFile="$work/cp" >/dev/null
cp="orchestrator/target/classes:orchestrator/target/test-classes:$(cat "$work/cp")"
javac -cp "$cp" -d "$work" bench/HtmlReportPages.java
sizes=(10 1000 10000 50000)
for n in "${sizes[@]}"; do
  java -cp "$work:$cp" HtmlReportPages "$n" "$work/r$n.html"
  printf 'targets %6d: %8d bytes\n' "$n" "$(stat -c %s "$work/r$n.html")"
done
for round in $(seq 1 "$rounds"); do
  line="round $round:"
  floor=0
  for n in "${sizes[@]}"; do
    start=$(date +%s%N)
    bars=$(chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --dump-dom \
        "file://$work/r$n.html" 2>/dev/null | grep -o '<rect class="bar ' | wc -l)
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    [ "$bars" -eq "$n" ] || { echo "only $bars of $n bars drawn" >&2; exit 1; }
    [ "$n" -eq 10 ] && floor=$ms
    line="$line  $n: ${ms} ms ($(awk -v a="$ms" -v b="$floor" 'BEGIN { printf "%.2fx", a / b }'))"
  done
  echo "$line"
done
