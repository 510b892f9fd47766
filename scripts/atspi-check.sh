#!/usr/bin/env bash
# Reads the real app over Linux's accessibility bus (AT-SPI), as Orca does: starts it under
# Xvfb in its own D-Bus session with the AT-SPI bus, and checks the headings, regions,
# roles and names on the library, the case screen, feedback, the model reference and the
# seminar console, and that Tab moves the focus where the bus can hear it.
# Needs Debian's xvfb, dbus-x11, at-spi2-core, python3-pyatspi and xdotool.
#
#   scripts/atspi-check.sh [path/to/collab-casebook]
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-target/release/collab-casebook}
out=target/atspi
mkdir -p "$out"

runtime=$(mktemp -d)
chmod 700 "$runtime"
xvfb=""
cleanup() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    rm -rf "$runtime"
}
trap cleanup EXIT

# The X server picks a free display itself and says which, so two runs never collide. It
# must not reset when a client leaves (the AT-SPI bus launcher reads a property and goes),
# or the app, starting just then, finds no server.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$runtime/display" 2>"$out/xvfb.log" &
xvfb=$!
for _ in $(seq 1 300); do
    [ -s "$runtime/display" ] && break
    sleep 0.1
done
if [ ! -s "$runtime/display" ]; then
    echo "atspi-check: Xvfb did not start. Its output:" >&2
    cat "$out/xvfb.log" >&2
    exit 1
fi
export DISPLAY=":$(cat "$runtime/display")"
# And wait until it takes connections.
for _ in $(seq 1 100); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.1
done
export XDG_RUNTIME_DIR=$runtime
# Debian's pyatspi is built for the system Python, not one on PATH.
dbus-run-session -- /usr/bin/python3 scripts/atspi_check.py "$binary" "$out"
