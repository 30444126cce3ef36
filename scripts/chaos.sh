#!/usr/bin/env bash
# rovd under chaos (a benchmark, not part of the test run): N cycles (default 50) of create,
# scale, reboot and delete on real Ray, with rovd and Ray nodes killed at random moments.
# Arguments go to tests/chaos/chaos.py (--cycles N, --seed S, --soak N). Its last line:
#   chaos: cycles=<n> kills=<n> lost=<n> orphans=<n> stuck_ops=<n> leaked=<n> rss_growth_mb=<x>
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh >/dev/null
scripts/build.sh --target rovd >/dev/null
# rovd runs in a directory of its own, never in the checkout.
cd /tmp
exec /usr/bin/python3 "$root/tests/chaos/chaos.py" --rovd "$root/build/bin/rovd" "$@"
