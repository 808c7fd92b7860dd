package org.lnconform.kmp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.lnconform.noise.Hex;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.AddressDescriptor;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;
import org.lnconform.wire.tlv.TlvRecord;
import org.lnconform.wire.tlv.TlvStream;

/**
 * Seeded random inputs for the decoder differential: well-formed BOLT 1 messages built with our
 * records, mutations of them, and raw byte strings under a chosen type.
 */
final class MessageGenerators {

    /** The types both stacks decode. */
    static final int[] COMMON_TYPES = {1, 16, 17, 18, 19};
    /** Odd types neither stack knows: must decode as unknown on both sides. */
    static final int[] UNKNOWN_ODD_TYPES = {3, 5, 101, 257 + 0x1000, 32769, 40001, 65535};
    /** Bitcoin mainnet's chain hash, as a real init carries it. */
    static final Bytes MAINNET = Bytes.fromHex("6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000");

    /** Byte strings that stress BigSize and TLV rules when spliced into a stream. */
    static final String[] TLV_SNIPPETS = {
        "0200",                       // unknown even type
        "0100",                       // networks, empty
        "0300",                       // remote_addr, empty
        "fd00fc00",                   // non-minimal BigSize type
        "05fd000100",                 // non-minimal BigSize length
        "03ff0000000100000000",       // length 2^32
        "03ff000000010000000241",     // length 2^32 + 2, one byte present
        "03fe8000000000",             // length 2^31
        "05ff800000000000000000",     // length 2^63
        "ff800000000000000100",       // type 2^63 + 1 (odd), empty
        "ffffffffffffffffff00",       // type 2^64 - 1 (odd), empty
        "fe0001000100",               // type 65537, custom odd
        "fd053b00",                   // 1339 option_will_fund (lightning-kmp's own), empty
        "fe4702000100",               // 1191313409 (lightning-kmp's own), empty
        "0121" + "00".repeat(33),     // networks, 33 bytes
        "fd",                         // truncated BigSize
    };

    private final Random r;

    MessageGenerators(Random r) {
        this.r = r;
    }

    // --- well-formed messages -------------------------------------------------------------------

    LightningMessage message() {
        return switch (r.nextInt(6)) {
            case 0 -> init();
            case 1 -> ping();
            case 2 -> new Pong(bytes(r.nextInt(4) == 0 ? r.nextInt(600) : r.nextInt(16)), extension());
            case 3 -> new Warning(channelId(), bytes(r.nextInt(48)), extension());
            case 4 -> new ErrorMessage(channelId(), bytes(r.nextInt(48)), extension());
            default -> new UnknownMessage(UNKNOWN_ODD_TYPES[r.nextInt(UNKNOWN_ODD_TYPES.length)], bytes(r.nextInt(40)));
        };
    }

