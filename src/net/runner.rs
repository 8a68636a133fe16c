//! Runs windowless apps (a headless host, bot clients) when their network
//! needs them: an app is updated as soon as a packet waits on its game
//! socket, and otherwise every `tick` for its timers. A fixed polling loop
//! would either add its period to every answer or burn a core doing nothing;
//! 64 bots on two cores need both the speed and the quiet.

use std::net::UdpSocket;
use std::time::{Duration, Instant};

use bevy::prelude::*;

use super::Watched;

/// Updates `apps` until each has exited; returns their exits in order.
pub fn run(apps: Vec<App>, tick: Duration) -> Vec<AppExit> {
    struct Running {
        app: App,
        sockets: Vec<UdpSocket>,
        due: Instant,
        updated: Instant,
        exit: Option<AppExit>,
    }
    let now = Instant::now();
    let mut running: Vec<Running> = apps
        .into_iter()
        .map(|mut app| {
            app.finish();
            app.cleanup();
            // A few systems per frame: running them on this thread costs far
            // less than waking a thread pool for each (64 bots share two cores
            // in the load benchmark, and the host shares them with the bots).
            let mut schedules = app.world_mut().resource_mut::<Schedules>();
            for (_, schedule) in schedules.iter_mut() {
                schedule.set_executor(bevy::ecs::schedule::SingleThreadedExecutor::new());
            }
            Running {
                app,
                sockets: Vec::new(),
                due: now,
                updated: now,
                exit: None,
            }
        })
        .collect();
    let mut ready = vec![false; running.len()];
    loop {
        // An app woken again within MIN_GAP waits for it: a packet it did
        // not read (no transport yet, or a socket it left) must not spin
        // this loop.
        let mut held_back: Option<Instant> = None;
        for (r, ready) in running.iter_mut().zip(&ready) {
            if r.exit.is_some() {
                continue;
            }
            let now = Instant::now();
            let woken = *ready && now - r.updated >= MIN_GAP;
            if *ready && !woken {
                let at = r.updated + MIN_GAP;
                held_back = Some(held_back.map_or(at, |h| h.min(at)));
            }
            if !woken && now < r.due {
                continue;
            }
            r.app.update();
            r.updated = Instant::now();
            r.due = r.updated + tick;
            // Its transport paces its packets: wake it when the next is due.
            #[cfg(not(target_arch = "wasm32"))]
            if let Some(send) = r.app.world().get_resource::<super::pace::SendDue>() {
                r.due = r.due.min(send.0.max(r.updated + MIN_GAP));
            }
            // A (re)connection opens a new socket: watch that one from now on.
            if let Some(Watched(socket)) = r.app.world_mut().remove_resource::<Watched>() {
                r.sockets.retain(|s| !is_game_socket(s));
                r.sockets.push(socket);
            }
            #[cfg(not(target_arch = "wasm32"))]
            if let Some(super::web::Bell(bell)) =
                r.app.world_mut().remove_resource::<super::web::Bell>()
            {
                r.sockets.push(bell);
            }
            r.exit = r.app.should_exit();
        }
        let Some(mut next) = running
            .iter()
            .filter(|r| r.exit.is_none())
            .map(|r| r.due)
            .min()
        else {
            break;
        };
        // Every socket of every app, and which app each belongs to.
        let (owners, sockets): (Vec<usize>, Vec<Option<&UdpSocket>>) = running
            .iter()
            .enumerate()
            .filter(|(_, r)| r.exit.is_none())
            .flat_map(|(i, r)| r.sockets.iter().map(move |s| (i, Some(s))))
            .unzip();
        let readable = if let Some(held_back) = held_back {
            next = next.min(held_back);
            std::thread::sleep(next.saturating_duration_since(Instant::now()));
            wait_readable(&sockets, Duration::ZERO)
        } else {
            wait_readable(&sockets, next.saturating_duration_since(Instant::now()))
        };
        ready = vec![false; running.len()];
        for (owner, readable) in owners.into_iter().zip(readable) {
            ready[owner] |= readable;
        }
    }
    running
        .into_iter()
        .map(|r| r.exit.unwrap_or(AppExit::Success))
        .collect()
}

