# MentorKit: `make run` serves the app, `make test` runs every check. Both install what is
# missing first (see .ci/setup.sh).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

WASM := --target wasm32-unknown-unknown
BROWSER_TESTS := $(patsubst tests/%.rs,--test %,$(wildcard tests/*_browser.rs))
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER := wasm-bindgen-test-runner
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 120

# Minutes per target for `make fuzz`.
FUZZ_MINUTES ?= 10

.PHONY: run test setup fmt clippy test-native test-browser fuzz-smoke build size e2e bench bench-browser fuzz clean

run: setup
	@echo "MentorKit: building and serving on http://127.0.0.1:8080 (Ctrl-C to stop)"
	trunk serve --release --address 127.0.0.1 --port 8080

test: setup fmt clippy test-native fuzz-smoke test-browser build size e2e
	@echo "All MentorKit checks passed."

setup:
	@bash .ci/setup.sh

fmt:
	cargo fmt --all -- --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets $(WASM) -- -D warnings

test-native:
	cargo test

test-browser:
	cargo test $(WASM) $(BROWSER_TESTS)

# A short bounded fuzzing round (a few seconds per target, the dev build `cargo test` made);
# `make fuzz` is the long one.
fuzz-smoke:
	cargo run --quiet --bin fuzz -- --seconds 3

build:
	trunk build --release

# The gzipped wasm of the app and of the worker within their budgets (.ci/size-budget.mjs).
size: build
	node .ci/size-budget.mjs

e2e: build
	node --test --test-concurrency=1 tests/e2e/

bench:
	cargo run --profile bench --bin bench

# Figures from the page in headless Chromium, next to the native engine's (prints, never fails
# on a time).
bench-browser: build
	cargo build --profile bench --bin bench
	node tests/bench/browser.mjs

# The fuzzer, FUZZ_MINUTES per target (findings go to tests/fuzz-findings/).
fuzz:
	cargo run --profile fuzz --bin fuzz -- --minutes $(FUZZ_MINUTES)

clean:
	rm -rf dist target
