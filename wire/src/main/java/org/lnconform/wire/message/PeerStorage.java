package org.lnconform.wire.message;

import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/** `peer_storage` (type 7), BOLT 1 Peer Storage: asks the peer to keep an encrypted blob for us. */
public record PeerStorage(Bytes blob, TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 7;

    public static final TlvNamespace TLVS = TlvNamespace.empty("peer_storage_tlvs");

    public static final MessageCodec<PeerStorage> CODEC =
            MessageCodec.of(MessageType.PEER_STORAGE, PeerStorage.class, TLVS, PeerStorage::decode, PeerStorage::encode);

    public PeerStorage {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(tlvs, "tlvs");
        Messages.checkU16Length("blob", blob);
    }

    public PeerStorage(Bytes blob) {
        this(blob, TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    private static PeerStorage decode(WireReader in) throws WireException {
        int length = in.u16("peer_storage.length");
        Bytes blob = in.bytes(length, "peer_storage.blob");
        return new PeerStorage(blob, TlvStream.decode(in, TLVS));
    }

    private static void encode(PeerStorage m, WireWriter out) {
        out.u16(m.blob.size()).bytes(m.blob);
        m.tlvs.encode(out);
    }
}
