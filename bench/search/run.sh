#!/usr/bin/env bash
# Search-page benchmark: builds a generated archive of N postmortems (default 1,000) and measures
# query latency per keystroke in Chromium and the size of the search data, then appends the
# results, with the machine, to bench/RESULTS.md. Usage: bench/search/run.sh [N] [path/to/hindsight]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
count="${1:-1000}"
hindsight="${2:-$root/build/generator/hindsight}"
results="$root/bench/RESULTS.md"

[ -x "$hindsight" ] || { echo "run.sh: no hindsight binary at $hindsight (build it first)" >&2; exit 2; }
[ -d "$root/node_modules/playwright-core" ] || { echo "run.sh: run npm ci in $root first" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "run.sh: /usr/bin/chromium is missing (scripts/setup.sh installs it)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

node "$here/generate_archive.mjs" "$count" "$work/content"
start="$EPOCHREALTIME"
"$hindsight" build "$work/content" -o "$work/public" --quiet 2>/dev/null || true
end="$EPOCHREALTIME"
[ -f "$work/public/search/index.html" ] || { echo "run.sh: the build failed" >&2; exit 1; }
build_time="$(awk "BEGIN { printf \"%.2f\", $end - $start }")"

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
chromium_version="$(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
report="$(cd "$root" && node "$here/run.mjs" "$work/public")"

{
  echo
  echo "## Search page: query latency in Chromium, $count postmortems ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(nproc) cores, $cpu; $chromium_version, headless; load average before the run:"
  echo "$load. Archive from bench/search/generate_archive.mjs (paragraphs of the demo content and"
  echo "shared/corpus/real remixed); \`hindsight build\` of it took $build_time s."
  echo
  echo "$report"
} >> "$results"
echo "$report"
echo "run.sh: appended to $results"
