package org.lnconform.peer;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.lnconform.wire.Bytes;

/**
 * How a node behaves towards its peers: what it advertises in init, its time bounds, and any
 * deviation switches. Immutable; the {@code with…} methods return changed copies.
 *
 * @param featureBits       feature bits we set in init's {@code features}
 * @param networks          chain hashes for init's {@code networks} TLV (empty: omit the TLV)
 * @param sendRemoteAddr    whether to tell an inbound peer the address we see it from
 * @param actTimeout        bound on each handshake act
 * @param initTimeout       bound on the peer's init after the handshake
 * @param pingInterval      keep-alive period (zero: no keep-alive pings)
 * @param pingAfterInit     send one keep-alive ping as soon as the init exchange completes (a liveness check)
 * @param pongTimeout       how long a keep-alive ping may stay unanswered
 * @param writeTimeout      write deadline for each message
 * @param closeOnForeignNetworks close when the peer's networks share no chain with ours (BOLT 1 allows it)
 * @param deviations        rules to break on purpose (self-testing the suite only)
 */
public record PeerConfig(
        SortedSet<Integer> featureBits,
        List<Bytes> networks,
        boolean sendRemoteAddr,
        Duration actTimeout,
        Duration initTimeout,
        Duration pingInterval,
        boolean pingAfterInit,
        Duration pongTimeout,
        Duration writeTimeout,
        boolean closeOnForeignNetworks,
        boolean storesForChannelPeersOnly,
        Set<Deviation> deviations) {

    /** Bitcoin mainnet's chain hash (genesis block hash, in the byte order BOLT 1 uses). */
    public static final Bytes BITCOIN_MAINNET =
            Bytes.fromHex("6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000");
    /** Bitcoin regtest's chain hash. */
    public static final Bytes BITCOIN_REGTEST =
            Bytes.fromHex("06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f");

    public PeerConfig {
        featureBits = new TreeSet<>(featureBits);
        networks = List.copyOf(networks);
        deviations = deviations.isEmpty() ? EnumSet.noneOf(Deviation.class) : EnumSet.copyOf(deviations);
    }

    /**
     * The reference node's defaults: optional {@code option_upfront_shutdown_script} (5),
     * {@code option_shutdown_anysegwit} (27), {@code option_provide_storage} (43) and
     * {@code option_simple_close} (61, which depends on 27); regtest; 10 s per act and for init;
     * a ping right after init, then keep-alive every 30 s.
     */
    public static PeerConfig defaults() {
        return new PeerConfig(new TreeSet<>(List.of(5, 27, 43, 61)), List.of(BITCOIN_REGTEST), true,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30), true, Duration.ofSeconds(10),
                Duration.ofSeconds(10), false, false, EnumSet.noneOf(Deviation.class));
    }

    public boolean deviates(Deviation d) {
        return deviations.contains(d);
    }

    /** BOLT 1 peer storage: whether init offers {@code option_provide_storage} (42/43). */
    public boolean providesStorage() {
        return featureBits.contains(42) || featureBits.contains(43);
    }

    public PeerConfig withDeviations(Set<Deviation> d) {
        return new PeerConfig(featureBits, networks, sendRemoteAddr, actTimeout, initTimeout, pingInterval,
                pingAfterInit, pongTimeout, writeTimeout, closeOnForeignNetworks, storesForChannelPeersOnly, d);
    }

    public PeerConfig withFeatureBits(Set<Integer> bits) {
        return new PeerConfig(new TreeSet<>(bits), networks, sendRemoteAddr, actTimeout, initTimeout, pingInterval,
                pingAfterInit, pongTimeout, writeTimeout, closeOnForeignNetworks, storesForChannelPeersOnly, deviations);
    }

    public PeerConfig withNetworks(List<Bytes> n) {
        return new PeerConfig(featureBits, n, sendRemoteAddr, actTimeout, initTimeout, pingInterval, pingAfterInit,
                pongTimeout, writeTimeout, closeOnForeignNetworks, storesForChannelPeersOnly, deviations);
    }

    public PeerConfig withPingInterval(Duration d) {
        return new PeerConfig(featureBits, networks, sendRemoteAddr, actTimeout, initTimeout, d, pingAfterInit,
                pongTimeout, writeTimeout, closeOnForeignNetworks, storesForChannelPeersOnly, deviations);
    }

    public PeerConfig withPingAfterInit(boolean ping) {
        return new PeerConfig(featureBits, networks, sendRemoteAddr, actTimeout, initTimeout, pingInterval, ping,
                pongTimeout, writeTimeout, closeOnForeignNetworks, storesForChannelPeersOnly, deviations);
    }

    public PeerConfig withTimeouts(Duration act, Duration init, Duration pong) {
        return new PeerConfig(featureBits, networks, sendRemoteAddr, act, init, pingInterval, pingAfterInit, pong,
                writeTimeout, closeOnForeignNetworks, storesForChannelPeersOnly, deviations);
    }

    public PeerConfig withCloseOnForeignNetworks(boolean close) {
        return new PeerConfig(featureBits, networks, sendRemoteAddr, actTimeout, initTimeout, pingInterval,
                pingAfterInit, pongTimeout, writeTimeout, close, storesForChannelPeersOnly, deviations);
    }

    /**
     * Peer storage only for peers with a channel (to funding_signed): others get a warning and no
     * blob is kept. BOLT 1 allows declining without a channel (B1-STOR-06); off by default.
     */
    public PeerConfig withStorageForChannelPeersOnly(boolean only) {
        return new PeerConfig(featureBits, networks, sendRemoteAddr, actTimeout, initTimeout, pingInterval,
                pingAfterInit, pongTimeout, writeTimeout, closeOnForeignNetworks, only, deviations);
    }
}