/// The shortest time between two updates of one app woken by packets.
/// The game socket is replaced when a client reconnects; the bell stays.
fn is_game_socket(socket: &UdpSocket) -> bool {
    socket
        .local_addr()
        .map_or(true, |addr| !addr.ip().is_loopback())
}

const MIN_GAP: Duration = Duration::from_millis(1);

/// Watches a socket on a thread of its own and calls `wake` when a packet
/// waits, so that a sleeping window reads it at once. Packets smaller than
/// `small.0` bytes (keep-alives, acknowledgements) only wake it once they
/// have waited `small.1`. A newer watcher stops the older ones (a
/// reconnection opens a new socket; the old one may hold packets nobody
/// will read). The thread ends when `wake` returns false.
pub fn watch_socket(
    socket: UdpSocket,
    small: Option<(usize, Duration)>,
    wake: impl Fn() -> bool + Send + 'static,
) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static WATCHER: AtomicU64 = AtomicU64::new(0);
    let mine = WATCHER.fetch_add(1, Ordering::SeqCst) + 1;
    std::thread::spawn(move || {
        let mut small_since: Option<std::time::Instant> = None;
        let mut first = [0u8; 2048];
        while WATCHER.load(Ordering::SeqCst) == mine {
            let waiting = |timeout| wait_readable(&[Some(&socket)], timeout)[0];
            if !waiting(Duration::ZERO) {
                // Whatever waited has been read.
                small_since = None;
                if !waiting(Duration::from_secs(1)) {
                    continue;
                }
            }
            let size = socket.peek_from(&mut first).map_or(0, |(n, _)| n);
            if let Some((limit, patience)) = small
                && size < limit
            {
                let since = *small_since.get_or_insert_with(std::time::Instant::now);
                if since.elapsed() < patience {
                    // The window reads it at its next wake-up; look again soon
                    // in case it was read and something larger came.
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                }
            }
            small_since = None;
            if !wake() {
                return;
            }
            // Let the app read the packet before looking again.
            std::thread::sleep(Duration::from_millis(15));
        }
    });
}

/// Waits until a packet is waiting on one of `sockets` or `timeout` has
/// passed; tells which sockets have one.
#[cfg(unix)]
pub fn wait_readable(sockets: &[Option<&UdpSocket>], timeout: Duration) -> Vec<bool> {
    use std::os::fd::AsRawFd;
    let mut fds: Vec<libc::pollfd> = sockets
        .iter()
        .map(|s| libc::pollfd {
            // A negative descriptor is ignored by poll(2).
            fd: s.map_or(-1, |s| s.as_raw_fd()),
            events: libc::POLLIN,
            revents: 0,
        })
        .collect();
    let millis = timeout.as_micros().div_ceil(1000).min(i32::MAX as u128) as libc::c_int;
    // SAFETY: `fds` is a valid array of `fds.len()` pollfd structures that
    // lives across the call; poll(2) only writes their `revents`.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, millis) };
    if n <= 0 {
        return vec![false; sockets.len()];
    }
    fds.iter().map(|f| f.revents & libc::POLLIN != 0).collect()
}

/// Without poll(2): sleep a little and let every app look.
#[cfg(not(unix))]
pub fn wait_readable(sockets: &[Option<&UdpSocket>], timeout: Duration) -> Vec<bool> {
    std::thread::sleep(timeout.min(Duration::from_millis(5)));
    vec![true; sockets.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiting_packet_wakes_only_its_socket() {
        let a = UdpSocket::bind("127.0.0.1:0").unwrap();
        let b = UdpSocket::bind("127.0.0.1:0").unwrap();
        let sockets = [Some(&a), None, Some(&b)];
        assert_eq!(
            wait_readable(&sockets, Duration::from_millis(20)),
            [false, false, false]
        );
        let sender = UdpSocket::bind("127.0.0.1:0").unwrap();
        sender.send_to(b"view", b.local_addr().unwrap()).unwrap();
        let ready = wait_readable(&sockets, Duration::from_secs(10));
        assert_eq!(ready, [false, false, true]);
    }
}
