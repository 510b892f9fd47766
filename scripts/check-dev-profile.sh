#!/usr/bin/env bash
# Checks the debug profile's list of optimised dependencies in Cargo.toml
# ([profile.dev.package]): every crate the tests run, and every crate below one, is at
# opt-level 1, and nothing else is. The list is derived, not chosen: it is the dependency
# tree of the crates below, as Cargo.lock resolves it today, plus egui_kittest itself
# (its tree brings in eframe's window system, which the tests do not run).
#
#   scripts/check-dev-profile.sh          # fails naming what to add or remove
#   scripts/check-dev-profile.sh --print  # prints the list as Cargo.toml holds it
#
# Why every crate below: at opt-level 0 and 1 rustc reuses generic code that a crate
# below has already compiled, so one unoptimised crate under egui slows egui itself
# (docs/performance.md, "How long CI takes").
set -euo pipefail
cd "$(dirname "$0")/.."

# What the tests run: egui's drawing and text, the plots, the file formats, the clock,
# the property tests and their runner, and the app's own dependencies.
ROOTS=(egui egui_plot ron chrono serde proptest kittest csv rs-fsrs html-escape textstat
    serde_json walkdir rayon tempfile regex)
EXTRA=(egui_kittest)

args=()
for root in "${ROOTS[@]}"; do args+=(-p "$root"); done
wanted=$(
    {
        cargo tree --locked -e normal,dev,no-proc-macro --prefix none "${args[@]}" \
            --target x86_64-unknown-linux-gnu | awk 'NF { print $1 }'
        printf '%s\n' "${EXTRA[@]}"
    } | sort -u
)

if [[ "${1:-}" == "--print" ]]; then
    while read -r name; do
        if [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]]; then
            echo "$name = { opt-level = 1 }"
        else
            echo "\"$name\" = { opt-level = 1 }"
        fi
    done <<<"$wanted"
    exit 0
fi

listed=$(
    awk '/^\[profile\.dev\.package\]$/ { on = 1; next } /^\[/ { on = 0 }
         on && /opt-level = 1/ { gsub(/"/, "", $1); print $1 }' Cargo.toml | sort -u
)

missing=$(comm -23 <(echo "$wanted") <(echo "$listed"))
extra=$(comm -13 <(echo "$wanted") <(echo "$listed"))
if [[ -n "$missing" || -n "$extra" ]]; then
    echo "Cargo.toml's [profile.dev.package] list is out of date with Cargo.lock." >&2
    if [[ -n "$missing" ]]; then
        echo "Add these at opt-level 1 (the tests run them, or a crate below one):" >&2
        echo "$missing" | sed 's/^/  /' >&2
    fi
    if [[ -n "$extra" ]]; then
        echo "Remove these (the tests no longer run them):" >&2
        echo "$extra" | sed 's/^/  /' >&2
    fi
    echo "scripts/check-dev-profile.sh --print writes the whole list." >&2
    exit 1
fi
echo "check-dev-profile: $(echo "$listed" | wc -l) dependencies optimised for the tests, as derived from Cargo.lock"
