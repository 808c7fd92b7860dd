package org.lnconform.peer;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.InitTlvs;
import org.lnconform.wire.message.LightningMessageCodec;

/** The init this node sends (01-messaging.md, The init Message, sending node). */
final class OwnInit {

    private OwnInit() {}

    /**
     * Our feature bits in minimal length and no globalfeatures (B1-INIT-05/06), our chains in
     * {@code networks}, and, to an inbound peer, {@code remote_addr} (B1-INIT-09/10).
     */
    static byte[] build(PeerConfig config, InetSocketAddress remote, boolean inbound) {
        FeatureVector features = FeatureVector.empty();
        for (int bit : config.featureBits()) {
            features = features.set(bit);
        }
        Init init = Init.of(features);
        if (!config.networks().isEmpty()) {
            init = init.withNetworks(config.networks());
        }
        Optional<Bytes> addr = inbound && config.sendRemoteAddr() && remote != null && !isPrivate(remote.getAddress())
                ? Optional.of(descriptor(remote)) : Optional.empty();
        if (addr.isPresent()) {
            init = init.withTlvs(init.tlvs().with(InitTlvs.REMOTE_ADDR, addr.get()));
        }
        return LightningMessageCodec.encode(init);
    }

    /** BOLT 1 (B1-INIT-10): private addresses are not worth reporting. */
    static boolean isPrivate(InetAddress a) {
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                || a.isAnyLocalAddress() || (a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc);
    }

    /** The BOLT 7 address descriptor of an IPv4 (type 1) or IPv6 (type 2) address and port. */
    static Bytes descriptor(InetSocketAddress remote) {
        InetAddress a = remote.getAddress();
        WireWriter w = new WireWriter();
        w.u8(a instanceof Inet4Address ? 1 : 2);
        w.raw(a.getAddress());
        w.u16(remote.getPort());
        return w.toBytes();
    }
}
