#!/usr/bin/env bash
# Builds the same synthetic corpus with Digest (release) and with the reference Hugo site, and
# prints a Markdown table of wall time, CPU time, peak memory and pages written.
#
#   bench/run.sh [N ...]          sizes to run (default: $BENCH_SIZES, else "1000 10000 50000")
#   BENCH_RUNS=3                  runs per tool and size; the fastest run is reported
#   BENCH_TIMEOUT=0               seconds before a single build is stopped (0: never)
#   BENCH_HUGO_SITE=DIR           the reference Hugo site (default: ../shared/bench/hugo-site beside the repository)
#   BENCH_PAGEFIND=1              also index Digest's output with Pagefind 1.5.2 (pip) for the search table; 0 skips it
#   BENCH_SHAPE=standard          the corpus's shape: standard, or long (longer bodies, more tags; see generate-corpus.py)
#   BENCH_TMPDIR=DIR              where corpora and outputs go (default: /dev/shm when it is tmpfs, else $TMPDIR or /tmp)
#   BENCH_BASELINE="REV ..."      also build Digest at each git revision and time it in the same runs (A/B)
#
# Then the preview's rebuild after one edit, in the process (`digest serve -v`), and its CPU use
# while it only watches.
# Then where Digest's time goes: `digest build --timings` of its fastest full build and rebuild.
# A second table describes the search index (bench/search-index.py): its size and files, its size
# against the articles' plain text, and what the search page and a first query load, for a fixed
# list of queries (median / worst); beside it, Pagefind's time, size and files on the same output.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
sizes="${*:-${BENCH_SIZES:-1000 10000 50000}}"
runs="${BENCH_RUNS:-3}"
build_timeout="${BENCH_TIMEOUT:-0}"
hugo_site="${BENCH_HUGO_SITE:-$repo/../shared/bench/hugo-site}"
pagefind="${BENCH_PAGEFIND:-1}"
baselines="${BENCH_BASELINE:-}"
shape="${BENCH_SHAPE:-standard}"

say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive number, not '$runs'"
[[ "$build_timeout" =~ ^[0-9]+$ ]] || die "BENCH_TIMEOUT must be a number of seconds, not '$build_timeout'"
for n in $sizes; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "sizes must be positive numbers, not '$n'"
done
[ -d "$hugo_site" ] || die "no reference Hugo site at $hugo_site (set BENCH_HUGO_SITE)"

