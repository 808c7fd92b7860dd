//! The transaction broadcaster: logs what LDK would broadcast and sends nothing anywhere (the
//! node has no chain; a funding outpoint from a conformance case exists nowhere).

use lightning::bitcoin::Transaction;
use lightning::chain::chaininterface::BroadcasterInterface;

pub struct LogOnlyBroadcaster;

impl BroadcasterInterface for LogOnlyBroadcaster {
    fn broadcast_transactions(&self, txs: &[&Transaction]) {
        for tx in txs {
            eprintln!(
                "ldk-peer: not broadcasting transaction {} ({} weight units): the node has no chain",
                tx.compute_txid(),
                tx.weight().to_wu()
            );
        }
    }
}
