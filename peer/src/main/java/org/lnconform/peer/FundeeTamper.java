package org.lnconform.peer;

import org.lnconform.bolt3.ChannelType;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.AcceptChannel;
import org.lnconform.wire.message.OpenChannel;

/**
 * The fundee's behaviour at each decision point of BOLT 2's v1 channel establishment
 * (02-peer-protocol.md, Channel Establishment v1), as overrides of what the spec says: the BOLT 2
 * counterpart of {@link Bolt1Tamper}. Every default is the conforming answer, so {@link #NONE}
 * follows the spec; the reference node's deviation switches are the only other implementation.
 */
interface FundeeTamper {

    FundeeTamper NONE = new FundeeTamper() {};

    /** The channel_type accept_channel carries: BOLT 2 (B2-ACC-05) echoes the one open_channel proposed. */
    default FeatureVector acceptedChannelType(ChannelType proposed, FeatureVector conforming) {
        return conforming;
    }

    /** A condition under which BOLT 2 (open_channel, receiving node) fails the channel: true accepts it instead. */
    default boolean overlooks(OpenRefusal reason) {
        return false;
    }

    /** Undefined bits of channel_flags: BOLT 2 (B2-OPN-15) ignores them; true fails the channel for them. */
    default boolean refusesUndefinedChannelFlags() {
        return false;
    }

    /**
     * A new open_channel from {@code peerKey}: BOLT 2 (B2-OPN-16) accepts one after a reconnection,
     * discarding the channel proposed before it; true refuses it because an earlier one is pending.
     */
    default boolean refusesAfterReconnection(String peerKey) {
        return false;
    }

    /** A funding_created signature that does not sign our commitment: BOLT 2 (B2-FCR-06) fails the channel; true signs on. */
    default boolean acceptsBadFundingSignature() {
        return false;
    }

    /** The commitment number funding_signed signs the funder's transaction at: BOLT 2 (B2-FSG-02) signs the first, 0. */
    default long fundingSignedCommitmentNumber(long conforming) {
        return conforming;
    }

    /**
     * An open_channel accepted although one of its points is not a valid point (a deviation):
     * true goes on to sign funding_signed, computing with a stand-in for that point and without
     * checking the funder's signature, as a node that never validated the point would.
     */
    default boolean signsDespiteInvalidPoints() {
        return false;
    }

    /**
     * The accept_channel sent for {@code open}: BOLT 2 (The accept_channel Message, B2-ACC-01..19)
     * sends {@code conforming}, built by the sender's rules.
     */
    default AcceptChannel acceptChannel(OpenChannel open, AcceptChannel conforming) {
        return conforming;
    }

    /** A funding_created signature with a high S: BOLT 2 (B2-FCR-06) fails the channel; true signs on. */
    default boolean acceptsHighSFundingSignature() {
        return false;
    }
}
