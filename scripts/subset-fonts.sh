#!/usr/bin/env bash
# Writes the browser build's fonts, assets/fonts/web/: DejaVu Sans and DejaVu Sans Bold cut
# down to the letters a case in English, Welsh, Irish, Scottish Gaelic or another European
# language written in Latin letters uses, with the punctuation, currency signs and the few
# symbols around them, and without the hinting instructions (the browser build draws
# without hinting: src/ui/theme.rs). The browser downloads the app in one file, and the
# full fonts were a quarter of it (docs/performance.md). The desktop app keeps the full
# fonts, so a case file in Greek, Cyrillic or another script shows there.
#
#   scripts/subset-fonts.sh      # needs fontTools (pip install fonttools==4.68.0)
#
# The outputs are committed; CI does not run this. A test (`ui::theme`, the web fonts
# cover the casebook) fails if a bundled case, the model or the app's own text uses a
# character the cut-down fonts lack.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pyftsubset >/dev/null; then
    echo "pyftsubset is missing: pip install fonttools==4.68.0" >&2
    exit 1
fi

# Basic Latin, Latin-1 and Latin Extended-A (the European languages, and Welsh ŵ and ŷ),
# Romanian ș and ț, the spacing accents of old Windows text, Welsh ẁ ẃ ẅ ỳ, general
# punctuation (curly quotes, dashes, the ellipsis), currency, the trade mark sign, the four
# arrows, minus, approximately, not equal, at most and at least, a round bullet, a tick
# and a cross, and the replacement character.
UNICODES="U+0020-007E,U+00A0-017F,U+0218-021B,U+02C6-02C7,U+02D8-02DD,U+1E80-1E85,U+1EF2-1EF3,U+2000-206F,U+20A0-20CF,U+2122,U+2190-2193,U+2212,U+2248,U+2260,U+2264-2265,U+25CF,U+2713,U+2717,U+FFFD"

for face in DejaVuSans DejaVuSans-Bold; do
    pyftsubset "assets/fonts/$face.ttf" \
        --unicodes="$UNICODES" \
        --layout-features=kern \
        --no-hinting \
        --drop-tables+=FFTM,MATH \
        --output-file="assets/fonts/web/$face.ttf"
    echo "assets/fonts/web/$face.ttf: $(wc -c <"assets/fonts/web/$face.ttf") bytes, $(gzip -9 -c "assets/fonts/web/$face.ttf" | wc -c) gzipped"
done
