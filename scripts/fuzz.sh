#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ (cargo-fuzz, libFuzzer) for FUZZ_RUNS executions each
# (default 1,000,000), seeded with the test fixtures and the bundled content, and prints
# per target how many executions ran and whether anything was found (small seeds keep
# each execution fast: a 150 KB bank would take hours for a million runs). Crashes land in
# fuzz/artifacts/<target>/. Not part of `make test` (it takes minutes per target).
# Works on stable Rust: no sanitizer (`--sanitizer none`); panics, hangs (-timeout) and
# runaway memory (-rss_limit_mb, -malloc_limit_mb) are what it catches.
set -euo pipefail
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT_DIR/fuzz"
RUNS=${FUZZ_RUNS:-1000000}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
targets=$(cargo fuzz list)
for target in ${1:-$targets}; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  case "$target" in
    assessment_file) cp ../tests/fixtures/v*/assessment.json "$corpus/" ;;
    survey_responses) cp ../tests/fixtures/v*/responses.* ../tests/fixtures/v*/results.json "$corpus/" ;;
    question_bank|action_library) cp seeds/"$target"/* "$corpus/" ;;
    benchmark_file) cp ../tests/fixtures/v*/benchmark.json "$corpus/" ;;
    backup_file) cp ../tests/fixtures/v*/backup.json "$corpus/" ;;
    plan_file) cp ../tests/fixtures/v*/plan.json "$corpus/" ;;
  esac
  log="$(mktemp)"
  start=$(date +%s)
  if cargo fuzz run --sanitizer none -O "$target" "$corpus" -- \
      -runs="$RUNS" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1 >"$log" 2>&1; then
    result="no finding"
  else
    result="FINDING (see fuzz/artifacts/$target)"
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz: $target: $execs executions in $(( $(date +%s) - start )) s, $result"
  [ "$result" = "no finding" ] || tail -30 "$log"
  rm -f "$log"
done
