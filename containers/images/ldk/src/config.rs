//! The node's settings, from command-line flags and environment variables (flags win); see the
//! table in `main.rs`.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use lightning::bitcoin::secp256k1::PublicKey;
use lightning::util::logger::Level;

pub struct Config {
    pub host: IpAddr,
    pub port: u16,
    pub seed: Option<[u8; 32]>,
    pub tick: Duration,
    pub log: Option<Level>,
    pub connect: Vec<(PublicKey, SocketAddr)>,
    pub control: Option<u16>,
}

/// Prints `msg` and exits with status 2 (bad configuration or a failed start).
pub fn die(msg: &str) -> ! {
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
pub fn parse_peer(s: &str) -> Result<(PublicKey, SocketAddr), String> {
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

pub fn parse_config() -> Config {
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
