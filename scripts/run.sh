#!/usr/bin/env bash
# Sets up what is missing, builds, and opens the console.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh
scripts/build.sh
exec build/bin/rov-console "$@"
