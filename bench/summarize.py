#!/usr/bin/env python3
"""Turns bench/results/ (JMH JSON and openssl output from bench/run.sh) into the Markdown
tables of RESULTS.md. Usage: python3 bench/summarize.py [bench/results]"""
import json
import os
import re
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")
JDKS = ["java-17-openjdk-amd64", "temurin-25-jdk-amd64"]
PROVIDERS = ["bouncycastle", "jdk", "hybrid", "conscrypt", "conscrypt-array"]


def load(name):
    path = os.path.join(OUT, name)
    if not os.path.exists(path):
        return None
    try:
        with open(path) as f:
            rows = json.load(f)
    except json.JSONDecodeError:  # a run still writing it
        return None
    table = {}
    for r in rows:
        bench = r["benchmark"].rsplit(".", 2)
        key = (bench[-2] + "." + bench[-1],) + tuple(sorted(r.get("params", {}).items()))
        table[key] = r
    return table


def get(table, bench, **params):
    if table is None:
        return None
    key = (bench,) + tuple(sorted((k, str(v)) for k, v in params.items()))
    return table.get(key)


def raw(r, metric):
    m = r.get("secondaryMetrics", {}).get(metric)
    if m is None:
        return None
    return [x for fork in m["rawData"] for x in fork]


def score(r):
    """Operations per second of the benchmark thread's CPU time (CpuClock), mean of iterations."""
    if r is None:
        return None
    xs = raw(r, "cpuOpsPerSec")
    return None if not xs else sum(xs) / len(xs)


def err(r):
    """Half the spread of the per-iteration CPU-time rates."""
    if r is None:
        return None
    xs = raw(r, "cpuOpsPerSec")
    return None if not xs or len(xs) < 2 else (max(xs) - min(xs)) / 2


def wall(r):
    return None if r is None else r["primaryMetric"]["score"]


def share(r):
    xs = None if r is None else raw(r, "cpuSharePct")
    return None if not xs else sum(xs) / len(xs)


def alloc(r):
    if r is None:
        return None
    m = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return None if m is None else m["score"]


def fmt_ops(x, e=None):
    if x is None:
        return "–"
    s = f"{x / 1e6:.2f} M" if x >= 1e6 else f"{x / 1e3:.1f} k" if x >= 1e3 else f"{x:.0f}"
    if e is not None and x > 0 and e == e:
        s += f" ±{100 * e / x:.0f}%"
    return s


def mbs(ops, size):
    return None if ops is None else ops * size / 1e6


def fmt_mb(x):
    return "–" if x is None else f"{x:,.0f}"


def openssl():
    path = os.path.join(OUT, "openssl.txt")
    rates = {}
    if not os.path.exists(path):
        return rates
    current = None
    for line in open(path):
        m = re.match(r"## openssl speed (-aead )?-evp chacha20-poly1305 -bytes (\d+)", line)
        if m:
            current = ("aead" if m.group(1) else "evp", int(m.group(2)))
            continue
        m = re.match(r"ChaCha20-Poly1305\s+([\d.]+)k", line)
        if m and current:
            rates[current] = float(m.group(1)) * 1000 / 1e6  # MB/s (openssl's k is 1000 bytes)
            current = None
    return rates


