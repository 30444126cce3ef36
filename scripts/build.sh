#!/usr/bin/env bash
# Configures (once) and builds into build/ with two jobs. Extra arguments go to cmake --build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake --preset default
fi
cmake --build build -j2 "$@"
