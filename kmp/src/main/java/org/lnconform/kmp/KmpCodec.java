package org.lnconform.kmp;

import fr.acinq.bitcoin.ByteVector;
import fr.acinq.bitcoin.ByteVector32;
import fr.acinq.lightning.Feature;
import fr.acinq.lightning.FeatureSupport;
import fr.acinq.lightning.Features;
import fr.acinq.lightning.UnknownFeature;
import fr.acinq.lightning.wire.GenericTlv;
import fr.acinq.lightning.wire.Init;
import fr.acinq.lightning.wire.InitTlv;
import fr.acinq.lightning.wire.LightningMessage;
import fr.acinq.lightning.wire.Ping;
import fr.acinq.lightning.wire.Pong;
import fr.acinq.lightning.wire.Tlv;
import fr.acinq.lightning.wire.TlvStream;
import fr.acinq.lightning.wire.UnknownMessage;
import fr.acinq.lightning.wire.Warning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * lightning-kmp's message codec ({@code LightningMessage.Companion} encode/decode) and builders
 * for the BOLT 1 messages, in plain Java types. Messages are lightning-kmp's own classes
 * ({@code fr.acinq.lightning.wire.Init}, {@code Ping}, {@code Pong}, {@code Warning},
 * {@code Error}, {@code UnknownMessage}, …).
 *
 * <p>What lightning-kmp does with a message is its business: its decoder returns
 * {@code UnknownMessage(type)} (type only, no payload) for any type it does not know, even or
 * odd, and ignores bytes past the fields it reads in {@code ping}, {@code pong}, {@code warning}
 * and {@code error}. It cannot encode an {@code UnknownMessage}.
 */
public final class KmpCodec {

    /** BOLT 1 init TLV types. */
    public static final long NETWORKS_TLV = 1;
    public static final long REMOTE_ADDR_TLV = 3;

    private KmpCodec() {}

    /** Decodes one whole message (2-byte type first). */
    public static LightningMessage decode(byte[] message) throws KmpException {
        try {
            return LightningMessage.Companion.decode(message);
        } catch (RuntimeException e) {
            throw new KmpException("lightning-kmp rejected the message", e);
        }
    }

    /** Encodes one message, type first. */
    public static byte[] encode(LightningMessage message) {
        return LightningMessage.Companion.encode(message);
    }

    /** True if lightning-kmp decodes {@code type} as a message of its own rather than {@code UnknownMessage}. */
    public static boolean isKnownType(int type) {
        try {
            return !(LightningMessage.Companion.decode(new byte[] {(byte) (type >>> 8), (byte) type})
                    instanceof UnknownMessage);
        } catch (RuntimeException e) {
            return true; // it tried to read the payload of a type it knows
        }
    }

    // --- builders ------------------------------------------------------------------------------

    /**
     * {@code init} with the given feature bitmap (big-endian, as on the wire), {@code networks}
     * (absent if null) and extra TLV records. lightning-kmp keeps features as a feature map, so a
     * bitmap it cannot represent (a pair with both bits set) is stored differently (see
     * kmp/FINDINGS.md); {@code extraTlvs} must be odd types it does not know.
     */
    public static Init init(byte[] features, List<byte[]> networks, Map<Long, byte[]> extraTlvs) {
        Set<InitTlv> records = new HashSet<>();
        if (networks != null) {
            List<ByteVector32> chains = new ArrayList<>();
            networks.forEach(h -> chains.add(new ByteVector32(h)));
            records.add(new InitTlv.Networks(chains));
        }
        Set<GenericTlv> unknown = new HashSet<>();
        extraTlvs.forEach((type, value) -> unknown.add(new GenericTlv(type, new ByteVector(value))));
        return new Init(Features.Companion.invoke(features), new TlvStream<>(records, unknown));
    }

    public static Ping ping(int numPongBytes, byte[] ignored) {
        return new Ping(numPongBytes, new ByteVector(ignored));
    }

    public static Pong pong(byte[] ignored) {
        return new Pong(new ByteVector(ignored));
    }

    public static Warning warning(byte[] channelId, byte[] data) {
        return new Warning(new ByteVector32(channelId), new ByteVector(data));
    }

    public static fr.acinq.lightning.wire.Error error(byte[] channelId, byte[] data) {
        return new fr.acinq.lightning.wire.Error(new ByteVector32(channelId), new ByteVector(data));
    }

    // --- views ---------------------------------------------------------------------------------

    /** The feature bits lightning-kmp holds: each activated feature's bit, and every unknown bit. */
    public static SortedSet<Integer> featureBits(Features features) {
        SortedSet<Integer> bits = new TreeSet<>();
        for (Map.Entry<Feature, FeatureSupport> e : features.getActivated().entrySet()) {
            bits.add(e.getKey().supportBit(e.getValue()));
        }
        for (UnknownFeature u : features.getUnknown()) {
            bits.add(u.getBitIndex());
        }
        return bits;
    }

    /**
     * Every record of a TLV stream as (type → value bytes), the ones lightning-kmp parsed
     * re-serialized by lightning-kmp, the unknown ones as received. Types are BigSize values
     * held in a {@code long}: above 2^63 they are negative here.
     */
    public static Map<Long, byte[]> tlvRecords(TlvStream<? extends Tlv> tlvs) {
        Map<Long, byte[]> out = new TreeMap<>(Long::compareUnsigned);
        for (Tlv t : tlvs.getRecords()) {
            out.put(t.getTag(), t.write());
        }
        for (GenericTlv g : tlvs.getUnknown()) {
            out.put(g.getTag(), g.getValue().toByteArray());
        }
        return out;
    }

    /** The chain hashes of {@code networks}, or null if the TLV is absent. */
    public static List<byte[]> networks(Init init) {
        for (InitTlv t : init.getTlvs().getRecords()) {
            if (t instanceof InitTlv.Networks n) {
                List<byte[]> out = new ArrayList<>();
                n.getChainHashes().forEach(h -> out.add(h.toByteArray()));
                return out;
            }
        }
        return null;
    }
}