def main():
    ssl = openssl()
    if ssl:
        print("### openssl (single process), MB/s and messages/s\n")
        print("| bytes | `-evp` MB/s | msgs/s | `-aead -evp` MB/s | msgs/s |")
        print("|---:|---:|---:|---:|---:|")
        for b in (16, 32, 1024, 65536):
            e, a = ssl.get(("evp", b)), ssl.get(("aead", b))
            print(f"| {b} | {fmt_mb(e)} | {fmt_ops(e * 1e6 / b) if e else '–'} | {fmt_mb(a)} | "
                  f"{fmt_ops(a * 1e6 / b) if a else '–'} |")
        print()
    ref64 = ssl.get(("evp", 65536))

    for jdk in JDKS:
        t = load(jdk + ".json")
        if t is None:
            continue
        print(f"### {jdk}\n")
        print("AEAD and transport, one thread, same run. Transport MB/s counts payload bytes; "
              "framing = raw seal rate / transport encrypt rate − 1; of which implementation = "
              "two raw seals (length + body, one key) / transport encrypt − 1 (key rotation, bookkeeping).\n")
        print("| AEAD | bytes | seal ops/s | seal MB/s | open MB/s | 2 seals (length+body) ops/s | "
              "transport encrypt ops/s | encrypt MB/s | framing | of which implementation | "
              "encrypt+decrypt ops/s | encrypt % of openssl |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for p in PROVIDERS:
            for size in (32, 1024, 65535):
                seal = get(t, "AeadBench.seal", provider=p, size=size)
                if seal is None:
                    continue
                opn = get(t, "AeadBench.open", provider=p, size=size)
                two = get(t, "AeadBench.sealLengthAndBody", provider=p, size=size)
                enc = get(t, "TransportBench.encrypt", provider=p, size=size)
                rt = get(t, "TransportBench.encryptDecrypt", provider=p, size=size)
                framing = (f"{100 * (score(seal) / score(enc) - 1):+.0f}%"
                           if seal and enc else "–")
                impl = (f"{100 * (score(two) / score(enc) - 1):+.0f}%" if two and enc else "–")
                pct = (f"{100 * mbs(score(enc), size) / ref64:.0f}%"
                       if enc and ref64 and size == 65535 else "")
                print(f"| {p} | {size} | {fmt_ops(score(seal), err(seal))} | {fmt_mb(mbs(score(seal), size))} | "
                      f"{fmt_mb(mbs(score(opn), size))} | {fmt_ops(score(two), err(two))} | {fmt_ops(score(enc), err(enc))} | "
                      f"{fmt_mb(mbs(score(enc), size))} | {framing} | {impl} | {fmt_ops(score(rt), err(rt))} | {pct} |")
        print()

        print("Handshake and secp256k1, same run (ops/s):\n")
        print("| benchmark | variant | ops/s | µs/op |")
        print("|---|---|---:|---:|")
        for crypto in ("defaults", "defaultsNoPrecheck", "pureJava", "pureJavaNoPrecheck"):
            r = get(t, "HandshakeBench.handshake", crypto=crypto)
            if r:
                print(f"| full handshake (both sides) | {crypto} | {fmt_ops(score(r), err(r))} | {1e6 / score(r):.1f} |")
        for op in ("ecdh", "keyGeneration", "publicKey", "parsePublicKey"):
            for impl in ("libsecp256k1", "bouncycastle"):
                r = get(t, "Secp256k1Bench." + op, impl=impl)
                if r:
                    print(f"| secp256k1 {op} | {impl} | {fmt_ops(score(r), err(r))} | {1e6 / score(r):.2f} |")
        for op in ("hkdf", "mixHash", "encryptWithAdBouncyCastle", "encryptWithAdHybrid", "encryptWithAdJdk"):
            r = get(t, "HandshakePartsBench." + op)
            if r:
                print(f"| handshake part {op} | | {fmt_ops(score(r), err(r))} | {1e6 / score(r):.2f} |")
        for msg in ("init", "ping"):
            for op in ("encode", "decode"):
                r = get(t, "WireBench." + op, message=msg)
                if r:
                    print(f"| wire {op} | {msg} | {fmt_ops(score(r), err(r))} | {1e6 / score(r):.3f} |")
        print()

        c = load(jdk + "-crossover.json")
        if c:
            print("Raw seal by size (ops/s), for the hybrid threshold:\n")
            sizes = (16, 32, 64, 128, 256, 512, 1024)
            print("| AEAD | " + " | ".join(str(s) for s in sizes) + " |")
            print("|---|" + "---:|" * len(sizes))
            for p in ("bouncycastle", "jdk", "conscrypt"):
                cells = [fmt_ops(score(get(c, "AeadBench.seal", provider=p, size=s))) for s in sizes]
                print(f"| {p} | " + " | ".join(cells) + " |")
            print()

        print("<details><summary>JMH wall-clock scores of the same run, and the share of wall-clock time "
              "the benchmark thread was on a CPU</summary>\n")
        print("| benchmark | parameters | wall-clock ops/s | ± (99.9%) | CPU share |")
        print("|---|---|---:|---:|---:|")
        for key in sorted(t):
            r = t[key]
            params = ", ".join(f"{k}={v}" for k, v in key[1:])
            e = r["primaryMetric"]["scoreError"]
            e = f"{e:,.0f}" if isinstance(e, (int, float)) else "–"
            sh = share(r)
            print(f"| {key[0]} | {params} | {wall(r):,.0f} | {e} | {'–' if sh is None else f'{sh:.0f}%'} |")
        print("\n</details>\n")

        g = load(jdk + "-gc.json")
        if g:
            print("Bytes allocated per operation (`-prof gc`, gc.alloc.rate.norm):\n")
            print("| AEAD | bytes | seal | open | transport encrypt | encrypt+decrypt |")
            print("|---|---:|---:|---:|---:|---:|")
            for p in PROVIDERS:
                for size in (32, 1024, 65535):
                    cells = [alloc(get(g, b, provider=p, size=size)) for b in
                             ("AeadBench.seal", "AeadBench.open", "TransportBench.encrypt",
                              "TransportBench.encryptDecrypt")]
                    if all(x is None for x in cells):
                        continue
                    print(f"| {p} | {size} | " + " | ".join("–" if x is None else f"{x:,.0f}" for x in cells) + " |")
            for msg in ("init", "ping"):
                cells = [alloc(get(g, "WireBench." + op, message=msg)) for op in ("encode", "decode")]
                if any(x is not None for x in cells):
                    print(f"| wire {msg} | encode / decode | " + " / ".join(
                        "–" if x is None else f"{x:,.0f}" for x in cells) + " | | | |")
            print()

    confirm()


def confirm():
    """The follow-up runs (5 measured iterations) behind RESULTS.md's suggestions."""
    for jdk in JDKS:
        h = load(jdk + "-confirm-handshake.json")
        th = load(jdk + "-confirm-threshold.json")
        tr = load(jdk + "-confirm-transport.json")
        off = load(jdk + "-confirm-offset.json")
        if not any((h, th, tr, off)):
            continue
        print(f"### {jdk}: follow-up runs\n")
        if h:
            print("| full handshake (both sides) | ops/s | µs/op |")
            print("|---|---:|---:|")
            for crypto in ("defaults", "defaultsNoPrecheck", "pureJava", "pureJavaNoPrecheck"):
                r = get(h, "HandshakeBench.handshake", crypto=crypto)
                if r:
                    print(f"| {crypto} | {fmt_ops(score(r), err(r))} | {1e6 / score(r):.1f} |")
            print()
        if th:
            sizes = sorted({int(dict(k[1:])["size"]) for k in th})
            print("Raw seal ops/s by size:\n")
            print("| AEAD | " + " | ".join(str(x) for x in sizes) + " |")
            print("|---|" + "---:|" * len(sizes))
            for p in ("bouncycastle", "jdk"):
                print(f"| {p} | " + " | ".join(fmt_ops(score(get(th, "AeadBench.seal", provider=p, size=x)))
                                                for x in sizes) + " |")
            print()
        if tr:
            sizes = sorted({int(dict(k[1:])["size"]) for k in tr})
            provs = sorted({dict(k[1:])["provider"] for k in tr})
            print("Transport encrypt ops/s by size:\n")
            print("| AEAD | " + " | ".join(str(x) for x in sizes) + " |")
            print("|---|" + "---:|" * len(sizes))
            for p in provs:
                print(f"| {p} | " + " | ".join(fmt_ops(score(get(tr, "TransportBench.encrypt", provider=p, size=x)), err(get(tr, "TransportBench.encrypt", provider=p, size=x)))
                                                for x in sizes) + " |")
            print()
        if off:
            print("Open 65535 bytes, ciphertext at index 0 or 18 of its array:\n")
            print("| AEAD | offset | ops/s | MB/s | bytes allocated / op |")
            print("|---|---:|---:|---:|---:|")
            for p in ("jdk", "bouncycastle"):
                for o in (0, 18):
                    r = get(off, "OpenAtOffsetBench.open", provider=p, offset=o, size=65535)
                    if r:
                        a = alloc(r)
                        print(f"| {p} | {o} | {fmt_ops(score(r), err(r))} | {fmt_mb(mbs(score(r), 65535))} | "
                              f"{'–' if a is None else f'{a:,.0f}'} |")
            print()


if __name__ == "__main__":
    main()
