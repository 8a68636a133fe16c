//! Screens of the networked workshop, as pure functions: the host's setup
//! and seating plan, the join form, the lobby, and the projector's board.

use egui::{self, RichText};
use faisceau_engine::Id;
use faisceau_engine::model::Scenario;
use faisceau_engine::session::Status;

use super::theme::{self, size};
use super::{clock, duration, heading, text};
use crate::i18n::Tr;
use crate::net::client::{Joined, Link};
use crate::net::protocol::Refused;
use crate::net::words::refused_text;
use crate::views::lobby::{Lobby, Occupant};
use crate::views::room::TableBoard;

/// What the person asked for on a network screen.
#[derive(Clone, Debug, PartialEq)]
pub enum NetAction {
    /// Host: open the workshop with the form's settings.
    OpenWorkshop,
    /// Join: knock with the form's settings.
    Join,
    /// Join: look for workshops on the network again.
    Search,
    /// Join: use a found workshop's address.
    UseAddress(String),
    /// Lobby: take this role.
    Sit(usize, Id),
    /// Lobby: leave my role.
    Stand,
    /// Back to the launcher.
    Back,
}

/// The host's setup form.
#[derive(Clone, Debug, Default)]
pub struct HostForm {
    /// The workshop's name.
    pub name: String,
    /// Index of the case in the library.
    pub case: usize,
    /// How many tables.
    pub tables: usize,
    /// A code to reuse, or empty for a fresh one.
    pub code: String,
    /// The last error.
    pub error: Option<String>,
}

/// The host's setup: name, case, tables.
pub fn host_setup(
    ui: &mut egui::Ui,
    cases: &[&Scenario],
    form: &mut HostForm,
    tr: &Tr,
) -> Vec<NetAction> {
    let mut actions = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        heading(ui, tr.t("host-title"));
        ui.label(tr.t("host-intro"));
        ui.add_space(12.0);
        egui::Grid::new("host_form")
            .num_columns(2)
            .spacing([16.0, 10.0])
            .show(ui, |ui| {
                ui.label(tr.t("host-name"));
                ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(360.0));
                ui.end_row();
                ui.label(tr.t("host-tables"));
                ui.add(egui::Slider::new(&mut form.tables, 1..=12));
                ui.end_row();
                ui.label(tr.t("host-code"));
                ui.add(
                    egui::TextEdit::singleline(&mut form.code)
                        .hint_text(tr.t("host-code-hint"))
                        .desired_width(200.0),
                );
                ui.end_row();
            });
        ui.add_space(12.0);
        ui.label(RichText::new(tr.t("host-case")).strong());
        for (i, case) in cases.iter().enumerate() {
            let label = format!(
                "{} — {}",
                text(tr, &case.title),
                duration(case.duration_minutes)
            );
            if ui.radio(form.case == i, label).clicked() {
                form.case = i;
            }
        }
        if let Some(case) = cases.get(form.case) {
            ui.add_space(8.0);
            ui.label(text(tr, &case.summary));
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    tr.t("picker-content-note"),
                    text(tr, &case.content_note)
                ))
                .italics(),
            );
            ui.label(tr.t_args("host-roles", &[("count", case.roles.len().to_string())]));
        }
        if let Some(error) = &form.error {
            ui.colored_label(theme::palette(ui).breach, error);
        }
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            let open = egui::Button::new(RichText::new(tr.t("host-open")).size(size::HEADING))
                .min_size(egui::vec2(280.0, 44.0));
            if ui
                .add_enabled(!cases.is_empty() && !form.name.trim().is_empty(), open)
                .clicked()
            {
                actions.push(NetAction::OpenWorkshop);
            }
            if ui.button(tr.t("back")).clicked() {
                actions.push(NetAction::Back);
            }
        });
    });
    actions
}

/// The join form.
#[derive(Clone, Debug, Default)]
pub struct JoinForm {
    /// The trainee's name.
    pub name: String,
    /// The code.
    pub code: String,
    /// The host's address.
    pub address: String,
    /// Workshops found on the network: name and address.
    pub found: Vec<(String, String)>,
    /// Searching or knocking now.
    pub busy: bool,
    /// The last error, in words.
    pub error: Option<String>,
    /// In a browser: the workshop is the page's host, so there is no
    /// address to type, no search and nowhere to go back to.
    pub in_browser: bool,
}

