#!/usr/bin/env bash
# rovd under chaos (a benchmark, not part of the test run): N cycles (default 50) of create,
# scale, reboot and delete on real Ray, with rovd and Ray nodes killed at random moments; then
# M cycles (default 12) of faults in the other subsystems, with a model deployed: Prometheus, the
# serving instance's head and a Serve replica killed, rovd killed during a deploy and during a
# 200 MB upload, and the data disk (a tmpfs the script mounts: run as root) filled during uploads.
# Arguments go to tests/chaos/chaos.py (--cycles N, --subsystem-cycles M, --seed S, --soak N).
# Its last line:
#   chaos: cycles=<n> subsystem_cycles=<n> kills=<n> lost=<n> orphans=<n> stuck_ops=<n> leaked=<n>
#          rss_growth_mb=<x>
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh >/dev/null
scripts/build.sh --target rovd >/dev/null
# rovd runs in a directory of its own, never in the checkout.
cd /tmp
exec /usr/bin/python3 "$root/tests/chaos/chaos.py" --rovd "$root/build/bin/rovd" --venv "$root/.venv" "$@"
