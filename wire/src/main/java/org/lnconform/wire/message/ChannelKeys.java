package org.lnconform.wire.message;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;

/**
 * The six points {@code open_channel} and {@code accept_channel} both carry, in the same order:
 * funding_pubkey, revocation, payment, delayed_payment and htlc basepoints, first_per_commitment_point.
 */
final class ChannelKeys {

    static final String[] NAMES = {"funding_pubkey", "revocation_basepoint", "payment_basepoint",
        "delayed_payment_basepoint", "htlc_basepoint", "first_per_commitment_point"};

    private ChannelKeys() {
    }

    static void check(Bytes... points) {
        for (int i = 0; i < points.length; i++) {
            Messages.checkSize(NAMES[i], points[i], 33);
        }
    }

    /** Written verbatim: an invalid point built on purpose goes out as it is. */
    static void write(WireWriter out, Bytes... points) {
        for (Bytes p : points) {
            out.bytes(p);
        }
    }
}
