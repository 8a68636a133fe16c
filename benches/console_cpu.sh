#!/usr/bin/env bash
# CPU used by the trainer's console while six tables of bots play, as a
# share of one core.
#
#   benches/console_cpu.sh [SECONDS]
#
# Starts `faisceau host` (console window, no projector) under the current
# $DISPLAY (Xvfb with Mesa's software Vulkan), clicks "Start the 6 waiting
# tables" with xdotool, then reads the host's CPU time from /proc over
# SECONDS while the bots play (one step every 300 ms per table).
set -euo pipefail
seconds=${1:-30}
bin=${FAISCEAU:-target/debug/faisceau}
port=${PORT:-5290}
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/xdg}
mkdir -p "$XDG_RUNTIME_DIR"
dir=$(mktemp -d)
export FAISCEAU_DATA_DIR=$dir
trap 'kill $host 2>/dev/null; rm -rf "$dir"' EXIT
"$bin" host scenarios/foyer_fugues.ron --tables 6 --port "$port" \
    --journal "$dir/w.journal" --size 1366x768 --no-projector --lang fr \
    --bot-pace-ms 300 >"$dir/host.log" 2>&1 &
host=$!
sleep 8
window=$(xdotool search --name "^Faisceau$" | tail -1)
xdotool windowmove "$window" 0 0 windowraise "$window"
sleep 2
# "Démarrer les 6 tables en attente", top left of the console at zoom 1.25.
xdotool mousemove 205 97 && sleep 0.5 && xdotool mousedown 1 && sleep 0.15 && xdotool mouseup 1
sleep 5
xdotool mousemove 5 765
ticks=$(getconf CLK_TCK)
t0=$(awk '{print $14+$15}' "/proc/$host/stat")
sleep "$seconds"
t1=$(awk '{print $14+$15}' "/proc/$host/stat")
events=$(sqlite3 "$dir/w.journal" "select count(*) from events")
echo "console, 6 tables of bots: $(echo "scale=1; 100*($t1-$t0)/$ticks/$seconds" | bc) % of a core over ${seconds} s; $events events journaled"
