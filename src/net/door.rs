//! The door: a small UDP service beside the game port (port + 1).
//!
//! Netcode silently ignores a connect token made with the wrong key, which a
//! trainee would see as a time-out. The door answers first, in plain words:
//!
//! - `who`: a broadcast on the local network; every host answers with its
//!   workshop's name, version and port (discovery; no secret is involved);
//! - `knock`: a random nonce and a tag computed with the door key, which
//!   only a holder of the join code can compute. The host answers
//!   `welcome`, or `refused` with the reason: wrong code, or another
//!   Faisceau version. Wrong codes are rate-limited per address.
//!
//! Datagrams are small JSON objects; anything else is dropped.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use serde::{Deserialize, Serialize};

use super::code::Keys;

/// The largest datagram the door reads or writes.
const MAX_DATAGRAM: usize = 1024;

/// Wrong codes allowed per address and minute: enough for typos, too few to guess.
pub const WRONG_CODES_PER_MINUTE: u32 = 12;

/// A datagram to or from the door.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "faisceau", rename_all = "kebab-case")]
pub enum Datagram {
    /// Is there a workshop here?
    Who,
    /// A workshop answers.
    Here {
        /// The workshop's name.
        name: String,
        /// The host's Faisceau version.
        version: String,
        /// The game port.
        port: u16,
        /// A number drawn by the host when it opens: the same host heard
        /// on several networks (and on loopback) is one workshop. Zero from
        /// hosts before it.
        #[serde(default)]
        host: u64,
    },
    /// A client proves it holds the code.
    Knock {
        /// The client's Faisceau version.
        version: String,
        /// 12 random bytes, hex.
        nonce: String,
        /// The door key's tag over the nonce and version, hex.
        tag: String,
    },
    /// The code is right.
    Welcome {
        /// The workshop's name.
        name: String,
        /// The game port.
        port: u16,
        /// The addresses the host answers to (they go in the connect token).
        addresses: Vec<SocketAddr>,
    },
    /// The knock is refused.
    Refused {
        /// Why.
        reason: DoorRefusal,
        /// The host's version.
        version: String,
    },
}

/// Why the door refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DoorRefusal {
    /// The tag does not match: another code.
    WrongCode,
    /// Another Faisceau version.
    Version,
    /// Too many knocks from this address.
    SlowDown,
}

/// What the host's door knows.
#[derive(Clone, Debug)]
pub struct DoorConfig {
    /// The workshop's name.
    pub name: String,
    /// The host's version.
    pub version: String,
    /// The game port.
    pub port: u16,
    /// The addresses the host answers to.
    pub addresses: Vec<SocketAddr>,
    /// The keys of the code.
    pub keys: Keys,
    /// The host's number in discovery answers (see [`Datagram::Here`]).
    pub host: u64,
}

/// The door's tag over a knock: an AEAD tag of an empty message.
pub fn knock_tag(keys: &Keys, nonce: &[u8; 12], version: &str) -> [u8; 16] {
    let cipher = ChaCha20Poly1305::new((&keys.door).into());
    let aad = format!("faisceau knock v1 | {version}");
    let out = cipher
        .encrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: &[],
                aad: aad.as_bytes(),
            },
        )
        .expect("an empty message always encrypts");
    out.try_into()
        .expect("an empty message gives a 16-byte tag")
}

/// A knock for this code and version.
pub fn knock(keys: &Keys, version: &str) -> Datagram {
    let nonce: [u8; 12] = bevy_replicon_renet::netcode::generate_random_bytes();
    Datagram::Knock {
        version: version.to_owned(),
        nonce: hex(&nonce),
        tag: hex(&knock_tag(keys, &nonce, version)),
    }
}

/// The door's answer to one datagram, or none to stay silent.
pub fn answer(config: &DoorConfig, datagram: &Datagram) -> Option<Datagram> {
    match datagram {
        Datagram::Who => Some(Datagram::Here {
            name: config.name.clone(),
            version: config.version.clone(),
            port: config.port,
            host: config.host,
        }),
        Datagram::Knock {
            version,
            nonce,
            tag,
        } => {
            let refused = |reason| Datagram::Refused {
                reason,
                version: config.version.clone(),
            };
            if *version != config.version {
                return Some(refused(DoorRefusal::Version));
            }
            let nonce: [u8; 12] = unhex(nonce)?.try_into().ok()?;
            let tag: [u8; 16] = unhex(tag)?.try_into().ok()?;
            let expected = knock_tag(&config.keys, &nonce, version);
            // Constant time: the comparison does not tell how much matched.
            let same = expected
                .iter()
                .zip(&tag)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
            Some(if same {
                Datagram::Welcome {
                    name: config.name.clone(),
                    port: config.port,
                    addresses: config.addresses.clone(),
                }
            } else {
                refused(DoorRefusal::WrongCode)
            })
        }
        _ => None,
    }
}

