//! What can go wrong in the network layer, as data: each failure keeps what
//! it concerns (the file, the port, the table) and says it in words when
//! displayed, as the store's `StoreError` does.

use std::path::PathBuf;

use thiserror::Error;

/// A failure of the workshop or of its network.
#[derive(Debug, Error)]
pub enum NetError {
    /// The case does not load: its diagnostics, one per line.
    #[error("{0}")]
    Case(String),
    /// The journal cannot be created, written or read.
    #[cfg(not(target_arch = "wasm32"))]
    #[error(transparent)]
    Journal(#[from] faisceau_store::StoreError),
    /// The journal's join code is not one (the file was edited).
    #[error("{path}: {why}")]
    JournalCode {
        /// The journal.
        path: PathBuf,
        /// What is wrong with the code.
        why: String,
    },
    /// A table's events in the journal do not replay with this case.
    #[error("{path}: the journal does not replay: {why}")]
    Replay {
        /// The journal.
        path: PathBuf,
        /// The engine's reason.
        why: String,
    },
    /// No table with this number (from 0).
    #[error("no such table: {0}")]
    NoSuchTable(usize),
    /// No role with this id in the case.
    #[error("no such role: {0}")]
    NoSuchRole(String),
    /// The engine refused a trainer's command.
    #[error("{0}")]
    Refused(faisceau_engine::Refusal),
    /// A port could not be opened.
    #[error(
        "cannot listen on {protocol} port {port}: {source}; is another workshop running? Choose another with --port"
    )]
    Listen {
        /// "UDP" or "TCP".
        protocol: &'static str,
        /// The port.
        port: u16,
        /// The system's reason.
        source: std::io::Error,
    },
    /// A socket failed.
    #[error("network: {0}")]
    Socket(#[from] std::io::Error),
    /// netcode refused to make a connect token or a transport.
    #[error("cannot open the connection: {0}")]
    Netcode(String),
    /// The browser could not open its link to the host.
    #[error("cannot open the link to the host: {0}")]
    Browser(String),
}

/// For the command line and the windows, which show errors as text.
impl From<NetError> for String {
    fn from(error: NetError) -> String {
        error.to_string()
    }
}
