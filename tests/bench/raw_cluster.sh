#!/usr/bin/env bash
# The baseline for `scripts/bench.sh cluster`: the same `ray start` commands rovd runs for a head and
# N workers, in sequence, each waited for until Ray lists it ALIVE, with no control plane around them.
# Usage: raw_cluster.sh RAY TEMP_DIR FIRST_PORT WORKERS   (prints the seconds it took; leaves nothing running)
set -euo pipefail
ray=$1 temp=$2 port=$3 workers=$4
export RAY_USAGE_STATS_ENABLED=0 RAY_GRAFANA_HOST=DISABLED PATH="$(dirname "$ray"):$PATH"
export DASHBOARD_METRIC_PORT=$((port + 3)) AUTOSCALER_METRIC_PORT=$((port + 4))
gcs=$port dashboard=$((port + 1)) client=$((port + 2))
groups=()
cleanup() { for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done; sleep 3
            for g in "${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; done; rm -rf "$temp"; }
trap cleanup EXIT

alive() { curl -s "http://127.0.0.1:$dashboard/api/v0/nodes?limit=1000" | grep -o '"state": "ALIVE"' | wc -l; }

node() { # index head?
  local i=$1 base=$((port + 10 + $1 * 120)) ip="127.0.1.$(($1 + 2))" extra=()
  if [[ $2 == head ]]; then
    extra=(--head --port=$gcs --dashboard-host=127.0.0.1 --dashboard-port=$dashboard --ray-client-server-port=$client --num-cpus=0
           '--system-config={"health_check_period_ms":1000,"health_check_timeout_ms":2000,"health_check_failure_threshold":4}')
  else
    extra=(--address=127.0.1.2:$gcs --include-log-monitor=false --num-cpus=4)
  fi
  setsid "$ray" start --block --node-ip-address=$ip --memory=16106127360 --object-store-memory=100000000 \
    --dashboard-agent-listen-port=$base --dashboard-agent-grpc-port=$((base + 1)) --runtime-env-agent-port=$((base + 2)) \
    --metrics-export-port=$((base + 3)) --node-manager-port=$((base + 4)) --object-manager-port=$((base + 5)) \
    --min-worker-port=$((base + 10)) --max-worker-port=$((base + 109)) --disable-usage-stats --temp-dir="$temp" \
    "${extra[@]}" >"$temp.node$i.log" 2>&1 &
  sleep 0.2
  groups+=("$(ps -o pgid= -p $! | tr -d ' ')")
  until [[ $(alive) -ge $(($1 + 1)) ]]; do sleep 0.5; done
}

start=$(date +%s.%N)
mkdir -p "$temp"
node 0 head
for i in $(seq 1 "$workers"); do node "$i" worker; done
end=$(date +%s.%N)
awk "BEGIN { printf \"%.2f\\n\", $end - $start }"
