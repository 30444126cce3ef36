#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS (default 60) from the corpus kept in tests/fuzz/corpus
# (new inputs go to build-fuzz/corpus, never into the checkout). A crash or sanitizer report
# leaves its input in build-fuzz/findings and is named in the output; make it a unit test.
# Last line: fuzz: targets=<n> seconds=<s> execs=<n> findings=<n> cov=<name:edges,...>
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
seconds=${1:-60}
[[ -f build-fuzz/CMakeCache.txt ]] || cmake --preset fuzz >/dev/null
targets=(clusterbody route body multipart)
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz_}" >/dev/null
mkdir -p build-fuzz/findings
total_execs=0 findings=0 coverage=()
for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/$target/* "$corpus"/
  log=build-fuzz/fuzz_$target.log
  status=0
  build-fuzz/bin/fuzz_$target -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=4096 \
    -artifact_prefix="build-fuzz/findings/$target-" "$corpus" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  units=$(ls "$corpus" | wc -l)
  if ((status != 0)); then
    findings=$((findings + 1))
    echo "fuzz_$target: FINDING (exit $status), see $log and build-fuzz/findings/"
    grep -E 'ERROR|SUMMARY|what\(\)' "$log" | head -5
  fi
  echo "fuzz_$target: execs=${execs:-0} cov=${cov:-0} corpus=$units seconds=$seconds"
  total_execs=$((total_execs + ${execs:-0}))
  coverage+=("$target:${cov:-0}")
done
echo "fuzz: targets=${#targets[@]} seconds=$seconds execs=$total_execs findings=$findings cov=$(IFS=,; echo "${coverage[*]}")"
