package org.lnconform.bolt3;

import fr.acinq.bitcoin.Crypto;

/** The hash functions BOLT 3 names, over plain byte arrays. */
final class Hashes {

    private Hashes() {
    }

    static byte[] sha256(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return Crypto.sha256(all);
    }

    static byte[] ripemd160(byte[] data) {
        return Crypto.ripemd160(data);
    }

    static byte[] hash160(byte[] data) {
        return Crypto.hash160(data);
    }
}
