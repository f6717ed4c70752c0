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
# Best of 5 runs on 1,000 documents, of 3 on 10,000 (lunr.js takes 20 s there), for both tools:
# the machine may be shared, and the fastest run is the least disturbed one.
runs_for() { if [ "$1" -le 1000 ]; then echo 5; else echo 3; fi; }

for tool in node /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing" >&2; exit 2; }
done
[ -x "$hindsight" ] || { echo "run.sh: no hindsight binary at $hindsight (build it first)" >&2; exit 2; }
[ -d "$root/node_modules/lunr" ] || { echo "run.sh: run npm ci in $root first" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# best_of RUNS OUTFILE CMD...: prints "seconds max_rss_kib" of the fastest of RUNS runs. The
# wall time comes from EPOCHREALTIME (microseconds; /usr/bin/time's %e has only 10 ms, too coarse
# for hindsight on 1,000 documents), the max RSS from /usr/bin/time -f %M.
best_of() {
  local n="$1" out="$2"; shift 2
  local best_time="" best_rss="" start end t rss
  for ((i = 0; i < n; i++)); do
    start="$EPOCHREALTIME"
    /usr/bin/time -f "%M" -o "$work/rss" "$@" > "$out"
    end="$EPOCHREALTIME"
    t="$(awk "BEGIN { printf \"%.3f\", $end - $start }")"
    rss="$(tail -n 1 "$work/rss")"
    if [ -z "$best_time" ] || awk "BEGIN { exit !($t < $best_time) }"; then
      best_time="$t"; best_rss="$rss"
    fi
  done
  echo "$best_time $best_rss"
}

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
for n in "${sizes[@]}"; do
  docs="$work/docs-$n.json"
  node "$here/generate_docs.mjs" "$n" > "$docs"
  mib="$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$docs") / 1048576 }")"

  runs="$(runs_for "$n")"
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
  speedup="$(awk "BEGIN { printf \"%.0f\", $j_time / $h_time }")"
  memory="$(awk "BEGIN { printf \"%.1f\", $j_rss / $h_rss }")"
  rows+=("| $n | $mib MiB | $index_mib MiB | ${h_time} s | $((h_rss / 1024)) MiB | ${j_time} s | $((j_rss / 1024)) MiB | ${speedup}x | ${memory}x | $runs |")
done

{
  echo
  echo "## hindsight lunr vs lunr.js 2.3.9 ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(nproc) cores, $cpu; node $(node --version); load average before the runs:"
  echo "$load (the machine is shared). Best of several runs of each tool; wall time from"
  echo "EPOCHREALTIME, max RSS from /usr/bin/time. Both indexes are byte-identical (checked with cmp)."
  echo "Synthetic postmortems from bench/lunr/generate_docs.mjs; 5 fields, field and document boosts."
  echo
  echo "| documents | docs.json | index | hindsight time | hindsight RSS | lunr.js time | lunr.js RSS | speed-up | less memory | runs |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} | tee -a "$results"
