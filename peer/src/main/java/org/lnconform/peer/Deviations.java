package org.lnconform.peer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.peer.pipeline.HandshakeHandler;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Extensible;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.MessageRules;
import org.lnconform.wire.message.MessageType;
import org.lnconform.wire.message.OpenChannel;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;

/**
 * The deviation seam: the reference node's {@link Deviation} switches as a {@link Bolt1Tamper}.
 * Each override below breaks the one rule its deviation names and otherwise answers as the spec
 * does. One instance per node (it holds the node-wide handshake slot).
 */
final class Deviations implements Bolt1Tamper {

    /** An even message type no BOLT assigns, in the experimental range (B1-MSG-02 deviation). */
    static final int UNASSIGNED_EVEN_TYPE = 0xfe54;

    /** Init deviations: with one of these on, our init is written by {@link DeviantInit}. */
    private static final Set<Deviation> INIT_WRITING = EnumSet.of(Deviation.INIT_UNDEFINED_FEATURE_BIT,
            Deviation.INIT_GLOBALFEATURES_ABOVE_13, Deviation.INIT_NON_MINIMAL_FEATURES,
            Deviation.INIT_MISSING_DEPENDENCY, Deviation.INIT_BOTH_BITS, Deviation.INIT_INVOICE_ONLY_BIT,
            Deviation.INIT_TLVS_OUT_OF_ORDER, Deviation.INIT_TLV_NON_MINIMAL, Deviation.INIT_UNKNOWN_EVEN_TLV,
            Deviation.INIT_BAD_NETWORKS_LENGTH, Deviation.INIT_BAD_REMOTE_ADDR, Deviation.INIT_PRIVATE_REMOTE_ADDR,
            Deviation.INIT_FEATURES_LENGTH_MISMATCH);

    /** open_channel points a deviation reads even when invalid, by the codec's field name. */
    private static final java.util.Map<String, Deviation> INVALID_POINT_READ = java.util.Map.of(
            "funding_pubkey", Deviation.ACCEPT_OPEN_INVALID_FUNDING_PUBKEY,
            "revocation_basepoint", Deviation.ACCEPT_OPEN_INVALID_REVOCATION_BASEPOINT,
            "payment_basepoint", Deviation.ACCEPT_OPEN_INVALID_PAYMENT_BASEPOINT,
            "delayed_payment_basepoint", Deviation.ACCEPT_OPEN_INVALID_DELAYED_PAYMENT_BASEPOINT,
            "htlc_basepoint", Deviation.ACCEPT_OPEN_INVALID_HTLC_BASEPOINT);

    private final PeerConfig config;
    private final FeatureTable table;
    private final DeviantInitPolicy initPolicy;
    private final Semaphore handshakeSlot = new Semaphore(1);

    private Deviations(PeerConfig config, FeatureTable table) {
        this.config = config;
        this.table = table;
        this.initPolicy = new DeviantInitPolicy(config, table);
    }

    /** The behaviour of a node with {@code config}: {@link Bolt1Tamper#NONE} unless a deviation is on. */
    static Bolt1Tamper of(PeerConfig config, FeatureTable table) {
        return config.deviations().isEmpty() ? Bolt1Tamper.NONE : new Deviations(config, table);
    }

    private boolean on(Deviation d) {
        return config.deviates(d);
    }

    @Override
    public HandshakeHandler.Tamper handshake() {
        return new DeviationTamper(config, handshakeSlot);
    }

    @Override
    public boolean allowHalfClosure() {
        return on(Deviation.KEEP_OPEN_ON_HALF_CLOSE);
    }

    @Override
    public boolean keepsDuplicateConnections() {
        return on(Deviation.ALLOW_DUPLICATE_CONNECTIONS);
    }

    @Override
    public Reaction onTransportFailure() {
        return on(Deviation.TRANSPORT_KEEP_OPEN_ON_BAD_TAG) ? Reaction.ZOMBIE : Reaction.PROCEED;
    }

    @Override
    public Reaction onFrame(int length, long received) {
        if (on(Deviation.DROP_LARGE_MESSAGES) && length > 32 * 1024) {
            return Reaction.IGNORE;
        }
        if (on(Deviation.STALL_AFTER_500_MESSAGES) && received > 500) {
            return Reaction.ZOMBIE;
        }
        return Reaction.PROCEED;
    }

