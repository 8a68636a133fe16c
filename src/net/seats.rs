//! Seat tokens kept on the trainee's computer, so that a client restarted
//! after a crash takes its seat back by itself: the host gives a token when
//! a person sits, and only that token (not the name) gives the seat back.
//!
//! One line per seat in `seat-tokens` under the user's data directory
//! (`$FAISCEAU_DATA_DIR`, else `$XDG_DATA_HOME/faisceau`, else
//! `~/.local/share/faisceau`; `%APPDATA%\faisceau` on Windows), readable by
//! its owner only. A workshop is known by a digest of its key, not by the key.

use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use super::code::Keys;

/// Lines kept: the most recent seats only.
const KEPT: usize = 64;

/// Where Faisceau keeps what it remembers for this user.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("FAISCEAU_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    if cfg!(windows) {
        return std::env::var_os("APPDATA").map(|d| PathBuf::from(d).join("faisceau"));
    }
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME") {
        return Some(PathBuf::from(dir).join("faisceau"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share/faisceau"))
}

fn file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("seat-tokens"))
}

/// A workshop's identity in the file: a digest of its key.
fn workshop_id(keys: &Keys) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    keys.netcode.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// The kept lines as text: the file, or in a browser the page's local storage.
fn read_text() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return web_storage()?.get_item(STORAGE_KEY).ok()?;
    #[cfg(not(target_arch = "wasm32"))]
    file().and_then(|f| std::fs::read_to_string(f).ok())
}

/// In a browser: the tokens stay in the local storage of the host's page,
/// which only that page (same address and port) can read.
#[cfg(target_arch = "wasm32")]
const STORAGE_KEY: &str = "faisceau-seat-tokens";

#[cfg(target_arch = "wasm32")]
fn web_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn lines() -> Vec<(String, String, u64)> {
    let Some(text) = read_text() else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            let workshop = parts.next()?.to_owned();
            let token = parts.next()?.parse().ok()?;
            let name = parts.next()?.to_owned();
            Some((workshop, name, token))
        })
        .collect()
}

/// The token this computer was given for `name` at the workshop of `keys`.
pub fn recall(keys: &Keys, name: &str) -> Option<u64> {
    let id = workshop_id(keys);
    lines()
        .into_iter()
        .rev()
        .find(|(w, n, _)| *w == id && n == name)
        .map(|(_, _, t)| t)
}

/// Keeps the token given for `name` at the workshop of `keys`. Failing to
/// write is not fatal: the trainer can still reseat the person.
pub fn remember(keys: &Keys, name: &str, token: u64) {
    let id = workshop_id(keys);
    let mut kept: Vec<_> = lines()
        .into_iter()
        .filter(|(w, n, _)| !(*w == id && n == name))
        .collect();
    kept.push((id, name.to_owned(), token));
    let start = kept.len().saturating_sub(KEPT);
    let text: String = kept[start..]
        .iter()
        .map(|(w, n, t)| format!("{w}\t{t}\t{}\n", n.replace(['\n', '\t'], " ")))
        .collect();
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = web_storage()
        && storage.set_item(STORAGE_KEY, &text).is_err()
    {
        tracing::warn!("cannot keep the seat token in this browser's storage");
    }
    #[cfg(not(target_arch = "wasm32"))]
    write_file(&text);
}

#[cfg(not(target_arch = "wasm32"))]
fn write_file(text: &str) {
    let Some(path) = file() else { return };
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(e) = write_private(&path, text) {
        tracing::warn!("cannot keep the seat token in {}: {e}", path.display());
    }
}

fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    use std::io::Write;
    options.open(path)?.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::code::JoinCode;

    #[test]
    fn a_token_is_kept_per_workshop_and_name_and_only_for_its_owner() {
        let dir = std::env::temp_dir().join(format!("faisceau-seats-{}", std::process::id()));
        // SAFETY: set once, before any other thread of this test reads it.
        unsafe { std::env::set_var("FAISCEAU_DATA_DIR", &dir) };
        let one = JoinCode::parse("K7QX-M2PD").unwrap().keys();
        let other = JoinCode::generate().keys();
        assert_eq!(recall(&one, "Inès"), None);
        remember(&one, "Inès", 17);
        remember(&other, "Inès", 18);
        remember(&one, "Marc", 19);
        remember(&one, "Inès", 20);
        assert_eq!(recall(&one, "Inès"), Some(20));
        assert_eq!(recall(&other, "Inès"), Some(18));
        assert_eq!(recall(&one, "Marc"), Some(19));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join("seat-tokens"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
