package org.lnconform.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessageCodec;

class OwnInitTest {

    private static final InetSocketAddress PUBLIC = new InetSocketAddress("203.0.113.7", 9735);
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 9735);

    /** With no init deviation on, the deviation seam writes exactly the conforming init. */
    @Test
    void deviantInitWithoutInitDeviationsIsOurInit() {
        PeerConfig config = PeerConfig.defaults();
        FeatureTable table = FeatureTable.bolt9();
        for (InetSocketAddress remote : List.of(PUBLIC, LOOPBACK)) {
            for (boolean inbound : List.of(true, false)) {
                assertThat(DeviantInit.build(config, table, remote, inbound))
                        .isEqualTo(OwnInit.build(config, remote, inbound));
                assertThat(DeviantInit.build(config.withNetworks(List.of()), table, remote, inbound))
                        .isEqualTo(OwnInit.build(config.withNetworks(List.of()), remote, inbound));
            }
        }
    }

    @Test
    void remoteAddrOnlyToAPublicInboundPeer() throws Exception {
        Init toPublic = (Init) LightningMessageCodec.decode(OwnInit.build(PeerConfig.defaults(), PUBLIC, true));
        assertThat(toPublic.remoteAddr()).isPresent();
        assertThat(((Init) LightningMessageCodec.decode(OwnInit.build(PeerConfig.defaults(), LOOPBACK, true)))
                .remoteAddr()).isEmpty();
        assertThat(((Init) LightningMessageCodec.decode(OwnInit.build(PeerConfig.defaults(), PUBLIC, false)))
                .remoteAddr()).isEmpty();
    }

    /** The conforming node goes through no override at all. */
    @Test
    void aNodeWithoutDeviationsIsTheSpecsNode() {
        assertThat(Deviations.of(PeerConfig.defaults(), FeatureTable.bolt9())).isSameAs(Bolt1Tamper.NONE);
        Set<Deviation> one = EnumSet.of(Deviation.NO_INIT);
        assertThat(Deviations.of(PeerConfig.defaults().withDeviations(one), FeatureTable.bolt9()))
                .isNotSameAs(Bolt1Tamper.NONE);
    }
}