    @Override
    public List<Object> opening(byte[] ownInit, InetSocketAddress remote, boolean inbound) {
        List<Object> out = new ArrayList<>();
        if (on(Deviation.PING_BEFORE_INIT)) {
            out.add(Ping.of(0, 0));
        }
        if (!on(Deviation.NO_INIT)) {
            boolean deviant = config.deviations().stream().anyMatch(INIT_WRITING::contains);
            out.add(deviant ? DeviantInit.build(config, table, remote, inbound) : ownInit);
        }
        if (on(Deviation.PING_BEFORE_REMOTE_INIT)) {
            out.add(Ping.of(0, 0));
        }
        return out;
    }

    @Override
    public Reaction onUndecodable(boolean awaitingInit, byte[] bytes, WireException e) {
        int type = bytes.length >= 2 ? ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff) : -1;
        if (awaitingInit && type == Init.TYPE && isExtensionOf(e, "init_tlvs") && on(Deviation.ZOMBIE_ON_INVALID_INIT_TLVS)) {
            return Reaction.ZOMBIE;
        }
        if (awaitingInit && type == Init.TYPE && initPolicy.lenientlyReadable(e)) {
            Init lenient = LenientInit.parse(bytes);
            if (lenient != null) {
                return new Reaction.Handle(lenient);
            }
        }
        if (!awaitingInit && type != Init.TYPE && e.kind() == DecodeError.SHORT_READ && !isExtensionOf(e, "_tlvs")
                && on(Deviation.ACCEPT_SHORT_MESSAGE)) {
            return Reaction.IGNORE; // treat the broken message as if it were fine
        }
        if (!awaitingInit && isExtensionOf(e, "_tlvs") && on(Deviation.ZOMBIE_ON_INVALID_EXTENSION)) {
            return Reaction.ZOMBIE;
        }
        String point = LenientOpenChannel.point(e);
        if (!awaitingInit && type == OpenChannel.TYPE && point != null && on(INVALID_POINT_READ.get(point))) {
            OpenChannel lenient = LenientOpenChannel.parse(bytes, point);
            return lenient == null ? Reaction.PROCEED : new Reaction.Handle(lenient);
        }
        return Reaction.PROCEED;
    }

    /** The message's own fields decoded, but its extension TLV stream (field names {@code *_tlvs.*}) did not. */
    private static boolean isExtensionOf(WireException e, String namespace) {
        return e.field() != null && e.field().contains(namespace);
    }

    @Override
    public boolean processesBeforeInit(LightningMessage m) {
        return m instanceof Ping && on(Deviation.ANSWER_PING_BEFORE_INIT);
    }

    @Override
    public Reaction judgeInit(Init init, Reaction conforming) {
        return initPolicy.judge(init, conforming);
    }

    @Override
    public Reaction onMessage(LightningMessage m) {
        // CLOSE_ON_VALID_EXTENSION: any extension record at all closes (init's own TLVs aside)
        if (on(Deviation.CLOSE_ON_VALID_EXTENSION) && !(m instanceof Init)
                && m instanceof Extensible x && !x.tlvs().isEmpty()) {
            return new Reaction.Close(Kind.MALFORMED_MESSAGE, "message had an extension (deviation)");
        }
        if (m instanceof ErrorMessage error) {
            if (on(Deviation.ZOMBIE_AFTER_ERROR) || (!printable(error.data()) && on(Deviation.ZOMBIE_ON_NON_PRINTABLE_DATA))) {
                return Reaction.ZOMBIE;
            }
            if (!error.isAllChannels() && on(Deviation.CLOSE_ON_UNKNOWN_CHANNEL_ERROR)) {
                return new Reaction.Close(Kind.RECEIVED_ERROR, "error for an unknown channel (deviation)");
            }
        } else if (m instanceof Warning warning) {
            if (on(Deviation.ZOMBIE_AFTER_WARNING) || (!printable(warning.data()) && on(Deviation.ZOMBIE_ON_NON_PRINTABLE_DATA))) {
                return Reaction.ZOMBIE;
            }
            if (!warning.isAllChannels() && on(Deviation.CLOSE_ON_UNKNOWN_CHANNEL_WARNING)) {
                return new Reaction.Close(Kind.MALFORMED_MESSAGE, "warning for an unknown channel (deviation)");
            }
        } else if (m instanceof Init && on(Deviation.ZOMBIE_ON_SECOND_INIT)) {
            return Reaction.ZOMBIE;
        } else if (m instanceof UnknownMessage unknown && !ChannelMessages.defines(unknown.type())) {
            if (MessageRules.mustClose(unknown) && on(Deviation.IGNORE_UNKNOWN_EVEN_MESSAGE)) {
                return Reaction.DELIVER;
            }
            if (MessageRules.mustIgnore(unknown) && on(Deviation.CLOSE_ON_UNKNOWN_ODD_MESSAGE)) {
                return new Reaction.Close(Kind.MALFORMED_MESSAGE, "unknown odd type (deviation)");
            }
        }
        return Reaction.PROCEED;
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

    @Override
    public Reaction onChannelMessage(UnknownMessage m, Reaction.Reply conforming) {
        boolean open = ChannelMessages.opensChannel(m.type());
        if (!open && on(Deviation.IGNORE_UNKNOWN_CHANNEL_MESSAGES)) {
            return Reaction.DELIVER;
        }
        if (open && on(Deviation.ERROR_ON_OTHER_CHANNEL_ID_FOR_OPEN)) {
            ErrorMessage e = (ErrorMessage) conforming.message();
            byte[] other = e.channelId().toByteArray();
            other[31] ^= 1;
            return new Reaction.Reply(new ErrorMessage(Bytes.of(other), e.data()));
        }
        return conforming;
    }

    @Override
    public Reaction onPing(Ping ping, boolean pipelined) {
        int n = ping.numPongBytes();
        if (pipelined && on(Deviation.DROP_SECOND_PIPELINED_PING)) {
            return Reaction.IGNORE;
        }
        if (!ping.expectsPong()) {
            if (on(Deviation.CLOSE_ON_OVERSIZE_PING)) {
                return new Reaction.Close(Kind.MALFORMED_MESSAGE, "oversize ping (deviation)");
            }
            if (on(Deviation.ANSWER_OVERSIZE_PING)) {
                return new Reaction.Reply(new Pong(Bytes.zeros(65531)));
            }
            return Reaction.PROCEED;
        }
        if (n > 60000 && on(Deviation.IGNORE_LARGE_PINGS)) {
            return Reaction.IGNORE;
        }
        int len = on(Deviation.PONG_LENGTH_OFF_BY_ONE) ? n + 1 : n;
        if (on(Deviation.PONG_NONZERO_BYTES)) {
            byte[] b = new byte[len];
            Arrays.fill(b, (byte) 0xaa);
            return new Reaction.Reply(new Pong(Bytes.of(b)));
        }
        return len == n ? Reaction.PROCEED : new Reaction.Reply(new Pong(Bytes.zeros(len)));
    }

    @Override
    public Reaction onUnsolicitedPong() {
        return on(Deviation.ZOMBIE_ON_UNSOLICITED_PONG) ? Reaction.ZOMBIE : Reaction.PROCEED;
    }

    @Override
    public Ping keepAlivePing(Ping conforming) {
        if (on(Deviation.PING_NONZERO_IGNORED)) {
            byte[] b = new byte[8];
            Arrays.fill(b, (byte) 0xaa);
            return new Ping(0, Bytes.of(b));
        }
        return conforming;
    }

    /**
     * Messages a deviating node sends on its own once init is exchanged, to a peer that (in the
     * cases that use them) offers no gossip_queries and negotiated nothing.
     */
    @Override
    public List<LightningMessage> afterInit() {
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
            out.add(new UnknownMessage(UNASSIGNED_EVEN_TYPE, Bytes.of("lnc".getBytes(StandardCharsets.US_ASCII))));
        }
        return out;
    }

    @Override
    public boolean replacesStoredBlob() {
        return !on(Deviation.STORAGE_KEEP_FIRST_BLOB);
    }

    @Override
    public boolean forgetsBlobOnceReturned() {
        return on(Deviation.STORAGE_FORGET_AFTER_RETRIEVAL);
    }
}
