#!/usr/bin/env bash
# Fails when the README, CONTRIBUTING or a CI recipe in examples/ lists Debian packages itself instead of running scripts/setup.sh.
#
# scripts/setup.sh is the one package list; a second list anywhere else drifts from it the first
# time a package is added (libdouble-conversion-dev was missing from the CI example until added
# by hand). So: no `apt-get install` / `apt install` in the docs or the examples, every CI recipe
# in examples/ runs scripts/setup.sh, and the README quotes each recipe it links to exactly.
# Usage: package_lists.sh [REPOSITORY] (ctest passes the source folder).
set -euo pipefail
cd "${1:-$(dirname "$0")/../..}"

failures=0
fail() {
  echo "$1" >&2
  failures=$((failures + 1))
}

recipes=()
if [ -d examples ]; then
  while IFS= read -r -d '' file; do recipes+=("$file"); done < <(find examples -type f -print0 | sort -z)
fi

# apt-get, apt or aptitude, any options, then install: a command that installs packages by name.
install='(^|[^[:alnum:]_-])(apt-get|apt|aptitude)([[:space:]]+-[^[:space:]]+)*[[:space:]]+install([[:space:]]|$)'
for document in README.md CONTRIBUTING.md "${recipes[@]}"; do
  [ -f "$document" ] || continue
  while IFS= read -r hit; do
    fail "$document:${hit%%:*}: installs Debian packages by name; run scripts/setup.sh instead: ${hit#*:}"
  done < <(grep -nE "$install" "$document" || true)
done

readme="$(<README.md)"
for recipe in "${recipes[@]}"; do
  case "$recipe" in *.yml | *.yaml) ;; *) continue ;; esac  # GitHub Actions and GitLab CI recipes
  text="$(<"$recipe")"
  if ! grep -q 'scripts/setup\.sh' "$recipe"; then
    fail "$recipe: does not run scripts/setup.sh to install its packages"
  fi
  # The README shows the recipes it links to; its copy must be the file, not an older version.
  if [[ "$readme" == *"$recipe"* && "$readme" != *"$text"* ]]; then
    fail "README.md: its copy of $recipe differs from the file"
  fi
done

if ((failures > 0)); then
  echo "package_lists: $failures problem(s); scripts/setup.sh must be the one package list" >&2
  exit 1
fi
echo "package_lists: README.md, CONTRIBUTING.md and ${#recipes[@]} file(s) in examples/ defer to scripts/setup.sh"
