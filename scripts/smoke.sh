#!/usr/bin/env bash
# Starts the real release binary under Xvfb (xvfb-run -a picks a free display) with
# software rendering and a temporary data folder, captures the screen, and fails if the app
# died or the capture is blank. Leaves the capture in target/smoke/.
#
#   scripts/smoke.sh [path/to/collab-casebook] [WIDTHxHEIGHT]
set -euo pipefail

binary=${1:-target/release/collab-casebook}
size=${2:-1280x800}
out=target/smoke
mkdir -p "$out"
shot="$out/smoke-$size.png"
rm -f "$shot"

# Never the user's real data folder: a run in CI must not touch anyone's record.
data=$(mktemp -d)
runtime=$(mktemp -d)
chmod 700 "$runtime"
trap 'rm -rf "$data" "$runtime"' EXIT

export LIBGL_ALWAYS_SOFTWARE=1 XDG_RUNTIME_DIR=$runtime
export SMOKE_BINARY=$binary SMOKE_SIZE=$size SMOKE_SHOT=$shot SMOKE_OUT=$out SMOKE_DATA=$data

xvfb-run -a -s "-screen 0 ${size}x24 -nolisten tcp" bash -c '
set -euo pipefail
"$SMOKE_BINARY" --size "$SMOKE_SIZE" --data-dir "$SMOKE_DATA" >"$SMOKE_OUT/app.log" 2>&1 &
app=$!
trap "kill $app 2>/dev/null || true" EXIT
# Wait for a frame with real content: up to 30 seconds.
colours=0
for _ in $(seq 1 60); do
    sleep 0.5
    if ! kill -0 "$app" 2>/dev/null; then
        echo "smoke: the app exited early. Its output:" >&2
        cat "$SMOKE_OUT/app.log" >&2
        exit 1
    fi
    import -window root "$SMOKE_SHOT" 2>/dev/null || continue
    colours=$(convert "$SMOKE_SHOT" -format %k info:)
    if [ "$colours" -gt 16 ]; then
        break
    fi
done
if [ "$colours" -le 16 ]; then
    echo "smoke: the capture is blank ($colours colours). App output:" >&2
    cat "$SMOKE_OUT/app.log" >&2
    exit 1
fi
if ! kill -0 "$app" 2>/dev/null; then
    echo "smoke: the app died after drawing." >&2
    exit 1
fi
echo "smoke: the app is running and drew a window ($colours colours, $SMOKE_SIZE); capture in $SMOKE_SHOT"
'
if [ -n "$(ls -A "$data")" ]; then
    echo "smoke: the app kept its record in the temporary folder, as asked."
fi