/// Wrong codes by address, over the last minute: a guesser is slowed down,
/// a room of laptops behind one address joins freely. Only wrong codes
/// leave a trace, entries expire after the minute and the map is capped, so
/// spoofed sources cost nothing; a slowed address is logged once a minute.
#[derive(Debug, Default)]
pub struct WrongCodes {
    by_address: HashMap<IpAddr, WrongCodesFrom>,
}

#[derive(Debug)]
struct WrongCodesFrom {
    since: Instant,
    count: u32,
    logged: bool,
}

/// Addresses remembered at most; past it, the oldest minute is forgotten.
const MAX_REMEMBERED: usize = 4096;

impl WrongCodes {
    /// Whether `ip` gave too many wrong codes this minute. The first time
    /// it is slowed down in a minute, the caller should log it.
    pub fn slowed(&mut self, ip: IpAddr, now: Instant, limit: u32) -> Slowed {
        match self.by_address.get_mut(&ip) {
            Some(from) if now - from.since <= Duration::from_secs(60) && from.count >= limit => {
                if std::mem::replace(&mut from.logged, true) {
                    Slowed::Again
                } else {
                    Slowed::First
                }
            }
            _ => Slowed::No,
        }
    }

    /// Counts one wrong code from `ip`.
    pub fn failed(&mut self, ip: IpAddr, now: Instant) {
        if self.by_address.len() >= MAX_REMEMBERED {
            self.by_address
                .retain(|_, from| now - from.since <= Duration::from_secs(60));
            if self.by_address.len() >= MAX_REMEMBERED {
                return;
            }
        }
        let from = self.by_address.entry(ip).or_insert(WrongCodesFrom {
            since: now,
            count: 0,
            logged: false,
        });
        if now - from.since > Duration::from_secs(60) {
            *from = WrongCodesFrom {
                since: now,
                count: 0,
                logged: false,
            };
        }
        from.count += 1;
    }

    /// Addresses remembered now.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.by_address.len()
    }
}

/// What [`WrongCodes::slowed`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slowed {
    /// Not slowed down.
    No,
    /// Slowed down, for the first time this minute: log it.
    First,
    /// Slowed down, already logged.
    Again,
}

/// Serves the door on `socket` until `stop` is set.
pub fn serve(socket: UdpSocket, config: DoorConfig, stop: Arc<AtomicBool>) {
    let _ = socket.set_read_timeout(Some(Duration::from_millis(200)));
    let mut buffer = [0u8; MAX_DATAGRAM];
    let mut wrong_codes = WrongCodes::default();
    while !stop.load(Ordering::Relaxed) {
        let Ok((len, from)) = socket.recv_from(&mut buffer) else {
            continue;
        };
        let Some(datagram) = read(&buffer[..len]) else {
            bevy::log::debug!("door: dropped {len} unreadable bytes from {from}");
            continue;
        };
        let now = Instant::now();
        let slowed = matches!(datagram, Datagram::Knock { .. })
            .then(|| wrong_codes.slowed(from.ip(), now, WRONG_CODES_PER_MINUTE))
            .unwrap_or(Slowed::No);
        let reply = if slowed != Slowed::No {
            if slowed == Slowed::First {
                bevy::log::warn!(
                    "door: too many wrong codes from {}; slowed down for a minute",
                    from.ip()
                );
            }
            Some(Datagram::Refused {
                reason: DoorRefusal::SlowDown,
                version: config.version.clone(),
            })
        } else {
            let reply = answer(&config, &datagram);
            if matches!(
                reply,
                Some(Datagram::Refused {
                    reason: DoorRefusal::WrongCode,
                    ..
                })
            ) {
                wrong_codes.failed(from.ip(), now);
            }
            reply
        };
        if let Some(reply) = reply {
            let bytes = serde_json::to_vec(&reply).expect("datagrams serialise");
            let _ = socket.send_to(&bytes, from);
        }
    }
}

/// A datagram from its bytes; none if they are not one.
pub fn read(bytes: &[u8]) -> Option<Datagram> {
    if bytes.len() > MAX_DATAGRAM {
        return None;
    }
    serde_json::from_slice(bytes).ok()
}

