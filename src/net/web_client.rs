//! The browser's side of the link (`seal.rs`): a WebSocket to the host that
//! served the page, as a bevy_replicon client backend. The page has one
//! thread, so the socket and its callbacks live in a resource.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use bevy::prelude::*;
use bevy_replicon::bytes::Bytes;
use bevy_replicon::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};

use super::VERSION;
use super::error::NetError;
use super::seal::{self, NONCE_LEN, PROOF, Seal, Side, WebRefusal};

/// What the socket's callbacks leave for the app.
enum Incoming {
    Frame(Vec<u8>),
    Closed,
}

/// Where the link stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// Waiting for the host's greeting.
    Greeting,
    /// The proof of the code is sent; waiting for the host's answer.
    Proving,
    /// Joined: frames carry messages.
    Open {
        /// The workshop's name, as the host told it.
        workshop: String,
    },
    /// The host refused (the words are those of the desktop app).
    Refused(WebRefusal),
    /// The connection closed or failed.
    Closed,
}

/// The WebSocket to the host and its seal.
#[derive(Resource)]
pub struct WebLink {
    socket: WebSocket,
    inbox: Rc<RefCell<VecDeque<Incoming>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_close: Closure<dyn FnMut(CloseEvent)>,
    web_key: [u8; 32],
    seal: Option<Seal>,
    /// Where the link stands.
    pub stage: Stage,
}

// SAFETY: the browser build runs on the page's one thread (Bevy without
// `multi_threaded`), so the socket and its callbacks are never shared.
unsafe impl Send for WebLink {}
// SAFETY: as above.
unsafe impl Sync for WebLink {}

impl Drop for WebLink {
    fn drop(&mut self) {
        self.socket.set_onmessage(None);
        self.socket.set_onclose(None);
        let _ = self.socket.close();
    }
}

/// The host's WebSocket address: the page's own host and port.
pub fn address() -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}/ws", location.host().ok()?))
}

/// Opens a link to the host that served the page, for the workshop whose
/// web key is `web_key`; `wake` wakes the app when something arrives.
pub fn open(web_key: [u8; 32], wake: Box<dyn Fn()>) -> Result<WebLink, NetError> {
    let url = address().ok_or_else(|| NetError::Browser("this page has no address".into()))?;
    let socket = WebSocket::new(&url).map_err(|e| NetError::Browser(format!("{e:?}")))?;
    socket.set_binary_type(BinaryType::Arraybuffer);
    let inbox: Rc<RefCell<VecDeque<Incoming>>> = Rc::default();
    let wake: Rc<dyn Fn()> = Rc::from(wake);
    let on_message = {
        let (inbox, wake) = (inbox.clone(), wake.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Ok(buffer) = event.data().dyn_into::<js_sys::ArrayBuffer>() {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                inbox.borrow_mut().push_back(Incoming::Frame(bytes));
                wake();
            }
        })
    };
    let on_close = {
        let inbox = inbox.clone();
        Closure::<dyn FnMut(CloseEvent)>::new(move |_: CloseEvent| {
            inbox.borrow_mut().push_back(Incoming::Closed);
            wake();
        })
    };
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    Ok(WebLink {
        socket,
        inbox,
        _on_message: on_message,
        _on_close: on_close,
        web_key,
        seal: None,
        stage: Stage::Greeting,
    })
}

impl WebLink {
    fn send(&self, bytes: &[u8]) {
        if let Err(e) = self.socket.send_with_u8_array(bytes) {
            warn!("cannot send to the host: {e:?}");
        }
    }