/// The join form: name, code, address (or a found workshop).
pub fn join_form(ui: &mut egui::Ui, form: &mut JoinForm, tr: &Tr) -> Vec<NetAction> {
    let mut actions = Vec::new();
    let browser = form.in_browser;
    egui::ScrollArea::vertical().show(ui, |ui| {
        theme::heading(ui, Some(theme::icon::USERS), tr.t("join-title"));
        ui.label(tr.t(if browser {
            "join-intro-browser"
        } else {
            "join-intro"
        }));
        ui.add_space(12.0);
        // On a phone, each label above its field; elsewhere side by side.
        let narrow = browser && ui.available_width() < 520.0;
        let mut name_and_code = |ui: &mut egui::Ui, widths: [f32; 2], grid: bool| {
            let next = |ui: &mut egui::Ui| {
                if grid {
                    ui.end_row();
                } else {
                    ui.add_space(8.0);
                }
            };
            ui.label(tr.t("join-name"));
            let name = ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(widths[0]));
            focus_first(ui, browser, &form.name, &name);
            next(ui);
            ui.label(tr.t("join-code"));
            ui.add(
                egui::TextEdit::singleline(&mut form.code)
                    .hint_text("K7QX-M2PD")
                    .desired_width(widths[1]),
            );
            next(ui);
        };
        if narrow {
            let width = ui.available_width() - 8.0;
            name_and_code(ui, [width, width], false);
        }
        egui::Grid::new("join_form")
            .num_columns(2)
            .spacing([16.0, 10.0])
            .show(ui, |ui| {
                if !narrow {
                    name_and_code(ui, [320.0, 200.0], true);
                }
                if !browser {
                    ui.label(tr.t("join-address"));
                    ui.add(
                        egui::TextEdit::singleline(&mut form.address)
                            .hint_text("192.168.1.20:5170")
                            .desired_width(260.0),
                    );
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        if !browser {
            found(ui, form, tr, &mut actions);
        }
        if let Some(error) = &form.error {
            ui.add_space(8.0);
            let palette = theme::palette(ui);
            theme::band(
                ui,
                palette.breach,
                palette.surface,
                format!("{}  {error}", theme::icon::WARNING),
            );
        }
        ui.add_space(12.0);
        let missing = form.name.trim().is_empty()
            || form.code.trim().is_empty()
            || !browser && form.address.trim().is_empty();
        ui.horizontal(|ui| {
            if !browser {
                if theme::button(ui, true, theme::icon::ARROW_LEFT, &tr.t("back")).clicked() {
                    actions.push(NetAction::Back);
                }
                ui.add_space(16.0);
            }
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            if theme::primary(
                ui,
                !form.busy && !missing,
                format!("{}  {}", theme::icon::SIGN_IN, tr.t("join-go")),
            )
            .clicked()
                || enter && !form.busy && !missing
            {
                actions.push(NetAction::Join);
            }
            if form.busy {
                ui.spinner();
                ui.label(tr.t("join-busy"));
            }
        });
        if !form.busy && missing {
            let hint = if browser {
                "join-fill-browser"
            } else {
                "join-fill"
            };
            ui.label(RichText::new(tr.t(hint)).italics());
        }
    });
    actions
}

/// In a browser the page opens on the name field, ready to type.
fn focus_first(ui: &egui::Ui, browser: bool, name: &str, field: &egui::Response) {
    if browser && name.is_empty() && ui.memory(|m| m.focused().is_none()) {
        field.request_focus();
    }
}

/// The browser's first screen: the app's name and purpose, then the join
/// form in a card in the middle (at most 640 points wide).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the browser's (app/web.rs)
pub fn join_page(ui: &mut egui::Ui, form: &mut JoinForm, tr: &Tr) -> Vec<NetAction> {
    ui.add_space((ui.available_height() * 0.08).min(64.0));
    ui.vertical_centered(|ui| {
        ui.label(theme::title("Faisceau").size(size::DISPLAY));
        ui.label(theme::muted(ui, tr.t("web-tagline")));
    });
    ui.add_space(theme::space::SECTION);
    ui.vertical_centered(|ui| {
        ui.set_max_width(ui.available_width().min(640.0));
        theme::card(ui, |ui| {
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                join_form(ui, form, tr)
            })
            .inner
        })
    })
    .inner
}

