#!/usr/bin/env bash
# Builds generated body-only archives of 1,000, 10,000 and 50,000 postmortems with Hindsight, and
# the same postmortems with Debian's hugo plus a lunr.js index of Hugo's JSON dump (the peer),
# side by side in one run; prints time, peak RSS and output bytes, and Hindsight's stage times.
# Usage: bench/scale/run.sh [SIZES...]   (default: 1000 10000 50000; lunr.js is skipped past
# 10,000, where it runs out of heap)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
hindsight="${HINDSIGHT:-$root/build/generator/hindsight}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)

for tool in node hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (apt-get install hugo time)" >&2; exit 2; }
done
[ -x "$hindsight" ] || { echo "run.sh: no hindsight binary at $hindsight (build it first)" >&2; exit 2; }
[ -d "$root/node_modules/lunr" ] || { echo "run.sh: run npm ci in $root first" >&2; exit 2; }

work="${BENCH_WORK:-$(mktemp -d)}"
trap '[ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT

# measure NAME CMD...: runs CMD under /usr/bin/time and prints "NAME seconds max_rss_mib".
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$name.out" 2> "$work/$name.err" ||
    { echo "run.sh: $name failed:" >&2; tail -5 "$work/$name.err" >&2; exit 1; }
  read -r seconds rss < "$work/time"
  echo "$name $seconds $((rss / 1024))"
}
bytes_of() { find "$1" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }
# Everything but the search data, which has its own budget (search/, as bench/scale/output_size.mjs
# counts it; the part-by-part figures come from that script).
pages_bytes_of() { find "$1" -type f ! -path "$1/search/*" -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-7s %-26s %9s %9s %12s %14s\n' N tool seconds 'RSS MiB' 'output MB' 'non-search KB/pm'
for n in "${sizes[@]}"; do
  content="$work/content-$n"
  [ -d "$content" ] || node "$root/bench/search/generate_archive.mjs" "$n" "$content" --body-only 2>/dev/null
  rm -rf "$work/site-$n" "$work/cache-$n"
  # A first build: no previous site, an empty cache (written as it goes, as a first CI run does).
  read -r _ hs_s hs_rss < <(measure "hindsight-$n" "$hindsight" build "$content" -o "$work/site-$n" \
    --cache-dir "$work/cache-$n" -q --timings)
  total=$(bytes_of "$work/site-$n"); pages=$(pages_bytes_of "$work/site-$n")
  printf '%-7s %-26s %9s %9s %12.1f %14.1f\n' "$n" hindsight "$hs_s" "$hs_rss" \
    "$(echo "$total / 1000000" | bc -l)" "$(echo "$pages / $n / 1000" | bc -l)"
  node "$here/hugo_site.mjs" "$content" "$work/site-$n/postmortems.json" "$work/hugo-$n"
  read -r _ hugo_s hugo_rss < <(measure "hugo-$n" hugo --quiet -s "$work/hugo-$n" -d "$work/hugo-$n/public")
  printf '%-7s %-26s %9s %9s %12.1f\n' "$n" 'hugo (full build)' "$hugo_s" "$hugo_rss" \
    "$(echo "$(bytes_of "$work/hugo-$n/public") / 1000000" | bc -l)"
  peer="$hugo_s"
  if [ "$n" -le 10000 ]; then
    read -r _ lunr_s lunr_rss < <(measure "lunr-$n" node --max-old-space-size=8192 "$here/lunr_index.mjs" \
      "$work/hugo-$n/public/index.json" "$work/lunr-$n.json")
    printf '%-7s %-26s %9s %9s %12.1f\n' "$n" 'lunr.js (Hugo JSON dump)' "$lunr_s" "$lunr_rss" \
      "$(echo "$(stat -c %s "$work/lunr-$n.json") / 1000000" | bc -l)"
    peer=$(echo "$hugo_s + $lunr_s" | bc -l)
    printf '%-7s %-26s %9.1fx\n' "$n" 'speed-up vs hugo + lunr' "$(echo "$peer / $hs_s" | bc -l)"
  fi
  echo "  hindsight stages at $n:"; grep -A9 '^stage' "$work/hindsight-$n.err" | sed 's/^/    /'
  # The common case in CI: one postmortem added to the archive, rebuilt with the cache.
  added="$content/zz-bench-added.md"
  first=$(find "$content" -name '*.md' | sort | head -1)
  sed 's/^# /# Added: /' "$first" > "$added"
  read -r _ inc_s inc_rss < <(measure "incremental-$n" "$hindsight" build "$content" -o "$work/site-$n" \
    --cache-dir "$work/cache-$n" -q --timings)
  rm -f "$added"
  printf '%-7s %-26s %9s %9s %11.0f%% of the first build\n' "$n" 'hindsight, one file added' "$inc_s" \
    "$inc_rss" "$(echo "100 * $inc_s / $hs_s" | bc -l)"
  grep '^cache:' "$work/incremental-$n.err" | sed 's/^/    /'
  echo "  incremental stages at $n:"; grep -A9 '^stage' "$work/incremental-$n.err" | sed 's/^/    /'
done
