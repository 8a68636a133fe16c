#!/usr/bin/env python3
"""A UDP relay that loses packets, for measuring a workshop under packet loss
where `tc netem` is not available (containers without the sch_netem module).

    lossy_relay.py LISTEN_PORT HOST_PORT LOSS_PERCENT [SECONDS]

Listens on 127.0.0.1:LISTEN_PORT and forwards each client's datagrams to
127.0.0.1:HOST_PORT from a socket of its own (like a NAT), dropping
LOSS_PERCENT of them at random in each direction. LISTEN_PORT+1 is relayed
to HOST_PORT+1 without loss (the door).
"""
import random
import selectors
import socket
import sys
import time

listen, host, loss = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]) / 100
deadline = time.time() + (float(sys.argv[4]) if len(sys.argv) > 4 else 1800)
sel = selectors.DefaultSelector()
fronts = {}
for offset, lossy in ((0, True), (1, False)):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", listen + offset))
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ, ("front", offset, lossy))
    fronts[offset] = s
uplinks = {}  # (offset, client address) -> upstream socket
dropped = passed = 0
while time.time() < deadline:
    for key, _ in sel.select(timeout=1.0):
        kind, offset, lossy = key.data[:3]
        sock = key.fileobj
        while True:
            try:
                data, addr = sock.recvfrom(65536)
            except BlockingIOError:
                break
            if lossy and random.random() < loss:
                dropped += 1
                continue
            passed += 1
            if kind == "front":
                up = uplinks.get((offset, addr))
                if up is None:
                    up = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                    up.bind(("127.0.0.1", 0))
                    up.setblocking(False)
                    sel.register(up, selectors.EVENT_READ, ("back", offset, lossy, addr))
                    uplinks[(offset, addr)] = up
                up.sendto(data, ("127.0.0.1", host + offset))
            else:
                fronts[offset].sendto(data, key.data[3])
print(f"relay: {passed} datagrams passed, {dropped} dropped", file=sys.stderr)
