#!/usr/bin/env bash
# Start-up time and peak memory of the casebook against a bare eframe app built from the
# same crate, features and profile (examples/bare.rs), both under Xvfb with software
# rendering. Each runs until its second frame has been drawn, then closes itself.
# Start-up: launch to the library's first frames. Memory: peak resident memory with the
# longest case (Universal Credit) open. The two are separate runs, alternated with the
# bare app's, so a noisy moment hits both. Prints medians and ratios; see
# docs/performance.md.
#
#   scripts/bench-startup.sh [runs]
set -euo pipefail
runs=${1:-9}
cargo build --release --bin collab-casebook --example bare >/dev/null 2>&1
app=target/release/collab-casebook
bare=target/release/examples/bare

display=":$((70 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
cleanup() {
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$data" "$data.mem"
}
trap cleanup EXIT
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 CASEBOOK_EXIT_AFTER_FRAMES=2
sleep 1

measure() { # prints "seconds kilobytes" for one run of the command
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$data.mem" "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo "$(awk "BEGIN {printf \"%.3f\", ($end - $start) / 1e9}") $(tail -1 "$data.mem")"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

app_times=() app_mem=() bare_times=() bare_mem=()
for _ in $(seq 1 "$runs"); do
    # Start-up: a new record, so the app opens on the library.
    rm -rf "$data"/*
    read -r t _ < <(measure "$app" --data-dir "$data")
    app_times+=("$t")
    read -r t m < <(measure "$bare")
    bare_times+=("$t") bare_mem+=("$m")
    # Memory: a record that was last on the longest case, so the app reopens it.
    rm -rf "$data"/*
    echo 'Progress(format: 1, place: Some((case: "universal-credit", factor: 0)))' >"$data/progress.ron"
    read -r _ m < <(measure "$app" --data-dir "$data")
    app_mem+=("$m")
done

at=$(printf '%s\n' "${app_times[@]}" | median)
am=$(printf '%s\n' "${app_mem[@]}" | median)
bt=$(printf '%s\n' "${bare_times[@]}" | median)
bm=$(printf '%s\n' "${bare_mem[@]}" | median)
echo "runs: $runs (medians)"
echo "start-up to the library's second frame: casebook ${at}s, bare ${bt}s, ratio $(awk "BEGIN {printf \"%.2f\", $at/$bt}")"
echo "peak memory with the longest case open: casebook ${am} KB, bare ${bm} KB, ratio $(awk "BEGIN {printf \"%.2f\", $am/$bm}")"
