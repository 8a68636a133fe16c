//! The browser's side of the link (`seal.rs`): a WebSocket to the host that
//! served the page. The page has no replicon: once the code is proved, each
//! frame is a sealed message on replicon's channel of [`super::Up`] or
//! [`super::Down`] ([`super::UP_CHANNEL`], [`super::DOWN_CHANNEL`]); the host
//! gives replicon the protocol hash on the page's behalf. The page has one
//! thread, so the socket's callbacks leave what arrives in a queue that
//! [`WebLink::pump`] reads.

// The crate allows unused code on wasm32 (shared modules the page uses in
// part); the page's own code is held to the usual rules.
#![warn(dead_code, unused_imports)]

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use tracing::warn;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{BinaryType, CloseEvent, MessageEvent, WebSocket};

use super::error::NetError;
use super::protocol::{ToClient, ToHost, encode};
use super::seal::{self, NONCE_LEN, PROOF, Seal, Side, WebRefusal};
use super::{DOWN_CHANNEL, UP_CHANNEL, VERSION};

/// What the socket's callbacks leave for the page.
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
pub struct WebLink {
    socket: WebSocket,
    inbox: Rc<RefCell<VecDeque<Incoming>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_close: Closure<dyn FnMut(CloseEvent)>,
    web_key: [u8; 32],
    seal: Option<Seal>,
    /// Where the link stands.
    pub stage: Stage,
    /// Bytes of host messages received (before inflating).
    pub received_bytes: u64,
}

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

impl WebLink {
    /// Opens a link to the host that served the page, for the workshop whose
    /// web key is `web_key`; `wake` wakes the page when something arrives.
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
            received_bytes: 0,
        })
    }

    /// Whether the link carries messages.
    pub fn is_open(&self) -> bool {
        matches!(self.stage, Stage::Open { .. })
    }

    /// Whether the link is over (closed, failed or refused).
    pub fn is_over(&self) -> bool {
        matches!(self.stage, Stage::Closed | Stage::Refused(_))
    }

    /// Sends a message to the host (dropped unless the link is open).
    pub fn send(&mut self, message: &ToHost) {
        if !self.is_open() {
            return;
        }
        let plain = seal::message(usize::from(UP_CHANNEL), &encode(message));
        if let Some(frame) = self.seal.as_mut().map(|s| s.seal(&plain)) {
            self.send_frame(&frame);
        }
    }

    fn send_frame(&self, bytes: &[u8]) {
        if let Err(e) = self.socket.send_with_u8_array(bytes) {
            warn!("cannot send to the host: {e:?}");
        }
    }

    /// Takes what arrived: moves the handshake on, and returns the host's
    /// messages, in order.
    pub fn pump(&mut self) -> Vec<ToClient> {
        let mut messages = Vec::new();
        loop {
            let Some(incoming) = self.inbox.borrow_mut().pop_front() else {
                return messages;
            };
            let frame = match incoming {
                Incoming::Closed => {
                    if !self.is_over() {
                        self.stage = Stage::Closed;
                    }
                    return messages;
                }
                Incoming::Frame(frame) => frame,
            };
            match &self.stage {
                Stage::Greeting => {
                    let Some((host_nonce, version)) = seal::read_greeting(&frame) else {
                        self.fail("the host's greeting is unreadable");
                        return messages;
                    };
                    if version != VERSION {
                        self.stage = Stage::Refused(WebRefusal::Version(version));
                        return messages;
                    }
                    let nonce: [u8; NONCE_LEN] = seal::fresh_nonce();
                    let mut seal = Seal::new(&self.web_key, &host_nonce, &nonce, Side::Browser);
                    let mut proof = nonce.to_vec();
                    proof.extend(seal.seal(PROOF));
                    self.send_frame(&proof);
                    self.seal = Some(seal);
                    self.stage = Stage::Proving;
                }
                Stage::Proving => {
                    if let Some(reason) = seal::read_refusal(&frame) {
                        self.stage = Stage::Refused(reason);
                        return messages;
                    }
                    let Some(name) = self.seal.as_mut().and_then(|s| s.open(&frame)) else {
                        self.fail("the host's answer did not open");
                        return messages;
                    };
                    self.stage = Stage::Open {
                        workshop: String::from_utf8_lossy(&name).into_owned(),
                    };
                }
                Stage::Open { .. } => {
                    let Some(plain) = self.seal.as_mut().and_then(|s| s.open(&frame)) else {
                        self.fail("a frame from the host did not open");
                        return messages;
                    };
                    // Replication and other channels carry nothing for this page.
                    let Some((DOWN_CHANNEL, bytes)) = seal::read_message(&plain) else {
                        continue;
                    };
                    self.received_bytes += frame.len() as u64;
                    match super::unpack(bytes) {
                        Some(message) => messages.push(message),
                        None => warn!("an unreadable message from the host"),
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
