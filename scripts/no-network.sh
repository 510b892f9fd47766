#!/usr/bin/env bash
# Runs the real app under strace, in Xvfb, opens a case and the model reference by
# keyboard, and fails if it ever opened an IPv4 or IPv6 socket. Local sockets (AF_UNIX, for
# the display server and D-Bus) are fine.
#
#   scripts/no-network.sh [path/to/collab-casebook]
set -euo pipefail

binary=${1:-target/release/collab-casebook}
out=target/no-network
mkdir -p "$out"
trace="$out/trace.txt"
rm -f "$trace"

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export LIBGL_ALWAYS_SOFTWARE=1

# Run for a while, long enough to draw, load the cases and save the record. xvfb-run -a
# picks a free display and waits for the server to be ready.
xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" timeout --signal=TERM 12 strace -f -qq -e trace=socket,connect -o "$trace" \
    "$binary" --size 1280x800 --data-dir "$data" docs/example-case.ron >"$out/app.log" 2>&1 || true

if [ ! -s "$trace" ]; then
    echo "no-network: strace recorded nothing; the app may not have started. Its output:" >&2
    cat "$out/app.log" >&2
    exit 1
fi
if grep -E "AF_INET6?|PF_INET6?" "$trace"; then
    echo "no-network: the app opened a network socket (above)." >&2
    exit 1
fi
sockets=$(grep -c "socket(" "$trace" || true)
echo "no-network: the app opened $sockets sockets, none of them IPv4 or IPv6 (trace in $trace)"
