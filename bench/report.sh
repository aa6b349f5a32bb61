#!/usr/bin/env bash
# Prints the benchmark table from results.tsv (written by run.sh): min / median / max per
# scenario, each median as a ratio to the floor measured in the same run, the target and whether
# it is met. Floors: the upgrade against the best parallel psql floor (floor_p2, floor_p4), the
# reads against 'current' on one tenant, the big upgrade against its own parallel floors.
# Usage: bench/report.sh RESULTS_TSV N K OFFLINE_N [BIG_N]
set -euo pipefail
results=$1 n=$2 k=$3 offline_n=$4 big_n=${5:-}

awk -F'\t' -v n="$n" -v k="$k" -v on="$offline_n" -v bn="$big_n" '
function median(a, c,   i, j, t) {
  for (i = 2; i <= c; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return (c % 2) ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
}
function best(x, y) { return (x > 0 && (y <= 0 || x < y)) ? x : y }
{
  s = $1; cnt[s]++; v[s, cnt[s]] = $2 + 0
  if ($5 != "-" && $5 != "") { if ($5 + 0 > rss[s]) rss[s] = $5 + 0; cpu[s] += $3 + $4 }
  if (NF >= 6 && $6 != "-" && $6 != "") { nc[s]++; cli[s, nc[s]] = $3 + $4; srv[s, nc[s]] = $6 + 0; tot[s, nc[s]] = $3 + $4 + $6 }
  if (!(s in seen)) { seen[s] = 1; order[++ns] = s }
}
END {
  for (i = 1; i <= ns; i++) {
    s = order[i]; c = cnt[s]; mn = 1e18; mx = -1e18
    for (j = 1; j <= c; j++) { x[j] = v[s, j]; if (x[j] < mn) mn = x[j]; if (x[j] > mx) mx = x[j] }
    med[s] = median(x, c); lo[s] = mn; hi[s] = mx
  }
  par = best(med["floor_p2"], med["floor_p4"]); bigpar = best(med["big_floor_p2"], med["big_floor_p4"])
  one = med["current_one_tenant"]
  desc["jvm_version"] = "reference: java -version with the launcher flags (JVM start alone)"
  desc["floor"] = "floor: psql, 1 session, 1 tx per tenant, " n " x " k
  desc["floor_tx_per_revision"] = "floor variant: psql, 1 session, 1 tx per revision, " n " x " k
  desc["floor_p2"] = "floor: psql, 2 sessions, 1 tx per tenant, " n " x " k
  desc["floor_p4"] = "floor: psql, 4 sessions, 1 tx per tenant, " n " x " k
  desc["upgrade"] = "drover upgrade head, base -> head, " n " x " k " (default settings)"
  desc["current_one_tenant"] = "reference: drover current, one tenant"
  desc["noop"] = "drover upgrade head, fleet already at head, " n " tenants"
  desc["check"] = "drover check, " n " tenants"
  desc["status"] = "drover status, " n " tenants"
  desc["current"] = "drover current, " n " tenants"
  desc["drift"] = "drover drift, " n " tenants at head (catalog of ~125 relations each)"
  desc["drift_three_altered"] = "drover drift, " n " tenants, 3 altered by hand"
  desc["offline"] = "drover upgrade head --sql > file, " on " x " k
  desc["help"] = "drover --help"
  desc["memory_offline"] = "offline " on " x " k " with -Xlog:gc (wall)"
  desc["memory_offline_xmx256m"] = "offline " on " x " k " with -Xmx256m (wall)"
  desc["memory_check"] = "drover check, " n " tenants, with -Xlog:gc (wall)"
  desc["big_floor_p2"] = "floor: psql, 2 sessions, " bn " x 3 light"
  desc["big_floor_p4"] = "floor: psql, 4 sessions, " bn " x 3 light"
  desc["big_upgrade"] = "drover upgrade head, " bn " x 3 light, -Xmx256m"
  desc["big_noop"] = "drover upgrade head at head, " bn " tenants"
  desc["big_check"] = "drover check, " bn " tenants"
  desc["big_status"] = "drover status, " bn " tenants"
  desc["big_current"] = "drover current, " bn " tenants"
  target["upgrade"] = "<= 1.05 x best parallel floor"; ref["upgrade"] = par; limit_ratio["upgrade"] = 1.05
  for (r in desc) if (r ~ /^(noop|check|status|current)$/) { target[r] = "<= 1.5 x current on one tenant"; ref[r] = one; limit_ratio[r] = 1.5 }
  for (r in desc) if (r ~ /^big_(noop|check|status|current)$/) { target[r] = "<= 3 s"; limit[r] = 3; ref[r] = one }
  ref["big_upgrade"] = bigpar; target["big_upgrade"] = "(overhead reported)"
  ref["floor_p2"] = par; ref["floor_p4"] = par; ref["floor"] = par; ref["floor_tx_per_revision"] = par
  ref["big_floor_p2"] = bigpar; ref["big_floor_p4"] = bigpar
  target["offline"] = "<= 10 s"; limit["offline"] = 10
  target["drift"] = "<= 10 s"; limit["drift"] = 10; ref["drift"] = one
  target["drift_three_altered"] = "<= 10 s"; limit["drift_three_altered"] = 10; ref["drift_three_altered"] = one
  target["help"] = "<= 0.5 s"; limit["help"] = 0.5

  printf "| Scenario | runs | median s | min s | max s | ratio to its floor (median) | max RSS MB | target | met? |\n"
  printf "|---|---|---|---|---|---|---|---|---|\n"
  for (i = 1; i <= ns; i++) {
    s = order[i]
    if (s ~ /_(mb|exit|per_tenant|pct|lines|found)$/) continue
    ratio = (ref[s] > 0) ? sprintf("%.2f", med[s] / ref[s]) : ""
    met = ""
    if (s in limit_ratio && ref[s] > 0) met = (med[s] / ref[s] <= limit_ratio[s]) ? "yes" : sprintf("no (%.2fx the limit)", med[s] / ref[s] / limit_ratio[s])
    else if (s in limit) met = (med[s] <= limit[s]) ? "yes" : sprintf("no (%.1fx the limit)", med[s] / limit[s])
    printf "| %s | %d | %.3f | %.3f | %.3f | %s | %.0f | %s | %s |\n", (s in desc ? desc[s] : s), cnt[s], med[s], lo[s], hi[s], ratio, rss[s] / 1024, target[s], met
  }
  printf "\n"
  # CPU: what each command cost the client (user + sys of the command) and the PostgreSQL server
  # (its backends), medians; far less sensitive to other load on the machine than wall time.
  for (i = 1; i <= ns; i++) {
    s = order[i]; c = nc[s]
    if (!c) continue
    for (j = 1; j <= c; j++) { x[j] = cli[s, j] }; mc[s] = median(x, c)
    for (j = 1; j <= c; j++) { x[j] = srv[s, j] }; ms[s] = median(x, c)
    for (j = 1; j <= c; j++) { x[j] = tot[s, j] }; mt[s] = median(x, c)
    anycpu = 1
  }
  if (anycpu) {
    cpar = best(mt["floor_p2"], mt["floor_p4"]); cbig = best(mt["big_floor_p2"], mt["big_floor_p4"])
    printf "CPU seconds (medians; server = the PostgreSQL backends of the command):\n\n"
    printf "| Scenario | client CPU s | server CPU s | total CPU s | total ratio to its floor |\n|---|---|---|---|---|\n"
    for (i = 1; i <= ns; i++) {
      s = order[i]
      if (!nc[s]) continue
      r = (s ~ /^big_(upgrade|floor)/) ? cbig : ((s ~ /^(upgrade|floor)/) ? cpar : mt["current_one_tenant"])
      printf "| %s | %.2f | %.2f | %.2f | %s |\n", (s in desc ? desc[s] : s), mc[s], ms[s], mt[s], (r > 0 ? sprintf("%.2f", mt[s] / r) : "")
    }
    printf "\n"
  }
  for (i = 1; i <= ns; i++) {
    s = order[i]
    if (s !~ /_(mb|exit|per_tenant|pct|lines|found)$/) continue
    line = sprintf("- %s: median %s (min %s, max %s, %d runs)", s, med[s], lo[s], hi[s], cnt[s])
    if (s ~ /gc_peak_heap_mb$/) line = line sprintf("  [target heap <= 256 MB: %s]", med[s] <= 256 ? "met" : "missed")
    if (s == "memory_offline_xmx256m_exit") line = line sprintf("  [0 = the %d-tenant offline run fits in -Xmx256m]", on)
    if (s == "big_upgrade_exit") line = line sprintf("  [0 = the %d-tenant upgrade succeeded in -Xmx256m]", bn)
    if (s == "big_eta_error_max_pct") line = line sprintf("  [target: ETA within 20%% after the first 10%%: %s]", med[s] <= 20 ? "met" : "missed")
    print line
  }
}' "$results"
