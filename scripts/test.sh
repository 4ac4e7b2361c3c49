#!/usr/bin/env bash
# The README's test command: installs the Debian packages the tests need when they are missing, then
# runs the whole suite. Works as root or with sudo on a fresh Debian 12 (or Ubuntu) machine; Java 17 and Maven are
# installed from Debian too when none is on the PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian packages the tests use: software GL for headless rendering; Chromium (the tests drive it over its DevTools
# protocol; chromium-driver comes along for WebDriver tools and matches the browser's version) with a Latin and a CJK font for the browser tests of the reports and the dashboard in both
# languages (without the CJK font Chinese pages are empty boxes, and the browser tests say so).
packages=(libosmesa6 chromium chromium-driver fonts-dejavu-core fonts-wqy-microhei)
# A bare Debian 12 has neither a JDK nor Maven: Debian's own, when none is on the PATH.
command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)

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
