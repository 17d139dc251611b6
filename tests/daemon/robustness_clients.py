#!/usr/bin/env python3
"""Three clients of one wtsd at once (tests/daemon/wtsd_robustness.sh):

  bad      sends 1,000 malformed messages: undecodable payloads on an
           established connection, first messages that are not a Hello on
           new ones, frame lengths over the bound (wtsd answers and closes;
           it connects again). It never reads what wtsd answers.
  stalled  says Hello, then sends half a frame header and nothing more;
           another connects and says nothing at all. wtsd must drop both
           after --read-timeout, by itself.
  good     runs `wtsctl sessions` again and again meanwhile: each run must
           succeed within two seconds.

Plain sockets, no protobuf: the few valid bytes are spelled out. Exits 0
when all held, 1 with the reason otherwise.
SPDX-License-Identifier: LGPL-2.1-or-later
"""
import socket
import struct
import subprocess
import sys
import threading
import time

SOCKET, WTSCTL, READ_TIMEOUT = sys.argv[1], sys.argv[2], float(sys.argv[3])
# ClientMessage{id: 1, hello: Hello{version: 2}} (openwts.proto: field 1
# varint, field 10 length-delimited holding field 1 varint).
HELLO = bytes([0x08, 0x01, 0x52, 0x02, 0x08, 0x02])
# Payloads that are not a ClientMessage: a wire type that is not the
# field's, an over-long varint, a varint cut short, a Hello cut short.
MALFORMED = [b"\x0a\xff\xff", b"\xff" * 11, b"\x08", b"\x52\x05\x08"]
failures = []


def frame(payload):
    return struct.pack("<I", len(payload)) + payload


def connect():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(SOCKET)
    return s


def bad():
    sent = reconnects = 0
    s = connect()
    s.sendall(frame(HELLO))
    while sent < 1000:
        try:
            if sent % 100 == 99:
                # Over the bound: the framing is lost, wtsd closes.
                s.sendall(struct.pack("<I", 0xFFFFFFF0))
                s.close()
                s = connect()
                s.sendall(frame(HELLO))
                reconnects += 1
            elif sent % 10 == 8:
                t = connect()
                t.sendall(frame(MALFORMED[sent % len(MALFORMED)]))
                t.close()
            else:
                s.sendall(frame(MALFORMED[sent % len(MALFORMED)]))
        except (BrokenPipeError, ConnectionResetError):
            s = connect()
            s.sendall(frame(HELLO))
            reconnects += 1
        sent += 1
    s.close()


def closed_after(s, what):
    """Seconds until wtsd closes s (reading and dropping its answers)."""
    start = time.monotonic()
    s.settimeout(READ_TIMEOUT + 5)
    try:
        while s.recv(4096):
            pass
    except socket.timeout:
        failures.append("%s: still open after %.1f s" % (what, time.monotonic() - start))
        return
    except ConnectionResetError:
        pass
    took = time.monotonic() - start
    if not READ_TIMEOUT - 0.5 <= took <= READ_TIMEOUT + 3:
        failures.append("%s: closed after %.1f s, --read-timeout is %.0f" % (what, took, READ_TIMEOUT))


def stalled():
    s = connect()
    s.sendall(frame(HELLO))
    s.sendall(b"\x09\x00")  # half a header
    closed_after(s, "half a header")


def silent():
    closed_after(connect(), "no hello")


threads = [threading.Thread(target=f) for f in (bad, stalled, silent)]
for t in threads:
    t.start()
runs = 0
while any(t.is_alive() for t in threads) or runs < 5:
    start = time.monotonic()
    r = subprocess.run([WTSCTL, "--socket", SOCKET, "sessions"], capture_output=True, text=True,
                       timeout=30)
    took = time.monotonic() - start
    if r.returncode != 0 or "alice" not in r.stdout:
        failures.append("wtsctl sessions failed (%d): %s" % (r.returncode, r.stderr.strip()))
    if took > 2:
        failures.append("wtsctl sessions took %.1f s" % took)
    runs += 1
for t in threads:
    t.join()
print("well-behaved client served %d times meanwhile" % runs)
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
