package org.lnconform.wire.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code init} (type 16), BOLT 1: the first message on a connection, carrying feature bits.
 * The feature fields keep their exact bytes (padding included), so a sender's choice of
 * length stays visible; use {@link #combinedFeatures()} for the logical feature map. A
 * hand-built {@code Init} may carry any TLVs, unknown even ones included, so tests can send them.
 */
public record Init(Bytes globalFeatures, Bytes features, TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 16;

    public static final MessageCodec<Init> CODEC =
            MessageCodec.of(MessageType.INIT, Init.class, InitTlvs.NAMESPACE, Init::decode, Init::encode);

    public Init {
        Objects.requireNonNull(globalFeatures, "globalFeatures");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(tlvs, "tlvs");
        Messages.checkU16Length("globalfeatures", globalFeatures);
        Messages.checkU16Length("features", features);
    }

    /** No global features, {@code features} in minimal length, no TLVs. */
    public static Init of(FeatureVector features) {
        return new Init(Bytes.empty(), features.toBytes(), TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    public FeatureVector globalFeatureVector() {
        return FeatureVector.fromBytes(globalFeatures);
    }

    public FeatureVector featureVector() {
        return FeatureVector.fromBytes(features);
    }

    /** BOLT 1 init receiver rule (B1-INIT-12): the two bitmaps OR-ed into one. */
    public FeatureVector combinedFeatures() {
        return globalFeatureVector().or(featureVector());
    }

    /** TLV 1 {@code networks}; throws only if this record was built by hand with a bad value. */
    public Optional<List<Bytes>> networks() throws WireException {
        return tlvs.get(InitTlvs.NETWORKS);
    }

    /** TLV 3 {@code remote_addr}, raw. */
    public Optional<Bytes> remoteAddr() {
        return tlvs.value(InitTlvs.REMOTE_ADDR.type());
    }

    /** TLV 3 parsed as a BOLT 7 address descriptor; malformed descriptors throw. */
    public Optional<AddressDescriptor> remoteAddress() throws WireException {
        Optional<Bytes> raw = remoteAddr();
        return raw.isEmpty() ? Optional.empty() : Optional.of(AddressDescriptor.parse(raw.get()));
    }

    public Init withNetworks(List<Bytes> chainHashes) {
        return new Init(globalFeatures, features, tlvs.with(InitTlvs.NETWORKS, chainHashes));
    }

    public Init withRemoteAddr(AddressDescriptor address) {
        return new Init(globalFeatures, features, tlvs.with(InitTlvs.REMOTE_ADDR, address.encode()));
    }

    public Init withTlvs(TlvStream newTlvs) {
        return new Init(globalFeatures, features, newTlvs);
    }

    private static Init decode(WireReader in) throws WireException {
        int gflen = in.u16("init.gflen");
        Bytes global = in.bytes(gflen, "init.globalfeatures");
        int flen = in.u16("init.flen");
        Bytes local = in.bytes(flen, "init.features");
        return new Init(global, local, TlvStream.decode(in, InitTlvs.NAMESPACE));
    }

    private static void encode(Init m, WireWriter out) {
        out.u16(m.globalFeatures.size()).bytes(m.globalFeatures);
        out.u16(m.features.size()).bytes(m.features);
        m.tlvs.encode(out);
    }
}