apt_install() {
  say "installing $* with apt-get"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
# GNU time, not the shell keyword: only it reports peak RSS.
[ -x /usr/bin/time ] || apt_install time
command -v hugo >/dev/null 2>&1 || apt_install hugo
if [ "$pagefind" != 0 ] && [ "$(python3 -m pagefind --version 2>/dev/null)" != "pagefind 1.5.2" ]; then
  say "installing pagefind 1.5.2 with pip"
  python3 -m pip install --quiet --disable-pip-version-check "pagefind[bin]==1.5.2"
fi

cd "$repo"
scripts/install-deps
say "building digest (release)"
swift build -c release --product digest >&2
digest="$repo/.build/release/digest"
commit="$(git rev-parse --short HEAD)"
git diff --quiet HEAD -- Sources Package.swift || commit="$commit+uncommitted"

# Each baseline is built from a worktree of its own, with a build folder of its own, so the
# binaries differ only by their sources.
declare -A baseline_digest=() baseline_tree=()
baseline_commits=()
for revision in $baselines; do
  commit_id="$(git rev-parse --short "$revision^{commit}")" || die "no git revision '$revision'"
  tree="$repo/.build-baseline/$commit_id"
  [ -d "$tree" ] || git worktree add --detach "$tree" "$commit_id" >&2
  say "building the baseline digest at $commit_id (release)"
  (cd "$tree" && swift build -c release --product digest >&2)
  baseline_commits+=("$commit_id")
  baseline_tree[$commit_id]="$tree"
  baseline_digest[$commit_id]="$tree/.build/release/digest"
done

# Other jobs on the machine skew wall times; the table reports the load seen at the start.
load_at_start="$(cut -d' ' -f1 /proc/loadavg)"

# On tmpfs by default, so the figures are the tools' and not the disk's: on the VM's ext4 disk,
# creating files soon after many were deleted costs the kernel more than the build itself
# (it searches past recently freed inodes), and writeback wanders from run to run.
default_tmp="${TMPDIR:-/tmp}"
[ "$(stat -f -c %T /dev/shm 2>/dev/null)" != tmpfs ] || default_tmp=/dev/shm
work="$(mktemp -d "${BENCH_TMPDIR:-$default_tmp}/digest-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
work_fs="$(stat -f -c %T "$work")"
# On a disk, old outputs are moved aside and deleted at the end, not between runs, for the same
# reason; tmpfs has no such cost, and holding every run's output would fill memory.
discard() {
  [ -e "$1" ] || return 0
  if [ "$work_fs" = tmpfs ]; then rm -rf "$1"; else mv "$1" "$work/trash/$(date +%s%N)"; fi
}
mkdir -p "$work/trash"

# Runs one build, writing "wall user sys maxrss_kb" to $work/time and the build's output to
# $work/stdout and $work/stderr. Returns the build's exit status (124 on timeout).
timed() {
  local status=0
  if [ "$build_timeout" -gt 0 ]; then
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" timeout "$build_timeout" "$@" \
      >"$work/stdout" 2>"$work/stderr" || status=$?
  else
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" \
      >"$work/stdout" 2>"$work/stderr" || status=$?
  fi
  return "$status"
}

explain_failure() {
  local tool="$1" status="$2"
  case "$status" in
    124) say "$tool stopped after BENCH_TIMEOUT=${build_timeout}s" ;;
    137) say "$tool was killed (status 137, most likely out of memory)" ;;
    *) say "$tool failed with status $status" ;;
  esac
  say "last lines of its stderr:"
  tail -n 20 "$work/stderr" | sed 's/^/    /' >&2
}

# Runs `$tool` once into a clean output folder; sets last_* to its figures. Returns non-zero when
# the build fails.
measure_once() {
  local tool="$1" output="$2" run="$3"; shift 3
  local status wall user sys rss_kb
  # Digest stages into a hidden sibling of the output folder; both must start empty.
  discard "$output"
  discard "$(dirname "$output")/.$(basename "$output").staging"
  say "N=$n $tool run $run/$runs"
  status=0
  timed "$@" || status=$?
  if [ "$status" -ne 0 ]; then
    explain_failure "$tool" "$status"
    return 1
  fi
  # The last line: GNU time prefixes a "Command exited…" line only on failure.
  read -r wall user sys rss_kb < <(tail -n 1 "$work/time")
  last_wall="$wall"
  last_cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  last_rss_kb="$rss_kb"
  last_pages="$(find "$output" -name '*.html' | wc -l)"
}

