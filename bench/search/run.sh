#!/usr/bin/env bash
# Search-page benchmark: builds a generated archive of N postmortems (default 10,000) and measures,
# in Chromium over loopback with a cold cache, the bytes, requests and time before the first
# result of a fixed set of queries, and each keystroke's latency; then appends the results, with
# the machine, to bench/RESULTS.md. Usage: bench/search/run.sh [N] [path/to/hindsight] [SHOTS_DIR];
# SEARCH_BENCH_OPTIONS passes options to run.mjs (--rounds=3 types every query three times).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
count="${1:-10000}"
hindsight="${2:-$root/build/generator/hindsight}"
shots="${3:-}"
results="$root/bench/RESULTS.md"

[ -x "$hindsight" ] || { echo "run.sh: no hindsight binary at $hindsight (build it first)" >&2; exit 2; }
[ -d "$root/node_modules/playwright-core" ] || { echo "run.sh: run npm ci in $root first" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "run.sh: /usr/bin/chromium is missing (scripts/setup.sh installs it)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

node "$here/generate_archive.mjs" "$count" "$work/content"
start="$EPOCHREALTIME"
"$hindsight" build "$work/content" -o "$work/public" --quiet --no-cache 2>/dev/null || true
end="$EPOCHREALTIME"
[ -f "$work/public/search/manifest.js" ] || { echo "run.sh: the build failed" >&2; exit 1; }
build_time="$(awk "BEGIN { printf \"%.1f\", $end - $start }")"

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
chromium_version="$(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
# shellcheck disable=SC2086 # the options are words
report="$(cd "$root" && node "$here/run.mjs" "$work/public" $shots ${SEARCH_BENCH_OPTIONS:-})"

{
  echo
  echo "## Search page at $count postmortems: first result and keystrokes in Chromium ($(date -u +%Y-%m-%d))"
  echo
  echo "Machine: $(nproc) cores, $cpu; $chromium_version, headless, on loopback"
  echo "(tests/browser/static_server.mjs, node, in a process of its own); load average before the"
  echo "run: $load, after it: $(cut -d' ' -f1-3 /proc/loadavg). Archive from"
  echo "bench/search/generate_archive.mjs (paragraphs of the demo content and shared/corpus/real"
  echo "remixed); \`hindsight build --no-cache\` of it took $build_time s. Sizes are gzip -6 of each"
  echo "response body, page and assets included; the search data apart in parentheses."
  echo
  echo "$report"
} >> "$results"
echo "$report"
echo "run.sh: appended to $results"
