package org.lnconform.kmp;

import fr.acinq.lightning.wire.ChannelReadyTlv;
import fr.acinq.lightning.wire.ClosingSignedTlv;
import java.util.Map;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.ChannelReady;
import org.lnconform.wire.message.ChannelReestablish;
import org.lnconform.wire.message.ClosingSigned;
import org.lnconform.wire.message.FundingCreated;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.Shutdown;

/**
 * The fields of the BOLT 2 messages both stacks decode, under the spec's field names, so two
 * decodings compare as {@link Verdict}s (message name = our record's simple name, which is also
 * lightning-kmp's class name). Compared TLVs: channel_ready's alias and closing_signed's
 * fee_range, which both stacks define the same way. channel_reestablish's TLVs are not compared:
 * lightning-kmp 1.8.4 reads {@code next_funding} as type 0 with a bare txid, the pinned spec as
 * type 1 with retransmit_flags (kmp/FINDINGS.md EXP-03).
 */
final class Bolt2Fields {

    private Bolt2Fields() {
    }

    /** Puts the fields of one of our BOLT 2 records into {@code f}; false if it is not one of them. */
    static boolean ours(LightningMessage m, Map<String, String> f) {
        try {
            if (m instanceof FundingCreated c) {
                f.put("temporary_channel_id", c.temporaryChannelId().hex());
                f.put("funding_txid", c.fundingTxid().hex());
                f.put("funding_output_index", Integer.toString(c.fundingOutputIndex()));
                f.put("signature", c.signature().hex());
            } else if (m instanceof FundingSigned s) {
                f.put("channel_id", s.channelId().hex());
                f.put("signature", s.signature().hex());
            } else if (m instanceof ChannelReady r) {
                f.put("channel_id", r.channelId().hex());
                f.put("second_per_commitment_point", r.secondPerCommitmentPoint().hex());
                r.alias().ifPresent(a -> f.put("alias", Long.toUnsignedString(a.toLong())));
            } else if (m instanceof Shutdown s) {
                f.put("channel_id", s.channelId().hex());
                f.put("scriptpubkey", s.scriptpubkey().hex());
            } else if (m instanceof ClosingSigned c) {
                f.put("channel_id", c.channelId().hex());
                f.put("fee_satoshis", Long.toUnsignedString(c.feeSatoshis()));
                f.put("signature", c.signature().hex());
                c.feeRange().ifPresent(r -> f.put("fee_range", Long.toUnsignedString(r.minFeeSatoshis()) + ".."
                        + Long.toUnsignedString(r.maxFeeSatoshis())));
            } else if (m instanceof ChannelReestablish r) {
                f.put("channel_id", r.channelId().hex());
                f.put("next_commitment_number", Long.toUnsignedString(r.nextCommitmentNumber()));
                f.put("next_revocation_number", Long.toUnsignedString(r.nextRevocationNumber()));
                f.put("your_last_per_commitment_secret", r.yourLastPerCommitmentSecret().hex());
                f.put("my_current_per_commitment_point", r.myCurrentPerCommitmentPoint().hex());
            } else {
                return false;
            }
        } catch (WireException e) {
            throw new IllegalStateException("a decoded record's known TLV did not parse", e);
        }
        return true;
    }

    /** The same for lightning-kmp's classes. */
    static boolean kmp(fr.acinq.lightning.wire.LightningMessage m, Map<String, String> f) {
        if (m instanceof fr.acinq.lightning.wire.FundingCreated c) {
            f.put("temporary_channel_id", c.getTemporaryChannelId().toHex());
            f.put("funding_txid", c.getFundingTxHash().toHex());
            f.put("funding_output_index", Integer.toString(c.getFundingOutputIndex()));
            f.put("signature", c.getSignature().toHex());
        } else if (m instanceof fr.acinq.lightning.wire.FundingSigned s) {
            f.put("channel_id", s.getChannelId().toHex());
            f.put("signature", s.getSignature().toHex());
        } else if (m instanceof fr.acinq.lightning.wire.ChannelReady r) {
            f.put("channel_id", r.getChannelId().toHex());
            f.put("second_per_commitment_point", r.getNextPerCommitmentPoint().value.toHex());
            for (ChannelReadyTlv t : r.getTlvStream().getRecords()) {
                if (t instanceof ChannelReadyTlv.ShortChannelIdTlv a) {
                    f.put("alias", Long.toUnsignedString(a.getAlias().toLong()));
                }
            }
        } else if (m instanceof fr.acinq.lightning.wire.Shutdown s) {
            f.put("channel_id", s.getChannelId().toHex());
            f.put("scriptpubkey", s.getScriptPubKey().toHex());
        } else if (m instanceof fr.acinq.lightning.wire.ClosingSigned c) {
            f.put("channel_id", c.getChannelId().toHex());
            f.put("fee_satoshis", Long.toUnsignedString(c.getFeeSatoshis().getSat()));
            f.put("signature", c.getSignature().toHex());
            for (ClosingSignedTlv t : c.getTlvStream().getRecords()) {
                if (t instanceof ClosingSignedTlv.FeeRange r) {
                    f.put("fee_range", Long.toUnsignedString(r.getMin().getSat()) + ".."
                            + Long.toUnsignedString(r.getMax().getSat()));
                }
            }
        } else if (m instanceof fr.acinq.lightning.wire.ChannelReestablish r) {
            f.put("channel_id", r.getChannelId().toHex());
            f.put("next_commitment_number", Long.toUnsignedString(r.getNextLocalCommitmentNumber()));
            f.put("next_revocation_number", Long.toUnsignedString(r.getNextRemoteRevocationNumber()));
            f.put("your_last_per_commitment_secret", r.getYourLastCommitmentSecret().value.toHex());
            f.put("my_current_per_commitment_point", r.getMyCurrentPerCommitmentPoint().value.toHex());
        } else {
            return false;
        }
        return true;
    }
}
