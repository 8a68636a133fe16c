//! The trainee's client in a browser (`web/build.sh` builds it for wasm32;
//! the host serves it). The page joins the workshop of the host that served
//! it: the trainee types a name and the code (already there when they
//! scanned the projector's QR code), then the lobby, the role card, the desk
//! and the debrief are the desktop app's own screens and systems.

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, UpdateMode, WinitSettings, WinitUserEvent};
use bevy_egui::egui;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass};
use faisceau_engine::Id;

use super::backend::ClientDesk;
use super::join::{JoinUi, follow_seat, link_banner, lobby, name_refused, sit_as_asked};
use super::screens::{fonts_ready, root};
use super::{Launch, Screen, Settings};
use crate::i18n::{Lang, Tr};
use crate::net::client::{self, BotPlayer, Entry, JoinError, Joined, Link};
use crate::net::code::JoinCode;
use crate::net::seal::{self, WebRefusal};
use crate::net::web_client::{self, Stage, WebLink};
use crate::net::words::{code_error_text, join_error_text};
use crate::ui::network::{self as screens, NetAction};
use crate::ui::picker::Display;

/// What the page's address asks for: `?code=K7QX-M2PD` (the QR code's),
/// and `lang`, `name`, `table`, `role` and `bot` as on the command line.
#[derive(Resource, Clone, Debug, Default)]
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

/// Runs the browser client until the page closes.
pub fn run() {
    let page = Page::read();
    let lang = page.lang.unwrap_or_default();
    let tr = Tr::new(lang);
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: tr.t("app-title"),
            canvas: Some("#faisceau".into()),
            fit_canvas_to_parent: true,
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .add_plugins(bevy_replicon::prelude::RepliconPlugins)
    .insert_resource(WinitSettings {
        focused_mode: UpdateMode::reactive(super::idle::IDLE_WAKE),
        unfocused_mode: UpdateMode::reactive_low_power(super::idle::IDLE_WAKE),
    })
    .insert_resource(Settings {
        tr,
        // The page's width is known now: start at the scale `fit_scale`
        // would choose, so the first frames do not lay out text twice.
        display: Display {
            scale: {
                let window = web_sys::window();
                let size = |v: Option<wasm_bindgen::JsValue>, or: f64| {
                    v.and_then(|v| v.as_f64()).unwrap_or(or) as f32
                };
                scale_for(
                    size(window.as_ref().and_then(|w| w.inner_width().ok()), 1024.0),
                    size(window.as_ref().and_then(|w| w.inner_height().ok()), 768.0),
                )
            },
            contrast: false,
        },
    })
    .insert_resource(Launch { lang, ..default() })
    .insert_state(Screen::JoinForm)
    .init_resource::<super::reload::CaseFile>()
    .init_resource::<super::ProjectorWanted>()
    .init_resource::<JoinUi>()
    .init_resource::<ClientDesk>()
    .insert_resource(page)
    .add_systems(Startup, (super::spawn_camera, fill_form))
    .add_plugins((super::screens::plugin, super::idle::plugin));
    crate::net::shared(&mut app);
    app.add_plugins((client::plugin, web_client::plugin))
        .add_systems(
            Update,
            (
                fit_scale,
                follow_link,
                reconnect,
                (name_refused.run_if(in_state(Screen::Lobby)), follow_seat).chain(),
                sit_as_asked,
                client::play_bot.run_if(resource_exists::<BotPlayer>),
                expose_state,
            ),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (
                join_form.run_if(in_state(Screen::JoinForm)),
                lobby.run_if(in_state(Screen::Lobby).and_then(resource_exists::<Joined>)),
                link_banner.run_if(resource_exists::<Joined>),
            )
                .run_if(fonts_ready),
        );
    app.run();
}

/// The code and name from the address; with both, the page joins at once.
fn fill_form(mut join: ResMut<JoinUi>, page: Res<Page>) {
    join.form.in_browser = true;
    join.form.code = page.code.clone().unwrap_or_default();
    join.form.name = page.name.clone().unwrap_or_default();
    join.auto = page.code.is_some() && page.name.is_some();
}

/// Text at the desktop's size on a laptop, smaller on a tablet held close.
fn fit_scale(windows: Query<&Window>, mut settings: ResMut<Settings>) {
    let Some(window) = windows.iter().next() else {
        return;
    };
    let scale = scale_for(window.width(), window.height());
    if settings.display.scale != scale {
        settings.display.scale = scale;
    }
}

/// The desktop's zoom on a page at least 1280 points wide and 720 high; 1
/// below, where the desk needs the room (a 1366×768 laptop leaves the page
/// about 625 points: at 1.25 the header and the send bar would leave the
/// form 300).
fn scale_for(width: f32, height: f32) -> f32 {
    if width >= 1280.0 && height >= 720.0 {
        1.25
    } else {
        1.0
    }
}