/// Workshops found on the network, and a button to search again.
fn found(ui: &mut egui::Ui, form: &JoinForm, tr: &Tr, actions: &mut Vec<NetAction>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr.t("join-found")).strong());
        if theme::button(
            ui,
            !form.busy,
            theme::icon::MAGNIFYING_GLASS,
            &tr.t("join-search"),
        )
        .clicked()
        {
            actions.push(NetAction::Search);
        }
    });
    if form.found.is_empty() {
        ui.label(RichText::new(tr.t("join-none-found")).italics());
    }
    ui.horizontal_wrapped(|ui| {
        for (name, address) in &form.found {
            if theme::chip(ui, &format!("{name} — {address}"), form.address == *address).clicked()
            {
                actions.push(NetAction::UseAddress(address.clone()));
            }
        }
    });
}

fn occupant_label(ui: &egui::Ui, occupant: &Occupant, tr: &Tr) -> RichText {
    match occupant {
        Occupant::Free => RichText::new(tr.t("seat-free")).italics(),
        Occupant::Bot => RichText::new(tr.t("seat-bot")),
        Occupant::Person {
            name,
            connected: true,
        } => RichText::new(name).strong(),
        Occupant::Person {
            name,
            connected: false,
        } => RichText::new(tr.t_args("seat-disconnected", &[("name", name.clone())]))
            .color(theme::palette(ui).caution),
    }
}

fn status_name(status: Status, tr: &Tr) -> String {
    tr.t(match status {
        Status::Waiting => "status-waiting",
        Status::Running => "status-running",
        Status::Paused => "status-paused",
        Status::Ended => "status-ended",
    })
}

/// The lobby: read the content note, then take a free role.
pub fn lobby(
    ui: &mut egui::Ui,
    lobby: &Lobby,
    mine: Option<&(usize, Id)>,
    refusal: Option<String>,
    tr: &Tr,
) -> Vec<NetAction> {
    let mut actions = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        theme::column(ui, 1200.0, |ui| {
            let palette = theme::palette(ui);
            ui.add_space(8.0);
            ui.label(theme::muted(ui, lobby.workshop.clone()).size(size::HEADING));
            ui.label(theme::title(text(tr, &lobby.title)));
            ui.add_space(6.0);
            theme::card_with(ui, Some(palette.caution), |ui| {
                ui.label(theme::strong(format!(
                    "{}  {}",
                    theme::icon::INFO,
                    tr.t("picker-content-note")
                )));
                ui.label(text(tr, &lobby.content_note));
            });
            theme::band(
                ui,
                palette.accent_soft,
                palette.text,
                format!(
                    "{}  {}",
                    theme::icon::ARROW_RIGHT,
                    if mine.is_some() {
                        tr.t("lobby-seated")
                    } else {
                        tr.t("lobby-choose")
                    }
                ),
            );
            if let Some(refusal) = refusal {
                ui.add_space(4.0);
                theme::band(
                    ui,
                    palette.caution,
                    palette.surface,
                    format!("{}  {refusal}", theme::icon::WARNING),
                );
            }
            ui.add_space(8.0);
            // One card per table, one row per role: two columns when they fit,
            // so that every role of every table can be read and taken.
            let gap = theme::space::ITEM;
            let width = ui.available_width();
            let columns = if width >= 2.0 * LOBBY_CARD + gap {
                2
            } else {
                1
            };
            let card_width = ((width - gap * (columns as f32 - 1.0)) / columns as f32).floor();
            for (row, tables) in lobby.tables.chunks(columns).enumerate() {
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = gap;
                    for (c, table) in tables.iter().enumerate() {
                        let t = row * columns + c;
                        ui.allocate_ui_with_layout(
                            egui::vec2(card_width, 0.0),
                            egui::Layout::top_down(egui::Align::Min),
                            |ui| {
                                ui.set_width(card_width);
                                lobby_table(ui, t, table, mine, tr, &mut actions);
                            },
                        );
                    }
                });
                ui.add_space(gap);
            }
        });
    });
    actions
}

/// The narrowest a table's card in the lobby gets before the lobby goes to one column.
const LOBBY_CARD: f32 = 560.0;
/// Room kept on a role's row for its button.
const LOBBY_BUTTON: f32 = 200.0;