/// Sends `datagram` to `to` and waits up to `timeout` for the first answer.
pub fn ask(to: SocketAddr, datagram: &Datagram, timeout: Duration) -> std::io::Result<Datagram> {
    let bind: SocketAddr = match to {
        SocketAddr::V4(_) => (Ipv4Addr::UNSPECIFIED, 0).into(),
        SocketAddr::V6(_) => "[::]:0".parse().expect("a literal address"),
    };
    let socket = UdpSocket::bind(bind)?;
    let bytes = serde_json::to_vec(datagram).expect("datagrams serialise");
    let deadline = Instant::now() + timeout;
    let mut buffer = [0u8; MAX_DATAGRAM];
    // UDP may lose a datagram: ask again every half second until the deadline.
    loop {
        socket.send_to(&bytes, to)?;
        let resend = (Instant::now() + Duration::from_millis(500)).min(deadline);
        while Instant::now() < resend {
            socket.set_read_timeout(Some(resend - Instant::now() + Duration::from_millis(1)))?;
            match socket.recv_from(&mut buffer) {
                Ok((len, from)) if from.ip() == to.ip() => {
                    if let Ok(reply) = serde_json::from_slice(&buffer[..len]) {
                        return Ok(reply);
                    }
                }
                Ok(_) => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                // ICMP "port unreachable" comes back as a refused connection: keep trying until the deadline.
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {}
                Err(e) => return Err(e),
            }
        }
        if Instant::now() >= deadline {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
    }
}

/// A workshop found on the local network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Its name.
    pub name: String,
    /// Its host's version.
    pub version: String,
    /// The address to join (game port).
    pub addr: SocketAddr,
}

/// Broadcasts `who` on the local network (and asks loopback) and gathers
/// the answers for `wait`.
pub fn discover(door_port: u16, wait: Duration) -> std::io::Result<Vec<Found>> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))?;
    socket.set_broadcast(true)?;
    let bytes = serde_json::to_vec(&Datagram::Who).expect("datagrams serialise");
    // Each network's own broadcast address: the all-networks one is not
    // sent anywhere on a machine without a default route.
    for target in super::interfaces::broadcast_targets() {
        let _ = socket.send_to(&bytes, (target, door_port));
    }
    let deadline = Instant::now() + wait;
    let mut found: Vec<(Found, u64)> = Vec::new();
    let mut buffer = [0u8; MAX_DATAGRAM];
    while Instant::now() < deadline {
        socket.set_read_timeout(Some(deadline - Instant::now() + Duration::from_millis(1)))?;
        let Ok((len, from)) = socket.recv_from(&mut buffer) else {
            continue;
        };
        if let Ok(Datagram::Here {
            name,
            version,
            port,
            host,
        }) = serde_json::from_slice(&buffer[..len])
        {
            let entry = Found {
                name,
                version,
                addr: SocketAddr::new(from.ip(), port),
            };
            heard(&mut found, entry, host);
        }
    }
    Ok(found.into_iter().map(|(entry, _)| entry).collect())
}

