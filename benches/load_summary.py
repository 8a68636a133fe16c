#!/usr/bin/env python3
"""Summarises a benches/workshop_load.sh run: OUT_DIR CLIENTS START END (seconds)."""
import glob, json, re, sys
out, clients, start, end = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
files = glob.glob(f"{out}/client-*.json")
stats = [json.load(open(f)) for f in files]
lat = sorted(x for s in stats for x in s.get("latencies", []))
def q(p):
    return lat[min(len(lat) - 1, int(round((len(lat) - 1) * p)))] if lat else float("nan")
err = open(f"{out}/host.err").read()
def field(name):
    m = re.search(rf"{re.escape(name)}: (.*)", err)
    return m.group(1).strip() if m else "?"
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
wall = end - start
rss_mb = int(field("Maximum resident set size (kbytes)")) / 1024
bytes_per_client = [s["received_bytes"] for s in stats]
secs = [s["seconds"] for s in stats]
print(f"clients finished: {len(stats)}/{clients}")
print(f"commands: {sum(s['commands'] for s in stats)}, latency samples: {len(lat)}")
print(f"send-to-view latency: p50 {q(0.5):.1f} ms, p99 {q(0.99):.1f} ms, max {q(1.0):.1f} ms")
print(f"host: {cpu:.1f} s CPU over {wall:.0f} s wall ({100 * cpu / wall:.0f}% of a core), peak RSS {rss_mb:.0f} MB")
bots_cpu, bots_rss = 0.0, 0.0
for f in glob.glob(f"{out}/bots-*.time"):
    text = open(f).read()
    get = lambda name: float(re.search(rf"{re.escape(name)}: (.*)", text).group(1))
    bots_cpu += get("User time (seconds)") + get("System time (seconds)")
    bots_rss += get("Maximum resident set size (kbytes)") / 1024
print(f"bots: {bots_cpu:.1f} s CPU over {wall:.0f} s wall ({100 * bots_cpu / wall:.0f}% of a core), peak RSS {bots_rss:.0f} MB in all")
if stats:
    mean_bytes = sum(bytes_per_client) / len(stats)
    mean_secs = sum(secs) / len(stats)
    print(f"received per client: {mean_bytes / 1e6:.2f} MB over {mean_secs:.0f} s ({mean_bytes / mean_secs / 1e3:.1f} kB/s)")
print(open(f"{out}/host.out").read())
