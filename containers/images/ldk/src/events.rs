//! What the node does with LDK's events: it accepts every inbound channel request (it is the
//! fundee, with no funds of its own at stake) and logs everything else. Events that would need
//! a wallet or a chain (funding, sweeping, fee bumping) are logged and dropped.

use std::sync::atomic::{AtomicU64, Ordering};

use lightning::events::{Event, ReplayEvent};
use lightning::types::features::ChannelTypeFeatures;

use crate::channels::Manager;

/// `user_channel_id` for each accepted channel: a counter, only for the logs.
static NEXT_USER_CHANNEL_ID: AtomicU64 = AtomicU64::new(1);

/// Handles one event from the channel manager or the chain monitor.
pub fn handle(manager: &Manager, event: Event) -> Result<(), ReplayEvent> {
    match event {
        Event::OpenChannelRequest {
            temporary_channel_id,
            counterparty_node_id,
            funding_satoshis,
            channel_type,
            ..
        } => {
            let id = NEXT_USER_CHANNEL_ID.fetch_add(1, Ordering::Relaxed) as u128;
            match manager.accept_inbound_channel(
                &temporary_channel_id,
                &counterparty_node_id,
                id,
                None,
            ) {
                Ok(()) => eprintln!(
                    "ldk-peer: accepted channel {} from {} ({} sat, channel_type bits {:?})",
                    temporary_channel_id,
                    counterparty_node_id,
                    funding_satoshis,
                    bits(&channel_type)
                ),
                // e.g. the peer left before we got here: LDK has dropped the request already
                Err(e) => eprintln!(
                    "ldk-peer: could not accept channel {} from {}: {:?}",
                    temporary_channel_id, counterparty_node_id, e
                ),
            }
        }
        Event::ChannelPending {
            channel_id,
            counterparty_node_id,
            funding_txo,
            ..
        } => eprintln!(
            "ldk-peer: channel {} with {} pending, funding outpoint {} (never confirms here)",
            channel_id, counterparty_node_id, funding_txo
        ),
        Event::ChannelClosed {
            channel_id,
            counterparty_node_id,
            reason,
            ..
        } => eprintln!(
            "ldk-peer: channel {} with {} closed: {}",
            channel_id,
            counterparty_node_id
                .map(|p| p.to_string())
                .unwrap_or_else(|| "?".into()),
            reason
        ),
        other => eprintln!("ldk-peer: event not acted on: {:?}", other),
    }
    Ok(())
}

/// The feature bits set in a channel type, as BOLT 2 names them (e.g. `[12, 22]`).
fn bits(channel_type: &ChannelTypeFeatures) -> Vec<usize> {
    let flags = channel_type.le_flags();
    (0..flags.len() * 8)
        .filter(|&b| flags[b / 8] & (1 << (b % 8)) != 0)
        .collect()
}
