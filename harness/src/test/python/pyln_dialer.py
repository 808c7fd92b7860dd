"""Dials `lnconform listen` with Core Lightning's pyln-proto, once per initiator-side case.

usage: pyln_dialer.py URI COUNT
Prints "ID <pubkey>" first (the same static key is used for every connection), then one line
per connection; pyln aborting a handshake is expected for the cases that send a bad Act Two.
"""
import os
import socket
import sys
import time

from pyln.proto.wire import PrivateKey, PublicKey, connect


def main():
    uri, count = sys.argv[1], int(sys.argv[2])
    node_id, hostport = uri.split("@")
    host, port = hostport.rsplit(":", 1)
    key = PrivateKey(os.urandom(32))
    print("ID " + key.public_key().serializeCompressed().hex(), flush=True)
    for i in range(count):
        try:
            conn = connect(key, PublicKey(bytes.fromhex(node_id)), host, int(port))
            conn.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.send_message(bytes.fromhex("001000000000"))  # init, no features
            time.sleep(0.3)
            conn.connection.close()
            print("%d handshake completed" % i, flush=True)
        except Exception as e:  # a refused Act Two, as several cases intend
            print("%d aborted: %s: %s" % (i, type(e).__name__, e), flush=True)
        time.sleep(0.2)


if __name__ == "__main__":
    main()