    /// Takes what arrived: moves the handshake on, and hands messages to replicon.
    fn pump(&mut self, messages: &mut ClientMessages, server_channels: usize) {
        loop {
            let Some(incoming) = self.inbox.borrow_mut().pop_front() else {
                return;
            };
            let frame = match incoming {
                Incoming::Closed => {
                    if matches!(
                        self.stage,
                        Stage::Open { .. } | Stage::Greeting | Stage::Proving
                    ) {
                        self.stage = Stage::Closed;
                    }
                    return;
                }
                Incoming::Frame(frame) => frame,
            };
            match &self.stage {
                Stage::Greeting => {
                    let Some((host_nonce, version)) = seal::read_greeting(&frame) else {
                        self.fail("the host's greeting is unreadable");
                        return;
                    };
                    if version != VERSION {
                        self.stage = Stage::Refused(WebRefusal::Version(version));
                        return;
                    }
                    let nonce: [u8; NONCE_LEN] = seal::fresh_nonce();
                    let mut seal = Seal::new(&self.web_key, &host_nonce, &nonce, Side::Browser);
                    let mut proof = nonce.to_vec();
                    proof.extend(seal.seal(PROOF));
                    self.send(&proof);
                    self.seal = Some(seal);
                    self.stage = Stage::Proving;
                }
                Stage::Proving => {
                    if let Some(reason) = seal::read_refusal(&frame) {
                        self.stage = Stage::Refused(reason);
                        return;
                    }
                    let Some(name) = self.seal.as_mut().and_then(|s| s.open(&frame)) else {
                        self.fail("the host's answer did not open");
                        return;
                    };
                    self.stage = Stage::Open {
                        workshop: String::from_utf8_lossy(&name).into_owned(),
                    };
                }
                Stage::Open { .. } => {
                    let Some(plain) = self.seal.as_mut().and_then(|s| s.open(&frame)) else {
                        self.fail("a frame from the host did not open");
                        return;
                    };
                    // The host is trusted, but an unknown channel would panic replicon.
                    if let Some((channel, message)) = seal::read_message(&plain)
                        .filter(|(channel, _)| usize::from(*channel) < server_channels)
                    {
                        super::BYTES_RECEIVED
                            .fetch_add(frame.len() as u64, std::sync::atomic::Ordering::Relaxed);
                        messages.insert_received(channel, Bytes::from(message.to_vec()));
                    }
                }
                Stage::Refused(_) | Stage::Closed => {}
            }
        }
    }

    fn fail(&mut self, why: &str) {
        warn!("{why}; closing the connection");
        self.stage = Stage::Closed;
        let _ = self.socket.close();
    }
}

/// The backend's systems.
pub fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        receive
            .in_set(ClientSystems::ReceivePackets)
            .run_if(resource_exists::<WebLink>),
    )
    .add_systems(
        PostUpdate,
        send.in_set(ClientSystems::SendPackets)
            .run_if(resource_exists::<WebLink>),
    )
    .add_systems(
        PreUpdate,
        disconnected
            .in_set(ClientSystems::ReceivePackets)
            .run_if(resource_removed::<WebLink>),
    );
}

fn receive(
    mut link: ResMut<WebLink>,
    mut messages: ResMut<ClientMessages>,
    channels: Res<RepliconChannels>,
    state: Res<State<ClientState>>,
    mut next: ResMut<NextState<ClientState>>,
) {
    link.pump(&mut messages, channels.server_channels().len());
    let wanted = match link.stage {
        Stage::Greeting | Stage::Proving => ClientState::Connecting,
        Stage::Open { .. } => ClientState::Connected,
        Stage::Refused(_) | Stage::Closed => ClientState::Disconnected,
    };
    if *state.get() != wanted {
        next.set(wanted);
    }
}

fn send(mut link: ResMut<WebLink>, mut messages: ResMut<ClientMessages>) {
    if !matches!(link.stage, Stage::Open { .. }) {
        messages.drain_sent().for_each(drop);
        return;
    }
    let sent: Vec<(usize, Bytes)> = messages.drain_sent().collect();
    for (channel, message) in sent {
        let plain = seal::message(channel, &message);
        let Some(frame) = link.seal.as_mut().map(|s| s.seal(&plain)) else {
            return;
        };
        link.send(&frame);
    }
}

fn disconnected(state: Res<State<ClientState>>, mut next: ResMut<NextState<ClientState>>) {
    if *state.get() != ClientState::Disconnected {
        next.set(ClientState::Disconnected);
    }
}

/// Closes the link (the trainee goes back to the form).
pub fn close(commands: &mut Commands) {
    commands.remove_resource::<WebLink>();
}
