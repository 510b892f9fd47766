#!/usr/bin/env bash
# Builds the casebook for browsers into dist/web/: index.html, the wasm and its JavaScript
# glue. Any static file server can host that folder (an intranet, a public site); nothing
# runs on the server.
#
#   scripts/build-web.sh            # writes dist/web/
#   python3 -m http.server --bind 127.0.0.1 --directory dist/web 8000   # try it locally
#
# Needs the wasm32 target (installed here with rustup if missing) and wasm-bindgen-cli at
# exactly the version of the wasm-bindgen crate in Cargo.lock (installed with cargo if
# missing; a few minutes, once).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=wasm32-unknown-unknown
PROFILE=web
OUT=dist/web

if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    echo "Adding the $TARGET target"
    rustup target add "$TARGET"
fi

# The wasm-bindgen version the crate is locked to: the CLI must match it exactly.
VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$VERSION" ]; then
    echo "wasm-bindgen is not in Cargo.lock" >&2
    exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $VERSION"; then
    echo "Installing wasm-bindgen-cli $VERSION"
    # With --locked first; some registries lack a version its lock file names, and then
    # without (cargo picks versions that satisfy its manifest).
    cargo install --locked wasm-bindgen-cli --version "$VERSION" ||
        cargo install wasm-bindgen-cli --version "$VERSION"
fi

echo "Building the app for $TARGET (profile $PROFILE)"
# A cdylib only for this build: the native library stays an rlib.
cargo rustc --locked --lib --target "$TARGET" --profile "$PROFILE" --crate-type cdylib

WASM="target/$TARGET/$PROFILE/collab_casebook.wasm"
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" "$WASM"
cp web/index.html "$OUT/index.html"

size=$(wc -c <"$OUT/collab_casebook_bg.wasm")
gz=$(gzip -9 -c "$OUT/collab_casebook_bg.wasm" | wc -c)
echo "Wrote $OUT: $(ls "$OUT" | tr '\n' ' ')"
echo "The wasm is $((size / 1024)) KiB, $((gz / 1024)) KiB gzipped."
