#!/usr/bin/env bash
# Runs each libFuzzer target for a while, seeded from the demo content, ../shared/seeds and
# ../shared/corpus/real; every run is logged (seconds, executions, result) for the record.
# Usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   (make fuzz FUZZ_SECONDS=N runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(parse_postmortem front_matter time_expressions lunr_documents)
fi
shared=${HINDSIGHT_SHARED_DIR:-../shared}
work=$build/fuzz-work
mkdir -p "$work"

# Markdown sources: the demo archive always; the shared corpus when it is beside the checkout
# (CI sets HINDSIGHT_REQUIRE_SHARED=1 so that it cannot quietly fuzz with less).
sources=(content)
for dir in "$shared/seeds" "$shared/corpus/real"; do
  if [ -d "$dir" ]; then
    sources+=("$dir")
  elif [ "${HINDSIGHT_REQUIRE_SHARED:-}" = 1 ]; then
    echo "fuzz: error: $dir is missing" >&2
    exit 2
  fi
done
markdown_files() {
  find "${sources[@]}" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) | sort
}

# Seeds are copied into the target's corpus folder, which libFuzzer grows and which is kept
# between runs (inside the build folder, never committed). The files under fuzz/regressions/
# are inputs that once failed: each run starts by replaying them.
seed() {
  local target=$1 corpus=$2 file name
  mkdir -p "$corpus"
  if [ -d "fuzz/regressions/$target" ]; then
    cp fuzz/regressions/"$target"/* "$corpus"/ 2>/dev/null || true
  fi
  while IFS= read -r file; do
    name=$(echo "$file" | tr '/' '_')
    case $target in
      parse_postmortem | time_expressions)
        cp "$file" "$corpus/$name" ;;
      front_matter)
        # The YAML between the fences, when the file has front matter.
        awk 'NR == 1 && /^---[ \t]*\r?$/ { inside = 1; next }
             inside && /^(---|\.\.\.)[ \t]*\r?$/ { exit }
             inside { print }' "$file" > "$corpus/$name"
        [ -s "$corpus/$name" ] || rm -f "$corpus/$name" ;;
      lunr_documents)
        # One small docs.json per file: its name, first line and first 2,000 characters.
        node -e '
          const fs = require("fs");
          const text = fs.readFileSync(process.argv[1], "utf8");
          const title = text.split("\n").find((l) => l.trim() && l.trim() !== "---") || "";
          fs.writeFileSync(process.argv[2], JSON.stringify([
            {id: process.argv[3], title: title.slice(0, 200), body: text.slice(0, 2000), boost: 2},
            {id: 2, title: ["a", 1, null, true], body: {toString: 1}},
          ], null, 1));' "$file" "$corpus/$name.json" "$name" ;;
    esac
  done < <(markdown_files)
  if [ "$target" = front_matter ] && [ -f content/hindsight.yaml ]; then
    cp content/hindsight.yaml "$corpus/content_hindsight.yaml"
  fi
}

status=0
printf '%-18s %8s %12s %8s  %s\n' target seconds executions corpus result
for target in "${targets[@]}"; do
  binary=$build/fuzz/${target}_fuzzer
  corpus=$work/$target/corpus
  artifacts=$work/$target/artifacts
  mkdir -p "$artifacts"
  seed "$target" "$corpus"
  log=$work/$target/last.log
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
  # Inputs no longer than a real file needs: a postmortem up to 16 KiB (the corpus's largest is
  # 15 KB), a front matter block or a few lines of prose up to 4 KiB; shorter inputs run faster.
  case $target in
    parse_postmortem) args+=(-max_len=16384) ;;
    lunr_documents) args+=(-max_len=8192) ;;
    *) args+=(-max_len=4096) ;;
  esac
  if [ -f "fuzz/dicts/$target.dict" ]; then
    args+=(-dict="fuzz/dicts/$target.dict")
  fi
  start=$(date +%s)
  if "$binary" "${args[@]}" "$corpus" > "$log" 2>&1; then
    result=ok
  else
    result="FAILED: $(ls -t "$artifacts" | head -n 1) (log: $log)"
    status=1
  fi
  elapsed=$(($(date +%s) - start))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  corpus_size=$(find "$corpus" -type f | wc -l)
  printf '%-18s %8s %12s %8s  %s\n' "$target" "$elapsed" "${executions:-?}" "$corpus_size" "$result"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$elapsed" \
    "${executions:-?}" "$corpus_size" "$result" >> "$work/log.tsv"
done
if ((status != 0)); then
  echo "fuzz: a target failed; reproduce with: $build/fuzz/<target>_fuzzer <artifact>" >&2
fi
exit $status
