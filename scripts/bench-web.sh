#!/usr/bin/env bash
# The browser build against a bare eframe app built the same way: the download's size,
# gzipped, and the time from navigation to the first frame in headless Chromium, measured
# in one run, loads alternated, medians (web-tests/bench.js); then what the accessibility
# mirror costs per frame on the longest case, on against off in one run
# (web-tests/mirror-bench.js). Figures: docs/performance.md.
#
#   scripts/bench-web.sh [RUNS]          # builds both, then RUNS loads of each (default 9)
#   SKIP_BUILD=1 scripts/bench-web.sh    # measure dist/web and dist/bare-web as they are
#   MIRROR_RUNS=N                        # runs of each for the mirror's cost (default 7)
#
# Needs what scripts/build-web.sh needs, Chromium (/usr/bin/chromium, or CHROMIUM), and
# web-tests' npm packages (cd web-tests && npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
    scripts/build-web.sh
    scripts/build-web.sh --bare
fi
cd web-tests
node bench.js "${1:-9}"
node mirror-bench.js "${MIRROR_RUNS:-7}"
