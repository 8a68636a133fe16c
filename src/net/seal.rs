//! The browser's link to the host: WebSocket frames sealed with a key that
//! comes from the join code, as netcode seals UDP packets.
//!
//! 1. The host greets in clear: [`GREETING`], a fresh 16-byte nonce, its version.
//! 2. The browser answers with its own fresh nonce and a sealed [`PROOF`].
//!    Both sides now hold a key for this connection only, derived from the
//!    code's web key and the two nonces.
//! 3. The host opens the proof (the code was right) and answers with the
//!    workshop's name, sealed; or refuses in clear ([`REFUSAL`] and a
//!    reason: wrong code, too many attempts, another version) and closes.
//! 4. Every frame after that is sealed (ChaCha20-Poly1305): a channel byte
//!    and a replicon message. Each direction counts its frames and the
//!    count is the nonce, so a frame replayed, reordered or sent on another
//!    connection does not open and ends the connection.

use blake2::{Blake2s256, Digest};
use chacha20poly1305::aead::Aead;
use chacha20poly1305::{ChaCha20Poly1305, Key, KeyInit, Nonce};

/// The host's greeting starts with these bytes.
pub const GREETING: &[u8; 4] = b"FSW1";

/// A refusal in clear starts with these bytes.
pub const REFUSAL: &[u8; 4] = b"FSWX";

/// What the browser seals to prove it has the code.
pub const PROOF: &[u8] = b"faisceau web hello";

/// Length of each side's nonce.
pub const NONCE_LEN: usize = 16;

/// Why the host refused a browser before it joined.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // read in the browser and the tests
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WebRefusal {
    /// The proof did not open: the code is wrong.
    WrongCode,
    /// Too many wrong codes from this address lately.
    SlowDown,
    /// The page and the host are different versions (the host's).
    Version(String),
}

/// The host's greeting.
pub fn greeting(nonce: &[u8; NONCE_LEN], version: &str) -> Vec<u8> {
    let mut bytes = GREETING.to_vec();
    bytes.extend_from_slice(nonce);
    bytes.extend_from_slice(version.as_bytes());
    bytes
}

/// Reads the host's greeting: its nonce and version.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // read in the browser and the tests
pub fn read_greeting(bytes: &[u8]) -> Option<([u8; NONCE_LEN], String)> {
    let rest = bytes.strip_prefix(GREETING)?;
    if rest.len() < NONCE_LEN || rest.len() > NONCE_LEN + 64 {
        return None;
    }
    let nonce: [u8; NONCE_LEN] = rest[..NONCE_LEN].try_into().ok()?;
    let version = std::str::from_utf8(&rest[NONCE_LEN..]).ok()?.to_owned();
    Some((nonce, version))
}

/// A refusal frame.
pub fn refusal(reason: &WebRefusal) -> Vec<u8> {
    let mut bytes = REFUSAL.to_vec();
    match reason {
        WebRefusal::WrongCode => bytes.push(1),
        WebRefusal::SlowDown => bytes.push(2),
        WebRefusal::Version(version) => {
            bytes.push(3);
            bytes.extend_from_slice(version.as_bytes());
        }
    }
    bytes
}

/// Reads a refusal frame.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // read in the browser and the tests
pub fn read_refusal(bytes: &[u8]) -> Option<WebRefusal> {
    let rest = bytes.strip_prefix(REFUSAL)?;
    match rest.split_first()? {
        (1, _) => Some(WebRefusal::WrongCode),
        (2, _) => Some(WebRefusal::SlowDown),
        (3, version) if version.len() <= 64 => Some(WebRefusal::Version(
            String::from_utf8_lossy(version).into_owned(),
        )),
        _ => None,
    }
}

/// Which end of the link this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The host.
    Host,
    /// The browser.
    Browser,
}

/// One connection's seal: its key and both directions' counts.
#[derive(Clone)]
pub struct Seal {
    cipher: ChaCha20Poly1305,
    side: Side,
    sent: u64,
    received: u64,
}

impl std::fmt::Debug for Seal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Seal(…)")
    }
}

impl Seal {
    /// The seal of the connection where the host said `host_nonce` and the
    /// browser `browser_nonce`, for a workshop whose web key is `web_key`.
    pub fn new(
        web_key: &[u8; 32],
        host_nonce: &[u8; NONCE_LEN],
        browser_nonce: &[u8; NONCE_LEN],
        side: Side,
    ) -> Seal {
        let mut hash = Blake2s256::new();
        hash.update(b"faisceau web connection key v1");
        hash.update(web_key);
        hash.update(host_nonce);
        hash.update(browser_nonce);
        let key = hash.finalize();
        Seal {
            cipher: ChaCha20Poly1305::new(Key::from_slice(&key)),
            side,
            sent: 0,
            received: 0,
        }
    }

