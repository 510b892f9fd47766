#!/usr/bin/env bash
# Writes the browser build's fonts, assets/fonts/web/: DejaVu Sans and DejaVu Sans Bold cut
# down to the scripts a case in English (or Welsh, Irish, Scottish Gaelic, a European
# language, or Greek letters in a formula) uses, with the punctuation, currency, arrows,
# mathematical signs, shapes and ticks around them, and without the hinting instructions
# egui does not use. The browser downloads the app in one file, and the full fonts were a
# quarter of it (docs/performance.md). The desktop app keeps the full fonts.
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

# Basic Latin, Latin-1, Latin Extended-A and -B, combining accents, Greek, Latin Extended
# Additional (Welsh ŵ and ŷ with their accents), general punctuation, currency,
# letter-like symbols, arrows, mathematical operators, geometric shapes, miscellaneous
# symbols, dingbats (ticks and crosses), and the replacement character.
UNICODES="U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+FFFD"

for face in DejaVuSans DejaVuSans-Bold; do
    pyftsubset "assets/fonts/$face.ttf" \
        --unicodes="$UNICODES" \
        --layout-features=kern \
        --no-hinting \
        --drop-tables+=FFTM \
        --output-file="assets/fonts/web/$face.ttf"
    echo "assets/fonts/web/$face.ttf: $(wc -c <"assets/fonts/web/$face.ttf") bytes, $(gzip -9 -c "assets/fonts/web/$face.ttf" | wc -c) gzipped"
done
