//! ldk-peer: a minimal Lightning peer built on LDK (`lightning` + `lightning-net-tokio`)
//! for the lnconform conformance suite.
//!
//! It runs a `PeerManager` with no channel, onion or custom message logic
//! (`ErroringMessageHandler` for channel messages, `IgnoringMessageHandler` for onion
//! and custom messages), so it speaks BOLT 8 (Noise transport) and BOLT 1 (init,
//! ping/pong, error, warning) exactly as LDK does, and answers channel messages with an
//! `error`. Gossip goes to LDK's own `P2PGossipSync` over an empty regtest
//! `NetworkGraph` with no chain lookup, so BOLT 7 gossip queries are answered as LDK
//! answers them. There is no chain source and no persistence.
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

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpListener as StdTcpListener, TcpStream as StdTcpStream};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use lightning::bitcoin::secp256k1::PublicKey;
use lightning::bitcoin::Network;
use lightning::ln::peer_handler::{IgnoringMessageHandler, PeerManager};
use lightning::routing::gossip::{NetworkGraph, P2PGossipSync};
use lightning::routing::utxo::UtxoLookup;
use lightning::sign::{KeysManager, NodeSigner, Recipient};
use lightning::util::logger::{Level, Logger, Record};
use lightning_net_tokio::SocketDescriptor;

struct StderrLogger {
    min: Option<Level>,
}

impl Logger for StderrLogger {
    fn log(&self, record: Record) {
        let min = match self.min {
            Some(m) => m,
            None => return,
        };
        if record.level < min {
            return;
        }
        let peer = record
            .peer_id
            .map(|p| format!(" peer={}", p))
            .unwrap_or_default();
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let line = format!(
            "{}.{:03} {:<5} [{}:{}]{} {}\n",
            now.as_secs(),
            now.subsec_millis(),
            record.level,
            record.module_path,
            record.line,
            peer,
            record.args
        );
        let _ = std::io::stderr().write_all(line.as_bytes());
    }
}

/// BOLT 7 gossip: LDK's own handler over an empty graph, with no chain lookup, so gossip queries
/// are answered as LDK answers them.
type Graph = Arc<NetworkGraph<Arc<StderrLogger>>>;
type Gossip = P2PGossipSync<Graph, Arc<dyn UtxoLookup + Send + Sync>, Arc<StderrLogger>>;

type Pm = PeerManager<
    SocketDescriptor,
    lightning::ln::peer_handler::ErroringMessageHandler,
    Arc<Gossip>,
    IgnoringMessageHandler,
    Arc<StderrLogger>,
    IgnoringMessageHandler,
    Arc<KeysManager>,
    IgnoringMessageHandler,
>;

struct Config {
    host: IpAddr,
    port: u16,
    seed: Option<[u8; 32]>,
    tick: Duration,
    log: Option<Level>,
    connect: Vec<(PublicKey, SocketAddr)>,
    control: Option<u16>,
}

fn die(msg: &str) -> ! {
    eprintln!("ldk-peer: {}", msg);
    std::process::exit(2);
}

