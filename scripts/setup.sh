#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test Faro, and nothing twice:
#   Debian: chromium, chromium-driver (browser tests), brotli (size figures), poppler-utils
#           (pdftotext, to check printed reports);
#   Rust:   the wasm32 target, trunk (pinned), wasm-bindgen-cli (exactly Cargo.lock's version);
#   npm:    binaryen (a current wasm-opt), playwright-core, axe-core, from package-lock.json;
#   Python: DuckDB (pinned) in target/duckdb-venv, to check Faro's figures in another engine.
# Every step first checks whether its tool is already there at the right version, so a
# second run takes seconds. See ARCHITECTURE.md § Toolchain for why each pin exists.
set -euo pipefail
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
INSTALL_ROOT=${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}
TRUNK_VERSION=0.21.14   # 0.22.x needs rustc >= 1.96.1
DUCKDB_VERSION=2.0.1
export PATH="$INSTALL_ROOT/bin:$PATH"
step() { echo "== setup: $* ($(date +%T))"; }

step "Debian packages"
missing=()
for p in chromium chromium-driver brotli poppler-utils python3-venv; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

step "Rust wasm32 target"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q "^rustfmt" || rustup component add rustfmt

step "trunk $TRUNK_VERSION"
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  # Trunk's own release profile (fat LTO) takes ~18 min on 2 cores; its speed does not
  # matter to us, so build it without LTO (~8 min).
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked trunk --version "$TRUNK_VERSION" --root "$INSTALL_ROOT"
fi

step "wasm-bindgen-cli (the version Cargo.lock pins)"
[ -f "$ROOT_DIR/Cargo.lock" ] || (cd "$ROOT_DIR" && cargo generate-lockfile)
WB=$(awk '$0=="name = \"wasm-bindgen\""{getline; gsub(/version = |"/,""); print; exit}' "$ROOT_DIR/Cargo.lock")
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WB"; then
  # `--locked` fails here: the CLI's lockfile wants a webpki-roots release the reachable
  # registry lacks; a fresh resolve works.
  cargo install --locked wasm-bindgen-cli --version "$WB" --root "$INSTALL_ROOT" 2>/dev/null ||
    cargo install wasm-bindgen-cli --version "$WB" --root "$INSTALL_ROOT"
fi

step "npm packages"
cd "$ROOT_DIR"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

step "DuckDB $DUCKDB_VERSION (Python, for the hand-off check)"
VENV="$ROOT_DIR/target/duckdb-venv"
if ! "$VENV/bin/python" -c "import duckdb, sys; sys.exit(duckdb.__version__ != '$DUCKDB_VERSION')" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "duckdb==$DUCKDB_VERSION"
fi

step "versions"
echo "trunk: $(trunk --version) | $(wasm-bindgen --version) | wasm-opt: $(node_modules/.bin/wasm-opt --version)"
echo "chromium: $(chromium --version 2>/dev/null) | $(chromedriver --version)"
