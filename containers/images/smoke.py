#!/usr/bin/env python3
"""Smoke check for the lnconform node images: BOLT 8 handshake + BOLT 1 init/ping.

usage: smoke.py PUBKEY@127.0.0.1:PORT [--timeout SECONDS]

Connects as the Noise_XK initiator to a node on loopback, completes the three
acts, reads the node's `init`, sends our own `init` (data_loss_protect and a few
other common bits set optional, because lnd disconnects peers without
data_loss_protect, and every bit the node requires offered as optional, because
LDK disconnects peers that lack one), sends `ping` and waits for the matching `pong`.
Prints one summary line and exits 0 on success, 1 on failure.

This is an independent quick check for the image scripts, not part of the Java
suite. It needs Python 3 and the `cryptography` package (ChaCha20-Poly1305);
the secp256k1 arithmetic is done here in plain Python.
"""

import hashlib
import hmac
import ipaddress
import os
import socket
import struct
import sys
import time

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

# --- secp256k1 (affine, plain Python: slow but fine for three multiplications) ---
P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
     0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)


def _add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0] and (a[1] + b[1]) % P == 0:
        return None
    if a == b:
        lam = 3 * a[0] * a[0] * pow(2 * a[1], -1, P) % P
    else:
        lam = (b[1] - a[1]) * pow(b[0] - a[0], -1, P) % P
    x = (lam * lam - a[0] - b[0]) % P
    return x, (lam * (a[0] - x) - a[1]) % P


def _mul(k, pt):
    r = None
    while k:
        if k & 1:
            r = _add(r, pt)
        pt = _add(pt, pt)
        k >>= 1
    return r


def _ser(pt):
    return bytes([2 + (pt[1] & 1)]) + pt[0].to_bytes(32, "big")