fn parse_hex32(s: &str) -> Result<[u8; 32], String> {
    let s = s.trim();
    if s.len() != 64 {
        return Err(format!("expected 64 hex characters, got {}", s.len()));
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn parse_level(s: &str) -> Option<Level> {
    match s.to_ascii_lowercase().as_str() {
        "gossip" => Some(Level::Gossip),
        "trace" => Some(Level::Trace),
        "debug" => Some(Level::Debug),
        "info" => Some(Level::Info),
        "warn" | "warning" => Some(Level::Warn),
        "error" => Some(Level::Error),
        "off" | "none" => None,
        other => die(&format!("unknown log level {:?}", other)),
    }
}

/// `PUBKEY@HOST:PORT` with a loopback host: where the node may dial.
fn parse_peer(s: &str) -> Result<(PublicKey, SocketAddr), String> {
    let (pk, addr) = s
        .split_once('@')
        .ok_or_else(|| format!("{:?}: want PUBKEY@HOST:PORT", s))?;
    let pk: PublicKey = pk
        .parse()
        .map_err(|e| format!("{:?}: bad pubkey: {}", s, e))?;
    let addr: SocketAddr = addr
        .parse()
        .map_err(|e| format!("{:?}: bad address: {}", s, e))?;
    if !addr.ip().is_loopback() {
        return Err(format!("{:?}: only loopback addresses are allowed", s));
    }
    Ok((pk, addr))
}

fn parse_connect(s: &str) -> (PublicKey, SocketAddr) {
    parse_peer(s).unwrap_or_else(|e| die(&format!("--connect {}", e)))
}

fn parse_config() -> Config {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    let mut host = env("LDK_HOST").unwrap_or_else(|| "127.0.0.1".into());
    let mut port = env("LDK_PORT").unwrap_or_else(|| "9735".into());
    let mut seed = env("LDK_SEED");
    let mut tick = env("LDK_TICK_SECS").unwrap_or_else(|| "10".into());
    let mut log = env("LDK_LOG").unwrap_or_else(|| "info".into());
    let mut control = env("LDK_CONTROL");
    let mut connect: Vec<String> = env("LDK_CONNECT")
        .map(|v| {
            v.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();

    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| {
            args.next()
                .unwrap_or_else(|| die(&format!("{} needs a value", name)))
        };
        match a.as_str() {
            "--port" => port = val("--port"),
            "--host" => host = val("--host"),
            "--seed" => seed = Some(val("--seed")),
            "--tick-secs" => tick = val("--tick-secs"),
            "--log" => log = val("--log"),
            "--connect" => connect.push(val("--connect")),
            "--control" => control = Some(val("--control")),
            "-h" | "--help" => {
                println!(
                    "usage: ldk-peer [--port N] [--host 127.0.0.1] [--seed HEX64] [--tick-secs N] \
					 [--log LEVEL] [--connect PUBKEY@HOST:PORT]... [--control PORT]\n\
					 env: LDK_PORT LDK_HOST LDK_SEED LDK_TICK_SECS LDK_LOG LDK_CONNECT LDK_CONTROL"
                );
                std::process::exit(0);
            }
            other if !other.starts_with('-') => port = other.to_string(),
            other => die(&format!("unknown argument {:?} (try --help)", other)),
        }
    }

    let host: IpAddr = host
        .parse()
        .unwrap_or_else(|e| die(&format!("bad host {:?}: {}", host, e)));
    if !host.is_loopback() {
        die(&format!(
            "host {} is not a loopback address; refusing to listen on it",
            host
        ));
    }
    let port: u16 = port
        .parse()
        .unwrap_or_else(|e| die(&format!("bad port {:?}: {}", port, e)));
    let seed = seed.map(|s| parse_hex32(&s).unwrap_or_else(|e| die(&format!("bad seed: {}", e))));
    let tick: u64 = tick
        .parse()
        .unwrap_or_else(|e| die(&format!("bad tick {:?}: {}", tick, e)));
    if tick == 0 {
        die("tick must be at least 1 second");
    }
    Config {
        host,
        port,
        seed,
        tick: Duration::from_secs(tick),
        log: parse_level(&log),
        connect: connect.iter().map(|s| parse_connect(s)).collect(),
        control: control.map(|c| {
            c.parse()
                .unwrap_or_else(|e| die(&format!("bad control port {:?}: {}", c, e)))
        }),
    }
}

fn random32() -> [u8; 32] {
    let mut b = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut b))
        .unwrap_or_else(|e| die(&format!("cannot read /dev/urandom: {}", e)));
    b
}

/// Opens a TCP connection to `pk@addr` and hands it to LDK, which starts the BOLT 8 handshake
/// as initiator; the returned future runs the connection until it ends.
async fn dial(
    pm: Arc<Pm>, pk: PublicKey, addr: SocketAddr,
) -> Option<impl std::future::Future<Output = ()>> {
    let fut = lightning_net_tokio::connect_outbound(pm, pk, addr).await;
    match &fut {
        Some(_) => eprintln!("ldk-peer: connected to {}@{}", pk, addr),
        None => eprintln!("ldk-peer: could not connect to {}@{}", pk, addr),
    }
    fut
}

/// The control interface: one command per line, one reply line per command.
///
/// * `connect PUBKEY@HOST:PORT` (loopback only): dials out; `ok connected …` once the TCP
///   connection is open and LDK has sent Act One (the handshake goes on in the background),
///   `error …` if the address is refused or the TCP connect fails (10 s limit).
/// * `peers`: `ok` followed by the node ids whose handshake is complete, space separated.
mod control {
    use super::*;

    pub fn serve(listener: StdTcpListener, pm: Arc<Pm>, rt: tokio::runtime::Handle) {
        for stream in listener.incoming() {
            match stream {
                Ok(s) => {
                    let (pm, rt) = (Arc::clone(&pm), rt.clone());
                    std::thread::spawn(move || session(s, pm, rt));
                }
                Err(e) => eprintln!("ldk-peer: control accept failed: {}", e),
            }
        }
    }

    fn session(stream: StdTcpStream, pm: Arc<Pm>, rt: tokio::runtime::Handle) {
        let mut out = match stream.try_clone() {
            Ok(s) => s,
            Err(e) => return eprintln!("ldk-peer: control: {}", e),
        };
        for line in BufReader::new(stream).lines() {
            let line = match line {
                Ok(l) => l,
                Err(_) => return,
            };
            let reply = command(line.trim(), &pm, &rt);
            if reply.is_empty() {
                continue;
            }
            if writeln!(out, "{}", reply).and_then(|_| out.flush()).is_err() {
                return;
            }
        }
    }

    fn command(line: &str, pm: &Arc<Pm>, rt: &tokio::runtime::Handle) -> String {
        let (verb, arg) = line.split_once(' ').unwrap_or((line, ""));
        match (verb, arg.trim()) {
            ("", _) => String::new(),
            ("connect", target) => match parse_peer(target) {
                Err(e) => format!("error {}", e),
                Ok((pk, addr)) => {
                    eprintln!("ldk-peer: control: connect {}@{}", pk, addr);
                    match rt.block_on(dial(Arc::clone(pm), pk, addr)) {
                        Some(fut) => {
                            rt.spawn(async move {
                                fut.await;
                                eprintln!("ldk-peer: disconnected from {}@{}", pk, addr);
                            });
                            format!("ok connected {}@{}", pk, addr)
                        }
                        None => format!("error could not connect to {}@{}", pk, addr),
                    }
                }
            },
            ("peers", "") => {
                let ids: Vec<String> = pm
                    .list_peers()
                    .iter()
                    .map(|p| p.counterparty_node_id.to_string())
                    .collect();
                format!("ok {}", ids.join(" ")).trim_end().to_string()
            }
            _ => format!(
                "error unknown command {:?} (commands: connect PUBKEY@HOST:PORT, peers)",
                line
            ),
        }
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let cfg = parse_config();

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

    let graph: Graph = Arc::new(NetworkGraph::new(Network::Regtest, Arc::clone(&logger)));
    let gossip: Arc<Gossip> = Arc::new(P2PGossipSync::new(graph, None, Arc::clone(&logger)));
    let peer_manager: Arc<Pm> = Arc::new(PeerManager::new_routing_only(
        gossip,
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

    // lightning-net-tokio calls process_events() after reads; message handlers may
    // also queue messages at other times, so flush them periodically as well.
    let pm = Arc::clone(&peer_manager);
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_millis(100));
        loop {
            interval.tick().await;
            pm.process_events();
        }
    });

    for (pk, addr) in cfg.connect {
        let pm = Arc::clone(&peer_manager);
        tokio::spawn(async move {
            if let Some(fut) = dial(pm, pk, addr).await {
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
