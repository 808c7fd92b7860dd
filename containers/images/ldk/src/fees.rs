//! Fee rates for a regtest node with no chain source: fixed values, in sat per 1000 weight.
//!
//! Only the two `MinAllowed*RemoteFee` targets shape what the conformance cases see: they are
//! the lower bound LDK puts on a funder's `feerate_per_kw` in `open_channel`
//! (`check_remote_fee` in lightning/src/ln/channel.rs). LDK puts no upper bound on it.

use lightning::chain::chaininterface::{
    ConfirmationTarget, FeeEstimator, FEERATE_FLOOR_SATS_PER_KW,
};

/// The floor LDK enforces anyway (253 sat/kw, i.e. 1 sat/vB rounded up).
const FLOOR: u32 = FEERATE_FLOOR_SATS_PER_KW;

pub struct RegtestFees;

impl FeeEstimator for RegtestFees {
    fn get_est_sat_per_1000_weight(&self, target: ConfirmationTarget) -> u32 {
        match target {
            // a funder may open at any rate the chain would relay
            ConfirmationTarget::MinAllowedAnchorChannelRemoteFee
            | ConfirmationTarget::MinAllowedNonAnchorChannelRemoteFee => FLOOR,
            // anchor commitments are bumped by CPFP, so they pay the relay minimum
            ConfirmationTarget::AnchorChannelFee | ConfirmationTarget::ChannelCloseMinimum => FLOOR,
            // 10 sat/vB for a commitment that cannot be bumped, 20 for what must confirm soon
            ConfirmationTarget::NonAnchorChannelFee => 2_500,
            ConfirmationTarget::OutputSpendingFee => 1_000,
            ConfirmationTarget::UrgentOnChainSweep | ConfirmationTarget::MaximumFeeEstimate => {
                5_000
            }
        }
    }
}
