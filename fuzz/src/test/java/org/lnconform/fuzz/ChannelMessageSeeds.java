package org.lnconform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.ChannelOpenTlvs;
import org.lnconform.wire.message.ChannelReady;
import org.lnconform.wire.message.ChannelReestablish;
import org.lnconform.wire.message.ClosingSigned;
import org.lnconform.wire.message.FundingCreated;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.OpenChannel;
import org.lnconform.wire.message.Shutdown;
import org.lnconform.wire.tlv.TlvStream;

/**
 * Seeds for the BOLT 2 messages, with field values from BOLT 3 Appendix C (its funding
 * outpoint, basepoints, funding keys, per-commitment point and secret, dust limit, delay,
 * feerate) and the BOLT 8 chaining and sending keys as a 64-byte signature.
 */
final class ChannelMessageSeeds {

    private static final JsonNode C = Vectors.data("bolt03-commitment.json");
    private static final JsonNode ENCRYPTION = Vectors.data("bolt08-message-encryption.json");

    private ChannelMessageSeeds() {
    }

    static Optional<LightningMessage> sample(int type) {
        JsonNode k = C.get("keys");
        JsonNode in = C.get("internal");
        Bytes id = Bytes.fromHex(C.get("funding_txid").asText());
        Bytes signature = Bytes.fromHex(ENCRYPTION.get("ck").asText() + ENCRYPTION.get("sk").asText());
        Bytes funding = hex(k, "local_funding_pubkey");
        Bytes revocation = hex(in, "remote_revocation_basepoint");
        Bytes payment = hex(k, "local_payment_basepoint");
        Bytes delayed = hex(in, "local_delayed_payment_basepoint");
        Bytes htlc = hex(k, "local_htlc_basepoint");
        Bytes point = hex(in, "local_per_commitment_point");
        long dust = C.get("local_dust_limit_satoshi").asLong();
        int delay = C.get("local_delay").asInt();
        long fundingSat = C.get("funding_amount_satoshi").asLong();
        TlvStream opening = TlvStream.empty()
                .with(ChannelOpenTlvs.UPFRONT_SHUTDOWN_SCRIPT, Bytes.empty())
                .with(ChannelOpenTlvs.CHANNEL_TYPE, FeatureVector.of(12, 22).toBytes());
        LightningMessage m = switch (type) {
            case OpenChannel.TYPE -> new OpenChannel(Bytes.zeros(32), id, fundingSat, 0, dust, fundingSat * 1000,
                    fundingSat / 100, 1, 15000, delay, 483, funding, revocation, payment, delayed, htlc, point, 0, opening);
            case AcceptChannel.TYPE -> new AcceptChannel(id, dust, fundingSat * 1000, fundingSat / 100, 1, 3, delay, 483,
                    hex(k, "remote_funding_pubkey"), revocation, hex(k, "remote_payment_basepoint"), delayed,
                    hex(k, "remote_htlc_basepoint"), point, opening);
            case FundingCreated.TYPE -> new FundingCreated(id, id, C.get("funding_output_index").asInt(), signature);
            case FundingSigned.TYPE -> new FundingSigned(id, signature);
            case ChannelReady.TYPE -> new ChannelReady(id, point,
                    TlvStream.empty().with(ChannelReady.SHORT_CHANNEL_ID, ShortChannelId.fromLong(42)));
            case Shutdown.TYPE -> new Shutdown(id, Bytes.fromHex("0014" + "00".repeat(20)));
            case ClosingSigned.TYPE -> new ClosingSigned(id, 10860, signature,
                    TlvStream.empty().with(ClosingSigned.FEE_RANGE, new ClosingSigned.FeeRange(253, 10860)));
            case ChannelReestablish.TYPE -> new ChannelReestablish(id, 43, 42,
                    hex(in, "x_local_per_commitment_secret"), point, TlvStream.empty());
            default -> null;
        };
        return Optional.ofNullable(m);
    }

    /** For {@link ChannelMessageFuzzTest}: selector byte then payload, bare, broken in the ways decoding must catch. */
    static Map<String, byte[]> channelMessages() {
        SeedCorpus.Seeds s = new SeedCorpus.Seeds();
        for (var codec : ChannelMessageFuzzTest.BOLT2) {
            byte[] wire = LightningMessageCodec.encode(sample(codec.type()).orElseThrow());
            byte[] seed = new byte[wire.length - 1];
            seed[0] = ChannelMessageFuzzTest.selector(codec.type());
            System.arraycopy(wire, 2, seed, 1, wire.length - 2);
            s.add(codec.name(), seed);
            s.add(codec.name() + " cut short", Arrays.copyOf(seed, seed.length - 1));
            byte[] odd = Arrays.copyOf(seed, seed.length + 3);
            odd[seed.length] = 0x0b; // an unknown odd TLV, type 11, 1 byte
            odd[seed.length + 1] = 1;
            s.add(codec.name() + " with an odd tlv", odd);
        }
        // open_channel with a funding_pubkey off the curve (0x04 prefix)
        byte[] open = LightningMessageCodec.encode(sample(OpenChannel.TYPE).orElseThrow());
        byte[] bad = new byte[open.length - 1];
        bad[0] = ChannelMessageFuzzTest.selector(OpenChannel.TYPE);
        System.arraycopy(open, 2, bad, 1, open.length - 2);
        bad[1 + 32 + 32 + 8 * 6 + 4 + 2 + 2] = 0x04;
        s.add("open_channel with an invalid funding_pubkey", bad);
        return s.toMap();
    }

    private static Bytes hex(JsonNode node, String field) {
        return Bytes.fromHex(node.get(field).asText());
    }
}
