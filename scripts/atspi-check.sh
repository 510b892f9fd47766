#!/usr/bin/env bash
# Reads the real app over Linux's accessibility bus (AT-SPI), as Orca does: starts it under
# Xvfb in its own D-Bus session with the AT-SPI bus, and checks the headings, regions,
# roles and names on the library, the case screen, feedback, the model reference and the
# seminar console, and that Tab moves the focus where the bus can hear it.
# Needs Debian's xvfb, xauth, dbus-x11, at-spi2-core, python3-pyatspi and xdotool.
#
#   scripts/atspi-check.sh [path/to/collab-casebook]
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-target/release/collab-casebook}
out=target/atspi
mkdir -p "$out"

runtime=$(mktemp -d)
chmod 700 "$runtime"
trap 'rm -rf "$runtime"' EXIT
export XDG_RUNTIME_DIR=$runtime
# Debian's pyatspi is built for the system Python, not one on PATH.
xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- /usr/bin/python3 scripts/atspi_check.py "$binary" "$out"
