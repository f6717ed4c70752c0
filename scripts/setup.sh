#!/usr/bin/env bash
# Installs what building and testing Hindsight needs and is missing: Debian packages, then npm packages.
set -euo pipefail

packages=(
  g++ cmake make pkg-config tzdata
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev nlohmann-json3-dev
  libkainjow-mustache-dev libcli11-dev libfmt-dev libhowardhinnant-date-dev catch2
  libxml2-utils
  libicu-dev libsimdjson-dev libgumbo-dev wamerican
  chromium fonts-dejavu-core
  # make fuzz: Debian's clang, and compiler-rt for libFuzzer (clang only recommends it).
  clang libclang-rt-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

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
