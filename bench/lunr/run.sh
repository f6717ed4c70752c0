#!/usr/bin/env bash
# Times `hindsight lunr` against the lunr.js build script it replaces, on 1,000 and 10,000
# synthetic postmortems, checks that both wrote the same bytes, and appends the results (with
# the machine) to bench/RESULTS.md. Usage: bench/lunr/run.sh [path/to/hindsight]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
hindsight="${1:-$root/build/generator/hindsight}"
results="$root/bench/RESULTS.md"
sizes=(1000 10000)
runs=3  # best of, for wall time; max RSS barely varies

for tool in node /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$hindsight" ] || { echo "run.sh: no hindsight binary at $hindsight (build it first)" >&2; exit 2; }
[ -d "$root/node_modules/lunr" ] || { echo "run.sh: run npm ci in $root first" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# best_of RUNS OUTFILE CMD...: prints "seconds max_rss_kib" of the fastest of RUNS runs.
best_of() {
  local n="$1" out="$2"; shift 2
  local best_time="" best_rss=""
  for ((i = 0; i < n; i++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out"
    read -r t rss < "$work/time"
    if [ -z "$best_time" ] || awk "BEGIN { exit !($t < $best_time) }"; then
      best_time="$t"; best_rss="$rss"
    fi
  done
  echo "$best_time $best_rss"
}

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
rows=()
for n in "${sizes[@]}"; do
  docs="$work/docs-$n.json"
  node "$here/generate_docs.mjs" "$n" > "$docs"
  mib="$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$docs") / 1048576 }")"

  read -r h_time h_rss < <(best_of "$runs" "$work/hindsight-$n.json" \
    "$hindsight" lunr --ref id --field title:10 --field summary:3 --field body \
    --field services:2 --field tags --doc-boost boost "$docs")
  read -r j_time j_rss < <(best_of "$runs" /dev/null \
    node "$here/build_with_lunr.mjs" "$docs" "$work/lunr-$n.json")

  if ! cmp -s "$work/hindsight-$n.json" "$work/lunr-$n.json"; then
    echo "run.sh: the indexes of $n documents differ; not recording a benchmark" >&2
    exit 1
  fi
  index_mib="$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$work/lunr-$n.json") / 1048576 }")"
  speedup="$(awk "BEGIN { printf \"%.0f\", $j_time / ($h_time > 0 ? $h_time : 0.005) }")"
  memory="$(awk "BEGIN { printf \"%.1f\", $j_rss / $h_rss }")"
  rows+=("| $n | $mib MiB | $index_mib MiB | ${h_time} s | $((h_rss / 1024)) MiB | ${j_time} s | $((j_rss / 1024)) MiB | ${speedup}x | ${memory}x |")
done

{
  echo
  echo "## hindsight lunr vs lunr.js 2.3.9 ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(nproc) cores, $cpu; node $(node --version). Best of $runs runs;"
  echo "max RSS from /usr/bin/time. Both indexes are byte-identical (checked with cmp)."
  echo "Synthetic postmortems from bench/lunr/generate_docs.mjs; 5 fields, field and document boosts."
  echo
  echo "| documents | docs.json | index | hindsight time | hindsight RSS | lunr.js time | lunr.js RSS | speed-up | less memory |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} | tee -a "$results"
