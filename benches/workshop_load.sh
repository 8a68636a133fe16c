#!/usr/bin/env bash
# Load benchmark of a networked workshop over loopback UDP (docs/benchmarks.md).
#
# A headless host runs TABLES tables of a case; CLIENTS bot clients join and
# play with the view-only bot policy at PACE_MS between commands. The bots are
# light clients (src/net/lite.rs: the app's wire and view bot without Bevy's
# schedules), all in one process unless PROCESSES says otherwise, pinned to
# the cores the host does not use. Each client reports the time from a
# command's send to the arrival of its updated view, and the bytes it
# received; the host's and the bots' CPU time and peak resident memory come
# from /usr/bin/time.
#
#   [PROCESSES=N] [PIN=0] benches/workshop_load.sh [CLIENTS] [TABLES] [PACE_MS] [LOSS_PERCENT]
#
# LOSS_PERCENT > 0 adds packet loss on loopback with `tc netem` (needs root
# and the sch_netem module; removed at the end), or, where netem is missing,
# puts benches/lossy_relay.py between the clients and the host.
set -euo pipefail
CLIENTS=${1:-64}
TABLES=${2:-11}
PACE_MS=${3:-250}
LOSS=${4:-0}
CASE=${CASE:-scenarios/foyer_fugues.ron}
PORT=${PORT:-7170}
BIN=${BIN:-target/release/faisceau}
OUT=$(mktemp -d /tmp/faisceau-load.XXXXXX)
[ -x "$BIN" ] || cargo build --release --locked
JOIN_PORT=$PORT
if [ "$LOSS" != 0 ]; then
    if tc qdisc add dev lo root netem loss "${LOSS}%" 2>/dev/null; then
        trap 'tc qdisc del dev lo root netem || true' EXIT
    else
        JOIN_PORT=$((PORT + 100))
        python3 "$(dirname "$0")/lossy_relay.py" "$JOIN_PORT" "$PORT" "$LOSS" 1200 2>"$OUT/relay.err" &
        RELAY=$!
        trap 'kill $RELAY 2>/dev/null || true' EXIT
    fi
fi
/usr/bin/time -v "$BIN" host "$CASE" --headless --tables "$TABLES" --port "$PORT" \
    --code K7QX-M2PD --journal "$OUT/load.journal" --bots-after 20 --advance-after 4 \
    --bot-pace-ms "$PACE_MS" --max-minutes 15 >"$OUT/host.out" 2>"$OUT/host.err" &
HOST=$!
# The bots' CPU apart from the host's: the host (and its `time`) on core 0,
# the bots on the others, where taskset exists and there are two cores.
PIN_BOTS=""
if [ "${PIN:-1}" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
    sleep 0.2
    for pid in $HOST $(pgrep -P "$HOST" || true); do taskset -pc 0 "$pid" >/dev/null || true; done
    PIN_BOTS="taskset -c 1-$(( $(nproc) - 1 ))"
fi
sleep 1
START=$(date +%s.%N)
# Bots per process: `join --bot --count` (one trainee presses "Join" every
# 20 ms within a process).
PROCESSES=${PROCESSES:-1}
PER=$(( (CLIENTS + PROCESSES - 1) / PROCESSES ))
for i in $(seq 1 "$PROCESSES"); do
    $PIN_BOTS /usr/bin/time -v -o "$OUT/bots-$i.time" "$BIN" join "127.0.0.1:$JOIN_PORT" --code K7QX-M2PD --bot --name "bot $i" --count "$PER" \
        --pace-ms "$PACE_MS" --max-minutes 15 --stats "$OUT/client-$i.json" \
        >"$OUT/client-$i.out" 2>"$OUT/client-$i.err" &
    # Trainees do not all click "Join" in the same millisecond.
    sleep 0.05
done
wait "$HOST" || true
for job in $(jobs -p); do
    [ "${RELAY:-}" = "$job" ] || wait "$job" || true
done
END=$(date +%s.%N)
python3 "$(dirname "$0")/load_summary.py" "$OUT" "$CLIENTS" "$START" "$END"
echo "raw output: $OUT"
