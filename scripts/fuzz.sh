#!/usr/bin/env bash
# Fuzzes the file loaders with libFuzzer through cargo fuzz, on the stable toolchain.
#
#   scripts/fuzz.sh [TARGET] [SECONDS]
#
# TARGET is case_file, attempt_file, progress_store, assessment_file or changes_file
# (default: all five, in turn);
# SECONDS is how long each runs (default 600; 0 runs the seeds once and stops, as CI does). The seed corpus is the bundled cases, the
# authoring example and tests/data; what the fuzzer learns is kept in fuzz/corpus/ (not
# committed). A crash is written to fuzz/artifacts/TARGET/: copy it into tests/data/fuzz/
# and `cargo test --test fuzz_corpus` replays it for ever. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/tools.sh fuzz

targets=("${1:-case_file}")
if [[ $# -eq 0 ]]; then targets=(case_file attempt_file progress_store assessment_file changes_file); fi
seconds="${2:-600}"

for target in "${targets[@]}"; do
    corpus="fuzz/corpus/$target"
    mkdir -p "$corpus"
    # Seeds are copied by content hash, so reruns add nothing twice.
    while IFS= read -r -d '' seed; do
        cp "$seed" "$corpus/seed-$(sha1sum "$seed" | cut -c1-16)"
    done < <(find scenarios tests/data docs/example-case.ron -type f -print0)
    # Fuzzing for a while: optimised, with debug assertions and overflow checks (cargo
    # fuzz's default build). Only the seeds (CI): --dev, the same checks unoptimised, which
    # compiles in less time than it would save running a few hundred inputs.
    if [[ "$seconds" -eq 0 ]]; then
        limit=(-runs=0)
        build=(--dev)
    else
        limit=(-max_total_time="$seconds")
        build=()
    fi
    echo "== $target for ${seconds}s, corpus $(ls "$corpus" | wc -l) files"
    # -s none: no sanitizer, so the stable toolchain can build it (the crate forbids unsafe
    # code, so address sanitizing would find little).
    (cd fuzz && cargo fuzz run -s none "${build[@]}" "$target" "../$corpus" -- \
        -dict=ron.dict "${limit[@]}" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1)
done