faster() { [ -z "$2" ] || awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

rows=()
search_rows=()
stage_tables=()
add_row() { rows+=("$(printf '| %s ' "$@")|"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f %%", 100 * a / b; else print "–" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

for n in $sizes; do
  corpus="$work/corpus"
  for old in "$corpus" "$work/digest-site" "$work"/baseline-site-* "$work/hugo-site" "$work"/out-* "$work"/.out-*; do discard "$old"; done
  say "N=$n: generating the corpus"
  python3 "$repo/bench/generate-corpus.py" "$n" "$corpus" --shape "$shape"

  # Hard links: both tools get their own tree without a second copy of the Markdown.
  mkdir -p "$work/digest-site"
  cp -al "$corpus" "$work/digest-site/Content"
  cp -rL "$repo/Templates" "$work/digest-site/Templates"
  printf 'title: Digest bench\ntimezone: Asia/Shanghai\npaginate: 20\n' >"$work/digest-site/site.yml"

  # Each baseline reads its own theme: Digests before the built-in theme need Templates/.
  for base in "${baseline_commits[@]}"; do
    mkdir -p "$work/baseline-site-$base"
    cp -al "$corpus" "$work/baseline-site-$base/Content"
    [ ! -d "${baseline_tree[$base]}/Templates" ] || cp -rL "${baseline_tree[$base]}/Templates" "$work/baseline-site-$base/Templates"
    cp "$work/digest-site/site.yml" "$work/baseline-site-$base/site.yml"
  done

  cp -r "$hugo_site" "$work/hugo-site"
  rm -rf "$work/hugo-site/content"
  cp -al "$corpus" "$work/hugo-site/content"

  # The two tools take turns, so a slow spell of the machine (shared hosts have them) does not
  # land on one tool's runs only. Digest builds with --clean: a full build every run, with no
  # help from the build cache of the run before.
  digest_wall="" hugo_wall="" failed=""
  declare -A base_wall=() base_cpu=() base_rss_kb=() base_pages=()
  for ((run = 1; run <= runs; run++)); do
    if ! measure_once digest "$work/out-digest" "$run" \
      "$digest" build --quiet --clean --timings --site "$work/digest-site" --output "$work/out-digest"; then
      failed=digest; break
    fi
    if faster "$last_wall" "$digest_wall"; then
      digest_wall="$last_wall" digest_cpu="$last_cpu" digest_rss_kb="$last_rss_kb" digest_pages="$last_pages"
      cp "$work/stderr" "$work/full-timings"
    fi
    for base in "${baseline_commits[@]}"; do
      if ! measure_once "digest@$base" "$work/out-baseline" "$run" \
        "${baseline_digest[$base]}" build --quiet --clean --site "$work/baseline-site-$base" --output "$work/out-baseline"; then
        failed="digest@$base"; break 2
      fi
      if faster "$last_wall" "${base_wall[$base]:-}"; then
        base_wall[$base]="$last_wall" base_cpu[$base]="$last_cpu" base_rss_kb[$base]="$last_rss_kb" base_pages[$base]="$last_pages"
      fi
      discard "$work/out-baseline"
    done
    if ! measure_once hugo "$work/out-hugo" "$run" hugo --quiet --source "$work/hugo-site" -d "$work/out-hugo"; then
      failed=hugo; break
    fi
    if faster "$last_wall" "$hugo_wall"; then
      hugo_wall="$last_wall" hugo_cpu="$last_cpu" hugo_rss_kb="$last_rss_kb" hugo_pages="$last_pages"
    fi
  done
  if [ -n "$failed" ]; then
    add_row "$n" "$failed" failed "" "" ""
    continue
  fi
  add_row "$n" digest "$digest_wall" "$digest_cpu" "$(mib "$digest_rss_kb")" "$digest_pages"
  for base in "${baseline_commits[@]}"; do
    add_row "$n" "digest@$base" "${base_wall[$base]}" "${base_cpu[$base]}" "$(mib "${base_rss_kb[$base]}")" "${base_pages[$base]}"
    add_row "$n" "digest/digest@$base" "$(ratio "$digest_wall" "${base_wall[$base]}")" \
      "$(ratio "$digest_cpu" "${base_cpu[$base]}")" "$(ratio "$digest_rss_kb" "${base_rss_kb[$base]}")" ""
  done

  # The search index of the full build, and Pagefind indexing the same pages (into a folder of
  # its own, so the output stays Digest's for the rebuilds below).
  pagefind_args=()
  if [ "$pagefind" != 0 ]; then
    say "N=$n pagefind"
    if timed python3 -m pagefind --site "$work/out-digest" --output-path "$work/pagefind"; then
      read -r wall _ < <(tail -n 1 "$work/time")
      pagefind_args=(--pagefind "$work/pagefind" --pagefind-seconds "$wall")
    else
      explain_failure pagefind "$?"
    fi
  fi
  index_seconds="$(awk '/^search index \(own thread\)/ { printf "%.2f", $(NF - 1) }' "$work/full-timings")"
  search_rows+=("$(python3 "$repo/bench/search-index.py" "$work/out-digest" --row "$n" --index-seconds "$index_seconds" "${pagefind_args[@]}")")
  discard "$work/pagefind"

  # A rebuild after editing one article's body, with the cache the full build left. The edit
  # is made a few seconds after that build, as a person would.
  sleep 3
  edited="$(find "$work/digest-site/Content" -name '*.md' | sort | sed -n "$((n / 2 + 1))p")"
  best_inc=""
  for ((run = 1; run <= runs; run++)); do
    printf '\nEdited by the benchmark, run %s.\n' "$run" >>"$edited"
    say "N=$n digest rebuild after one edit, run $run/$runs"
    status=0
    timed "$digest" build --quiet --timings --site "$work/digest-site" --output "$work/out-digest" || status=$?
    if [ "$status" -ne 0 ]; then
      explain_failure "digest rebuild" "$status"
      break
    fi
    read -r wall user sys rss_kb < <(tail -n 1 "$work/time")
    if [ -z "$best_inc" ] || awk -v a="$wall" -v b="$best_inc" 'BEGIN { exit !(a < b) }'; then
      best_inc="$wall" inc_cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" inc_rss_kb="$rss_kb"
      cp "$work/stderr" "$work/rebuild-timings"
    fi
  done
  if [ -n "$best_inc" ]; then
    add_row "$n" "digest, rebuild after 1 edit ($(percent "$best_inc" "$digest_wall") of full)" \
      "$best_inc" "$inc_cpu" "$(mib "$inc_rss_kb")" ""
  fi

  # The preview's rebuilds, which keep the last build in memory (bench/preview-rebuild.sh).
  # Read once the script has ended, and with it the preview (which saves its records as it
  # stops), so that none of it overlaps the next size's builds or the clean-up.
  if preview="$("$repo/bench/preview-rebuild.sh" "$digest" "$work/digest-site" "$work" 15 "$edited")" &&
    read -r preview_median preview_idle preview_count <<<"$preview"; then
    add_row "$n" "digest serve, rebuild after 1 edit ($(percent "$preview_median" "$digest_wall") of full; median of $preview_count; idle: $preview_idle % of a core)" \
      "$preview_median" "" "" ""
  fi

  stage_tables+=("$(python3 "$repo/bench/stage-table.py" "$n" "$work/full-timings" "$work/rebuild-timings")")
  add_row "$n" hugo "$hugo_wall" "$hugo_cpu" "$(mib "$hugo_rss_kb")" "$hugo_pages"
  add_row "$n" "digest/hugo" "$(ratio "$digest_wall" "$hugo_wall")" \
    "$(ratio "$digest_cpu" "$hugo_cpu")" "$(ratio "$digest_rss_kb" "$hugo_rss_kb")" ""
done

cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
memory_gib="$(awk '/^MemTotal/ { printf "%.1f", $2 / 1024 / 1024 }' /proc/meminfo)"
echo
echo "Machine: $(nproc) cores, ${cpu_model:-unknown CPU}, ${memory_gib} GiB; load average ${load_at_start} at start; output on $work_fs; $(date -u +%Y-%m-%d)"
# The allocator the binary links (jemalloc on Linux, see Package.swift) changes its times.
allocator="glibc malloc"
ldd "$digest" 2>/dev/null | grep -q libjemalloc && allocator="jemalloc"
echo "Digest commit: $commit (allocator: $allocator); $(hugo version | awk '{ print "Hugo " $2 }'); corpus shape: $shape; best of $runs runs"
echo
echo "| N | tool | wall s | CPU s | peak RSS MiB | pages |"
echo "| ---: | --- | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
echo
echo "Where Digest's time goes (wall s, digest build --timings of the fastest runs; stages on threads of their own overlap the rest):"
printf '\n%s\n' "${stage_tables[@]}"
echo
echo "Search index (page + first query: median / worst of bench/search-index.py's queries, served uncompressed):"
echo
echo "| N | digest indexing s | index MiB | files | term shards | index / plain text | search page KiB | page + first query KiB | pagefind s | pagefind MiB | pagefind files |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${search_rows[@]}"