    fn nonce(from: Side, count: u64) -> Nonce {
        let mut nonce = [0u8; 12];
        nonce[0] = match from {
            Side::Browser => 0,
            Side::Host => 1,
        };
        nonce[4..].copy_from_slice(&count.to_le_bytes());
        *Nonce::from_slice(&nonce)
    }

    /// Seals the next frame this side sends.
    pub fn seal(&mut self, plain: &[u8]) -> Vec<u8> {
        let nonce = Seal::nonce(self.side, self.sent);
        self.sent += 1;
        self.cipher
            .encrypt(&nonce, plain)
            .expect("ChaCha20-Poly1305 seals any length we send")
    }

    /// Opens the next frame from the other side: none if it was not sealed
    /// with this connection's key at this place in the stream.
    pub fn open(&mut self, sealed: &[u8]) -> Option<Vec<u8>> {
        let other = match self.side {
            Side::Host => Side::Browser,
            Side::Browser => Side::Host,
        };
        let nonce = Seal::nonce(other, self.received);
        let plain = self.cipher.decrypt(&nonce, sealed).ok()?;
        self.received += 1;
        Some(plain)
    }
}

/// A replicon message as a frame's plain text: its channel, then its bytes.
pub fn message(channel: usize, bytes: &[u8]) -> Vec<u8> {
    let mut plain = Vec::with_capacity(bytes.len() + 1);
    plain.push(channel as u8);
    plain.extend_from_slice(bytes);
    plain
}

/// A frame's plain text read back as a channel and a message.
pub fn read_message(plain: &[u8]) -> Option<(u8, &[u8])> {
    plain
        .split_first()
        .map(|(&channel, bytes)| (channel, bytes))
}

/// The web key of a workshop, from its netcode key (both from the code).
pub fn web_key(netcode: &[u8; 32]) -> [u8; 32] {
    let mut hash = Blake2s256::new();
    hash.update(b"faisceau web key v1");
    hash.update(netcode);
    hash.finalize().into()
}

/// A fresh random nonce (the system's randomness; the browser's in a page).
pub fn fresh_nonce() -> [u8; NONCE_LEN] {
    use chacha20poly1305::aead::OsRng;
    use chacha20poly1305::aead::rand_core::RngCore;
    let mut nonce = [0u8; NONCE_LEN];
    OsRng.fill_bytes(&mut nonce);
    nonce
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(key: [u8; 32]) -> (Seal, Seal) {
        let (h, b) = ([1; NONCE_LEN], [2; NONCE_LEN]);
        (
            Seal::new(&key, &h, &b, Side::Host),
            Seal::new(&key, &h, &b, Side::Browser),
        )
    }

    #[test]
    fn frames_open_once_in_order_and_only_with_the_same_code() {
        let (mut host, mut browser) = pair([7; 32]);
        let first = browser.seal(b"hello");
        let second = browser.seal(b"again");
        assert!(
            !first.windows(5).any(|w| w == b"hello"),
            "sealed text is not readable"
        );
        assert_eq!(host.open(&second), None, "out of order");
        assert_eq!(host.open(&first).as_deref(), Some(&b"hello"[..]));
        assert_eq!(host.open(&first), None, "replayed");
        assert_eq!(host.open(&second).as_deref(), Some(&b"again"[..]));
        // The host's own frames do not open as the browser's.
        let down = host.seal(b"view");
        assert_eq!(browser.open(&down).as_deref(), Some(&b"view"[..]));
        let (mut other_host, _) = pair([8; 32]);
        let mut browser = pair([7; 32]).1;
        assert_eq!(other_host.open(&browser.seal(PROOF)), None, "another code");
    }

    #[test]
    fn each_connection_has_its_own_key() {
        let key = [7; 32];
        let mut old = Seal::new(&key, &[1; 16], &[2; 16], Side::Browser);
        let mut new_host = Seal::new(&key, &[3; 16], &[2; 16], Side::Host);
        assert_eq!(new_host.open(&old.seal(PROOF)), None);
    }

    #[test]
    fn greetings_and_refusals_read_back() {
        let nonce = fresh_nonce();
        assert_ne!(nonce, fresh_nonce());
        assert_eq!(
            read_greeting(&greeting(&nonce, "0.1.0")),
            Some((nonce, "0.1.0".to_owned()))
        );
        assert_eq!(read_greeting(b"FSW1short"), None);
        for reason in [
            WebRefusal::WrongCode,
            WebRefusal::SlowDown,
            WebRefusal::Version("9.9".into()),
        ] {
            assert_eq!(read_refusal(&refusal(&reason)), Some(reason));
        }
        assert_eq!(read_refusal(b"FSWX\x09"), None);
        assert_ne!(web_key(&[1; 32]), web_key(&[2; 32]));
        assert_eq!(read_message(&message(3, b"up")), Some((3, &b"up"[..])));
        assert_eq!(read_message(&[]), None);
    }
}
