#!/usr/bin/env bash
# Times the preview's rebuilds: starts `digest serve -v` on a site, waits for its first build,
# measures its CPU use while it only watches, then appends a line to one article's body RUNS
# times and reads each rebuild's time in the process (the "total" of the stage table it logs).
#
#   bench/preview-rebuild.sh DIGEST SITE_DIR WORK_DIR RUNS EDITED_FILE
#
# Prints "median_seconds idle_percent_of_one_core rebuilds". The preview's folder goes into
# WORK_DIR (as TMPDIR), so it lands on the same file system as the benchmark's outputs.
set -euo pipefail

digest="$1" site="$2" work="$3" runs="$4" edited="$5"
log="$work/preview.log"
say() { echo "bench: $*" >&2; }

TMPDIR="$work" "$digest" serve --verbose --port 0 --site "$site" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

# Waits until the log has more than $1 stage tables (one a build), for at most $2 seconds.
wait_for_builds() {
  local deadline=$((SECONDS + $2))
  while [ "$(grep -c '^total ' "$log" || true)" -le "$1" ]; do
    kill -0 "$pid" 2>/dev/null || { say "digest serve stopped:"; tail -n 20 "$log" >&2; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { say "no rebuild within $2 s"; exit 1; }
    sleep 0.05
  done
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }

say "preview: first build"
wait_for_builds 0 1200
sleep 2
before="$(cpu_ticks)"
sleep 10
idle="$(awk -v a="$before" -v b="$(cpu_ticks)" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", 100 * (b - a) / hz / 10 }')"

for ((run = 1; run <= runs; run++)); do
  say "preview: rebuild after one edit, run $run/$runs"
  builds="$(grep -c '^total ' "$log")"
  printf '\nEdited by the benchmark in the preview, run %s.\n' "$run" >>"$edited"
  wait_for_builds "$builds" 120
  # Apart, as a person's saves are: one rebuild each.
  sleep 1
done

grep '^total ' "$log" | tail -n "$runs" | awk '{ print $2 }' | sort -n |
  awk -v idle="$idle" '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.3f %s %d\n", m, idle, NR }'