/// A table's card in the lobby: its number and state, then one row per role
/// with who holds it and, when it is free, a button to take it.
fn lobby_table(
    ui: &mut egui::Ui,
    t: usize,
    table: &crate::views::lobby::LobbyTable,
    mine: Option<&(usize, Id)>,
    tr: &Tr,
    actions: &mut Vec<NetAction>,
) {
    theme::card(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(tr.t_args("table-n", &[("n", (t + 1).to_string())]))
                    .strong()
                    .size(size::LARGE),
            );
            ui.label(theme::muted(ui, status_name(table.status, tr)));
        });
        ui.add_space(4.0);
        for seat in &table.seats {
            ui.separator();
            ui.horizontal(|ui| {
                // The role's name and who holds it on the left, wrapped; the button on the right.
                let words = (ui.available_width() - LOBBY_BUTTON).max(120.0);
                ui.allocate_ui_with_layout(
                    egui::vec2(words, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(words);
                        ui.add(egui::Label::new(text(tr, &seat.name)).wrap());
                        ui.label(occupant_label(ui, &seat.occupant, tr));
                    },
                );
                let is_mine = mine.is_some_and(|(mt, mr)| *mt == t && *mr == seat.role);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if seat.occupant == Occupant::Free
                        && table.status == Status::Waiting
                        && theme::button(ui, true, theme::icon::ARROW_RIGHT, &tr.t("lobby-take"))
                            .clicked()
                    {
                        actions.push(NetAction::Sit(t, seat.role.clone()));
                    }
                    if is_mine
                        && table.status == Status::Waiting
                        && theme::button(ui, true, theme::icon::ARROW_LEFT, &tr.t("lobby-leave"))
                            .clicked()
                    {
                        actions.push(NetAction::Stand);
                    }
                });
            });
        }
    });
}

/// What the projector shows of a workshop.
#[derive(Clone, Debug)]
pub struct Board<'a> {
    /// The workshop's name.
    pub name: &'a str,
    /// The case.
    pub scenario: &'a Scenario,
    /// Where to join with the app.
    pub addresses: &'a [String],
    /// Where to join in a browser (`http://…/`), when the host serves the
    /// browser client; its QR code carries the code too.
    pub browser: Option<&'a str>,
    /// The code, grouped.
    pub code: &'a str,
    /// The tables.
    pub tables: Vec<TableBoard>,
    /// Names of the people who joined and wait for a role.
    pub waiting: Vec<String>,
    /// Whole minutes since the first table started, once one has.
    pub elapsed: Option<u64>,
}

/// Text on the projector: never under the board's size.
fn big(text: impl Into<String>) -> RichText {
    RichText::new(text).size(size::BOARD)
}

/// The lobby, or a word while the host's first answer is on its way.
pub fn joined_lobby(ui: &mut egui::Ui, joined: &Joined, tr: &Tr) -> Vec<NetAction> {
    match &joined.lobby {
        Some(shown) => lobby(
            ui,
            shown,
            joined.seat.as_ref(),
            joined.refused.as_ref().map(|r| refused_text(r, tr)),
            tr,
        ),
        None => {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                ui.spinner();
                let palette = theme::palette(ui);
                let taking_back = joined.refused == Some(Refused::NameInUse);
                let line = if taking_back {
                    tr.t("join-taking-seat-back")
                } else {
                    tr.t_args(
                        "lobby-connecting",
                        &[("workshop", joined.entry.workshop.clone())],
                    )
                };
                ui.label(RichText::new(line).size(size::HEADING));
                if let Some(refused) = &joined.refused {
                    let color = if taking_back {
                        palette.text
                    } else {
                        palette.breach
                    };
                    ui.label(RichText::new(refused_text(refused, tr)).color(color));
                }
            });
            Vec::new()
        }
    }
}

