//! The control interface: one command per line, one reply line per command.
//!
//! * `connect PUBKEY@HOST:PORT` (loopback only): dials out; `ok connected …` once the TCP
//!   connection is open and LDK has sent Act One (the handshake goes on in the background),
//!   `error …` if the address is refused or the TCP connect fails (10 s limit).
//! * `peers`: `ok` followed by the node ids whose handshake is complete, space separated.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener as StdTcpListener, TcpStream as StdTcpStream};
use std::sync::Arc;

use lightning::bitcoin::secp256k1::PublicKey;

use crate::config::parse_peer;
use crate::Pm;

/// Opens a TCP connection to `pk@addr` and hands it to LDK, which starts the BOLT 8 handshake
/// as initiator; the returned future runs the connection until it ends.
pub async fn dial(
    pm: Arc<Pm>, pk: PublicKey, addr: SocketAddr,
) -> Option<impl std::future::Future<Output = ()>> {
    let fut = lightning_net_tokio::connect_outbound(pm, pk, addr).await;
    match &fut {
        Some(_) => eprintln!("ldk-peer: connected to {}@{}", pk, addr),
        None => eprintln!("ldk-peer: could not connect to {}@{}", pk, addr),
    }
    fut
}

/// Serves control connections until the process ends, one thread per connection.
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
        if writeln!(out, "{}", reply)
            .and_then(|_| out.flush())
            .is_err()
        {
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
