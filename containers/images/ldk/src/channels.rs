//! The channel stack: LDK's `ChannelManager` over a `ChainMonitor`, with no chain source and no
//! funds. It takes part in v1 channel establishment as the fundee (BOLT 2, Channel
//! Establishment v1): it answers `open_channel` with `accept_channel` once `events` accepts the
//! request, and `funding_created` with `funding_signed`. Nothing is ever broadcast.

use std::sync::{Arc, RwLock};

use lightning::bitcoin::Network;
use lightning::chain::chainmonitor::ChainMonitor;
use lightning::chain::{BestBlock, Filter};
use lightning::ln::channelmanager::{ChainParameters, ChannelManager, SimpleArcChannelManager};
use lightning::onion_message::messenger::DefaultMessageRouter;
use lightning::routing::router::DefaultRouter;
use lightning::routing::scoring::{
    ProbabilisticScorer, ProbabilisticScoringDecayParameters, ProbabilisticScoringFeeParameters,
};
use lightning::sign::{InMemorySigner, KeysManager, NodeSigner};
use lightning::util::config::UserConfig;

use crate::broadcast::LogOnlyBroadcaster;
use crate::fees::RegtestFees;
use crate::logger::StderrLogger;
use crate::persist::MemoryPersister;
use crate::Graph;

pub const NETWORK: Network = Network::Regtest;

pub type ChainMon = ChainMonitor<
    InMemorySigner,
    Arc<dyn Filter + Send + Sync>,
    Arc<LogOnlyBroadcaster>,
    Arc<RegtestFees>,
    Arc<StderrLogger>,
    Arc<MemoryPersister>,
    Arc<KeysManager>,
>;

/// LDK's own alias for a `ChannelManager` held in `Arc`s with `KeysManager` signers.
pub type Manager = SimpleArcChannelManager<ChainMon, LogOnlyBroadcaster, RegtestFees, StderrLogger>;

/// The configuration a node offering anchor channels uses (see the image README):
/// LDK's defaults, plus `option_anchors_zero_fee_htlc_tx` offered, which LDK lets a node
/// accept only by hand (`manually_accept_inbound_channels`; `events` accepts every request).
pub fn user_config() -> UserConfig {
    let mut config = UserConfig::default();
    config
        .channel_handshake_config
        .negotiate_anchors_zero_fee_htlc_tx = true;
    config.manually_accept_inbound_channels = true;
    config
}

/// The chain monitor and the channel manager on regtest, at the genesis block: the node has no
/// chain source, so it never learns of a later block and no funding ever confirms.
pub fn build(
    keys: &Arc<KeysManager>, logger: &Arc<StderrLogger>, graph: &Graph, now_secs: u32,
) -> (Arc<ChainMon>, Arc<Manager>) {
    let broadcaster = Arc::new(LogOnlyBroadcaster);
    let fees = Arc::new(RegtestFees);
    let chain_monitor: Arc<ChainMon> = Arc::new(ChainMonitor::new(
        None,
        Arc::clone(&broadcaster),
        Arc::clone(logger),
        Arc::clone(&fees),
        Arc::new(MemoryPersister::default()),
        Arc::clone(keys),
        keys.get_peer_storage_key(),
    ));
    // Routing is never used (the node pays no one), but LDK requires a router: the default one
    // over the node's (empty) graph.
    let scorer = Arc::new(RwLock::new(ProbabilisticScorer::new(
        ProbabilisticScoringDecayParameters::default(),
        Arc::clone(graph),
        Arc::clone(logger),
    )));
    let router = Arc::new(DefaultRouter::new(
        Arc::clone(graph),
        Arc::clone(logger),
        Arc::clone(keys),
        scorer,
        ProbabilisticScoringFeeParameters::default(),
    ));
    let message_router = Arc::new(DefaultMessageRouter::new(
        Arc::clone(graph),
        Arc::clone(keys),
    ));
    let params = ChainParameters {
        network: NETWORK,
        best_block: BestBlock::from_network(NETWORK),
    };
    let manager = Arc::new(ChannelManager::new(
        fees,
        Arc::clone(&chain_monitor),
        broadcaster,
        router,
        message_router,
        Arc::clone(logger),
        Arc::clone(keys),
        Arc::clone(keys),
        Arc::clone(keys),
        user_config(),
        params,
        now_secs,
    ));
    (chain_monitor, manager)
}
