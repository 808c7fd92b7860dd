package org.lnconform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AddressDescriptor;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.MessageCodec;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.wire.message.PeerStorage;
import org.lnconform.wire.message.PeerStorageRetrieval;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.Warning;

/**
 * Seeds for whole messages and for {@code init_tlvs}: BOLT 1 Appendix C's init messages, and
 * one sample of every registered message type, bare and with Appendix C's valid extension.
 * Sample field values are vector bytes (the BOLT 8 "hello" plaintext and chaining key).
 */
final class MessageSeeds {

    private static final JsonNode EXTENSION = Vectors.data("bolt01-message-extension.json");
    private static final JsonNode ENCRYPTION = Vectors.data("bolt08-message-encryption.json");

    private MessageSeeds() {
    }

    static Map<String, byte[]> messages() {
        SeedCorpus.Seeds s = new SeedCorpus.Seeds();
        for (JsonNode v : Vectors.items(EXTENSION.get("vectors"))) {
            s.add("appendix c " + (v.get("valid").asBoolean() ? "valid " : "invalid ") + v.get("explanation").asText(),
                    v.get("hex").asText());
        }
        Bytes extension = validExtension();
        for (MessageCodec<?> codec : MessageRegistry.standard().codecs()) {
            byte[] bare = LightningMessageCodec.encode(sample(codec.type()));
            s.add(codec.name(), bare);
            s.add(codec.name() + " with extension", Bytes.of(bare).concat(extension).toByteArray());
        }
        byte[] payload = hello();
        s.add("unknown odd type", new WireWriter().u16(0x8001).raw(payload).toByteArray());
        s.add("unknown even type", new WireWriter().u16(0x8000).raw(payload).toByteArray());
        s.add("ping claiming more ignored bytes than it has", new WireWriter().u16(Ping.TYPE).u16(4).u16(0xffff).raw(payload).toByteArray());
        s.add("init with a tlv claiming 2^60 bytes",
                Bytes.fromHex(EXTENSION.get("base_init_hex").asText() + "01" + SeedCorpus.LENGTH_2_POW_60).toByteArray());
        QuerySeeds.messages().forEach(s::add);
        return s.toMap();
    }

    static Map<String, byte[]> initTlvs() {
        SeedCorpus.Seeds s = new SeedCorpus.Seeds();
        String base = EXTENSION.get("base_init_hex").asText();
        for (JsonNode v : Vectors.items(EXTENSION.get("vectors"))) {
            s.add("appendix c " + v.get("explanation").asText(), v.get("hex").asText().substring(base.length()));
        }
        Init init = sampleInit();
        s.add("networks and remote_addr", init.tlvs().encode().toByteArray());
        for (AddressDescriptor address : addresses()) {
            s.add("remote_addr type " + address.type(), init.withRemoteAddr(address).tlvs().encode().toByteArray());
        }
        s.add("networks not a multiple of 32", "0121" + "00".repeat(33));
        s.add("networks claiming 2^60 bytes", "01" + SeedCorpus.LENGTH_2_POW_60 + "00");
        return s.toMap();
    }

    /** One message of each registered type; a new type without a sample fails the seed check. */
    static LightningMessage sample(int type) {
        Bytes text = Bytes.of(hello());
        Bytes channelId = Bytes.fromHex(ENCRYPTION.get("ck").asText());
        return switch (type) {
            case Init.TYPE -> sampleInit();
            case Ping.TYPE -> Ping.of(text.size(), text.size());
            case Pong.TYPE -> Pong.of(text.size());
            case ErrorMessage.TYPE -> new ErrorMessage(channelId, text);
            case Warning.TYPE -> new Warning(Bytes.zeros(32), text);
            case PeerStorage.TYPE -> new PeerStorage(channelId.concat(text));
            case PeerStorageRetrieval.TYPE -> new PeerStorageRetrieval(channelId.concat(text));
            default -> ChannelMessageSeeds.sample(type).or(() -> QuerySeeds.sample(type, channelId)).orElseThrow(() ->
                    new IllegalStateException("no sample message for registered type " + type));
        };
    }

    private static Init sampleInit() {
        Bytes chain = Bytes.fromHex(ENCRYPTION.get("ck").asText());
        return Init.of(FeatureVector.of(5, 17))
                .withNetworks(List.of(chain))
                .withRemoteAddr(addresses().get(0));
    }

    private static List<AddressDescriptor> addresses() {
        Bytes key = Bytes.fromHex(ENCRYPTION.get("sk").asText());
        return List.of(
                new AddressDescriptor.Ipv4(Bytes.of((byte) 127, (byte) 0, (byte) 0, (byte) 1), 9735),
                new AddressDescriptor.Ipv6(key.slice(0, 16), 9735),
                new AddressDescriptor.TorV3(key.concat(key).slice(0, 35), 9735),
                new AddressDescriptor.Dns(ENCRYPTION.get("plaintext_ascii").asText() + ".example", 9735));
    }

    /** Appendix C's valid extension: the bytes after the base init in its two-odd-records vector. */
    private static Bytes validExtension() {
        String base = EXTENSION.get("base_init_hex").asText();
        for (JsonNode v : Vectors.items(EXTENSION.get("vectors"))) {
            String hex = v.get("hex").asText();
            if (v.get("valid").asBoolean() && hex.length() > base.length()) {
                return Bytes.fromHex(hex.substring(base.length()));
            }
        }
        throw new IllegalStateException("Appendix C has no valid extension");
    }

    private static byte[] hello() {
        return ENCRYPTION.get("plaintext_ascii").asText().getBytes(StandardCharsets.US_ASCII);
    }
}
