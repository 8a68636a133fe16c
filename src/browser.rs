//! The trainee's client in a browser (`web/build.sh` builds it for wasm32;
//! the host serves it). The page joins the workshop of the host that served
//! it: the trainee types a name and the code (already there when they
//! scanned the projector's QR code); then the lobby, the role card, the desk
//! and the debrief are the desktop app's own screens (`crate::ui`), drawn by
//! egui through eframe on WebGL2, without Bevy; what the client knows and
//! how it greets, plays a bot and reconnects are the desktop client's own
//! ([`Joined`], [`BotPlayer`]).

// The crate allows unused code on wasm32 (shared modules the page uses in
// part); the page's own code is held to the usual rules.
#![warn(dead_code, unused_imports)]

use std::time::Duration;

use eframe::egui;
use faisceau_engine::Id;
use wasm_bindgen::JsCast;
use web_time::Instant;

use crate::i18n::{Lang, Tr};
use crate::net::client::{BotPlayer, Entry, JoinError, Joined, Link};
use crate::net::code::{JoinCode, Keys};
use crate::net::protocol::ToHost;
use crate::net::seal::{self, WebRefusal};
use crate::net::web_client::{Stage, WebLink};
use crate::net::words::{code_error_text, join_error_text, refused_text};
use crate::ui::desk::DeskState;
use crate::ui::network::{self as screens, JoinForm, NetAction};
use crate::ui::theme;
use crate::ui::{self, UiAction};

/// The longest the page sleeps without input or a message: the desk's
/// clock and the link's keep-alive need no more.
const IDLE_WAKE: Duration = Duration::from_secs(2);

/// What the page's address asks for: `?code=K7QX-M2PD` (the QR code's),
/// and `lang`, `name`, `table`, `role` and `bot` as on the command line.
#[derive(Clone, Debug, Default)]
struct Page {
    code: Option<String>,
    name: Option<String>,
    lang: Option<Lang>,
    seat: Option<(usize, Option<Id>)>,
    bot: bool,
}

impl Page {
    fn read() -> Page {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let get = |key: &str| {
            params
                .as_ref()
                .and_then(|p| p.get(key))
                .filter(|v| !v.trim().is_empty())
        };
        let browser_lang = web_sys::window()
            .and_then(|w| w.navigator().language())
            .unwrap_or_default();
        let lang = get("lang").or(Some(browser_lang)).map(|l| {
            if l.starts_with("en") {
                Lang::En
            } else {
                Lang::Fr
            }
        });
        let table = get("table")
            .and_then(|t| t.parse::<usize>().ok())
            .map(|t| t.saturating_sub(1));
        let role = get("role").map(|r| Id::new(&r));
        Page {
            code: get("code"),
            name: get("name"),
            lang,
            seat: match (table, role) {
                (Some(t), role) => Some((t, role)),
                (None, Some(role)) => Some((0, Some(role))),
                (None, None) => None,
            },
            bot: get("bot").is_some_and(|b| b == "1"),
        }
    }
}

/// The page's screens, in the order a trainee meets them.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Screen {
    JoinForm,
    Lobby,
    RoleCard,
    Desk,
    Debrief,
}

/// The browser client: what the trainee sees and what the host sent.
struct Client {
    ctx: egui::Context,
    tr: Tr,
    page: Page,
    screen: Screen,
    form: JoinForm,
    /// Join at once (the address had a code and a name).
    auto: bool,
    link: Option<WebLink>,
    /// The keys of the code being tried, until the host answers.
    knocking: Option<Keys>,
    joined: Option<Joined>,
    desk: DeskState,
    card_read: bool,
    bot: Option<BotPlayer>,
    /// The seat of the address (`table`, `role`) was asked for.
    sat_as_asked: bool,
    /// The first screen and the lobby were marked on the page.
    marked: (bool, bool),
    /// The zoom applied: the desktop's 1.25 on a large page.
    zoom: Option<f32>,
}

/// Runs the browser client in the page's canvas.
pub fn run() {
    let page = Page::read();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(canvas) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("faisceau"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            tracing::error!("the page has no canvas #faisceau");
            return;
        };
        let started = eframe::WebRunner::new()
            .start(
                canvas,
                eframe::WebOptions::default(),
                Box::new(move |creation| {
                    Ok(Box::new(Client::new(creation.egui_ctx.clone(), page)))
                }),
            )
            .await;
        if let Err(e) = started {
            tracing::error!("the page could not start: {e:?}");
        }
    });
}

