#!/usr/bin/env python3
"""Extracts BOLT #3 Appendices B-F into the vector data files of this module.

Usage: python3 vectors/tools/bolt03_extract.py ../shared/bolts/03-transactions.md
Writes vectors/src/main/resources/org/lnconform/vectors/bolt03-*.json. Values are copied
as written (hex lowercased, 0x prefixes and the trailing 01 "compressed" marker of private
keys removed, the marked-up form kept in 'as_written' where it differs); '#' lines are kept
in 'comments'. Nothing is computed here: the replays compute, the data files only carry
the spec's numbers.
"""
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/main/resources/org/lnconform/vectors"
COMMIT = (Path(sys.argv[1]).parent / "COMMIT").read_text().strip() if len(sys.argv) > 1 else ""


def section(text, start, end):
    a = text.index(start)
    b = text.index(end, a + len(start))
    return text[a:b]


def hexval(v):
    v = v.strip()
    return v[2:].lower() if v.lower().startswith("0x") else v.lower()


def privkey(v):
    """Spec private keys are 32 bytes plus a trailing 01 (the compressed-key marker)."""
    v = hexval(v)
    assert len(v) == 66 and v.endswith("01"), v
    return v[:64]


def kv_lines(block):
    """(key, value) pairs of 'key: value' and 'key = value' lines, in order; '#' lines as ('#', text)."""
    out = []
    for raw in block.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            out.append(("#", line[1:].strip()))
            continue
        m = re.match(r"^([A-Za-z_][A-Za-z0-9_ #()]*?)\s*(?::|=)\s*(.*)$", line)
        if m:
            out.append((m.group(1).strip(), m.group(2).strip()))
    return out


def write(name, source, data, extra_meta=None):
    meta = {"from": "lightning/bolts " + COMMIT, "source": source}
    if extra_meta:
        meta.update(extra_meta)
    (OUT / name).write_text(json.dumps({"_meta": meta, "data": data}, indent=1) + "\n")


def appendix_b(text):
    s = section(text, "# Appendix B: Funding Transaction Test Vectors", "# Appendix C:")
    kv = kv_lines(s)
    d = {k: v for k, v in kv if k != "#"}
    comments = [v for k, v in kv if k == "#"]
    witness = next(c.split("=", 1)[1].strip() for c in comments if c.startswith("funding witness script"))
    txid = next(c.split(":", 1)[1].strip() for c in comments if c.startswith("txid"))
    feerate = next(c.split(":", 1)[1].strip() for c in comments if c.startswith("feerate_per_kw"))
    data = {
        "name": "funding transaction",
        "block0_hex": d["Block 0 (genesis)"],
        "block1_hex": d["Block 1"],
        "coinbase_tx_hex": d["Block 1 coinbase transaction"],
        "coinbase_privkey": privkey(d["Block 1 coinbase privkey"]),
        "coinbase_privkey_as_written": d["Block 1 coinbase privkey"],
        "local_funding_pubkey": d["local_funding_pubkey"],
        "remote_funding_pubkey": d["remote_funding_pubkey"],
        "funding_witness_script": witness,
        "input_txid": d["input txid"],
        "input_index": int(d["input index"]),
        "input_satoshis": int(d["input satoshis"]),
        "funding_satoshis": int(d["funding satoshis"]),
        "feerate_per_kw": int(feerate),
        "change_satoshis": int(d["change satoshis"]),
        "funding_output": int(d["funding output"]),
        "funding_tx_hex": d["funding tx"],
        "funding_txid": txid,
        "comments": comments,
    }
    write("bolt03-funding.json", "03-transactions.md#appendix-b-funding-transaction-test-vectors", data)


