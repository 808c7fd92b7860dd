//! LDK's log records on stderr, one line each: time, level, source line, peer, text.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use lightning::util::logger::{Level, Logger, Record};

pub struct StderrLogger {
    /// The lowest level printed; `None` prints nothing.
    pub min: Option<Level>,
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
