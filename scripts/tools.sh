#!/usr/bin/env bash
# Installs the build tools that come from registries, at the versions the project needs,
# and does nothing for a tool already there at that version:
#
#   scripts/tools.sh         # all of them
#   scripts/tools.sh fuzz    # cargo-fuzz, for scripts/fuzz.sh
#   scripts/tools.sh web     # the wasm32 target and wasm-bindgen-cli, for scripts/build-web.sh
#
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly. CI starts this
# in the background while the system packages install, so the tools compile meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ=0.13.2

# The tools are built at opt-level 1, not cargo install's usual 3: they compile with a
# quarter less processor time (wasm-bindgen-cli 284 s against 377 s, cargo-fuzz 65 s
# against 83 s, 3 December), and neither does work where the difference shows
# (cargo-fuzz starts cargo; wasm-bindgen rewrites one wasm file in seconds). On a new CI
# machine they build beside the lints and the tests, so their build is CI's time too.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=1

fuzz() {
    if ! cargo fuzz --version 2>/dev/null | grep -q " $CARGO_FUZZ"; then
        cargo install cargo-fuzz --version "$CARGO_FUZZ" --locked
    fi
}

web() {
    if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        rustup target add wasm32-unknown-unknown
    fi
    local version
    version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
    if [ -z "$version" ]; then
        echo "wasm-bindgen is not in Cargo.lock" >&2
        exit 1
    fi
    if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version"; then
        echo "Installing wasm-bindgen-cli $version"
        # --locked uses the CLI's own lock file; if that ever fails to build, the newest
        # compatible dependencies are the fallback.
        cargo install --locked wasm-bindgen-cli --version "$version" ||
            cargo install wasm-bindgen-cli --version "$version"
    fi
}

case "${1:-all}" in
    fuzz) fuzz ;;
    web) web ;;
    all) fuzz; web ;;
    *) echo "Unknown tool set: $1 (fuzz, web or all)" >&2; exit 2 ;;
esac
