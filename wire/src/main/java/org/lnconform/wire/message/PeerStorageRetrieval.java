package org.lnconform.wire.message;

import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/** `peer_storage_retrieval` (type 9), BOLT 1 Peer Storage: returns the blob a peer last stored with us. */
public record PeerStorageRetrieval(Bytes blob, TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 9;

    public static final TlvNamespace TLVS = TlvNamespace.empty("peer_storage_retrieval_tlvs");

    public static final MessageCodec<PeerStorageRetrieval> CODEC =
            MessageCodec.of(MessageType.PEER_STORAGE_RETRIEVAL, PeerStorageRetrieval.class, TLVS, PeerStorageRetrieval::decode, PeerStorageRetrieval::encode);

    public PeerStorageRetrieval {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(tlvs, "tlvs");
        Messages.checkU16Length("blob", blob);
    }

    public PeerStorageRetrieval(Bytes blob) {
        this(blob, TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    private static PeerStorageRetrieval decode(WireReader in) throws WireException {
        int length = in.u16("peer_storage_retrieval.length");
        Bytes blob = in.bytes(length, "peer_storage_retrieval.blob");
        return new PeerStorageRetrieval(blob, TlvStream.decode(in, TLVS));
    }

    private static void encode(PeerStorageRetrieval m, WireWriter out) {
        out.u16(m.blob.size()).bytes(m.blob);
        m.tlvs.encode(out);
    }
}
