#!/usr/bin/env bash
# Soak benchmark of a networked workshop (docs/benchmarks.md): 6 tables of
# 6 bot clients on loopback for MINUTES of wall time, with time compressed —
# the bots act every PACE_MS (a person acts every half-minute or so: at
# 2000 ms, 15 times faster), and a table moves to its next phase after
# ADVANCE seconds without events. The host prints a status line every
# STATUS seconds (clients, events, journal size, resident memory, answer
# times since the previous line); this script gathers them into a table.
#
#   benches/soak.sh [MINUTES] [PACE_MS] [ADVANCE] [STATUS]
set -euo pipefail
MINUTES=${1:-20}
PACE_MS=${2:-2000}
ADVANCE=${3:-90}
STATUS=${4:-60}
CASE=${CASE:-scenarios/foyer_fugues.ron}
PORT=${PORT:-7370}
BIN=${BIN:-target/release/faisceau}
OUT=$(mktemp -d /tmp/faisceau-soak.XXXXXX)
[ -x "$BIN" ] || cargo build --release --locked
"$BIN" host "$CASE" --headless --tables 6 --port "$PORT" --code K7QX-M2PD \
    --journal "$OUT/soak.journal" --bots-after 30 --advance-after "$ADVANCE" \
    --bot-pace-ms "$PACE_MS" --max-minutes "$MINUTES" --status-every "$STATUS" \
    --no-archive >"$OUT/host.out" 2>"$OUT/host.err" &
HOST=$!
sleep 1
# Two processes of 18 bots: the bots' CPU apart from the host's where taskset exists.
PIN_BOTS=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
    taskset -pc 0 "$HOST" >/dev/null
    PIN_BOTS="taskset -c 1"
fi
for i in 1 2; do
    $PIN_BOTS "$BIN" join "127.0.0.1:$PORT" --code K7QX-M2PD --bot --name "soak $i" --count 18 \
        --pace-ms "$PACE_MS" --max-minutes "$MINUTES" >"$OUT/bots-$i.out" 2>"$OUT/bots-$i.err" &
    sleep 0.5
done
wait "$HOST" || true
for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done
wait || true
echo "| minute | clients | tables ended | events | journal (KB) | host memory (MB) | answers p50 (ms) | p99 (ms) | updates |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
sed -nE 's/^status at ([0-9.]+) min: ([0-9]+) client\(s\), ([0-9/]+) table\(s\) ended, ([0-9]+) event\(s\), journal ([0-9]+) KB, memory ([0-9.?]+) MB, answers p50 ([0-9.]+) ms p99 ([0-9.]+) ms \(([0-9]+) updates\)/| \1 | \2 | \3 | \4 | \5 | \6 | \7 | \8 | \9 |/p' "$OUT/host.out"
grep -E '^(table|host|messages)' "$OUT/host.out" || true
echo "raw output: $OUT"
