#!/usr/bin/env bash
# Screenshots of the window in both themes at several widths, under Xvfb,
# with the first flagged paragraph selected (F8): for the README, the
# AppStream metadata and checking narrow layouts by eye.
#
# Needs (Debian): xvfb xdotool imagemagick.
# Usage: tools/screenshots.sh OUTDIR [ARTICLE] [WIDTH...]
#        (default: tests/fixtures/council.txt at 700 1024 1400 px)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: tools/screenshots.sh OUTDIR [ARTICLE] [WIDTH...]}
article=${2:-tests/fixtures/council.txt}
shift $(( $# >= 2 ? 2 : 1 ))
widths=("${@:-700 1024 1400}")
# Widest first: side panels keep a width once narrowed, as a user's would.
read -r -a widths <<<"$(tr ' ' '\n' <<<"${widths[*]}" | sort -rn | tr '\n' ' ')"
mkdir -p "$out"
cargo build --quiet --release

source tools/xvfb-session.sh 1600x1000

for theme in dark light; do
    target/release/sourcelight "$article" >"$work/app.log" 2>&1 &
    app=$!
    sleep 4
    window=$(xdotool search --name Sourcelight | head -1)
    xdotool windowmove "$window" 0 0 windowsize "$window" 1400 860; sleep 1
    # View menu, then the theme's entry (the menu sits at the window's top left).
    xdotool mousemove 90 12 click 1; sleep 0.5
    if [ "$theme" = light ]; then xdotool mousemove 135 62; else xdotool mousemove 135 85; fi
    xdotool click 1; sleep 0.5
    xdotool mousemove 5 500 windowfocus "$window"; sleep 0.3
    xdotool key --window "$window" F8; sleep 0.5
    for width in "${widths[@]}"; do
        xdotool windowsize "$window" "$width" 860; sleep 1.5
        import -window "$window" "$out/window-$theme-$width.png"
        echo "$out/window-$theme-$width.png"
    done
    kill "$app"; wait "$app" 2>/dev/null || true
done