/// Adds a workshop's answer to those heard: a host heard again on another
/// network is kept once, at an address other machines can use.
fn heard(found: &mut Vec<(Found, u64)>, entry: Found, host: u64) {
    if let Some((known, _)) = found
        .iter_mut()
        .find(|(known, h)| *known == entry || (host != 0 && *h == host))
    {
        if known.addr.ip().is_loopback() && !entry.addr.ip().is_loopback() {
            *known = entry;
        }
        return;
    }
    found.push((entry, host));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || text.len() > 64 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {

    #[test]
    fn the_door_remembers_only_wrong_codes_and_forgets_them() {
        let mut wrong = WrongCodes::default();
        let now = Instant::now();
        // Spoofed knocks with no wrong code leave no trace.
        for i in 0..200_000u32 {
            let ip = IpAddr::from(i.to_be_bytes());
            assert_eq!(wrong.slowed(ip, now, WRONG_CODES_PER_MINUTE), Slowed::No);
        }
        assert_eq!(wrong.len(), 0);
        // Wrong codes from many addresses: at most MAX_REMEMBERED kept.
        for i in 0..20_000u32 {
            wrong.failed(IpAddr::from(i.to_be_bytes()), now);
        }
        assert!(wrong.len() <= MAX_REMEMBERED);
        // A guesser is slowed down, logged once, and freed after the minute.
        let guesser = IpAddr::from([10, 0, 0, 7]);
        let mut wrong = WrongCodes::default();
        for _ in 0..WRONG_CODES_PER_MINUTE {
            wrong.failed(guesser, now);
        }
        assert_eq!(
            wrong.slowed(guesser, now, WRONG_CODES_PER_MINUTE),
            Slowed::First
        );
        assert_eq!(
            wrong.slowed(guesser, now, WRONG_CODES_PER_MINUTE),
            Slowed::Again
        );
        let later = now + Duration::from_secs(61);
        assert_eq!(
            wrong.slowed(guesser, later, WRONG_CODES_PER_MINUTE),
            Slowed::No
        );
    }

    use super::*;
    use crate::net::code::JoinCode;

    #[test]
    fn a_host_heard_on_several_networks_is_found_once_at_its_lan_address() {
        let at = |ip: &str| Found {
            name: "Atelier".into(),
            version: "1.0.0".into(),
            addr: SocketAddr::new(ip.parse().unwrap(), 5170),
        };
        let mut found = Vec::new();
        heard(&mut found, at("127.0.0.1"), 7);
        heard(&mut found, at("10.99.0.1"), 7);
        heard(&mut found, at("192.168.1.20"), 7);
        // Another host of the same name is another workshop.
        heard(&mut found, at("192.168.1.30"), 8);
        // Hosts before the number: the same address is the same workshop.
        heard(&mut found, at("192.168.1.40"), 0);
        heard(&mut found, at("192.168.1.40"), 0);
        let addresses: Vec<String> = found.iter().map(|(f, _)| f.addr.ip().to_string()).collect();
        assert_eq!(addresses, ["10.99.0.1", "192.168.1.30", "192.168.1.40"]);
    }

    /// A door of a test workshop (also for the insider's property tests).
    pub(crate) fn config() -> DoorConfig {
        DoorConfig {
            name: "Atelier".into(),
            version: "1.0.0".into(),
            port: 5170,
            addresses: vec!["127.0.0.1:5170".parse().unwrap()],
            keys: JoinCode::parse("K7QX-M2PD").unwrap().keys(),
            host: 7,
        }
    }

    #[test]
    fn the_right_code_is_welcome_and_a_wrong_one_is_told() {
        let config = config();
        let right = knock(&config.keys, "1.0.0");
        assert_eq!(
            answer(&config, &right),
            Some(Datagram::Welcome {
                name: "Atelier".into(),
                port: 5170,
                addresses: vec!["127.0.0.1:5170".parse().unwrap()],
            })
        );
        let wrong = knock(&JoinCode::parse("K7QX-M2PE").unwrap().keys(), "1.0.0");
        assert!(matches!(
            answer(&config, &wrong),
            Some(Datagram::Refused {
                reason: DoorRefusal::WrongCode,
                ..
            })
        ));
        let old = knock(&config.keys, "0.9.0");
        assert!(matches!(
            answer(&config, &old),
            Some(Datagram::Refused {
                reason: DoorRefusal::Version,
                ..
            })
        ));
    }

    #[test]
    fn garbage_gets_no_answer() {
        let config = config();
        for datagram in [
            Datagram::Knock {
                version: "1.0.0".into(),
                nonce: "zz".into(),
                tag: "00".into(),
            },
            Datagram::Knock {
                version: "1.0.0".into(),
                nonce: "00".repeat(400),
                tag: "00".into(),
            },
            Datagram::Welcome {
                name: "x".into(),
                port: 1,
                addresses: Vec::new(),
            },
        ] {
            assert_eq!(answer(&config, &datagram), None);
        }
    }

    #[test]
    fn over_a_real_socket() {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = socket.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let config = config();
        let keys = config.keys.clone();
        let server = {
            let stop = stop.clone();
            std::thread::spawn(move || serve(socket, config, stop))
        };
        // Garbage first: the door keeps serving.
        let raw = UdpSocket::bind("127.0.0.1:0").unwrap();
        raw.send_to(&[0xff; 900], addr).unwrap();
        let reply = ask(addr, &knock(&keys, "1.0.0"), Duration::from_secs(3)).unwrap();
        assert!(matches!(reply, Datagram::Welcome { .. }), "{reply:?}");
        let here = ask(addr, &Datagram::Who, Duration::from_secs(3)).unwrap();
        assert!(
            matches!(here, Datagram::Here { port: 5170, .. }),
            "{here:?}"
        );
        // A room of laptops behind one address joins freely…
        for _ in 0..20 {
            let reply = ask(addr, &knock(&keys, "1.0.0"), Duration::from_secs(3)).unwrap();
            assert!(matches!(reply, Datagram::Welcome { .. }), "{reply:?}");
        }
        // …and a guesser is slowed down after 12 wrong codes, right code or not.
        let wrong = JoinCode::parse("K7QX-M2PE").unwrap().keys();
        for _ in 0..12 {
            let reply = ask(addr, &knock(&wrong, "1.0.0"), Duration::from_secs(3)).unwrap();
            assert!(matches!(
                reply,
                Datagram::Refused {
                    reason: DoorRefusal::WrongCode,
                    ..
                }
            ));
        }
        let reply = ask(addr, &knock(&keys, "1.0.0"), Duration::from_secs(3)).unwrap();
        assert!(
            matches!(
                reply,
                Datagram::Refused {
                    reason: DoorRefusal::SlowDown,
                    ..
                }
            ),
            "{reply:?}"
        );
        stop.store(true, Ordering::Relaxed);
        server.join().unwrap();
    }
}