def common_c(s):
    """The parameters, HTLCs, internal secrets and keys shared by Appendices C and F."""
    head = s[: s.index("name: simple commitment tx with no HTLCs")]
    kv = kv_lines(head.replace("INTERNAL:", ""))
    d = {}
    htlcs = {}
    for k, v in kv:
        m = re.match(r"htlc (\d+) (direction|amount_msat|expiry|payment_preimage)", k)
        if m:
            htlcs.setdefault(int(m.group(1)), {"id": int(m.group(1))})[m.group(2)] = v
            continue
        if k == "#":
            continue
        d[k] = v
    out = {
        "funding_txid": d["funding_tx_id"],
        "funding_output_index": int(d["funding_output_index"]),
        "funding_amount_satoshi": int(d["funding_amount_satoshi"]),
        "commitment_number": int(d["commitment_number"]),
        "local_delay": int(d["local_delay"]),
        "local_dust_limit_satoshi": int(d["local_dust_limit_satoshi"]),
        "htlcs": [
            {"id": h["id"], "direction": h["direction"], "amount_msat": int(h["amount_msat"]),
             "expiry": int(h["expiry"]), "payment_preimage": hexval(h["payment_preimage"])}
            for _, h in sorted(htlcs.items())
        ],
        "internal": {},
        "keys": {},
    }
    for k in ("remote_funding_privkey", "local_payment_basepoint_secret", "remote_revocation_basepoint_secret",
              "local_delayed_payment_basepoint_secret", "remote_payment_basepoint_secret",
              "x_local_per_commitment_secret", "remote_privkey", "local_delayed_privkey"):
        out["internal"][k] = privkey(d[k])
    for k in ("remote_revocation_basepoint", "local_delayed_payment_basepoint", "local_per_commitment_point"):
        out["internal"][k] = d[k]
    for k in ("local_payment_basepoint", "remote_payment_basepoint", "local_htlc_basepoint", "remote_htlc_basepoint",
              "local_funding_pubkey", "remote_funding_pubkey", "local_htlcpubkey", "remote_htlcpubkey",
              "local_delayedpubkey", "local_revocation_pubkey"):
        out["keys"][k] = d[k]
    for k in ("local_funding_privkey", "local_privkey"):
        out["keys"][k] = privkey(d[k])
    obscured = re.search(r"obscured commitment number = (0x[0-9a-f]+) \^ (\d+)", head)
    out["obscuring_factor"] = hexval(obscured.group(1))
    out["funding_witness_script"] = re.search(r"funding wscript = ([0-9a-f]+)", head).group(1)
    out["internal_note"] = ("From the spec's HTML comment: values the vectors were derived with, "
                            "'included for completeness' (not required by the test).")
    return out


HTLC_IDS_NOTE = ("Appendix C: 'the HTLCs are not used for the first \"simple commitment tx with no HTLCs\" test, "
                 "and HTLCs 5 and 6 are only used in the \"same amount and preimage\" test'; that test's comments list "
                 "HTLCs #1, #5 and #6 (and its balances add up to the funding amount with exactly those).")


def htlc_ids(name, use_test_htlcs):
    if "same amount and preimage" in name:
        return [1, 5, 6]
    return [0, 1, 2, 3, 4] if use_test_htlcs else []


def appendix_c(text):
    s = section(text, "# Appendix C: Commitment and HTLC Transaction Test Vectors", "# Appendix D:")
    common = common_c(s)
    body = s[s.index("name: simple commitment tx with no HTLCs"):]
    vectors = []
    for block in re.split(r"\n(?=[ \t]*name: )", body):
        kv = kv_lines(block)
        v = {"comments": [], "htlc_txs": []}
        pending = {}
        for k, val in kv:
            if k == "#":
                v["comments"].append(val)
                m = re.match(r"signature for output #(\d+) \(htlc-(success|timeout) for htlc #(\d+)\)", val)
                if m:
                    pending = {"output": int(m.group(1)), "kind": m.group(2), "htlc": int(m.group(3))}
                m = re.match(r"local_htlc_signature = ([0-9a-f]+)", val)
                if m:
                    pending["local_htlc_signature"] = m.group(1)
                m = re.match(r"local_signature = ([0-9a-f]+)", val)
                if m:
                    v["local_signature"] = m.group(1)
                m = re.match(r"(base|actual) commitment transaction fee = (\d+)", val)
                if m:
                    v[m.group(1) + "_fee"] = int(m.group(2))
                continue
            if k == "name":
                v["name"] = val
            elif k in ("to_local_msat", "to_remote_msat", "local_feerate_per_kw", "num_htlcs"):
                v[k] = int(val)
            elif k == "remote_signature":
                v["remote_signature"] = val
            elif k == "output commit_tx":
                v["commit_tx_hex"] = val
            elif k == "remote_htlc_signature":
                pending["remote_htlc_signature"] = val
            elif re.match(r"htlc_(success|timeout)_tx \(htlc #(\d+)\)", k):
                m = re.match(r"htlc_(success|timeout)_tx \(htlc #(\d+)\)", k)
                assert pending["kind"] == m.group(1) and pending["htlc"] == int(m.group(2)), (k, pending)
                pending["tx_hex"] = val
                v["htlc_txs"].append(pending)
                pending = {}
        assert v["num_htlcs"] == len(v["htlc_txs"]), v["name"]
        v["htlc_ids"] = htlc_ids(v["name"], bool(vectors))
        vectors.append(v)
    common["vectors"] = vectors
    common["htlc_ids_note"] = HTLC_IDS_NOTE
    write("bolt03-commitment.json", "03-transactions.md#appendix-c-commitment-and-htlc-transaction-test-vectors",
          common, {"note": "static_remotekey: to_remote pays P2WPKH to the remote payment_basepoint. "
                           "to_local_msat/to_remote_msat exclude the HTLCs and include the fee."})
    return common


