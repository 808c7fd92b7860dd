//! ldk-peer: a minimal Lightning node built on LDK (`lightning` + `lightning-net-tokio`) for the
//! lnconform conformance suite.
//!
//! It runs a `PeerManager` whose channel messages go to LDK's `ChannelManager` (see `channels`),
//! so it speaks BOLT 8 (Noise transport), BOLT 1 (init, ping/pong, error, warning) and BOLT 2
//! v1 channel establishment exactly as LDK does: it accepts every inbound channel (`events`)
//! and answers `funding_created` with `funding_signed`. It is always the fundee, holds no funds,
//! has no chain source (regtest, at the genesis block), broadcasts nothing (`broadcast`) and
//! keeps channel state in memory only (`persist`). Gossip goes to LDK's own `P2PGossipSync`
//! over an empty regtest `NetworkGraph` with no chain lookup, so BOLT 7 gossip queries are
//! answered as LDK answers them. Onion and custom messages are ignored.
//!
//! Configuration (command-line flags win over environment variables):
//!
//! | flag                     | env              | default      |
//! |--------------------------|------------------|--------------|
//! | `--port N` (or bare `N`) | `LDK_PORT`       | 9735 (0 = any free port) |
//! | `--host A`               | `LDK_HOST`       | 127.0.0.1 (loopback only) |
//! | `--seed HEX64`           | `LDK_SEED`       | random       |
//! | `--tick-secs N`          | `LDK_TICK_SECS`  | 10           |
//! | `--log LEVEL`            | `LDK_LOG`        | info (gossip/trace/debug/info/warn/error/off) |
//! | `--connect PK@A:P` (repeatable) | `LDK_CONNECT` (comma separated) | none |
//! | `--control N`            | `LDK_CONTROL`    | none (0 = any free port) |
//!
//! With `--control`, a line-based control interface listens on the same loopback host
//! (see `control`): `connect PUBKEY@HOST:PORT` makes the node dial out, `peers` lists the
//! peers whose handshake is complete. Each command gets one reply line, `ok …` or `error …`.
//!
//! On start it prints, if the control interface is on, `CONTROL <host>:<port>`, then
//! `URI <pubkey-hex>@<host>:<port>` (always the last line), flushes, and serves until killed.
//! Logs go to stderr.

mod broadcast;
mod channels;
mod config;
mod control;
mod events;
mod fees;
mod logger;
mod persist;

use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener as StdTcpListener};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lightning::events::EventsProvider;
use lightning::ln::peer_handler::{IgnoringMessageHandler, MessageHandler, PeerManager};
use lightning::routing::gossip::{NetworkGraph, P2PGossipSync};
use lightning::routing::utxo::UtxoLookup;
use lightning::sign::{KeysManager, NodeSigner, Recipient};
use lightning_net_tokio::SocketDescriptor;

use crate::channels::{ChainMon, Manager};
use crate::config::die;
use crate::logger::StderrLogger;

/// BOLT 7 gossip: LDK's own handler over an empty graph, with no chain lookup, so gossip queries
/// are answered as LDK answers them.
pub type Graph = Arc<NetworkGraph<Arc<StderrLogger>>>;
type Gossip = P2PGossipSync<Graph, Arc<dyn UtxoLookup + Send + Sync>, Arc<StderrLogger>>;

pub type Pm = PeerManager<
    SocketDescriptor,
    Arc<Manager>,
    Arc<Gossip>,
    IgnoringMessageHandler,
    Arc<StderrLogger>,
    IgnoringMessageHandler,
    Arc<KeysManager>,
    Arc<ChainMon>,
>;

/// LDK's `BackgroundProcessor` ticks the channel manager once a minute.
const MANAGER_TICK: Duration = Duration::from_secs(60);
/// How often queued messages are flushed when no event wakes the loop.
const FLUSH_INTERVAL: Duration = Duration::from_millis(100);

