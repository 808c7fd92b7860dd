"""A Core Lightning pyln-proto peer for lnconform's interop tests.

dial URI ROUNDS   connect to our node, exchange init, ROUNDS ping/pong rounds, then probes
serve ROUNDS      listen on 127.0.0.1 (random port), print "URI <id>@127.0.0.1:<port>", accept one
                  connection from our node and do the same
Exit code 0 and a final "OK ..." line mean every check passed.
"""
import os
import socket
import struct
import sys

from pyln.proto.wire import LightningServerSocket, PrivateKey, PublicKey, connect


def message(msg_type, payload=b""):
    return struct.pack(">H", msg_type) + payload


def init_message():
    # no globalfeatures, no features: our node requires none
    return message(16, struct.pack(">H", 0) + struct.pack(">H", 0))


def ping(num_pong_bytes, byteslen):
    return message(18, struct.pack(">HH", num_pong_bytes, byteslen) + bytes(byteslen))


def msg_type(m):
    return struct.unpack(">H", m[:2])[0]


def next_pong(conn):
    """Reads until a pong, answering the node's pings; returns the pong's byteslen."""
    while True:
        m = conn.read_message()
        t = msg_type(m)
        if t == 19:
            return struct.unpack(">H", m[2:4])[0]
        if t == 18:
            n = struct.unpack(">H", m[2:4])[0]
            if n < 65532:
                conn.send_message(message(19, struct.pack(">H", n) + bytes(n)))


def exercise(conn, rounds):
    # pyln writes the length and the body with two send() calls: without TCP_NODELAY, Nagle and
    # delayed ACKs add ~40 ms to every round trip
    conn.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    conn.send_message(init_message())
    first = conn.read_message()
    assert msg_type(first) == 16, "first message must be init, got type %d" % msg_type(first)
    for i in range(rounds):
        n = i % 300
        conn.send_message(ping(n, i % 40))
        got = next_pong(conn)
        assert got == n, "round %d: pong of %d bytes, expected %d" % (i, got, n)
    # an unknown odd message is ignored
    conn.send_message(message(0xFE55, b"\x01\x02\x03"))
    conn.send_message(ping(7, 0))
    assert next_pong(conn) == 7
    # an oversize ping is ignored, the next one answered
    conn.send_message(ping(65532, 0))
    conn.send_message(ping(9, 0))
    assert next_pong(conn) == 9, "the ping with num_pong_bytes 65532 must not be answered"
    # an unknown even message closes the connection
    conn.send_message(message(0xFE54))
    try:
        while True:
            conn.read_message()
    except Exception:
        pass
    else:
        raise AssertionError("connection stayed open after an unknown even message")
    print("OK %d rounds, unknown odd ignored, oversize ping ignored, unknown even closed" % rounds, flush=True)


def main():
    mode = sys.argv[1]
    key = PrivateKey(os.urandom(32))
    if mode == "dial":
        uri, rounds = sys.argv[2], int(sys.argv[3])
        node_id, hostport = uri.split("@")
        host, port = hostport.rsplit(":", 1)
        conn = connect(key, PublicKey(bytes.fromhex(node_id)), host, int(port))
        exercise(conn, rounds)
    elif mode == "serve":
        rounds = int(sys.argv[2])
        server = LightningServerSocket(key)
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(30)
        pub = key.public_key().serializeCompressed().hex()
        print("URI %s@127.0.0.1:%d" % (pub, server.getsockname()[1]), flush=True)
        conn, _ = server.accept()
        exercise(conn, rounds)
    else:
        raise SystemExit("usage: pyln_peer.py dial URI ROUNDS | serve ROUNDS")


if __name__ == "__main__":
    main()