/// Says so when the connection drops, over any screen.
pub fn link_banner(ctx: &egui::Context, joined: &Joined, tr: &Tr) {
    if joined.link == Link::Connected {
        return;
    }
    // Once the table has ended, the host closing is expected: the debrief
    // stays here, and nobody needs to wait for a reconnection.
    let closed = joined.link == Link::Lost && joined.debrief.is_some();
    let text = match joined.link {
        Link::Lost if closed => tr.t("link-closed-after-end"),
        Link::Lost => tr.t("link-lost"),
        _ => tr.t_args(
            "lobby-connecting",
            &[("workshop", joined.entry.workshop.clone())],
        ),
    };
    let (align, offset) = if closed {
        (egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
    } else {
        (egui::Align2::CENTER_TOP, [0.0, 12.0])
    };
    egui::Window::new(tr.t("app-title"))
        .anchor(align, offset)
        .collapsible(false)
        .title_bar(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if !closed {
                    ui.spinner();
                }
                ui.label(RichText::new(text).strong().size(size::LARGE));
            });
        });
}

/// The projector of a workshop: join details and who is here while waiting,
/// every table's progress during play, and the tables side by side at the
/// end. Every text is at least `size::BOARD` (32 points), read from the
/// back of a room.
pub fn board(ui: &mut egui::Ui, board: &Board, tr: &Tr) {
    let s = board.scenario;
    let waiting = board.tables.iter().all(|t| t.status == Status::Waiting);
    let ended = board.tables.iter().all(|t| t.status == Status::Ended);
    ui.vertical_centered(|ui| {
        ui.add_space(12.0);
        ui.label(
            RichText::new(text(tr, &s.title))
                .size(size::BOARD_LARGE)
                .family(theme::bold_family()),
        );
        ui.label(big(board.name).color(theme::palette(ui).muted));
        ui.add_space(12.0);
    });
    if waiting {
        join_wall(ui, board, tr);
        return;
    }
    if ended {
        compare(ui, s, &board.tables, tr);
        return;
    }
    in_play(ui, board, tr);
}

/// The join details beside a wall of the names already here, by table.
fn join_wall(ui: &mut egui::Ui, board: &Board, tr: &Tr) {
    ui.columns(2, |columns| {
        columns[0].vertical_centered(|ui| match board.browser {
            Some(url) => join_by_browser(ui, board, url, tr),
            None => join_by_app(ui, board, tr),
        });
        // Left-aligned: a column's layout would justify the lines of names.
        columns[1].with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            if let Some(url) = board.browser {
                // A phone's camera on the QR code opens the page, code filled in.
                // Large enough for a phone at the back of the room: half the
                // column, within half the screen's height.
                let side = (ui.available_width() * 0.5)
                    .min(ui.available_height() * 0.5)
                    .max(size::BOARD_QR);
                ui.horizontal(|ui| {
                    qr_code(ui, &browser_join_link(url, board.code), side);
                    ui.add_space(16.0);
                    ui.vertical(|ui| {
                        ui.set_max_width(ui.available_width());
                        ui.add(egui::Label::new(big(tr.t("projector-scan"))).wrap());
                    });
                });
                ui.add_space(16.0);
            }
            names_here(ui, board, tr);
        });
    });
}

/// How to join with the app: its addresses and the code.
fn join_by_app(ui: &mut egui::Ui, board: &Board, tr: &Tr) {
    ui.label(big(tr.t("projector-join-at")));
    ui.add_space(8.0);
    for address in board.addresses {
        ui.label(
            RichText::new(address)
                .size(size::BOARD_ADDRESS)
                .strong()
                .monospace(),
        );
    }
    ui.add_space(12.0);
    code(ui, board, tr);
    ui.add_space(12.0);
    ui.label(big(tr.t("projector-join-how")));
}

fn code(ui: &mut egui::Ui, board: &Board, tr: &Tr) {
    ui.label(big(tr.t("projector-code")));
    ui.label(
        RichText::new(board.code)
            .size(size::BOARD_CODE)
            .strong()
            .monospace(),
    );
}

/// How to join in a browser (the address; the QR code that carries the
/// code is in the other column), then with the app.
fn join_by_browser(ui: &mut egui::Ui, board: &Board, url: &str, tr: &Tr) {
    ui.label(big(tr.t("projector-join-browser")));
    ui.label(
        RichText::new(url)
            .size(size::BOARD_LARGE)
            .strong()
            .monospace(),
    );
    ui.add_space(12.0);
    code(ui, board, tr);
    ui.add_space(8.0);
    let apps = board.addresses.join(", ");
    ui.label(
        big(tr.t_args("projector-join-app", &[("address", apps)])).color(theme::palette(ui).muted),
    );
    ui.add_space(8.0);
    ui.label(big(tr.t("projector-join-how")));
}

