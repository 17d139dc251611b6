#!/usr/bin/env python3
"""wts_admin: lists the sessions of a wtsd and disconnects one, over wtsd's
Unix socket: the OpenWTS protocol from another language, with the classes
protoc makes from the same schema (src/proto/openwts.proto):

    protoc -I src/proto --python_out=OUT src/proto/openwts.proto
    PYTHONPATH=OUT examples/wts_admin.py --socket /run/openwts/wtsd.sock list
    PYTHONPATH=OUT examples/wts_admin.py disconnect 3

Needs python3-protobuf. On the wire (docs/wtsd.md, "Protocol"): each
message is a 4-byte little-endian length and that many bytes of a
ClientMessage or ServerMessage; a Hello first; then requests, whose long
answers come in parts (`more` on all but the last) to be joined.

Exit status: 0 done; 1 wtsd refused (the Win32 error is printed); 2 usage;
3 wtsd not reachable.
SPDX-License-Identifier: LGPL-2.1-or-later
"""
import argparse
import os
import socket
import struct
import sys

try:
    import openwts_pb2 as pb
except ImportError:
    sys.exit("wts_admin: openwts_pb2 is not on PYTHONPATH (protoc --python_out, see the top of this file)")

PROTOCOL_VERSION = 2          # include/openwts/codec.h
FRAME_MAX = 256 * 1024        # a frame's largest payload
STATES = ["Active", "Connected", "ConnectQuery", "Shadow", "Disconnected", "Idle", "Listen",
          "Reset", "Down", "Init"]  # WTS_CONNECTSTATE_CLASS
ERRORS = {5: "ERROR_ACCESS_DENIED", 87: "ERROR_INVALID_PARAMETER",
          1722: "RPC_S_SERVER_UNAVAILABLE", 7022: "ERROR_CTX_WINSTATION_NOT_FOUND"}


class Refused(Exception):
    """wtsd answered with a Win32 error."""

    def __init__(self, what, status):
        super().__init__("%s: refused: error %d %s" % (what, status, ERRORS.get(status, "")))
        self.status = status


class Wtsd:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.next_id = 1
        hello = pb.ClientMessage(id=self._id(), hello=pb.Hello(version=PROTOCOL_VERSION,
                                                                client="wts_admin.py"))
        self._send(hello)
        reply = self._receive()
        if reply.WhichOneof("body") != "hello":
            raise ConnectionError("wtsd did not answer the Hello")
        if reply.hello.status:
            raise Refused("connection", reply.hello.status)
        if reply.hello.challenge:
            raise Refused("connection (wtsd asks for a key)", 5)

    def _id(self):
        self.next_id += 1
        return self.next_id - 1

    def _send(self, message):
        data = message.SerializeToString()
        self.sock.sendall(struct.pack("<I", len(data)) + data)

    def _read(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("wtsd closed the connection")
            data += chunk
        return data

    def _receive(self):
        (n,) = struct.unpack("<I", self._read(4))
        if n > FRAME_MAX:
            raise ConnectionError("a frame over the protocol's bound")
        message = pb.ServerMessage()
        message.ParseFromString(self._read(n))
        return message

    def call(self, what, request):
        """The whole answer to one request: its parts joined."""
        message = pb.ClientMessage(id=self._id(), request=request)
        self._send(message)
        joined = None
        while True:
            part = self._receive()
            if part.WhichOneof("body") == "event":
                continue  # events come unasked (id 0), to subscribers only
            if part.id != message.id or part.WhichOneof("body") != "reply":
                raise ConnectionError("an answer to something else")
            if joined is None:
                joined = part.reply
            else:
                kind = part.reply.WhichOneof("result")
                if kind == "enumerate_sessions":
                    joined.enumerate_sessions.sessions.extend(part.reply.enumerate_sessions.sessions)
                elif kind == "enumerate_processes":
                    joined.enumerate_processes.processes.extend(
                        part.reply.enumerate_processes.processes)
            if not part.more:
                break
        if joined.status:
            raise Refused(what, joined.status)
        return joined

    def sessions(self):
        request = pb.Request(enumerate_sessions=pb.EnumerateSessionsRequest())
        return self.call("sessions", request).enumerate_sessions.sessions

    def disconnect(self, session_id):
        request = pb.Request(disconnect_session=pb.DisconnectSessionRequest(session_id=session_id,
                                                                             wait=True))
        self.call("disconnect %d" % session_id, request)


def main():
    parser = argparse.ArgumentParser(description="List the sessions of wtsd, or disconnect one.")
    parser.add_argument("--socket", default=os.environ.get("OPENWTS_SOCKET", "/run/openwts/wtsd.sock"),
                        help="wtsd's Unix socket (default $OPENWTS_SOCKET, else %(default)s)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the sessions")
    disconnect = sub.add_parser("disconnect", help="disconnect a session")
    disconnect.add_argument("id", type=int)
    args = parser.parse_args()

    try:
        wtsd = Wtsd(args.socket)
    except Refused as e:
        print("wts_admin:", e, file=sys.stderr)
        return 1
    except OSError as e:
        print("wts_admin: wtsd is not reachable on %s: %s" % (args.socket, e.strerror or e),
              file=sys.stderr)
        return 3
    try:
        if args.command == "list":
            print("%6s  %-12s  %-20s  %s" % ("ID", "STATE", "USER", "WINSTATION"))
            for s in wtsd.sessions():
                state = STATES[s.state] if s.state < len(STATES) else str(s.state)
                print("%6d  %-12s  %-20s  %s" % (s.id, state, s.user, s.win_station))
        else:
            wtsd.disconnect(args.id)
            print("session %d disconnected" % args.id)
    except Refused as e:
        print("wts_admin:", e, file=sys.stderr)
        return 1
    except (OSError, ConnectionError) as e:
        print("wts_admin: wtsd went away: %s" % e, file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