impl Client {
    fn new(ctx: egui::Context, page: Page) -> Client {
        let lang = page.lang.unwrap_or_default();
        let mut form = JoinForm {
            in_browser: true,
            ..JoinForm::default()
        };
        form.code = page.code.clone().unwrap_or_default();
        form.name = page.name.clone().unwrap_or_default();
        Client {
            ctx,
            tr: Tr::new(lang),
            auto: page.code.is_some() && page.name.is_some(),
            page,
            screen: Screen::JoinForm,
            form,
            link: None,
            knocking: None,
            joined: None,
            desk: DeskState::default(),
            card_read: false,
            bot: None,
            sat_as_asked: false,
            marked: (false, false),
            zoom: None,
        }
    }

    /// A function that wakes the page (a frame arrived).
    fn waker(&self) -> Box<dyn Fn()> {
        let ctx = self.ctx.clone();
        Box::new(move || ctx.request_repaint())
    }

    /// Opens a link for `keys`' workshop, or says why not on the form.
    fn open_link(&mut self, keys: &Keys) -> bool {
        match WebLink::open(seal::web_key(&keys.netcode), self.waker()) {
            Ok(link) => {
                self.link = Some(link);
                true
            }
            Err(e) => {
                tracing::warn!("opening the link: {e}");
                self.form.error = Some(join_error_text(
                    &JoinError::Io(std::io::Error::other(e)),
                    &self.tr,
                ));
                false
            }
        }
    }

    /// The trainee pressed "Join" (or the address joins at once).
    fn join(&mut self) {
        if self.link.is_some() {
            return;
        }
        let code = match JoinCode::parse(&self.form.code) {
            Ok(code) => code,
            Err(e) => {
                self.form.error = Some(code_error_text(&e, &self.tr));
                return;
            }
        };
        self.form.error = None;
        let keys = code.keys();
        if self.open_link(&keys) {
            self.knocking = Some(keys);
        }
    }

    /// Back to the join form, which keeps what was typed.
    fn leave(&mut self, error: Option<String>) {
        self.link = None;
        self.knocking = None;
        self.joined = None;
        self.bot = None;
        self.sat_as_asked = false;
        self.form.error = error;
        self.screen = Screen::JoinForm;
    }

    /// Moves from the form to the lobby once the host let us in, or back to
    /// the form with the host's refusal in the desktop app's words.
    fn follow_knock(&mut self) {
        let (Some(link), Some(keys)) = (&self.link, &self.knocking) else {
            return;
        };
        let error = match &link.stage {
            Stage::Greeting | Stage::Proving => return,
            Stage::Open { workshop } => {
                let entry = Entry {
                    workshop: workshop.clone(),
                    addr: std::net::SocketAddr::from(([0, 0, 0, 0], 0)),
                    addresses: Vec::new(),
                    keys: keys.clone(),
                };
                let name = self.form.name.trim().to_owned();
                let mut joined = Joined::new(entry, name, self.page.seat.clone());
                joined.keep_token = true;
                joined.token = crate::net::seats::recall(&joined.entry.keys, &joined.name);
                self.joined = Some(joined);
                self.desk = DeskState::default();
                self.card_read = false;
                if self.page.bot {
                    // A bot does not read its card: the page shows the desk.
                    self.card_read = true;
                    self.bot = Some(BotPlayer::new(
                        u64::from(js_sys::Math::random().to_bits() as u32),
                        Duration::from_millis(1500),
                    ));
                }
                self.knocking = None;
                self.screen = Screen::Lobby;
                return;
            }
            Stage::Refused(WebRefusal::WrongCode) => JoinError::WrongCode,
            Stage::Refused(WebRefusal::SlowDown) => JoinError::SlowDown,
            Stage::Refused(WebRefusal::Version(theirs)) => JoinError::Version {
                mine: crate::net::VERSION.to_owned(),
                theirs: theirs.clone(),
            },
            Stage::Closed => {
                let location = web_sys::window().map(|w| w.location());
                let host = location
                    .as_ref()
                    .and_then(|l| l.hostname().ok())
                    .unwrap_or_default();
                let port = location
                    .as_ref()
                    .and_then(|l| l.port().ok())
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(80);
                JoinError::NoAnswer(host, port)
            }
        };
        let text = join_error_text(&error, &self.tr);
        self.leave(Some(text));
    }

    /// A closed tab, a laptop put to sleep or a dropped Wi-Fi: the link is
    /// opened again every two seconds, and the host seats the person back
    /// with the seat token this page kept.
    fn reconnect(&mut self) {
        let Some(joined) = self.joined.as_mut() else {
            return;
        };
        if self.link.as_ref().is_some_and(|l| !l.is_over()) {
            return;
        }
        if joined.said_hello() {
            tracing::warn!("connection lost; reconnecting");
            joined.lose();
            self.link = None;
            return;
        }
        if !joined.retry_due() {
            return;
        }
        let keys = joined.entry.keys.clone();
        match WebLink::open(seal::web_key(&keys.netcode), self.waker()) {
            Ok(link) => self.link = Some(link),
            Err(e) => tracing::warn!("reconnecting: {e}"),
        }
    }

