package org.lnconform.wire.message;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/** {@code shutdown} (type 38), BOLT 2, Closing Initiation: starts a mutual close to {@code scriptpubkey}. */
public record Shutdown(Bytes channelId, Bytes scriptpubkey, TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 38;

    /** BOLT 2 defines no TLVs for this message. */
    public static final TlvNamespace TLVS = TlvNamespace.empty("shutdown_tlvs");

    public static final MessageCodec<Shutdown> CODEC =
            MessageCodec.of(MessageType.SHUTDOWN, Shutdown.class, TLVS, Shutdown::decode, Shutdown::encode);

    public Shutdown {
        Messages.checkChannelId(channelId);
        java.util.Objects.requireNonNull(scriptpubkey, "scriptpubkey");
        Messages.checkU16Length("scriptpubkey", scriptpubkey);
        java.util.Objects.requireNonNull(tlvs, "tlvs");
    }

    public Shutdown(Bytes channelId, Bytes scriptpubkey) {
        this(channelId, scriptpubkey, TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    private static Shutdown decode(WireReader in) throws WireException {
        Bytes channelId = in.channelId("shutdown.channel_id");
        int len = in.u16("shutdown.len");
        return new Shutdown(channelId, in.bytes(len, "shutdown.scriptpubkey"), TlvStream.decode(in, TLVS));
    }

    private static void encode(Shutdown m, WireWriter out) {
        out.channelId(m.channelId).u16(m.scriptpubkey.size()).bytes(m.scriptpubkey);
        m.tlvs.encode(out);
    }
}
