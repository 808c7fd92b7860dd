package org.lnconform.bolt3;

import fr.acinq.bitcoin.OutPoint;
import java.util.List;

/**
 * Everything one commitment transaction depends on (BOLT 3, Commitment Transaction
 * Construction), from its owner's side: the owner's dust limit, the delay the owner must
 * wait ({@code to_self_delay} as set by the other node), and both balances in msat before
 * the fee and anchors, excluding the HTLCs.
 *
 * @param ownerIsOpener the opener pays the base fee and the anchors from its balance
 * @param obscuringFactor from {@link CommitmentNumber#obscuringFactor}
 */
public record CommitmentSpec(
        ChannelType channelType,
        OutPoint fundingOutpoint,
        long fundingSatoshis,
        long commitmentNumber,
        long obscuringFactor,
        boolean ownerIsOpener,
        int toSelfDelay,
        long dustLimitSatoshis,
        long feeratePerKw,
        long toLocalMsat,
        long toRemoteMsat,
        List<Htlc> htlcs,
        CommitmentKeys keys) {

    public CommitmentSpec {
        htlcs = List.copyOf(htlcs);
    }

    public byte[] fundingWitnessScript() {
        return Scripts.funding(keys.localFundingPubkey(), keys.remoteFundingPubkey());
    }
}
