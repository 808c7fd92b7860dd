//! Channel monitor persistence in memory: each `ChannelMonitor` is kept serialized under its
//! name, every write completes at once (`ChannelMonitorUpdateStatus::Completed`), and
//! everything is gone when the process ends. A restarted node knows no channels.

use std::collections::HashMap;
use std::sync::Mutex;

use lightning::chain::chainmonitor::Persist;
use lightning::chain::channelmonitor::{ChannelMonitor, ChannelMonitorUpdate};
use lightning::chain::ChannelMonitorUpdateStatus;
use lightning::sign::ecdsa::EcdsaChannelSigner;
use lightning::util::persist::MonitorName;
use lightning::util::ser::Writeable;

#[derive(Default)]
pub struct MemoryPersister {
    monitors: Mutex<HashMap<String, Vec<u8>>>,
}

impl MemoryPersister {
    fn store<S: EcdsaChannelSigner>(&self, name: MonitorName, monitor: &ChannelMonitor<S>) {
        let bytes = monitor.encode();
        let mut monitors = self.monitors.lock().unwrap();
        monitors.insert(name.to_string(), bytes);
    }
}

impl<S: EcdsaChannelSigner> Persist<S> for MemoryPersister {
    fn persist_new_channel(
        &self, name: MonitorName, monitor: &ChannelMonitor<S>,
    ) -> ChannelMonitorUpdateStatus {
        self.store(name, monitor);
        eprintln!("ldk-peer: channel monitor {} kept in memory", name);
        ChannelMonitorUpdateStatus::Completed
    }

    fn update_persisted_channel(
        &self, name: MonitorName, _update: Option<&ChannelMonitorUpdate>,
        monitor: &ChannelMonitor<S>,
    ) -> ChannelMonitorUpdateStatus {
        self.store(name, monitor);
        ChannelMonitorUpdateStatus::Completed
    }

    fn archive_persisted_channel(&self, name: MonitorName) {
        self.monitors.lock().unwrap().remove(&name.to_string());
    }
}
