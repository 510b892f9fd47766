#!/usr/bin/env bash
# Builds the casebook for browsers into dist/web/: index.html, the wasm and its JavaScript
# glue. Any static file server can host that folder (an intranet, a public site); nothing
# runs on the server.
#
#   scripts/build-web.sh            # writes dist/web/ and dist/collab-casebook-scorm12.zip
#   scripts/build-web.sh --cases universal-credit,troubled-families   # a package of two cases
#   python3 -m http.server --bind 127.0.0.1 --directory dist/web 8000   # try it locally
#   scripts/build-web.sh --bare     # only the bare eframe app, into dist/bare-web/ (below)
#   scripts/build-web.sh --keep-names   # keeps the wasm's function names, for debugging
#
# The wasm carries no function names by default: they were 150 KB of the gzipped download
# (8%), and only a developer reading a stack trace in the browser's console needs them.
#
# The SCORM 1.2 package (for an LMS such as Moodle or Totara) is the same build plus an
# imsmanifest.xml: one SCO, one item. --cases limits it to cases named by their ids (the
# `id:` in scenarios/*.ron): the package's page names them in a
# <meta name="collab-casebook-cases">, and the app offers only those and reports
# completion on them. dist/web/ itself is never limited.
#
# --bare builds, instead, the reference the browser benchmarks compare with
# (scripts/bench-web.sh): the bare eframe app of examples/bare.rs, for the web
# (examples/bare-web/, its own crate because the casebook's test-only dependencies do not
# build for wasm32), with the same eframe features, the same `web` profile, the same
# wasm-bindgen and the same page, into dist/bare-web/.
#
# Needs the wasm32 target (installed here with rustup if missing) and wasm-bindgen-cli at
# exactly the version of the wasm-bindgen crate in Cargo.lock (installed with cargo if
# missing; a few minutes, once).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET=wasm32-unknown-unknown
PROFILE=web
OUT=dist/web
PACKAGE=dist/collab-casebook-scorm12.zip
STAGE=dist/scorm12

CASES=""
BARE=0
NAMES=(--remove-name-section)
while [ $# -gt 0 ]; do
    case "$1" in
        --cases) CASES="${2:?--cases needs case ids, separated by commas}"; shift 2 ;;
        --cases=*) CASES="${1#--cases=}"; shift ;;
        --bare) BARE=1; shift ;;
        --keep-names) NAMES=(); shift ;;
        -h | --help) sed -n '2,30p' "$0"; exit 0 ;;
        *) echo "Unknown argument: $1 (try --cases ID,ID)" >&2; exit 2 ;;
    esac
done

