package org.lnconform.wire.message;

import java.util.Objects;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireLimits;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/** {@code ping} (type 18), BOLT 1: a keep-alive that asks for a pong of {@code numPongBytes} bytes. */
public record Ping(int numPongBytes, Bytes ignored, TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 18;

    public static final TlvNamespace TLVS = TlvNamespace.empty("ping_tlvs");

    public static final MessageCodec<Ping> CODEC =
            MessageCodec.of(MessageType.PING, Ping.class, TLVS, Ping::decode, Ping::encode);

    public Ping {
        Objects.requireNonNull(ignored, "ignored");
        Objects.requireNonNull(tlvs, "tlvs");
        Messages.checkU16("num_pong_bytes", numPongBytes);
        Messages.checkU16Length("ignored", ignored);
    }

    public Ping(int numPongBytes, Bytes ignored) {
        this(numPongBytes, ignored, TlvStream.empty());
    }

    /** A ping with {@code byteslen} zero bytes of padding (B1-PING-01: padding should be zeros). */
    public static Ping of(int numPongBytes, int byteslen) {
        return new Ping(numPongBytes, Bytes.zeros(byteslen));
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** B1-PING-07/08: a pong is owed only when {@code num_pong_bytes} is below 65532. */
    public boolean expectsPong() {
        return numPongBytes < WireLimits.PING_NO_PONG_THRESHOLD;
    }

    /** The pong a compliant receiver sends back, or empty if it must ignore this ping. */
    public Optional<Pong> expectedPong() {
        return expectsPong() ? Optional.of(Pong.of(numPongBytes)) : Optional.empty();
    }

    private static Ping decode(WireReader in) throws WireException {
        int numPongBytes = in.u16("ping.num_pong_bytes");
        int byteslen = in.u16("ping.byteslen");
        Bytes ignored = in.bytes(byteslen, "ping.ignored");
        return new Ping(numPongBytes, ignored, TlvStream.decode(in, TLVS));
    }

    private static void encode(Ping m, WireWriter out) {
        out.u16(m.numPongBytes).u16(m.ignored.size()).bytes(m.ignored);
        m.tlvs.encode(out);
    }
}
