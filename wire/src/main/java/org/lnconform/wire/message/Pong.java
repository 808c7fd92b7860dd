package org.lnconform.wire.message;

import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/** {@code pong} (type 19), BOLT 1: the reply to a ping, {@code ignored} sized as the ping asked. */
public record Pong(Bytes ignored, TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 19;

    public static final TlvNamespace TLVS = TlvNamespace.empty("pong_tlvs");

    public static final MessageCodec<Pong> CODEC =
            MessageCodec.of(MessageType.PONG, Pong.class, TLVS, Pong::decode, Pong::encode);

    public Pong {
        Objects.requireNonNull(ignored, "ignored");
        Objects.requireNonNull(tlvs, "tlvs");
        Messages.checkU16Length("ignored", ignored);
    }

    public Pong(Bytes ignored) {
        this(ignored, TlvStream.empty());
    }

    /** A pong with {@code byteslen} zero bytes (B1-PING-05). */
    public static Pong of(int byteslen) {
        return new Pong(Bytes.zeros(byteslen));
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** {@code byteslen}, the length of {@code ignored}. */
    public int byteslen() {
        return ignored.size();
    }

    /** B1-PING-09: a pong answers a ping when its byteslen equals the ping's num_pong_bytes. */
    public boolean answers(Ping ping) {
        return ping.expectsPong() && byteslen() == ping.numPongBytes();
    }

    private static Pong decode(WireReader in) throws WireException {
        int byteslen = in.u16("pong.byteslen");
        Bytes ignored = in.bytes(byteslen, "pong.ignored");
        return new Pong(ignored, TlvStream.decode(in, TLVS));
    }

    private static void encode(Pong m, WireWriter out) {
        out.u16(m.ignored.size()).bytes(m.ignored);
        m.tlvs.encode(out);
    }
}