    /// Reads what arrived, greets, plays the bot, and follows the seat:
    /// the page's part of the desktop client's systems.
    fn network(&mut self) {
        let messages = self.link.as_mut().map(WebLink::pump).unwrap_or_default();
        if self.knocking.is_some() {
            self.follow_knock();
        }
        let Some(joined) = self.joined.as_mut() else {
            return;
        };
        for message in messages {
            joined.take(message);
        }
        if let Some(link) = &self.link {
            joined.received_bytes = link.received_bytes;
        }
        let mut out = Vec::new();
        if self.link.as_ref().is_some_and(WebLink::is_open) {
            out.extend(joined.greet());
            // `?table=&role=`: take that seat as soon as the lobby shows, once.
            if !self.sat_as_asked
                && joined.seat.is_none()
                && joined.lobby.is_some()
                && let Some((table, Some(role))) = joined.want.clone()
            {
                self.sat_as_asked = true;
                joined.refused = None;
                out.push(ToHost::Sit { table, role });
            }
            if let Some(bot) = self.bot.as_mut() {
                out.extend(bot.step(joined));
            }
        }
        self.send(out);
        self.reconnect();
        self.name_refused();
        self.follow_seat();
    }

    fn send(&mut self, messages: Vec<ToHost>) {
        if let Some(link) = self.link.as_mut() {
            for message in &messages {
                link.send(message);
            }
        }
    }

    /// A name the host refuses (in use, or too long) sends the trainee back
    /// to the join form, which keeps what they typed.
    fn name_refused(&mut self) {
        if self.screen != Screen::Lobby {
            return;
        }
        let Some(refused) = self.joined.as_ref().and_then(Joined::name_refused) else {
            return;
        };
        let text = refused_text(refused, &self.tr);
        self.leave(Some(text));
    }

    /// Moves between lobby, card and desk as the host seats the trainee.
    fn follow_seat(&mut self) {
        let Some(joined) = self.joined.as_mut() else {
            return;
        };
        // Back on a seat held before: to the desk, with a word of welcome.
        if joined.back {
            joined.back = false;
            self.card_read = true;
            self.desk.welcome_back = true;
        }
        let seated = joined.seat.is_some() && joined.view.is_some();
        match self.screen {
            Screen::Lobby if seated => {
                self.screen = if self.card_read {
                    Screen::Desk
                } else {
                    Screen::RoleCard
                };
            }
            Screen::RoleCard | Screen::Desk if joined.seat.is_none() => {
                self.screen = Screen::Lobby;
            }
            _ => {}
        }
    }

    /// The desktop's zoom on a page at least 1280 points wide and 720 high;
    /// 1 below, where the desk needs the room (a 1366×768 laptop leaves the
    /// page about 625 points: at 1.25 the header and the send bar would
    /// leave the form 300).
    fn fit_zoom(&mut self, ctx: &egui::Context) {
        let window = web_sys::window();
        let size = |v: Option<wasm_bindgen::JsValue>| v.and_then(|v| v.as_f64()).unwrap_or(0.0);
        let width = size(window.as_ref().and_then(|w| w.inner_width().ok()));
        let height = size(window.as_ref().and_then(|w| w.inner_height().ok()));
        let zoom = if width >= 1280.0 && height >= 720.0 {
            1.25
        } else {
            1.0
        };
        if self.zoom != Some(zoom) {
            self.zoom = Some(zoom);
            ctx.set_zoom_factor(zoom);
        }
    }

