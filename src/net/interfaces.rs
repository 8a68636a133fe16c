//! This machine's IPv4 interfaces, read from the system (getifaddrs), not
//! from a route to the outside: a trainer's own router, or a venue network
//! with no way out, has no default route, and the host must still find its
//! address on it and trainees must still find the host.

use std::net::Ipv4Addr;

/// An IPv4 address of an interface that is up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interface {
    /// The interface's name (`wlan0`, `eth0`, `lo`).
    pub name: String,
    /// Its address.
    pub address: Ipv4Addr,
    /// Its network's broadcast address, if it broadcasts.
    pub broadcast: Option<Ipv4Addr>,
    /// Whether it is the loopback.
    pub loopback: bool,
}

/// The IPv4 interfaces that are up and running, in the system's order.
#[cfg(unix)]
pub fn interfaces() -> Vec<Interface> {
    use std::ffi::CStr;
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs writes a pointer to a list it allocated, freed below
    // with freeifaddrs; on failure it returns -1 and writes nothing.
    if unsafe { libc::getifaddrs(&mut list) } != 0 {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut at = list;
    while !at.is_null() {
        // SAFETY: `at` is a node of the list getifaddrs returned, alive until
        // freeifaddrs; its pointers are null or point into that list.
        let entry = unsafe { &*at };
        at = entry.ifa_next;
        let flags = entry.ifa_flags as libc::c_int;
        let up = flags & libc::IFF_UP != 0 && flags & libc::IFF_RUNNING != 0;
        let Some(address) = ipv4(entry.ifa_addr) else {
            continue;
        };
        if !up {
            continue;
        }
        let loopback = flags & libc::IFF_LOOPBACK != 0;
        let broadcast = (flags & libc::IFF_BROADCAST != 0)
            .then(|| ipv4(entry.ifa_netmask))
            .flatten()
            .map(|mask| broadcast_of(address, mask));
        let name = if entry.ifa_name.is_null() {
            String::new()
        } else {
            // SAFETY: a non-null ifa_name is a NUL-terminated string in the list.
            unsafe { CStr::from_ptr(entry.ifa_name) }
                .to_string_lossy()
                .into_owned()
        };
        found.push(Interface {
            name,
            address,
            broadcast,
            loopback,
        });
    }
    // SAFETY: `list` came from getifaddrs and is freed once.
    unsafe { libc::freeifaddrs(list) };
    found
}

/// Without getifaddrs: none known (the route to the outside is used).
#[cfg(not(unix))]
pub fn interfaces() -> Vec<Interface> {
    Vec::new()
}

#[cfg(unix)]
fn ipv4(address: *const libc::sockaddr) -> Option<Ipv4Addr> {
    if address.is_null() {
        return None;
    }
    // SAFETY: a non-null address points to a sockaddr whose family says
    // which structure it is; sockaddr_in is read only when it is AF_INET.
    unsafe {
        if i32::from((*address).sa_family) != libc::AF_INET {
            return None;
        }
        let inet = &*(address as *const libc::sockaddr_in);
        Some(Ipv4Addr::from(u32::from_be(inet.sin_addr.s_addr)))
    }
}

/// The broadcast address of `address`'s network.
pub fn broadcast_of(address: Ipv4Addr, mask: Ipv4Addr) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(address) | !u32::from(mask))
}

/// The addresses trainees can reach this machine at: those of the running
/// interfaces other than loopback, the one toward `preferred` first.
pub fn lan_addresses(preferred: Option<Ipv4Addr>) -> Vec<Ipv4Addr> {
    let mut addresses: Vec<Ipv4Addr> = preferred.into_iter().collect();
    for interface in interfaces() {
        if !interface.loopback
            && !interface.address.is_link_local()
            && !addresses.contains(&interface.address)
        {
            addresses.push(interface.address);
        }
    }
    addresses
}

/// Where a request for workshops is sent: each interface's broadcast
/// address, the all-networks broadcast and loopback.
pub fn broadcast_targets() -> Vec<Ipv4Addr> {
    let mut targets: Vec<Ipv4Addr> = interfaces()
        .into_iter()
        .filter(|i| !i.loopback)
        .filter_map(|i| i.broadcast)
        .collect();
    targets.extend([Ipv4Addr::BROADCAST, Ipv4Addr::LOCALHOST]);
    let mut seen = Vec::new();
    targets.retain(|t| {
        let new = !seen.contains(t);
        seen.push(*t);
        new
    });
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_s_broadcast_address_comes_from_its_mask() {
        let b = |a: [u8; 4], m: [u8; 4]| broadcast_of(a.into(), m.into());
        assert_eq!(
            b([10, 99, 0, 1], [255, 255, 255, 0]),
            Ipv4Addr::new(10, 99, 0, 255)
        );
        assert_eq!(
            b([192, 168, 1, 20], [255, 255, 252, 0]),
            Ipv4Addr::new(192, 168, 3, 255)
        );
        assert_eq!(
            b([172, 16, 5, 9], [255, 240, 0, 0]),
            Ipv4Addr::new(172, 31, 255, 255)
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_loopback_interface_is_listed() {
        let all = interfaces();
        assert!(
            all.iter()
                .any(|i| i.loopback && i.address == Ipv4Addr::LOCALHOST),
            "{all:?}"
        );
        // Every target is unique and loopback is asked last.
        let targets = broadcast_targets();
        assert_eq!(targets.last(), Some(&Ipv4Addr::LOCALHOST));
        let mut unique = targets.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), targets.len());
    }
}
