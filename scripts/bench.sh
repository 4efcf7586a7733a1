#!/usr/bin/env bash
# `make bench`: native benchmarks, then browser benchmarks against the release build in
# dist/; prints every figure and writes BENCHMARKS.md. Figures, never pass/fail.
set -euo pipefail
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT_DIR"
cargo run --quiet --release --features tools --bin bench -- target/bench/native.md
node scripts/bench.mjs dist
