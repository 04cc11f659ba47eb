#!/usr/bin/env bash
# Runs every client and emulated-server figure of docs/PERFORMANCE.md in one go (about 10 minutes), medians of
# RUNS runs each, the client pinned to CPU 0 and throughline-sim to CPU 1. Run it on an otherwise idle machine:
#   cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DTHROUGHLINE_BUILD_TESTS=ON -DTHROUGHLINE_BUILD_GUI=OFF
#   ninja -C build/bench bench_client bench_sim throughline-sim
#   tests/benchmarks/run_client_benchmarks.sh build/bench [RUNS]
# Prints each benchmark's median line, the load average before it, and CPU time of the whole script at the end.
set -euo pipefail
build=${1:-build/bench}
runs=${2:-3}
client="$build/tests/benchmarks/bench_client"
sim="$build/tests/benchmarks/bench_sim"
[ -x "$client" ] && [ -x "$sim" ] || { echo "build bench_client and bench_sim in $build first" >&2; exit 1; }

step() {
    local name=$1
    shift
    printf '%-34s load %s | ' "$name" "$(cut -d' ' -f1 /proc/loadavg)"
    "$@" 2>&1 | grep '^median\|^ med' | sed 's/^median: //'
}

for transport in lean qt; do
    common=(--sim-cpus 1 --workers 1 --runs "$runs" --transport "$transport")
    step "$transport stream 500 x 20 tok/s" taskset -c 0 "$client" --mode stream --streams 500 --tps 20 --duration 20 "${common[@]}"
    step "$transport stream 1000 x 20 tok/s" taskset -c 0 "$client" --mode stream --streams 1000 --tps 20 --duration 20 "${common[@]}"
    step "$transport tiny, 64 in flight" taskset -c 0 "$client" --mode tiny --streams 64 --duration 5 "${common[@]}"
    step "$transport open 1000 req/s" taskset -c 0 "$client" --mode open --rate 1000 --duration 10 "${common[@]}"
    step "$transport trace replay 50 req/s" taskset -c 0 "$client" --mode trace --rate 50 --duration 10 "${common[@]}"
done
step "sim 1000 x 20 tok/s" "$sim" --streams 1000 --rate 20 --runs "$runs"
step "sim 2000 x 20 tok/s" "$sim" --streams 2000 --rate 20 --runs "$runs"
times
