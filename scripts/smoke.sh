#!/usr/bin/env bash
# Starts the real release binary under Xvfb with software rendering, captures the screen,
# and fails if the app died or the capture is blank. Leaves the capture in target/smoke/.
#
#   scripts/smoke.sh [path/to/collab-casebook] [WIDTHxHEIGHT]
set -euo pipefail

binary=${1:-target/release/collab-casebook}
size=${2:-1280x800}
out=target/smoke
mkdir -p "$out"
shot="$out/smoke-$size.png"
rm -f "$shot"

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT

export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1
runtime=$(mktemp -d)
chmod 700 "$runtime"
export XDG_RUNTIME_DIR=$runtime
sleep 1

"$binary" --size "$size" >"$out/app.log" 2>&1 &
app=$!

# Wait for a frame with real content: up to 30 seconds.
colours=0
for _ in $(seq 1 30); do
    sleep 1
    if ! kill -0 "$app" 2>/dev/null; then
        echo "smoke: the app exited early. Its output:" >&2
        cat "$out/app.log" >&2
        exit 1
    fi
    import -window root "$shot" 2>/dev/null || continue
    colours=$(convert "$shot" -format %k info:)
    if [ "$colours" -gt 16 ]; then
        break
    fi
done

if [ "$colours" -le 16 ]; then
    echo "smoke: the capture is blank ($colours colours). App output:" >&2
    cat "$out/app.log" >&2
    exit 1
fi
if ! kill -0 "$app" 2>/dev/null; then
    echo "smoke: the app died after drawing." >&2
    exit 1
fi
echo "smoke: the app is running and drew a window ($colours colours, $size); capture in $shot"
