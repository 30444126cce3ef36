#!/usr/bin/env bash
# Sets up what is missing, builds, starts rovd (the local control plane) unless it already runs,
# and opens the console.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh
scripts/build.sh

listen=${ROVD_LISTEN:-127.0.0.1:8788}
data_dir=${ROVD_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/rov/rovd}
# rovd answers 401 to a request without a token: that is how we know it is up.
if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://$listen/openapi.json" || true) != 401 ]]; then
  mkdir -p "$data_dir"
  # In a session of its own and no child of this shell: the console exec'd below must not be
  # its parent, or a rovd stopped from the console stays behind as a zombie.
  setsid -f build/bin/rovd --data-dir "$data_dir" --listen "$listen" >>"$data_dir/rovd.log" 2>&1 </dev/null
  for _ in $(seq 1 50); do
    grep -q 'rovd ready' "$data_dir/rovd.log" 2>/dev/null && break
    sleep 0.2
  done
  tail -n 1 "$data_dir/rovd.log"
fi
exec build/bin/rov-console "$@"
