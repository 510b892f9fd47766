#!/usr/bin/env bash
# Instructions per frame of each screen in the frame benchmark (benches/casebook.rs), at 1x,
# counted with callgrind, and each as a ratio to the reference (the case text in one
# label). Unlike the clock, instruction counts do not move when the machine is busy, so
# these settle the frame-cost ratios in docs/performance.md.
#
# Each screen is drawn 30 times and then 130 times; the difference over 100 is the cost of
# one frame once the screen has settled, as in a running app: text laid out, sizes known,
# and the feedback screen's scroll to the first evidence (about 20 frames) finished.
#
#   scripts/frame-instructions.sh
set -euo pipefail
command -v valgrind >/dev/null || { echo "Needs valgrind: apt-get install -y valgrind" >&2; exit 1; }
bench=$(cargo bench --bench casebook --no-run 2>&1 | sed -n 's/.*Executable .* (\(.*\))$/\1/p' | tail -1)
[ -x "$bench" ] || { echo "Could not find the built benchmark" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

instructions() { # name runs
    CASEBOOK_FRAME="$1" CASEBOOK_FRAME_RUNS="$2" valgrind --tool=callgrind \
        --callgrind-out-file="$out/callgrind.out" "$bench" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

per_frame() { # name
    local once many
    once=$(instructions "$1" 30)
    many=$(instructions "$1" 130)
    echo $(((many - once) / 100))
}

reference=$(per_frame "reference: the text in one label")
printf '%-60s %12s %8s\n' "frame (1x, 1280x800)" "instructions" "ratio"
printf '%-60s %12d %8s\n' "reference: the text in one label" "$reference" "1.00"
for name in "floor: the case screen's panes alone" \
    "floor: the case screen's panes and controls, nothing drawn" "case text alone" \
    "marking panel alone" "case screen" "feedback screen"; do
    n=$(per_frame "$name")
    printf '%-60s %12d %8s\n' "$name" "$n" "$(awk "BEGIN {printf \"%.2f\", $n / $reference}")"
done
