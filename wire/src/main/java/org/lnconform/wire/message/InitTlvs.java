package org.lnconform.wire.message;

import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvFields;
import org.lnconform.wire.tlv.TlvNamespace;

/** The {@code init_tlvs} namespace of BOLT 1, The init Message. */
public final class InitTlvs {

    /** Type 1: the chains the node is interested in, as 32-byte chain hashes. */
    public static final TlvField<List<Bytes>> NETWORKS = TlvFields.chainHashes(1, "networks");

    /** Type 3: the sender's view of our address, as a BOLT 7 address descriptor. */
    public static final TlvField<Bytes> REMOTE_ADDR = TlvFields.bytes(3, "remote_addr");

    public static final TlvNamespace NAMESPACE = TlvNamespace.of("init_tlvs", NETWORKS, REMOTE_ADDR);

    private InitTlvs() {
    }
}
