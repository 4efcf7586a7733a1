#!/usr/bin/env bash
# `make bench`: native benchmarks, then browser benchmarks against the release build in
# dist/; prints every figure and writes BENCHMARKS.md. Figures, never pass/fail.
set -euo pipefail
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT_DIR"
cargo run --quiet --release --features tools --bin bench -- target/bench/native.md
# The timing hooks live only in a copy built with the `bench` feature; sizes and load
# times are measured on dist/, the app users get.
trunk build --release --features bench --dist target/bench-dist
node scripts/bench.mjs dist target/bench-dist