    Init init() {
        Bytes global = r.nextInt(3) == 0 ? features(r.nextInt(14)) : Bytes.empty();
        Bytes features = features(r.nextInt(4) == 0 ? 600 : 64);
        List<TlvRecord> tlvs = new ArrayList<>();
        if (r.nextBoolean()) {
            Bytes chains = Bytes.empty();
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                chains = chains.concat(i == 0 && r.nextBoolean() ? MAINNET : bytes(32));
            }
            tlvs.add(new TlvRecord(1, chains));
        }
        if (r.nextInt(3) == 0) {
            tlvs.add(new TlvRecord(3, address().encode()));
        }
        tlvs.addAll(oddRecords(5));
        return new Init(global, features, TlvStream.of(tlvs));
    }

    Ping ping() {
        int[] edges = {0, 1, 65531, 65532, 65535};
        int numPongBytes = r.nextBoolean() ? edges[r.nextInt(edges.length)] : r.nextInt(65536);
        return new Ping(numPongBytes, bytes(r.nextInt(4) == 0 ? r.nextInt(600) : r.nextInt(16)), extension());
    }

    /** A feature bitmap with a few random bits below {@code maxBit}, sometimes zero-padded. */
    Bytes features(int maxBit) {
        if (maxBit == 0 || r.nextInt(5) == 0) {
            return Bytes.empty();
        }
        int n = 1 + r.nextInt(6);
        BitSet bits = new BitSet();
        for (int i = 0; i < n; i++) {
            bits.set(r.nextInt(maxBit));
        }
        int len = (bits.length() + 7) / 8 + (r.nextInt(6) == 0 ? 1 : 0);
        byte[] out = new byte[len];
        for (int b = bits.nextSetBit(0); b >= 0; b = bits.nextSetBit(b + 1)) {
            out[len - 1 - b / 8] |= (byte) (1 << (b % 8));
        }
        return Bytes.of(out);
    }

    AddressDescriptor address() {
        return switch (r.nextInt(4)) {
            case 0 -> new AddressDescriptor.Ipv4(bytes(4), r.nextInt(65536));
            case 1 -> new AddressDescriptor.Ipv6(bytes(16), r.nextInt(65536));
            case 2 -> new AddressDescriptor.TorV3(bytes(35), r.nextInt(65536));
            default -> new AddressDescriptor.Dns("node" + r.nextInt(1000) + ".example.org", r.nextInt(65536));
        };
    }

    /** An extension for ping, pong, warning and error: mostly empty, else unknown odd records. */
    TlvStream extension() {
        return r.nextInt(4) == 0 ? TlvStream.of(oddRecords(65)) : TlvStream.empty();
    }

    /** Up to two unknown odd records, of types above {@code min}. */
    List<TlvRecord> oddRecords(long min) {
        List<TlvRecord> out = new ArrayList<>();
        long[] types = {min, min + 2, 101, 65537, (1L << 32) + 1, Long.MAX_VALUE};
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            long t = types[r.nextInt(types.length)];
            if (t % 2 == 1 && out.stream().noneMatch(x -> x.type() == t)) {
                out.add(new TlvRecord(t, bytes(r.nextInt(20))));
            }
        }
        return out;
    }

    Bytes channelId() {
        return r.nextBoolean() ? Bytes.zeros(32) : bytes(32);
    }

    Bytes bytes(int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Bytes.of(b);
    }

    static byte[] encode(LightningMessage m) {
        return LightningMessageCodec.encode(m);
    }

    // --- raw and mutated inputs -----------------------------------------------------------------

    /** Random bytes under a chosen type: mostly a common type, sometimes unknown or any. */
    byte[] randomInput() {
        int type = switch (r.nextInt(10)) {
            case 0, 1 -> r.nextInt(65536);
            case 2 -> UNKNOWN_ODD_TYPES[r.nextInt(UNKNOWN_ODD_TYPES.length)];
            default -> COMMON_TYPES[r.nextInt(COMMON_TYPES.length)];
        };
        int len = r.nextInt(8) == 0 ? r.nextInt(400) : r.nextInt(48);
        byte[] out = new byte[2 + len];
        r.nextBytes(out);
        out[0] = (byte) (type >>> 8);
        out[1] = (byte) type;
        if (r.nextInt(40) == 0) {
            return new byte[r.nextInt(2)]; // shorter than a type
        }
        return out;
    }

    /** A well-formed message with one to three random mutations. */
    byte[] mutated() {
        byte[] b = encode(message());
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            b = mutate(b);
        }
        return b;
    }

    byte[] mutate(byte[] b) {
        int at = b.length == 0 ? 0 : r.nextInt(b.length);
        switch (r.nextInt(8)) {
            case 0 -> {
                if (b.length > 0) {
                    b = b.clone();
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                if (b.length > 0) {
                    b = b.clone();
                    int[] special = {0x00, 0x01, 0x02, 0xfc, 0xfd, 0xfe, 0xff};
                    b[at] = (byte) (r.nextBoolean() ? special[r.nextInt(special.length)] : r.nextInt(256));
                }
            }
            case 2 -> b = Arrays.copyOf(b, at);
            case 3, 4 -> b = concat(b, Hex.decode(TLV_SNIPPETS[r.nextInt(TLV_SNIPPETS.length)]));
            case 5 -> b = splice(b, at, bytes(1 + r.nextInt(4)).toByteArray());
            case 6 -> {
                if (b.length > 0) {
                    b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + 1, b.length));
                }
            }
            default -> {
                if (b.length >= 2) {
                    b = b.clone();
                    int t = COMMON_TYPES[r.nextInt(COMMON_TYPES.length)];
                    b[0] = (byte) (t >>> 8);
                    b[1] = (byte) t;
                }
            }
        }
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] splice(byte[] a, int at, byte[] insert) {
        return concat(concat(Arrays.copyOf(a, at), insert), Arrays.copyOfRange(a, at, a.length));
    }
}
