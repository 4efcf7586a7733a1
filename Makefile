# Faro — the commands in README.md. Every target that needs tools runs the idempotent
# set-up first (seconds when everything is already installed).
SHELL := /bin/bash
CARGO_BIN := $(or $(CARGO_INSTALL_ROOT),$(CARGO_HOME),$(HOME)/.cargo)/bin
# npm's wasm-opt must come before /usr/bin (Debian's binaryen breaks the app).
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

.PHONY: serve build test dist bench fuzz setup clean

## Set up, build and serve the app at http://127.0.0.1:8080 (from target/serve, so dist/
## only ever holds `make build`'s output; no live-reload script, which the CSP refuses)
serve: setup
	trunk serve --release --dist target/serve --no-autoreload

## Set up and run every test: native, browser (wasm-bindgen-test) and end-to-end (Playwright)
test: setup
	scripts/test.sh

## Build the optimised app into dist/
build: setup
	trunk build --release

## Build dist-single/faro.html: the whole app in one file that opens from disk
dist: build
	node scripts/single-file.mjs dist dist-single/faro.html

## Print and record sizes and speed figures (BENCHMARKS.md)
bench: build
	scripts/bench.sh

## Run every fuzz target (long; not part of `make test`)
fuzz: setup
	scripts/fuzz.sh

setup:
	@scripts/setup.sh

clean:
	rm -rf dist dist-single target/e2e target/serve target/bench-dist