def appendix_f(text, common_c_data):
    s = section(text, "# Appendix F: Commitment and HTLC Transaction Test Vectors (anchors)", "# Appendix G:")
    arr = json.loads(s[s.index("```yaml") + len("```yaml"): s.rindex("```")])
    common = {k: v for k, v in common_c_data.items() if k != "vectors"}
    common["from_appendix_c"] = ("Appendix F is 'based on the test cases as defined in appendix C': the funding "
                                 "outpoint, keys, HTLCs, commitment number and delay are those of Appendix C.")
    for v in arr:
        v["htlc_ids"] = htlc_ids(v["Name"], v["UseTestHtlcs"])
    common["vectors"] = arr
    write("bolt03-commitment-anchors.json",
          "03-transactions.md#appendix-f-commitment-and-htlc-transaction-test-vectors-anchors", common,
          {"note": "option_anchors_zero_fee_htlc_tx. 'vectors' is the spec's JSON list verbatim (key names as "
                  "written), each with 'htlc_ids' added: see 'htlc_ids_note'."})


def appendix_d(text):
    s = section(text, "# Appendix D: Per-commitment Secret Generation Test Vectors", "# Appendix E:")
    gen = s[s.index("## Generation Tests"): s.index("## Storage Tests")]
    sto = s[s.index("## Storage Tests"):]

    def index(v):
        return int(v, 16) if v.lower().startswith("0x") else int(v)

    generation = []
    for block in re.split(r"\n(?=[ \t]*name: )", gen)[1:]:
        d = dict((k, v) for k, v in kv_lines(block) if k != "#")
        generation.append({"name": d["name"], "seed": hexval(d["seed"]), "I": index(d["I"]), "I_as_written": d["I"],
                           "output": hexval(d["output"])})
    storage = []
    for block in re.split(r"\n(?=[ \t]*name: )", sto)[1:]:
        kv = kv_lines(block)
        name = kv[0][1]
        steps = []
        for k, v in kv[1:]:
            if k == "I":
                steps.append({"I": index(v)})
            elif k == "secret":
                steps[-1]["secret"] = hexval(v)
            elif k == "output":
                steps[-1]["output"] = v
        storage.append({"name": name, "steps": steps})
    write("bolt03-per-commitment-secrets.json",
          "03-transactions.md#appendix-d-per-commitment-secret-generation-test-vectors",
          {"generation": generation, "storage": storage},
          {"note": "Storage tests use the seed 0xFF..FF; incorrect entries were seeded with 0x00..00 (spec)."})


def appendix_e(text):
    s = section(text, "# Appendix E: Key Derivation Test Vectors", "# Appendix F:")
    head = s[: s.index("name:")]
    d = dict((k, hexval(v)) for k, v in kv_lines(head) if k != "#")
    vectors = []
    for block in re.split(r"\n(?=[ \t]*name: )", s)[1:]:
        kv = kv_lines(block)
        name = kv[0][1]
        out = [(k, v) for k, v in kv[1:] if k != "#"]
        assert len(out) == 1, name
        vectors.append({"name": name, "output_name": out[0][0], "output": hexval(out[0][1]),
                        "comments": [v for k, v in kv if k == "#"]})
    write("bolt03-key-derivation.json", "03-transactions.md#appendix-e-key-derivation-test-vectors",
          {"base_secret": d["base_secret"], "per_commitment_secret": d["per_commitment_secret"],
           "base_point": d["base_point"], "per_commitment_point": d["per_commitment_point"], "vectors": vectors})


def main():
    text = Path(sys.argv[1]).read_text()
    appendix_b(text)
    c = appendix_c(text)
    appendix_d(text)
    appendix_e(text)
    appendix_f(text, c)


if __name__ == "__main__":
    main()
