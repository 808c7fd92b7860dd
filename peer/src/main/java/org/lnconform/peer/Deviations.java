package org.lnconform.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.MessageType;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;

/**
 * The deviations that bend message handling after init, asked at each decision point of the
 * connection lifecycle. With no deviation switched on, every answer is the conforming one.
 */
final class Deviations {

    /** An even message type no BOLT assigns, in the experimental range (B1-MSG-02 deviation). */
    static final int UNASSIGNED_EVEN_TYPE = 0xfe54;

    private final PeerConfig config;

    Deviations(PeerConfig config) {
        this.config = config;
    }

    boolean on(Deviation d) {
        return config.deviates(d);
    }

    /** A known message that failed to decode is treated as fine (B1-MSG-12 deviation). */
    boolean acceptsBroken(WireException e) {
        return e.kind() == DecodeError.SHORT_READ && on(Deviation.ACCEPT_SHORT_MESSAGE)
                && !isExtensionError(e);
    }

    /** The message's own fields decoded, but its extension TLV stream (field names {@code *_tlvs.*}) did not. */
    static boolean isExtensionError(WireException e) {
        return e.field() != null && e.field().contains("_tlvs");
    }

    boolean zombieOnInvalidExtension(WireException e) {
        return isExtensionError(e) && on(Deviation.ZOMBIE_ON_INVALID_EXTENSION);
    }

    /** CLOSE_ON_VALID_EXTENSION: any extension record at all closes. */
    boolean closesOnExtension(LightningMessage m) {
        if (!on(Deviation.CLOSE_ON_VALID_EXTENSION)) {
            return false;
        }
        if (m instanceof Ping p) {
            return !p.tlvs().isEmpty();
        }
        if (m instanceof Pong p) {
            return !p.tlvs().isEmpty();
        }
        if (m instanceof ErrorMessage e) {
            return !e.tlvs().isEmpty();
        }
        return m instanceof Warning w && !w.tlvs().isEmpty();
    }

    boolean zombieAfterError(ErrorMessage e) {
        return on(Deviation.ZOMBIE_AFTER_ERROR) || (!printable(e.data()) && on(Deviation.ZOMBIE_ON_NON_PRINTABLE_DATA));
    }

    boolean zombieAfterWarning(Warning w) {
        return on(Deviation.ZOMBIE_AFTER_WARNING) || (!printable(w.data()) && on(Deviation.ZOMBIE_ON_NON_PRINTABLE_DATA));
    }

    private static boolean printable(Bytes data) {
        for (int i = 0; i < data.size(); i++) {
            int c = data.getUnsigned(i);
            if (c < 32 || c > 126) {
                return false;
            }
        }
        return true;
    }

    /** The pong for a ping of ours-to-answer: exactly num_pong_bytes zeros unless a deviation says otherwise. */
    Pong pongFor(Ping ping) {
        int n = ping.numPongBytes();
        int len = on(Deviation.PONG_LENGTH_OFF_BY_ONE) ? n + 1 : n;
        if (on(Deviation.PONG_NONZERO_BYTES)) {
            byte[] b = new byte[len];
            Arrays.fill(b, (byte) 0xaa);
            return new Pong(Bytes.of(b));
        }
        return new Pong(Bytes.zeros(len));
    }

    /** Our keep-alive ping: no pong payload asked, ignored all zeros (B1-PING-01) unless deviating. */
    Ping keepAlivePing() {
        if (on(Deviation.PING_NONZERO_IGNORED)) {
            byte[] b = new byte[8];
            Arrays.fill(b, (byte) 0xaa);
            return new Ping(0, Bytes.of(b));
        }
        return Ping.of(0, 0);
    }

    /**
     * Messages a deviating node sends on its own once init is exchanged, to a peer that (in the
     * cases that use them) offers no gossip_queries and negotiated nothing.
     */
    List<LightningMessage> unpromptedAfterInit() {
        List<LightningMessage> out = new ArrayList<>();
        Bytes chain = config.networks().isEmpty() ? PeerConfig.BITCOIN_REGTEST : config.networks().get(0);
        if (on(Deviation.SEND_GOSSIP_QUERIES)) {
            // BOLT 7 query_channel_range: chain_hash, first_blocknum, number_of_blocks
            out.add(new UnknownMessage(MessageType.QUERY_CHANNEL_RANGE.number(),
                    new WireWriter().chainHash(chain).u32(0).u32(0xffff_ffffL).toBytes()));
        }
        if (on(Deviation.SEND_GOSSIP_FILTER)) {
            // BOLT 7 gossip_timestamp_filter: chain_hash, first_timestamp, timestamp_range (everything)
            out.add(new UnknownMessage(MessageType.GOSSIP_TIMESTAMP_FILTER.number(),
                    new WireWriter().chainHash(chain).u32(0).u32(0xffff_ffffL).toBytes()));
        }
        if (on(Deviation.SEND_UNKNOWN_EVEN_MESSAGE)) {
            out.add(new UnknownMessage(UNASSIGNED_EVEN_TYPE, Bytes.fromHex("6c6e63")));
        }
        return out;
    }
}