/// The browser address of a host reached at `address` (`ip:port`).
pub fn browser_address(address: &str) -> String {
    format!("http://{address}/")
}

/// The browser address with the code: the page fills the code in.
pub fn browser_join_link(url: &str, code: &str) -> String {
    format!("{url}?code={code}")
}

/// A QR code of `text`, `side` points wide, dark on light with its quiet zone.
pub fn qr_code(ui: &mut egui::Ui, text: &str, side: f32) {
    let Ok(code) = qrcode::QrCode::new(text.as_bytes()) else {
        return;
    };
    const QUIET: usize = 4;
    let modules = code.width();
    let cell = side / (modules + 2 * QUIET) as f32;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, theme::QR_LIGHT);
    let colors = code.to_colors();
    for (i, color) in colors.iter().enumerate() {
        if *color != qrcode::Color::Dark {
            continue;
        }
        let (x, y) = (i % modules, i / modules);
        let min = rect.min + egui::vec2((x + QUIET) as f32 * cell, (y + QUIET) as f32 * cell);
        painter.rect_filled(
            egui::Rect::from_min_size(min, egui::vec2(cell, cell)).expand(0.3),
            0.0,
            theme::QR_DARK,
        );
    }
}

/// Who is here already: the names by table, then those without a seat.
fn names_here(ui: &mut egui::Ui, board: &Board, tr: &Tr) {
    let palette = theme::palette(ui);
    {
        let here: usize =
            board.tables.iter().map(|t| t.people.len()).sum::<usize>() + board.waiting.len();
        ui.label(
            big(tr.t_args("projector-here", &[("count", here.to_string())]))
                .family(theme::bold_family()),
        );
        ui.add_space(8.0);
        for (t, table) in board.tables.iter().enumerate() {
            if table.people.is_empty() {
                continue;
            }
            ui.label(big(format!(
                "{} · {}",
                tr.t_args("table-n", &[("n", (t + 1).to_string())]),
                table.people.join(", ")
            )));
        }
        if !board.waiting.is_empty() {
            ui.label(
                big(format!(
                    "{} {}",
                    tr.t("projector-no-seat-yet"),
                    board.waiting.join(", ")
                ))
                .color(palette.muted),
            );
        }
        if here == 0 {
            ui.label(big(tr.t("projector-nobody-yet")).color(palette.muted));
        }
    }
}

