#!/usr/bin/env bash
# The README's test command: installs the Debian packages the tests need when they are missing, then
# runs the whole suite. Works as root or with sudo on a fresh Debian/Ubuntu machine with Java 17 + Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian packages the tests use: software GL for headless rendering; Chromium (driven over its DevTools protocol,
# so no chromium-driver) and a CJK font for the browser tests of the reports and the dashboard in both languages.
packages=(libosmesa6 chromium fonts-wqy-microhei)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

exec mvn -B verify "$@"
