#!/usr/bin/env bash
# What a screen-reader user hears, and whether every colour pair reads.
#
# 1. Prints every text and badge colour pair of both themes with its WCAG
#    contrast ratio (`cargo run --example contrast`; fails under 4.5:1).
# 2. Starts the release window on a sample article under Xvfb with an
#    AT-SPI bus switched on, and prints, through AT-SPI as Orca reads it,
#    the accessible names of the paragraph badges, the heat strip, the
#    chart and the legend; then presses F8, F6, Tab and Ctrl+E and prints
#    what has the keyboard after each.
#
# Needs (Debian): xvfb xdotool at-spi2-core python3-pyatspi dbus-x11.
# Usage: tools/a11y-check.sh [ARTICLE]   (default: tests/fixtures/council.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
article=${1:-tests/fixtures/council.txt}

for tool in Xvfb xdotool dbus-launch /usr/libexec/at-spi-bus-launcher; do
    command -v "$tool" >/dev/null || {
        echo "missing $tool: apt-get install -y xvfb xdotool at-spi2-core python3-pyatspi dbus-x11" >&2
        exit 1
    }
done

echo "== Contrast (WCAG 2.1 AA asks 4.5:1) =="
cargo run --quiet --release --example contrast
echo
cargo build --quiet --release

source tools/xvfb-session.sh 1400x900
eval "$(dbus-launch --sh-syntax)"
pids+=("$DBUS_SESSION_BUS_PID")
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
pids+=($!)
sleep 1
busctl --user set-property org.a11y.Bus /org/a11y/bus org.a11y.Status IsEnabled b true
target/release/sourcelight "$article" >"$work/app.log" 2>&1 &
pids+=($!)
sleep 5
window=$(xdotool search --name Sourcelight | head -1)

read_tree() {
    /usr/bin/python3 - "$1" <<'PY'
import sys, pyatspi

step = sys.argv[1]
app = next(a for a in pyatspi.Registry.getDesktop(0) if a and "sourcelight" in (a.name or "").lower())
nodes = []
def walk(n):
    nodes.append(n)
    for i in range(n.childCount):
        walk(n.getChildAtIndex(i))
walk(app)
def show(title, keep):
    found = [n for n in nodes if keep(n)]
    print(f"-- {title} ({len(found)})")
    for n in found:
        print(f"   {n.getRoleName()}: {n.name}")
if step == "tree":
    show("paragraph badges", lambda n: (n.name or "").startswith("Paragraph "))
    show("heat strip", lambda n: (n.name or "").startswith("Flagged paragraphs"))
    show("chart", lambda n: (n.name or "").startswith("Score per paragraph"))
    show("legend", lambda n: (n.name or "").startswith("Sources:"))
else:
    focused = [n for n in nodes if n.getState().contains(pyatspi.STATE_FOCUSED)]
    show(f"has the keyboard after {step}", lambda n: n in focused)
PY
}

echo "== The accessibility tree over AT-SPI ($article) =="
read_tree tree
xdotool windowfocus "$window"; sleep 0.3
xdotool key --window "$window" F8; sleep 0.7
read_tree F8
xdotool key --window "$window" F6; sleep 0.7
read_tree F6
xdotool key --window "$window" Tab; sleep 0.7
read_tree "F6, Tab"
xdotool key --window "$window" Escape; sleep 0.3
xdotool key --window "$window" ctrl+e; sleep 1.5
read_tree "Ctrl+E (export)"
