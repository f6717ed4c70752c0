#!/usr/bin/env bash
# Installs what building and testing Hindsight needs and is missing: Debian packages, then npm packages.
#
# This is the one list of Debian packages: the README and the CI recipes in examples/ run this
# script instead of naming packages themselves, so no copy can drift from it (a ctest checks).
#
#   scripts/setup.sh               everything: build, tests, tools (make site, make test, make tidy)
#   scripts/setup.sh --build-only  only what building hindsight and a site needs (CI recipes)
#   scripts/setup.sh --list [--build-only]   print the Debian packages, one a line; install nothing
set -euo pipefail
cd "$(dirname "$0")/.."  # npm ci below reads package-lock.json at the repository's root

# Building hindsight and running it on a site. ca-certificates: npm ci fetches over HTTPS.
build_packages=(
  g++ cmake make pkg-config tzdata ca-certificates
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libtomlplusplus-dev
  nlohmann-json3-dev
  libkainjow-mustache-dev libcli11-dev libfmt-dev libhowardhinnant-date-dev
  libicu-dev libsimdjson-dev libgumbo-dev libdouble-conversion-dev libmimalloc-dev
  libxxhash-dev libcpp-httplib-dev
)
# make test: Catch2, xmllint for the feeds, a word list, and Debian's chromium (never a
# downloaded browser) with a font for the browser tests.
test_packages=(
  catch2 libxml2-utils wamerican
  chromium fonts-dejavu-core
  # make fuzz: Debian's clang, and compiler-rt for libFuzzer (clang only recommends it).
  clang libclang-rt-dev
)
# make tidy and make format-check; clang for the libFuzzer targets (fuzz/).
tool_packages=(
  clang clang-tidy clang-format
)

build_only=0
list_only=0
for argument in "$@"; do
  case "$argument" in
    --build-only) build_only=1 ;;
    --list) list_only=1 ;;
    *)
      echo "setup: error: unknown argument '$argument' (expected --build-only or --list)" >&2
      exit 2
      ;;
  esac
done

packages=("${build_packages[@]}")
if ((!build_only)); then
  packages+=("${test_packages[@]}" "${tool_packages[@]}")
fi

if ((list_only)); then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# node and npm are looked for as commands, not packages: a machine may have them from elsewhere
# (NodeSource's nodejs bundles npm, and Debian's npm package would conflict with it).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]} > 0)); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "setup: error: not root and no sudo; install these packages first: ${missing[*]}" >&2
      exit 2
    fi
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Front-end packages are pinned in package-lock.json; npm ci installs exactly those, again
# whenever the lockfile is newer than what npm last installed (node_modules/.package-lock.json).
# The browser tests drive Debian's chromium, so no npm package may fetch a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ -f package-lock.json ] &&
  { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
