#!/usr/bin/env bash
# Runs one benchmark: scripts/bench.sh NAME (rest). Benchmarks print figures; they never fail a build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
name=${1:-}
if [[ -z "$name" ]]; then
  echo "usage: scripts/bench.sh NAME   (available: $(ls tests/bench | sed -n 's/^bench_\(.*\)\.cpp$/\1/p' | tr '\n' ' ')fuzz)" >&2
  exit 2
fi
shift
scripts/setup.sh >/dev/null
# The libFuzzer targets build with clang into build-fuzz/ (tests/fuzz/run.sh SECONDS).
[[ "$name" == fuzz ]] && exec tests/fuzz/run.sh "$@"
scripts/build.sh --target "bench-$name" >/dev/null
exec "build/bin/bench-$name" "$@"
