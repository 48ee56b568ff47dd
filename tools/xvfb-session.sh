# Sourced by the tools that drive the window: a private Xvfb display and a
# fresh home (no settings carried in), both removed on exit. Background
# processes started later are added to `pids` to be stopped with them.
# Usage: source tools/xvfb-session.sh WIDTHxHEIGHT
work=$(mktemp -d)
display=:$((80 + RANDOM % 19))
Xvfb "$display" -screen 0 "${1:-1400x900}x24" -nolisten tcp >/dev/null 2>&1 &
pids=($!)
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export DISPLAY=$display XDG_RUNTIME_DIR=$work HOME=$work
sleep 1
