#!/usr/bin/env bash
# Prints the benchmark table from results.tsv (written by run.sh): min / median / max per
# scenario, the ratio of each median to the floor median measured in the same run, the issue-6
# target and whether it is met.  Usage: bench/report.sh RESULTS_TSV N K OFFLINE_N
set -euo pipefail
results=$1 n=$2 k=$3 offline_n=$4

awk -F'\t' -v n="$n" -v k="$k" -v on="$offline_n" '
function median(a, c,   i, j, t) {
  for (i = 2; i <= c; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return (c % 2) ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
}
{
  s = $1; cnt[s]++; v[s, cnt[s]] = $2 + 0
  if ($5 != "-" && $5 != "") { if ($5 + 0 > rss[s]) rss[s] = $5 + 0; cpu[s] += $3 + $4 }
  if (!(s in seen)) { seen[s] = 1; order[++ns] = s }
}
END {
  for (i = 1; i <= ns; i++) {
    s = order[i]; c = cnt[s]; mn = 1e18; mx = -1e18
    for (j = 1; j <= c; j++) { x[j] = v[s, j]; if (x[j] < mn) mn = x[j]; if (x[j] > mx) mx = x[j] }
    med[s] = median(x, c); lo[s] = mn; hi[s] = mx
  }
  floor = med["floor"]; floor2 = med["floor_tx_per_revision"]
  desc["jvm_version"] = "reference: java -version with the launcher flags (JVM start alone)"
  desc["floor"] = "floor: psql, 1 session, 1 tx per tenant, " n " x " k
  desc["floor_tx_per_revision"] = "floor variant: psql, 1 session, 1 tx per revision, " n " x " k
  desc["upgrade"] = "drover upgrade head, base -> head, " n " x " k
  desc["noop"] = "drover upgrade head, fleet already at head, " n " tenants"
  desc["check"] = "drover check (status stand-in), " n " tenants"
  desc["offline"] = "drover upgrade head --sql > file, " on " x " k
  desc["help"] = "drover --help"
  desc["memory_offline"] = "offline " on " x " k " with -Xlog:gc (wall)"
  desc["memory_offline_xmx256m"] = "offline " on " x " k " with -Xmx256m (wall)"
  desc["memory_check"] = "drover check, " n " tenants, with -Xlog:gc (wall)"
  target["upgrade"] = "<= 0.8 x floor"; limit_ratio["upgrade"] = 0.8
  target["noop"] = "<= 1.5 s"; limit["noop"] = 1.5
  target["check"] = "<= 1.5 s"; limit["check"] = 1.5
  target["offline"] = "<= 10 s"; limit["offline"] = 10
  target["help"] = "<= 0.5 s"; limit["help"] = 0.5

  printf "| Scenario | runs | median s | min s | max s | ratio to floor (median) | ratio to tx-per-revision floor | max RSS MB | target | met? |\n"
  printf "|---|---|---|---|---|---|---|---|---|---|\n"
  for (i = 1; i <= ns; i++) {
    s = order[i]
    if (s ~ /_(mb|exit|per_tenant)$/) continue
    ratio = (floor > 0) ? sprintf("%.2f", med[s] / floor) : "n/a"
    ratio2 = (floor2 > 0) ? sprintf("%.2f", med[s] / floor2) : "n/a"
    met = ""
    if (s in limit_ratio) met = (floor > 0 && med[s] / floor <= limit_ratio[s]) ? "yes" : sprintf("no (%.1fx the limit)", med[s] / floor / limit_ratio[s])
    else if (s in limit) met = (med[s] <= limit[s]) ? "yes" : sprintf("no (%.1fx the limit)", med[s] / limit[s])
    printf "| %s | %d | %.3f | %.3f | %.3f | %s | %s | %.0f | %s | %s |\n", (s in desc ? desc[s] : s), cnt[s], med[s], lo[s], hi[s], ratio, ratio2, rss[s] / 1024, target[s], met
  }
  printf "\n"
  for (i = 1; i <= ns; i++) {
    s = order[i]
    if (s !~ /_(mb|exit|per_tenant)$/) continue
    line = sprintf("- %s: median %s (min %s, max %s, %d runs)", s, med[s], lo[s], hi[s], cnt[s])
    if (s == "memory_offline_gc_peak_heap_mb") line = line sprintf("  [target heap <= 256 MB: %s]", med[s] <= 256 ? "met" : "missed")
    if (s == "memory_offline_xmx256m_exit") line = line sprintf("  [0 = the %d-tenant offline run fits in -Xmx256m]", on)
    print line
  }
}' "$results"
