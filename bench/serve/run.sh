#!/usr/bin/env bash
# Live-reload benchmark: generates an archive of N postmortems (default 1,000), runs
# `hindsight serve` on it and times EDITS title edits (default 20) from the file write to the
# paint in Chromium (bench/serve/latency.mjs), then appends the results, with the machine, to
# bench/RESULTS.md. Usage: bench/serve/run.sh [N] [EDITS] [path/to/hindsight] [-- serve options]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
count="${1:-1000}"
edits="${2:-20}"
hindsight="${3:-$root/build/generator/hindsight}"
shift $(($# < 3 ? $# : 3))
[ "${1:-}" = "--" ] && shift
results="$root/bench/RESULTS.md"

[ -x "$hindsight" ] || { echo "run.sh: no hindsight binary at $hindsight (build it first)" >&2; exit 2; }
[ -d "$root/node_modules/playwright-core" ] || { echo "run.sh: run npm ci in $root first" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "run.sh: /usr/bin/chromium is missing (scripts/setup.sh installs it)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node "$root/bench/search/generate_archive.mjs" "$count" "$work/content" >/dev/null

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
chromium_version="$(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
report="$(cd "$root" && node "$here/latency.mjs" "$hindsight" "$work/content" "$edits" -- "$@")"
{
  echo
  echo "## Live reload: save to paint in Chromium, $count postmortems ($(date +%F))"
  echo
  echo "Machine: $(nproc) cores, $cpu; $chromium_version, headless; hindsight at $commit;"
  echo "load average before the run: $load. Command: \`bench/serve/run.sh $count $edits\`."
  echo
  echo "$report"
} | tee -a "$results"
