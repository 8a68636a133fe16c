#!/usr/bin/env bash
# CPU used by a Faisceau window at rest, as a share of one core.
#
#   benches/idle_cpu.sh solo|network [SIZE] [SECONDS]
#
# Starts the window under the current $DISPLAY (Xvfb with Mesa's software
# Vulkan, so every drawn frame costs CPU), waits for it to settle, then reads
# the process's CPU time from /proc over SECONDS with no input.
#   solo:    `faisceau play` on the desk of foyer_fugues (bots in the other
#            seats; after the warm-up they have nothing left to do).
#   network: a headless host on loopback with bots, and a trainee window
#            joined and seated on the desk.
set -euo pipefail
mode=${1:-solo}
size=${2:-1920x1080}
seconds=${3:-30}
settle=${SETTLE:-12}
bin=${FAISCEAU:-target/debug/faisceau}
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/xdg}
mkdir -p "$XDG_RUNTIME_DIR"
export FAISCEAU_DATA_DIR=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

case "$mode" in
solo)
    "$bin" play scenarios/foyer_fugues.ron --role educatrice --lang fr \
        --size "$size" --warmup 1 --screen desk >/dev/null 2>&1 &
    win=$!; pids+=("$win")
    ;;
network)
    port=$((20000 + RANDOM % 20000))
    journal=$(mktemp -u /tmp/idle-XXXX.journal)
    "$bin" host scenarios/foyer_fugues.ron --headless --code K7QX-M2PD --port "$port" \
        --journal "$journal" --bots-after 5 --advance-after 100000 --bot-pace-ms 600000 >/dev/null 2>&1 &
    pids+=("$!")
    sleep 2
    "$bin" join "127.0.0.1:$port" --code K7QX-M2PD --name Inès \
        --table 1 --role educatrice --lang fr --size "$size" --screen desk >/dev/null 2>&1 &
    win=$!; pids+=("$win")
    ;;
*) echo "usage: $0 solo|network [SIZE] [SECONDS]" >&2; exit 2 ;;
esac

sleep "$settle"
hz=$(getconf CLK_TCK)
start=$(cpu_ticks "$win")
sleep "$seconds"
end=$(cpu_ticks "$win")
awk -v d=$((end - start)) -v hz="$hz" -v s="$seconds" -v m="$mode" -v z="$size" \
    'BEGIN { printf "%s desk at rest, %s: %.1f %% of a core over %d s\n", m, z, 100 * d / hz / s, s }'
