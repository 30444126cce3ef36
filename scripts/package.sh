#!/usr/bin/env bash
# Builds the Debian package: build/rov-console_<version>_amd64.deb (CPack; packaging/CMakeLists.txt
# says what goes in it). Sets up and builds what is missing first, like the other scripts.
#   sudo apt install ./build/rov-console_*.deb
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh
scripts/build.sh --target rov-console rovd rovloopback rov-desktop-files
cd build
cpack -G DEB -B "$root/build/package" >/dev/null
shopt -s nullglob
debs=("$root"/build/package/rov-console_*_amd64.deb)
(( ${#debs[@]} == 1 )) || { echo "package.sh: expected one package in build/package, found ${#debs[@]}" >&2; exit 1; }
cp -f "${debs[0]}" "$root/build/"
echo "$root/build/$(basename "${debs[0]}")"
