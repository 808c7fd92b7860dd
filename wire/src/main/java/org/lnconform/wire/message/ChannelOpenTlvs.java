package org.lnconform.wire.message;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvFields;
import org.lnconform.wire.tlv.TlvNamespace;

/**
 * The {@code open_channel_tlvs} and {@code accept_channel_tlvs} namespaces of BOLT 2, The
 * open_channel Message and The accept_channel Message: the two share their records.
 */
public final class ChannelOpenTlvs {

    /** Type 0: where the sender's funds go on a mutual close (may be empty: no upfront script). */
    public static final TlvField<Bytes> UPFRONT_SHUTDOWN_SCRIPT = TlvFields.bytes(0, "upfront_shutdown_script");

    /** Type 1: the channel type, as a feature-bit field (BOLT 9 "channel type" context). */
    public static final TlvField<Bytes> CHANNEL_TYPE = TlvFields.bytes(1, "channel_type");

    public static final TlvNamespace OPEN_CHANNEL = TlvNamespace.of("open_channel_tlvs", UPFRONT_SHUTDOWN_SCRIPT, CHANNEL_TYPE);

    public static final TlvNamespace ACCEPT_CHANNEL =
            TlvNamespace.of("accept_channel_tlvs", UPFRONT_SHUTDOWN_SCRIPT, CHANNEL_TYPE);

    private ChannelOpenTlvs() {
    }
}