/// During play: the phase and the time in large type, one card per table.
fn in_play(ui: &mut egui::Ui, board: &Board, tr: &Tr) {
    let palette = theme::palette(ui);
    let live: Vec<&TableBoard> = board
        .tables
        .iter()
        .filter(|t| t.status != Status::Ended)
        .collect();
    ui.vertical_centered(|ui| {
        // The phase most tables are in, and the time since the start.
        let same_phase = live
            .first()
            .filter(|first| live.iter().all(|t| t.phase_index == first.phase_index));
        let phase = match same_phase {
            Some(t) => format!(
                "{} {}/{} · {}",
                tr.t("projector-phase"),
                t.phase_index.0 + 1,
                t.phase_index.1,
                text(tr, &t.phase)
            ),
            None => tr.t("projector-phases-differ"),
        };
        ui.label(
            RichText::new(phase)
                .size(size::BOARD_LARGE)
                .family(theme::bold_family()),
        );
        if let Some(minutes) = board.elapsed {
            ui.label(
                RichText::new(format!(
                    "{}  {}",
                    theme::icon::CLOCK,
                    tr.t_args(
                        "projector-elapsed",
                        &[
                            ("elapsed", duration(minutes as u32)),
                            ("planned", duration(board.scenario.duration_minutes)),
                        ]
                    )
                ))
                .size(size::BOARD_LARGE),
            );
        }
    });
    ui.add_space(12.0);
    let n = board.tables.len();
    let cols = match n {
        0..=3 => n.max(1),
        4 => 2,
        5 | 6 | 9 => 3,
        _ => 4,
    };
    for row in (0..n).collect::<Vec<_>>().chunks(cols) {
        ui.columns(cols, |columns| {
            for (column, &t) in columns.iter_mut().zip(row) {
                let table = &board.tables[t];
                // Left-aligned: a column's layout would justify wrapped lines.
                column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                    theme::card(ui, |ui| {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(
                                RichText::new(tr.t_args("table-n", &[("n", (t + 1).to_string())]))
                                    .size(size::BOARD_LARGE)
                                    .family(theme::bold_family()),
                            );
                            let (glyph, color) = match table.status {
                                Status::Paused => (theme::icon::PAUSE, palette.caution),
                                Status::Ended => (theme::icon::FLAG, palette.text),
                                _ => (theme::icon::PLAY, palette.allowed),
                            };
                            ui.label(
                                big(format!("{glyph} {}", status_name(table.status, tr)))
                                    .color(color),
                            );
                        });
                        ui.label(big(format!(
                            "{} {}/{} · {}",
                            tr.t("projector-phase"),
                            table.phase_index.0 + 1,
                            table.phase_index.1,
                            clock(tr, table.clock)
                        )));
                        ui.label(big(tr.t_args(
                            "trainer-clues-known",
                            &[("known", format!("{}/{}", table.clues.0, table.clues.1))],
                        )));
                        // The bundle: one segment per category, filled once met.
                        let met = table.coverage.iter().filter(|m| **m).count();
                        ui.label(big(tr.t_args(
                            "projector-bundle",
                            &[
                                ("met", met.to_string()),
                                ("of", table.coverage.len().to_string()),
                            ],
                        )));
                        if !table.coverage.is_empty() {
                            let gap = 6.0;
                            let width = ui.available_width();
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(width, 18.0), egui::Sense::hover());
                            let k = table.coverage.len() as f32;
                            let segment = (width - gap * (k - 1.0)) / k;
                            for (i, met) in table.coverage.iter().enumerate() {
                                let x = rect.left() + i as f32 * (segment + gap);
                                ui.painter().rect_filled(
                                    egui::Rect::from_min_size(
                                        egui::pos2(x, rect.top()),
                                        egui::vec2(segment, rect.height()),
                                    ),
                                    3.0,
                                    if *met {
                                        palette.allowed
                                    } else {
                                        palette.border
                                    },
                                );
                            }
                        }
                    });
                });
            }
        });
    }
}

/// The tables side by side, as one grid a room can read: a column per
/// table, a row per measure (conclusion, time to identification, decisions
/// on time, key shares, breaches, then each category of the bundle).
fn compare(ui: &mut egui::Ui, s: &Scenario, tables: &[TableBoard], tr: &Tr) {
    let conclusion = |id: &Id| super::name_in(tr, &s.conclusions, id, |c| (&c.id, &c.name));
    // The engine's comparison of the tables' debriefs, not a summary of our own.
    let ended: Vec<(String, faisceau_engine::Debrief)> = tables
        .iter()
        .enumerate()
        .filter_map(|(t, table)| {
            let label = tr.t_args("table-n", &[("n", (t + 1).to_string())]);
            table.debrief.clone().map(|d| (label, d))
        })
        .collect();
    let summaries = faisceau_engine::debrief::compare(&ended);
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new(tr.t("projector-compare"))
                .size(size::BOARD_LARGE)
                .family(theme::bold_family()),
        );
        ui.label(big(tr.t_args(
            "projector-expected",
            &[("conclusion", conclusion(&s.solution.conclusion))],
        )));
    });
    ui.add_space(12.0);
    // The measures' names take a fixed column; the tables share the rest.
    let names = 300.0;
    let column = ((ui.available_width() - names - 40.0) / summaries.len().max(1) as f32 - 16.0)
        .clamp(120.0, 360.0);
    ui.horizontal(|ui| {
        ui.add_space(8.0);
        egui::Grid::new("compare")
            .striped(true)
            .spacing([16.0, 4.0])
            .min_col_width(column.min(160.0))
            .max_col_width(column.max(names))
            .show(ui, |ui| {
                ui.allocate_exact_size(egui::vec2(names, 1.0), egui::Sense::hover());
                for summary in &summaries {
                    ui.label(big(&summary.label).family(theme::bold_family()));
                }
                ui.end_row();
                outcome_rows(ui, s, &summaries, tr);
                count_rows(ui, &summaries, tr);
                category_rows(ui, s, &summaries, tr);
            });
    });
    ui.add_space(8.0);
    ui.vertical_centered(|ui| {
        ui.add(egui::Label::new(big(tr.t("projector-legend"))).wrap());
    });
}

