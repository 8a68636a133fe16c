#!/usr/bin/env bash
# Time from saving an edit of the open case to the new text on screen.
#
#   benches/reload_latency.sh [RUNS]
#
# Plays a copy of foyer_fugues on the desk under the current $DISPLAY, lets
# the window fall asleep, then changes the case's title on disk and grabs
# the screen (xwd) every 50 ms until the picture changes. Needs xwd
# (x11-apps).
set -euo pipefail
runs=${1:-5}
bin=${FAISCEAU:-$PWD/target/debug/faisceau}
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/xdg}
mkdir -p "$XDG_RUNTIME_DIR"
dir=$(mktemp -d)
cp -r scenarios/rulebooks "$dir/"
cp scenarios/foyer_fugues.ron "$dir/case.ron"
"$bin" play "$dir/case.ron" --role educatrice --lang fr --size 1366x768 --screen desk >/dev/null 2>&1 &
win=$!
trap 'kill $win 2>/dev/null || true; rm -rf "$dir"' EXIT
sleep 12
grab() { xwd -root -silent | md5sum | cut -d' ' -f1; }
for run in $(seq 1 "$runs"); do
    sleep 4 # asleep again
    before=$(grab)
    start=$(date +%s%N)
    sed -i "s/fr: \"Les nuits de Maëlle[^\"]*\"/fr: \"Les nuits de Maëlle (v$run)\"/" "$dir/case.ron"
    while [ "$(grab)" = "$before" ]; do
        if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 10000 ]; then
            echo "run $run: no change on screen after 10 s"; continue 2
        fi
        sleep 0.05
    done
    echo "run $run: $(( ($(date +%s%N) - start) / 1000000 )) ms from the save to the new text on screen"
done