    /// Draws the screen and applies what the trainee asked for.
    fn draw(&mut self, ui: &mut egui::Ui) {
        let tr = &self.tr;
        let mut out = Vec::new();
        match self.screen {
            Screen::JoinForm => {
                self.form.busy = self.link.is_some();
                let mut actions = egui::CentralPanel::default()
                    .show(ui, |ui| screens::join_page(ui, &mut self.form, tr))
                    .inner;
                if self.auto && self.link.is_none() {
                    self.auto = false;
                    actions.push(NetAction::Join);
                }
                if actions.contains(&NetAction::Join) {
                    self.join();
                }
            }
            Screen::Lobby => {
                let Some(joined) = &self.joined else { return };
                let actions = egui::CentralPanel::default()
                    .show(ui, |ui| screens::joined_lobby(ui, joined, tr))
                    .inner;
                for action in actions {
                    match action {
                        NetAction::Sit(table, role) => out.push(ToHost::Sit { table, role }),
                        NetAction::Stand => out.push(ToHost::Stand),
                        _ => {}
                    }
                }
            }
            Screen::RoleCard => {
                let Some(view) = self.joined.as_ref().and_then(|j| j.view.as_ref()) else {
                    return;
                };
                let again = self.card_read;
                let actions = egui::CentralPanel::default()
                    .show(ui, |ui| ui::picker::role_card(ui, view, tr, again))
                    .inner;
                if actions.contains(&UiAction::Begin) {
                    self.card_read = true;
                    self.screen = Screen::Desk;
                }
            }
            Screen::Desk => {
                let Some(joined) = self.joined.as_mut() else {
                    return;
                };
                if let Some(refusal) = joined.command_refused.take() {
                    self.desk.refusal = Some(refusal);
                }
                let Some(view) = joined.view.as_ref() else {
                    return;
                };
                let desk = &mut self.desk;
                let actions = egui::CentralPanel::default()
                    .frame(egui::Frame::NONE)
                    .show(ui, |ui| ui::desk::desk(ui, view, desk, tr))
                    .inner;
                for action in actions {
                    match action {
                        UiAction::OpenDebrief if joined.debrief.is_some() => {
                            self.screen = Screen::Debrief;
                        }
                        UiAction::OpenCard => self.screen = Screen::RoleCard,
                        UiAction::Role(command) => out.push(ToHost::Command(command)),
                        _ => {}
                    }
                }
            }
            Screen::Debrief => {
                let Some(package) = self.joined.as_ref().and_then(|j| j.debrief.as_ref()) else {
                    return;
                };
                let actions = egui::CentralPanel::default()
                    .show(ui, |ui| {
                        ui::debrief::debrief(
                            ui,
                            &package.scenario,
                            &package.rulebook,
                            &package.debrief,
                            Some(&package.role),
                            tr,
                        )
                    })
                    .inner;
                for action in actions {
                    match action {
                        UiAction::BackToDesk => self.screen = Screen::Desk,
                        // Leaving the table: the page starts afresh at its form.
                        UiAction::OpenLauncher | UiAction::Quit => self.leave(None),
                        _ => {}
                    }
                }
            }
        }
        self.send(out);
        if let Some(joined) = &self.joined {
            screens::link_banner(ui.ctx(), joined, &self.tr);
        }
    }

    /// Where the client stands, on the page's root element, for tests and
    /// support: `data-screen`, `data-link`, `data-seat`, `data-views` (views
    /// received), `data-sent` (shares the role has sent), and when (Unix time
    /// in milliseconds) the first screen and the lobby showed:
    /// `data-shown-at`, `data-lobby-at`.
    fn expose_state(&mut self) {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let now = js_sys::Date::now().to_string();
        if !self.marked.0 {
            self.marked.0 = true;
            let _ = root.set_attribute("data-shown-at", &now);
        }
        let joined = self.joined.as_ref();
        if !self.marked.1 && joined.is_some_and(|j| j.lobby.is_some()) {
            self.marked.1 = true;
            let _ = root.set_attribute("data-lobby-at", &now);
        }
        let _ = root.set_attribute("data-screen", &format!("{:?}", self.screen));
        let Some(joined) = joined else { return };
        let link = match joined.link {
            Link::Connecting => "connecting",
            Link::Connected => "connected",
            Link::Lost => "lost",
        };
        let _ = root.set_attribute("data-link", link);
        let seat = joined
            .seat
            .as_ref()
            .map(|(t, r)| format!("{}:{}", t + 1, r.as_str()))
            .unwrap_or_default();
        let _ = root.set_attribute("data-seat", &seat);
        let _ = root.set_attribute("data-views", &joined.views.to_string());
        let sent = joined.view.as_ref().map_or(0, |v| v.sent.len());
        let _ = root.set_attribute("data-sent", &sent.to_string());
    }

    /// When the page next needs a pass without input or a message.
    fn next_wake(&self) -> Duration {
        let bot = self
            .bot
            .as_ref()
            .and_then(BotPlayer::due)
            .map(|at| at.saturating_duration_since(Instant::now()));
        bot.map_or(IDLE_WAKE, |b| b.min(IDLE_WAKE))
    }
}

impl eframe::App for Client {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.network();
        self.fit_zoom(ctx);
        ctx.request_repaint_after(self.next_wake());
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // The theme's fonts bind at the pass after they are installed.
        if !theme::ready(ui.ctx(), theme::Palette::for_contrast(false)) {
            return;
        }
        self.draw(ui);
        self.expose_state();
    }
}