fn random32() -> [u8; 32] {
    let mut b = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut b))
        .unwrap_or_else(|e| die(&format!("cannot read /dev/urandom: {}", e)));
    b
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let cfg = config::parse_config();

    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock before 1970");
    let seed = cfg.seed.unwrap_or_else(random32);
    let keys = Arc::new(KeysManager::new(
        &seed,
        now.as_secs(),
        now.subsec_nanos(),
        true,
    ));
    let node_id = keys.get_node_id(Recipient::Node).expect("node id");
    let logger = Arc::new(StderrLogger { min: cfg.log });

    let graph: Graph = Arc::new(NetworkGraph::new(channels::NETWORK, Arc::clone(&logger)));
    let gossip: Arc<Gossip> = Arc::new(P2PGossipSync::new(
        Arc::clone(&graph),
        None,
        Arc::clone(&logger),
    ));
    let (chain_monitor, manager) = channels::build(&keys, &logger, &graph, now.as_secs() as u32);
    let peer_manager: Arc<Pm> = Arc::new(PeerManager::new(
        MessageHandler {
            chan_handler: Arc::clone(&manager),
            route_handler: gossip,
            onion_message_handler: IgnoringMessageHandler {},
            custom_message_handler: IgnoringMessageHandler {},
            send_only_message_handler: Arc::clone(&chain_monitor),
        },
        now.as_secs() as u32,
        &random32(),
        logger,
        Arc::clone(&keys),
    ));

    let bind = SocketAddr::new(cfg.host, cfg.port);
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .unwrap_or_else(|e| die(&format!("cannot listen on {}: {}", bind, e)));
    let local = listener.local_addr().expect("local addr");
    let control = cfg.control.map(|port| {
        let bind = SocketAddr::new(cfg.host, port);
        StdTcpListener::bind(bind)
            .unwrap_or_else(|e| die(&format!("cannot listen for control on {}: {}", bind, e)))
    });

    {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let host = match local.ip() {
            IpAddr::V6(v6) => format!("[{}]", v6),
            IpAddr::V4(v4) => v4.to_string(),
        };
        if let Some(c) = &control {
            let port = c.local_addr().expect("control addr").port();
            writeln!(out, "CONTROL {}:{}", host, port).expect("stdout");
        }
        writeln!(out, "URI {}@{}:{}", node_id, host, local.port()).expect("stdout");
        out.flush().expect("stdout");
    }

    if let Some(c) = control {
        let pm = Arc::clone(&peer_manager);
        let rt = tokio::runtime::Handle::current();
        std::thread::spawn(move || control::serve(c, pm, rt));
    }

    // Exit promptly on SIGTERM / SIGINT: as PID 1 in a container the process gets no
    // default signal handling, so without this `docker stop` would wait for SIGKILL.
    tokio::spawn(async {
        use tokio::signal::unix::{signal, SignalKind};
        let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
        let mut int = signal(SignalKind::interrupt()).expect("SIGINT handler");
        tokio::select! {
            _ = term.recv() => {},
            _ = int.recv() => {},
        }
        eprintln!("ldk-peer: signal received, exiting");
        std::process::exit(0);
    });

    // Ping / handshake-timeout timer. LDK gives a peer one full tick to finish the
    // Noise handshake and one tick to answer each ping before disconnecting it.
    let pm = Arc::clone(&peer_manager);
    let tick = cfg.tick;
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(tick);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        interval.tick().await; // the first tick completes at once
        loop {
            interval.tick().await;
            pm.timer_tick_occurred();
        }
    });

    // The channel manager's own timer: it drops channel requests and unfunded channels that
    // have waited too long.
    let cm = Arc::clone(&manager);
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(MANAGER_TICK);
        interval.tick().await;
        loop {
            interval.tick().await;
            cm.timer_tick_occurred();
        }
    });

    // Events first (an accepted open_channel queues accept_channel), then the messages they
    // queued. lightning-net-tokio calls process_events() after reads as well; handlers also
    // queue messages at other times, so the loop wakes on events and every FLUSH_INTERVAL.
    let (cm, mon, pm) = (
        Arc::clone(&manager),
        chain_monitor,
        Arc::clone(&peer_manager),
    );
    tokio::spawn(async move {
        let mut flush = tokio::time::interval(FLUSH_INTERVAL);
        loop {
            tokio::select! {
                _ = cm.get_event_or_persistence_needed_future() => {},
                _ = mon.get_update_future() => {},
                _ = flush.tick() => {},
            }
            cm.process_pending_events(&|e| events::handle(&cm, e));
            mon.process_pending_events(&|e| events::handle(&cm, e));
            pm.process_events();
        }
    });

    for (pk, addr) in cfg.connect {
        let pm = Arc::clone(&peer_manager);
        tokio::spawn(async move {
            if let Some(fut) = control::dial(pm, pk, addr).await {
                fut.await;
                eprintln!("ldk-peer: disconnected from {}@{}", pk, addr);
            }
        });
    }

    loop {
        match listener.accept().await {
            Ok((stream, _remote)) => {
                let std_stream = match stream.into_std() {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!("ldk-peer: into_std failed: {}", e);
                        continue;
                    }
                };
                let pm = Arc::clone(&peer_manager);
                tokio::spawn(async move {
                    lightning_net_tokio::setup_inbound(pm, std_stream).await;
                });
            }
            Err(e) => {
                eprintln!("ldk-peer: accept failed: {}", e);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}
