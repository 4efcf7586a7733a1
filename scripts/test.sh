#!/usr/bin/env bash
# Every test of Faro, in the order that fails fastest: native domain tests, then the app
# built as users get it, then browser tests against that build. Prints the time each
# step took. Called by `make test` (after set-up) and by .ci/run.
set -euo pipefail
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT_DIR"
export PATH="$ROOT_DIR/node_modules/.bin:${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin:$PATH"
t0=$(date +%s)
step() { echo; echo "== test: $* ($(date +%T), $(( $(date +%s) - t0 )) s so far)"; }

step "native: formatting (rustfmt.toml), then unit, property and integration tests"
cargo fmt --check
cargo test --locked --features tools

step "another engine: DuckDB answers the same questions on Faro's exported files"
target/duckdb-venv/bin/python tests/duckdb/check.py

step "build: the release app (trunk, wasm-opt)"
trunk build --release
node scripts/single-file.mjs dist dist-single/faro.html

step "browser: wasm-bindgen-test in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test browser

step "end-to-end: Playwright driving Debian's Chromium"
playwright test --config tests/e2e/playwright.config.mjs

echo; echo "== all tests passed in $(( $(date +%s) - t0 )) s"
