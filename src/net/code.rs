//! The join code and the keys derived from it.
//!
//! A workshop's join code is 8 characters from a 32-letter alphabet without
//! look-alikes (no I, O, 0 or 1), shown as `K7QX-M2PD`: 40 bits, typed in a
//! few seconds. Everything secret derives from it with Argon2id, a slow,
//! memory-hard function, so that an eavesdropper who captured traffic cannot
//! try every code quickly (see docs/security.md):
//!
//! - the netcode private key, with which a client that knows the code makes
//!   its own connect token and which encrypts every packet's keys;
//! - the door key, which proves knowledge of the code to the host's door
//!   before connecting, so that a wrong code is refused with a message.

use argon2::{Algorithm, Argon2, Params, Version};

/// The code's alphabet: digits and capitals without 0, 1, I and O.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// Characters in a code.
pub const CODE_LEN: usize = 8;

/// A workshop's join code, normalised (capitals, no separator).
#[derive(Clone, PartialEq, Eq)]
pub struct JoinCode(String);

impl std::fmt::Debug for JoinCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The code is a secret: logs never show it.
        f.write_str("JoinCode(…)")
    }
}

/// Why a typed code is not a code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Too short or too long.
    #[error("a join code has {CODE_LEN} characters, such as K7QX-M2PD; this one has {0}")]
    Length(usize),
    /// A character outside the alphabet.
    #[error("`{0}` is not used in join codes (they use digits 2 to 9 and capitals except I and O)")]
    Character(char),
}

impl JoinCode {
    /// A fresh random code.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn generate() -> JoinCode {
        let bytes: [u8; CODE_LEN] = bevy_replicon_renet::netcode::generate_random_bytes();
        JoinCode(
            bytes
                .iter()
                .map(|b| ALPHABET[usize::from(b % 32)] as char)
                .collect(),
        )
    }

    /// Reads a typed code: case, spaces and dashes do not matter; a
    /// character outside the alphabet is refused with a message naming it.
    pub fn parse(typed: &str) -> Result<JoinCode, CodeError> {
        let cleaned: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if let Some(bad) = cleaned
            .chars()
            .find(|c| !ALPHABET.contains(&(*c as u8)) || !c.is_ascii())
        {
            return Err(CodeError::Character(bad));
        }
        if cleaned.chars().count() != CODE_LEN {
            return Err(CodeError::Length(cleaned.chars().count()));
        }
        Ok(JoinCode(cleaned))
    }

    /// The code as stored, without separator.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as shown: `K7QX-M2PD`.
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..4], &self.0[4..])
    }

    /// Derives the workshop's keys. Slow on purpose (tens of milliseconds).
    pub fn keys(&self) -> Keys {
        let params = Params::new(19 * 1024, 2, 1, Some(64)).expect("valid Argon2 parameters");
        let mut out = [0u8; 64];
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(self.0.as_bytes(), SALT, &mut out)
            .expect("Argon2 accepts these lengths");
        let mut netcode = [0u8; 32];
        let mut door = [0u8; 32];
        netcode.copy_from_slice(&out[..32]);
        door.copy_from_slice(&out[32..]);
        Keys { netcode, door }
    }
}

/// Every code is random, so a fixed salt only separates Faisceau from other uses.
const SALT: &[u8] = b"faisceau join code, v1";

/// The secrets derived from a join code.
#[derive(Clone, PartialEq, Eq)]
pub struct Keys {
    /// The netcode private key (connect tokens, packet encryption).
    pub netcode: [u8; 32],
    /// The key of the door's knock.
    pub door: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_typed_loosely_and_shown_grouped() {
        let code = JoinCode::parse(" k7qx-m2pd ").unwrap();
        assert_eq!(code.as_str(), "K7QXM2PD");
        assert_eq!(code.display(), "K7QX-M2PD");
        assert_eq!(JoinCode::parse("K7QX M2PD").unwrap(), code);
        assert_eq!(format!("{code:?}"), "JoinCode(…)", "never logged");
    }

    #[test]
    fn typos_are_explained() {
        assert_eq!(JoinCode::parse("K7QX-M2P"), Err(CodeError::Length(7)));
        assert_eq!(JoinCode::parse("K7QX-M2PO"), Err(CodeError::Character('O')));
        assert_eq!(JoinCode::parse("K7QX-M2P1"), Err(CodeError::Character('1')));
        assert_eq!(JoinCode::parse("K7QX-M2PÉ"), Err(CodeError::Character('É')));
        let message = CodeError::Character('O').to_string();
        assert!(message.contains("except I and O"), "{message}");
    }

    #[test]
    fn generated_codes_parse_and_differ() {
        let codes: Vec<JoinCode> = (0..50).map(|_| JoinCode::generate()).collect();
        for code in &codes {
            assert_eq!(JoinCode::parse(&code.display()).as_ref(), Ok(code));
        }
        let mut distinct: Vec<&str> = codes.iter().map(JoinCode::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), codes.len());
    }

    #[test]
    fn keys_depend_on_the_code_only() {
        let a = JoinCode::parse("K7QX-M2PD").unwrap();
        let b = JoinCode::parse("K7QX-M2PE").unwrap();
        assert_eq!(a.keys(), a.keys());
        assert_ne!(a.keys().netcode, b.keys().netcode);
        assert_ne!(a.keys().netcode, a.keys().door);
    }
}