# Each chosen case must be a bundled one; its title goes in the package's title.
TITLES=()
IDS=()
if [ -n "$CASES" ]; then
    IFS=',' read -r -a requested <<<"$CASES"
    for id in "${requested[@]}"; do
        id="${id//[[:space:]]/}"
        [ -z "$id" ] && continue
        if ! [[ "$id" =~ ^[a-z0-9-]+$ ]]; then
            echo "\"$id\" is not a case id: ids are lower-case letters, digits and hyphens." >&2
            exit 2
        fi
        file=$(grep -l -m1 -E "^    id: \"$id\"," scenarios/*.ron | head -n1 || true)
        if [ -z "$file" ]; then
            echo "No bundled case has the id \"$id\". The ids are:" >&2
            grep -h -m1 -E '^    id: "' scenarios/*.ron | sed -E 's/^    id: "(.*)",/  \1/' >&2
            exit 2
        fi
        IDS+=("$id")
        TITLES+=("$(grep -m1 -E '^    title: "' "$file" | sed -E 's/^    title: "(.*)",$/\1/')")
    done
fi

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

if [ "$BARE" = 1 ]; then
    BARE_OUT=dist/bare-web
    echo "Building the bare eframe app for $TARGET (profile $PROFILE)"
    # Into the same target folder, so it shares the compiled eframe where it can.
    (cd examples/bare-web && CARGO_TARGET_DIR="$PWD/../../target" \
        cargo build --locked --lib --target "$TARGET" --profile "$PROFILE")
    rm -rf "$BARE_OUT"
    mkdir -p "$BARE_OUT"
    # Under the casebook's file names, so the same page loads it.
    wasm-bindgen --target web --no-typescript "${NAMES[@]}" --out-name collab_casebook --out-dir "$BARE_OUT" \
        "target/$TARGET/$PROFILE/bare_web.wasm"
    cp web/index.html "$BARE_OUT/index.html"
    size=$(wc -c <"$BARE_OUT/collab_casebook_bg.wasm")
    gz=$(gzip -9 -c "$BARE_OUT/collab_casebook_bg.wasm" | wc -c)
    echo "Wrote $BARE_OUT: the wasm is $((size / 1024)) KiB, $((gz / 1024)) KiB gzipped."
    exit 0
fi

echo "Building the app for $TARGET (profile $PROFILE)"
# A cdylib only for this build: the native library stays an rlib.
cargo rustc --locked --lib --target "$TARGET" --profile "$PROFILE" --crate-type cdylib

WASM="target/$TARGET/$PROFILE/collab_casebook.wasm"
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript "${NAMES[@]}" --out-dir "$OUT" "$WASM"
cp web/index.html "$OUT/index.html"

size=$(wc -c <"$OUT/collab_casebook_bg.wasm")
gz=$(gzip -9 -c "$OUT/collab_casebook_bg.wasm" | wc -c)
echo "Wrote $OUT: $(ls "$OUT" | tr '\n' ' ')"
echo "The wasm is $((size / 1024)) KiB, $((gz / 1024)) KiB gzipped."

# The SCORM 1.2 package.
xml() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }
TITLE="Collaborative Working Casebook"
if [ ${#IDS[@]} -gt 0 ]; then
    joined=$(printf '%s; ' "${TITLES[@]}")
    TITLE="$TITLE: ${joined%; }"
fi
rm -rf "${STAGE:?}" "${PACKAGE:?}"
mkdir -p "$STAGE"
cp "${OUT:?}"/* "$STAGE"/
if [ ${#IDS[@]} -gt 0 ]; then
    ids=$(IFS=','; echo "${IDS[*]}")
    # The app reads the chosen cases from the page (see src/web.rs, CASES_META).
    sed -i "s|<meta charset=\"utf-8\">|<meta charset=\"utf-8\">\n    <meta name=\"collab-casebook-cases\" content=\"$ids\">|" "$STAGE/index.html"
    grep -q "collab-casebook-cases" "$STAGE/index.html"
fi
files=""
for f in $(cd "$STAGE" && ls); do
    files="$files            <file href=\"$f\"/>
"
done
title=$(printf '%s' "$TITLE" | xml)
cat >"$STAGE/imsmanifest.xml" <<MANIFEST
<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="collab-casebook" version="1.0"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
    <metadata>
        <schema>ADL SCORM</schema>
        <schemaversion>1.2</schemaversion>
    </metadata>
    <organizations default="casebook-organization">
        <organization identifier="casebook-organization">
            <title>$title</title>
            <item identifier="casebook-item" identifierref="casebook-sco" isvisible="true">
                <title>$title</title>
            </item>
        </organization>
    </organizations>
    <resources>
        <resource identifier="casebook-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
$files        </resource>
    </resources>
</manifest>
MANIFEST
# Files at the zip's root, as LMSs expect; no extra attributes (-X).
if command -v zip >/dev/null; then
    (cd "$STAGE" && zip -q -X -9 -r "../$(basename "$PACKAGE")" .)
else
    # No zip on this machine: Python's, which every Debian has.
    python3 -c 'import shutil, sys; shutil.make_archive(sys.argv[1], "zip", sys.argv[2])' \
        "${PACKAGE%.zip}" "$STAGE"
fi
echo "Wrote $PACKAGE ($(($(wc -c <"$PACKAGE") / 1024)) KiB): $TITLE"