/// The join form, without an address: the workshop is this page's host.
fn join_form(
    mut commands: Commands,
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut join: ResMut<JoinUi>,
    link: Option<Res<WebLink>>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    join.form.busy = link.is_some();
    let mut actions = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            screens::join_page(ui, &mut join.form, &settings.tr)
        })
        .inner;
    if join.auto && link.is_none() {
        join.auto = false;
        actions.push(NetAction::Join);
    }
    if !actions.contains(&NetAction::Join) || link.is_some() {
        return Ok(());
    }
    let code = match JoinCode::parse(&join.form.code) {
        Ok(code) => code,
        Err(e) => {
            join.form.error = Some(code_error_text(&e, &settings.tr));
            return Ok(());
        }
    };
    join.form.error = None;
    let keys = code.keys();
    match web_client::open(seal::web_key(&keys.netcode), waker(proxy.as_deref())) {
        Ok(link) => {
            commands.insert_resource(link);
            commands.insert_resource(Knocking(keys));
        }
        Err(e) => {
            join.form.error = Some(join_error_text(
                &JoinError::Io(std::io::Error::other(e)),
                &settings.tr,
            ))
        }
    }
    Ok(())
}

/// Wakes the page's event loop when a frame arrives.
fn waker(proxy: Option<&EventLoopProxyWrapper>) -> Box<dyn Fn()> {
    let proxy = proxy.map(|p| (**p).clone());
    Box::new(move || {
        if let Some(proxy) = &proxy {
            let _ = proxy.send_event(WinitUserEvent::WakeUp);
        }
    })
}

/// The keys of the code being tried, until the host answers.
#[derive(Resource)]
struct Knocking(crate::net::code::Keys);

/// Moves from the form to the lobby once the host let us in, or back to
/// the form with the host's refusal in the desktop app's words.
#[allow(clippy::too_many_arguments)]
fn follow_link(
    mut commands: Commands,
    link: Option<Res<WebLink>>,
    knocking: Option<Res<Knocking>>,
    page: Res<Page>,
    mut join: ResMut<JoinUi>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut client_desk: ResMut<ClientDesk>,
) {
    let (Some(link), Some(knocking)) = (link, knocking) else {
        return;
    };
    let error = match &link.stage {
        Stage::Greeting | Stage::Proving => return,
        Stage::Open { workshop } => {
            let entry = Entry {
                workshop: workshop.clone(),
                addr: std::net::SocketAddr::from(([0, 0, 0, 0], 0)),
                addresses: Vec::new(),
                keys: knocking.0.clone(),
            };
            let name = join.form.name.trim().to_owned();
            let mut joined = Joined::new(entry, name, page.seat.clone());
            joined.keep_token = true;
            joined.token = crate::net::seats::recall(&joined.entry.keys, &joined.name);
            commands.insert_resource(joined);
            *client_desk = ClientDesk::default();
            if page.bot {
                // A bot does not read its card: the page shows the desk.
                client_desk.card_read = true;
                commands.insert_resource(BotPlayer::new(
                    u64::from(js_sys::Math::random().to_bits() as u32),
                    std::time::Duration::from_millis(1500),
                ));
            }
            commands.remove_resource::<Knocking>();
            next.set(Screen::Lobby);
            return;
        }
        Stage::Refused(WebRefusal::WrongCode) => JoinError::WrongCode,
        Stage::Refused(WebRefusal::SlowDown) => JoinError::SlowDown,
        Stage::Refused(WebRefusal::Version(theirs)) => JoinError::Version {
            mine: crate::net::VERSION.to_owned(),
            theirs: theirs.clone(),
        },
        Stage::Closed => {
            let host = web_sys::window()
                .and_then(|w| w.location().hostname().ok())
                .unwrap_or_default();
            let port = web_sys::window()
                .and_then(|w| w.location().port().ok())
                .and_then(|p| p.parse().ok())
                .unwrap_or(80);
            JoinError::NoAnswer(host, port)
        }
    };
    join.form.error = Some(join_error_text(&error, &settings.tr));
    commands.remove_resource::<WebLink>();
    commands.remove_resource::<Knocking>();
}

/// A closed tab, a laptop put to sleep or a dropped Wi-Fi: the link is
/// opened again every two seconds, and the host seats the person back with
/// the seat token this page kept.
fn reconnect(
    mut commands: Commands,
    link: Option<Res<WebLink>>,
    joined: Option<ResMut<Joined>>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
) {
    let Some(mut joined) = joined else { return };
    let closed = link
        .as_ref()
        .is_none_or(|l| matches!(l.stage, Stage::Closed | Stage::Refused(_)));
    if !closed {
        return;
    }
    if joined.said_hello() {
        warn!("connection lost; reconnecting");
        joined.lose();
        return;
    }
    if !joined.retry_due() {
        return;
    }
    let key = seal::web_key(&joined.entry.keys.netcode);
    match web_client::open(key, waker(proxy.as_deref())) {
        Ok(link) => commands.insert_resource(link),
        Err(e) => warn!("reconnecting: {e}"),
    }
}

/// Where the client stands, on the page's root element, for tests and
/// support: `data-screen`, `data-link`, `data-seat`, `data-views` (views
/// received), `data-sent` (shares the role has sent), and when (Unix time in
/// milliseconds) the first screen and the lobby showed: `data-shown-at`,
/// `data-lobby-at`.
fn expose_state(
    screen: Res<State<Screen>>,
    joined: Option<Res<Joined>>,
    mut marked: Local<(bool, bool)>,
) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let now = js_sys::Date::now().to_string();
    if !marked.0 {
        marked.0 = true;
        let _ = root.set_attribute("data-shown-at", &now);
    }
    if !marked.1 && joined.as_ref().is_some_and(|j| j.lobby.is_some()) {
        marked.1 = true;
        let _ = root.set_attribute("data-lobby-at", &now);
    }
    let _ = root.set_attribute("data-screen", &format!("{:?}", screen.get()));
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