/// A cell of the comparison, in the board's size.
fn cell(ui: &mut egui::Ui, words: String, color: egui::Color32) {
    ui.add(egui::Label::new(big(words).color(color)).wrap());
}

/// A measure's name, first in its row.
fn row(ui: &mut egui::Ui, tr: &Tr, key: &str) {
    ui.add(egui::Label::new(big(tr.t(key)).family(theme::semibold())).wrap());
}

type Summaries = [faisceau_engine::debrief::TableSummary];

/// The conclusion each table adopted, and its time to identification.
fn outcome_rows(ui: &mut egui::Ui, s: &Scenario, summaries: &Summaries, tr: &Tr) {
    let conclusion = |id: &Id| super::name_in(tr, &s.conclusions, id, |c| (&c.id, &c.name));
    let palette = theme::palette(ui);
    row(ui, tr, "projector-row-conclusion");
    for summary in summaries {
        match &summary.conclusion {
            Some(_) if summary.conclusion_correct => cell(
                ui,
                format!(
                    "{}  {}",
                    theme::icon::CHECK_CIRCLE,
                    tr.t("projector-expected-one")
                ),
                palette.allowed,
            ),
            Some(c) => cell(
                ui,
                format!("{}  {}", theme::icon::X_CIRCLE, conclusion(c)),
                palette.breach,
            ),
            None => cell(
                ui,
                format!("{}  {}", theme::icon::MINUS_CIRCLE, tr.t("projector-none")),
                palette.caution,
            ),
        }
    }
    ui.end_row();
    row(ui, tr, "projector-row-time");
    for summary in summaries {
        let words = summary
            .time_to_identification
            .map_or_else(|| "—".to_owned(), |at| clock(tr, at));
        cell(ui, words, palette.text);
    }
    ui.end_row();
}

/// Decisions on time, key shares made, breaches.
fn count_rows(ui: &mut egui::Ui, summaries: &Summaries, tr: &Tr) {
    let palette = theme::palette(ui);
    for (key, pick) in [
        (
            "projector-row-decisions",
            (|s: &faisceau_engine::debrief::TableSummary| s.decisions_on_time)
                as fn(&faisceau_engine::debrief::TableSummary) -> (usize, usize),
        ),
        ("projector-row-key-shares", |s| s.key_shares_made),
    ] {
        row(ui, tr, key);
        for summary in summaries {
            let (done, of) = pick(summary);
            cell(
                ui,
                tr.t_args(
                    "projector-of",
                    &[("done", done.to_string()), ("of", of.to_string())],
                ),
                if done == of {
                    palette.allowed
                } else {
                    palette.caution
                },
            );
        }
        ui.end_row();
    }
    row(ui, tr, "projector-row-breaches");
    for summary in summaries {
        if summary.breaches > 0 {
            cell(
                ui,
                format!("{}  {}", theme::icon::PROHIBIT, summary.breaches),
                palette.breach,
            );
        } else {
            cell(ui, "0".to_owned(), palette.text);
        }
    }
    ui.end_row();
}

/// Each category of the bundle: its weight against the minimum.
fn category_rows(ui: &mut egui::Ui, s: &Scenario, summaries: &Summaries, tr: &Tr) {
    let palette = theme::palette(ui);
    for category in &s.categories {
        ui.add(egui::Label::new(big(text(tr, &category.name))).wrap());
        for summary in summaries {
            let Some(score) = summary.bundle.iter().find(|b| b.category == category.id) else {
                ui.label("");
                continue;
            };
            let met = score.required == 0 || score.weight >= score.required;
            // No minimum: the weight alone, never "6/0".
            let figures = if score.required == 0 {
                score.weight.to_string()
            } else {
                format!("{}/{}", score.weight, score.required)
            };
            cell(
                ui,
                format!(
                    "{}  {figures}",
                    if met {
                        theme::icon::CHECK
                    } else {
                        theme::icon::WARNING
                    },
                ),
                if met {
                    palette.allowed
                } else {
                    palette.caution
                },
            );
        }
        ui.end_row();
    }
}
