#!/usr/bin/env bash
# Sets up what is missing, builds, and runs every test. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
# Two at a time: RUN_SERIAL, RESOURCE_LOCK and each test's own home (tests/CMakeLists.txt) say
# which may not run beside another.
ctest --test-dir build --output-on-failure --timeout 600 -j2 "$@"