def _parse(b):
    if len(b) != 33 or b[0] not in (2, 3):
        raise ValueError("bad compressed point")
    x = int.from_bytes(b[1:], "big")
    y = pow((x * x * x + 7) % P, (P + 1) // 4, P)
    if (y * y - (x * x * x + 7)) % P:
        raise ValueError("point not on curve")
    if (y & 1) != (b[0] & 1):
        y = P - y
    return x, y


def _keypair():
    while True:
        k = int.from_bytes(os.urandom(32), "big")
        if 0 < k < N:
            return k, _ser(_mul(k, G))


def _ecdh(k, pub33):
    return hashlib.sha256(_ser(_mul(k, _parse(pub33)))).digest()


def _sha(*parts):
    return hashlib.sha256(b"".join(parts)).digest()


def _hkdf(salt, ikm):
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    t1 = hmac.new(prk, b"\x01", hashlib.sha256).digest()
    t2 = hmac.new(prk, t1 + b"\x02", hashlib.sha256).digest()
    return t1, t2


def _nonce(n):
    return b"\x00" * 4 + struct.pack("<Q", n)


def _enc(k, n, ad, pt):
    return ChaCha20Poly1305(k).encrypt(_nonce(n), pt, ad)


def _dec(k, n, ad, ct):
    return ChaCha20Poly1305(k).decrypt(_nonce(n), ct, ad)


class Transport:
    def __init__(self, sock, sk, rk, ck):
        self.sock, self.sk, self.rk, self.sck, self.rck = sock, sk, rk, ck, ck
        self.sn = self.rn = 0

    def _rot(self, which):
        if which == "s" and self.sn == 1000:
            self.sck, self.sk = _hkdf(self.sck, self.sk)
            self.sn = 0
        if which == "r" and self.rn == 1000:
            self.rck, self.rk = _hkdf(self.rck, self.rk)
            self.rn = 0

    def send(self, msg):
        lc = _enc(self.sk, self.sn, b"", struct.pack(">H", len(msg)))
        self.sn += 1
        self._rot("s")
        c = _enc(self.sk, self.sn, b"", msg)
        self.sn += 1
        self._rot("s")
        self.sock.sendall(lc + c)

    def recv(self):
        (ln,) = struct.unpack(">H", _dec(self.rk, self.rn, b"", _recvn(self.sock, 18)))
        self.rn += 1
        self._rot("r")
        m = _dec(self.rk, self.rn, b"", _recvn(self.sock, ln + 16))
        self.rn += 1
        self._rot("r")
        return m


def _recvn(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("peer closed the connection after %d/%d bytes" % (len(buf), n))
        buf += chunk
    return buf


def handshake(sock, rs):
    s_priv, s_pub = _keypair()
    e_priv, e_pub = _keypair()
    h = _sha(b"Noise_XK_secp256k1_ChaChaPoly_SHA256")
    ck = h
    h = _sha(h, b"lightning")
    h = _sha(h, rs)
    # act one
    h = _sha(h, e_pub)
    ck, k = _hkdf(ck, _ecdh(e_priv, rs))
    c = _enc(k, 0, h, b"")
    h = _sha(h, c)
    sock.sendall(b"\x00" + e_pub + c)
    # act two
    a2 = _recvn(sock, 50)
    if a2[0] != 0:
        raise ValueError("act two: bad version %d" % a2[0])
    re, c = a2[1:34], a2[34:]
    h = _sha(h, re)
    ck, k = _hkdf(ck, _ecdh(e_priv, re))
    _dec(k, 0, h, c)
    h = _sha(h, c)
    # act three
    c = _enc(k, 1, h, s_pub)
    h = _sha(h, c)
    ck, k3 = _hkdf(ck, _ecdh(s_priv, re))
    t = _enc(k3, 0, h, b"")
    sk, rk = _hkdf(ck, b"")
    sock.sendall(b"\x00" + c + t)
    return Transport(sock, sk, rk, ck)


def _features(bits):
    n = (max(bits) // 8 + 1) if bits else 0
    v = bytearray(n)
    for b in bits:
        v[n - 1 - b // 8] |= 1 << (b % 8)
    return bytes(v)


def main(argv):
    if len(argv) < 2 or "@" not in argv[1]:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    timeout = 10.0
    if len(argv) >= 4 and argv[2] == "--timeout":
        timeout = float(argv[3])
    pk_hex, addr = argv[1].split("@", 1)
    host, port = addr.rsplit(":", 1)
    host = host.strip("[]")
    if not ipaddress.ip_address(host).is_loopback:
        print("smoke: refusing non-loopback address %s" % host, file=sys.stderr)
        return 2
    rs = bytes.fromhex(pk_hex)
    t0 = time.monotonic()
    try:
        sock = socket.create_connection((host, int(port)), timeout=timeout)
        tr = handshake(sock, rs)
        t_hs = time.monotonic() - t0
        init = tr.recv()
        mtype = struct.unpack(">H", init[:2])[0]
        if mtype != 16:
            raise ValueError("first message has type %d, expected init (16)" % mtype)
        gflen = struct.unpack(">H", init[2:4])[0]
        flen = struct.unpack(">H", init[4 + gflen:6 + gflen])[0]
        feats = init[6 + gflen:6 + gflen + flen]
        # data_loss_protect, var_onion_optin, static_remote_key, payment_secret, basic_mpp (all optional),
        # and every feature the node requires offered as optional (a node that requires one we do
        # not offer may disconnect: LDK requires channel_type, 44)
        node_bits = [8 * (len(feats) - 1 - i) + b for i, v in enumerate(feats) for b in range(8) if v >> b & 1]
        ours = _features(sorted({1, 9, 13, 15, 17} | {b + 1 for b in node_bits if b % 2 == 0}))
        tr.send(struct.pack(">HH", 16, 0) + struct.pack(">H", len(ours)) + ours)
        tr.send(struct.pack(">HHH", 18, 7, 3) + b"\x00" * 3)  # ping: num_pong_bytes=7, 3 ignored bytes
        while True:
            m = tr.recv()
            t = struct.unpack(">H", m[:2])[0]
            if t == 19:
                blen = struct.unpack(">H", m[2:4])[0]
                if blen != 7:
                    raise ValueError("pong has %d bytes, expected 7" % blen)
                break
            if t in (17, 1):  # error / warning
                raise ValueError("peer sent %s: %r" % ("error" if t == 17 else "warning", m[36:]))
            # anything else (gossip_timestamp_filter, ping, ...) is skipped
            if t == 18:
                n = struct.unpack(">H", m[2:4])[0]
                if n < 65532:
                    tr.send(struct.pack(">HH", 19, n) + b"\x00" * n)
        bits = node_bits
        print("OK handshake %.0f ms, init feature bits %s, pong received, total %.0f ms"
              % (t_hs * 1000, ",".join(map(str, sorted(bits))) or "(none)", (time.monotonic() - t0) * 1000))
        sock.close()
        return 0
    except Exception as e:  # noqa: BLE001 - report any failure as one line
        print("FAIL %s: %s" % (type(e).__name__, e))
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
