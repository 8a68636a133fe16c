//! The trainer's console for a room: every table at once as a card, the
//! controls for all tables, the seating lists, and one table in detail.
//!
//! Pure functions over a [`Room`], a summary of the host's workshop taken
//! each frame; what the trainer asks for comes back as [`RoomAction`]s.

use egui::{self, RichText};
use faisceau_engine::session::Status;
use faisceau_engine::view::TrainerView;
use faisceau_engine::{Id, TrainerCommand};

use super::theme::{self, icon, size, space};
use super::trainer::ConsoleState;
use super::{UiAction, clock, text};
use crate::i18n::Tr;
use crate::views::lobby::Occupant;
use crate::views::room::{Room, TableCard};

/// A command for every table at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllTables {
    /// Start the waiting tables, free roles going to bots.
    Start,
    /// Pause the running tables.
    Pause,
    /// Resume the paused tables.
    Resume,
    /// Move every table that has not ended to its next phase.
    NextPhase,
    /// End every table.
    End,
}

/// What the trainer asked for on the console.
#[derive(Clone, Debug, PartialEq)]
pub enum RoomAction {
    /// A command for every table.
    All(AllTables),
    /// A command for one table (from its detail).
    Table(usize, TrainerCommand),
    /// Start one waiting table, free roles going to bots.
    StartTable(usize),
    /// Seat a waiting person on a role (free, or held by a disconnected person).
    Seat(usize, Id, u64),
    /// Give a free role to a bot.
    Bot(usize, Id),
    /// Free a role before the table starts.
    Free(usize, Id),
    /// Open (true) or close (false) the projector window.
    Projector(bool),
    /// Write the workshop's report beside its journal.
    WriteReport,
    /// Keep the workshop in the archive, with the trainees' names or not.
    Archive {
        /// Keep names (the trainer chose to).
        names: bool,
    },
}

/// The console's own state.
#[derive(Clone, Debug, Default)]
pub struct RoomState {
    /// The table open in detail, if any.
    pub open: Option<usize>,
    /// The waiting person chosen to be seated.
    pub person: Option<u64>,
    /// A command for all tables waiting for confirmation.
    pub confirm: Option<AllTables>,
    /// Each table's console state (hint, note, solution shown).
    pub tables: Vec<ConsoleState>,
    /// Keep the trainees' names in the archive.
    pub keep_names: bool,
    /// What writing the report or archiving gave, in words.
    pub outcome: Option<Result<String, String>>,
}

/// What the console draws inside: one table in detail, and what follows the
/// grid of tables (the debrief's prompts once every table has ended).
pub trait Inside {
    /// Table `t` in detail; what the trainer asked for there.
    fn detail(&mut self, ui: &mut egui::Ui, t: usize, state: &mut ConsoleState) -> Vec<UiAction>;
    /// Below the grid.
    fn below_grid(&mut self, _ui: &mut egui::Ui) {}
}

/// The usual inside: each table's trainer console, from its trainer view.
pub struct Consoles<'a> {
    /// The trainer view of each table, as needed.
    pub view: &'a dyn Fn(usize) -> TrainerView,
    /// The words.
    pub tr: &'a Tr,
}

impl Inside for Consoles<'_> {
    fn detail(&mut self, ui: &mut egui::Ui, t: usize, state: &mut ConsoleState) -> Vec<UiAction> {
        super::trainer::console(ui, &(self.view)(t), state, self.tr)
    }
}

/// Draws the console: the header with the controls for all tables, the
/// seating lists, and the grid of tables (or one table in detail).
pub fn room(
    ui: &mut egui::Ui,
    room: &Room,
    inside: &mut dyn Inside,
    state: &mut RoomState,
    tr: &Tr,
) -> Vec<RoomAction> {
    let mut actions = Vec::new();
    state
        .tables
        .resize_with(room.tables.len(), ConsoleState::default);
    if state.open.is_some_and(|t| t >= room.tables.len()) {
        state.open = None;
    }
    egui::Panel::top("room_header").show(ui, |ui| header(ui, room, state, tr, &mut actions));
    // The seating lists while there is someone or somewhere to seat; once
    // every table plays with everyone seated, the tables take the width.
    if room.seating_needed() {
        egui::Panel::left("room_seating")
            .resizable(false)
            .exact_size(if ui.available_width() > 1400.0 {
                300.0
            } else {
                230.0
            })
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("seating")
                    .show(ui, |ui| seating(ui, room, state, tr, &mut actions));
            });
    }
    match state.open {
        Some(t) => {
            ui.horizontal(|ui| {
                if theme::button(ui, true, icon::SQUARES_FOUR, &tr.t("room-all-tables")).clicked() {
                    state.open = None;
                }
                ui.label(theme::title(
                    tr.t_args("table-n", &[("n", (t + 1).to_string())]),
                ));
                if room.tables[t].status == Status::Waiting
                    && theme::primary(
                        ui,
                        true,
                        format!("{}  {}", icon::PLAY, tr.t("room-start-table")),
                    )
                    .clicked()
                {
                    actions.push(RoomAction::StartTable(t));
                }
            });
            if room.tables[t].status == Status::Waiting {
                seats_of(ui, t, &room.tables[t], tr, &mut actions);
            }
            for action in inside.detail(ui, t, &mut state.tables[t]) {
                match action {
                    UiAction::Trainer(command) => actions.push(RoomAction::Table(t, command)),
                    UiAction::OpenProjector => actions.push(RoomAction::Projector(true)),
                    _ => {}
                }
            }
        }
        None => {
            egui::ScrollArea::vertical()
                .id_salt("room_grid")
                .show(ui, |ui| {
                    grid(ui, room, state, tr);
                    inside.below_grid(ui);
                });
        }
    }
    confirm_all(ui, room, state, tr, &mut actions);
    actions
}

/// A waiting table's seats in detail, each with what can be done with it.
fn seats_of(
    ui: &mut egui::Ui,
    t: usize,
    table: &TableCard,
    tr: &Tr,
    actions: &mut Vec<RoomAction>,
) {
    egui::Grid::new(("seats_of", t))
        .num_columns(3)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for seat in &table.seats {
                ui.label(text(tr, &seat.name));
                match &seat.occupant {
                    Occupant::Free => {
                        ui.label(theme::muted(ui, tr.t("seat-free")));
                        if theme::button(ui, true, icon::ROBOT, &tr.t("room-give-bot")).clicked() {
                            actions.push(RoomAction::Bot(t, seat.role.clone()));
                        }
                    }
                    occupant => {
                        ui.label(match occupant {
                            Occupant::Person { name, .. } => name.clone(),
                            _ => tr.t("seat-bot"),
                        });
                        if theme::button(ui, true, icon::ARROW_LEFT, &tr.t("host-free")).clicked() {
                            actions.push(RoomAction::Free(t, seat.role.clone()));
                        }
                    }
                }
                ui.end_row();
            }
        });
}

fn header(
    ui: &mut egui::Ui,
    room: &Room,
    state: &mut RoomState,
    tr: &Tr,
    actions: &mut Vec<RoomAction>,
) {
    let palette = theme::palette(ui);
    let all_ended = !room.tables.is_empty() && room.count(Status::Ended) == room.tables.len();
    ui.add_space(space::ITEM);
    ui.horizontal_wrapped(|ui| {
        ui.scope(|ui| {
            ui.set_max_width((ui.available_width() * 0.3).max(280.0));
            ui.add(egui::Label::new(theme::strong(&room.name).size(size::HEADING)).truncate());
        });
        // Once every table has ended, nobody joins any more: the header
        // keeps to one row, and the room to the debrief.
        if !all_ended {
            ui.separator();
            ui.label(tr.t_args("host-join-at", &[("address", room.addresses.join(" · "))]));
            if let Some(url) = &room.browser {
                ui.separator();
                ui.label(tr.t_args("host-join-browser", &[("url", url.clone())]));
            }
            ui.separator();
            ui.label(
                theme::strong(tr.t_args("host-code-is", &[("code", room.code.clone())]))
                    .size(size::HEADING),
            );
        }
        ui.separator();
        // One projector button, whose words follow the window's state.
        let (glyph, key) = if room.projector_open {
            (icon::X, "room-projector-close")
        } else {
            (icon::PROJECTOR_SCREEN, "room-projector-open")
        };
        if theme::button(ui, true, glyph, &tr.t(key)).clicked() {
            actions.push(RoomAction::Projector(!room.projector_open));
        }
    });
    if let Some(error) = &room.listen_error {
        ui.colored_label(palette.breach, error);
    }
    if !room.disconnected.is_empty() {
        ui.colored_label(
            palette.caution,
            format!(
                "{}  {}",
                icon::WIFI_SLASH,
                tr.t_args(
                    "host-disconnected",
                    &[("names", room.disconnected.join(", "))]
                )
            ),
        );
    }
    ui.add_space(space::ITEM * 0.5);
    // Controls for every table at once; each says how many tables it acts on.
    let waiting = room.count(Status::Waiting);
    let running = room.count(Status::Running);
    let paused = room.count(Status::Paused);
    let ended = room.count(Status::Ended);
    let live = room.tables.len() - ended;
    ui.horizontal_wrapped(|ui| {
        if all_ended {
            return;
        }
        let n = |count: usize| [("count", count.to_string())];
        // One start button: it starts what waits, and says so.
        if theme::primary(
            ui,
            waiting > 0,
            format!("{}  {}", icon::PLAY, tr.t_args("room-start", &n(waiting))),
        )
        .clicked()
        {
            actions.push(RoomAction::All(AllTables::Start));
        }
        if running > 0 {
            if theme::button(ui, true, icon::PAUSE, &tr.t_args("room-pause", &n(running))).clicked()
            {
                actions.push(RoomAction::All(AllTables::Pause));
            }
        } else if paused > 0
            && theme::button(ui, true, icon::PLAY, &tr.t_args("room-resume", &n(paused))).clicked()
        {
            actions.push(RoomAction::All(AllTables::Resume));
        }
        if theme::button(
            ui,
            running + paused > 0,
            icon::SKIP_FORWARD,
            &tr.t_args("room-next", &n(running + paused)),
        )
        .clicked()
        {
            state.confirm = Some(AllTables::NextPhase);
        }
        if theme::danger(
            ui,
            live > 0,
            format!("{}  {}", icon::STOP, tr.t_args("room-end", &n(live))),
        )
        .clicked()
        {
            state.confirm = Some(AllTables::End);
        }
    });
    // What is left once tables have ended: the report, and the archive.
    if ended > 0 {
        ui.horizontal_wrapped(|ui| {
            if theme::button(ui, true, icon::FILE_HTML, &tr.t("host-write-report")).clicked() {
                actions.push(RoomAction::WriteReport);
            }
            if ended == room.tables.len() {
                ui.checkbox(&mut state.keep_names, tr.t("room-keep-names"));
                if theme::button(ui, true, icon::ARCHIVE, &tr.t("room-archive")).clicked() {
                    actions.push(RoomAction::Archive {
                        names: state.keep_names,
                    });
                }
            }
            match &state.outcome {
                Some(Ok(words)) => {
                    ui.label(RichText::new(words).color(palette.allowed));
                }
                Some(Err(words)) => {
                    ui.colored_label(palette.breach, words);
                }
                None => {}
            }
        });
    }
    ui.add_space(space::ITEM * 0.5);
}

/// The seating lists: people waiting, roles to fill; choose a person, then a
/// role.
fn seating(
    ui: &mut egui::Ui,
    room: &Room,
    state: &mut RoomState,
    tr: &Tr,
    actions: &mut Vec<RoomAction>,
) {
    let palette = theme::palette(ui);
    if state
        .person
        .is_some_and(|p| !room.waiting.iter().any(|w| w.client == p))
    {
        state.person = None;
    }
    theme::heading(
        ui,
        Some(icon::USER),
        tr.t_args("room-waiting", &[("count", room.waiting.len().to_string())]),
    );
    if room.waiting.is_empty() {
        ui.label(theme::muted(ui, tr.t("room-waiting-none")));
    } else {
        ui.label(theme::muted(ui, tr.t("room-seat-how")));
    }
    for person in &room.waiting {
        let chosen = state.person == Some(person.client);
        if theme::chip(ui, &person.name, chosen).clicked() {
            state.person = (!chosen).then_some(person.client);
        }
    }
    ui.add_space(space::SECTION);
    // Roles to fill: free roles of tables not yet started, and roles whose
    // person lost their connection (anywhere but at an ended table).
    let mut free = Vec::new();
    let mut held = Vec::new();
    for (t, table) in room.tables.iter().enumerate() {
        for seat in &table.seats {
            match &seat.occupant {
                Occupant::Free if table.status == Status::Waiting => free.push((t, seat)),
                Occupant::Person {
                    connected: false, ..
                } if table.status != Status::Ended => held.push((t, seat)),
                _ => {}
            }
        }
    }
    theme::heading(
        ui,
        Some(icon::USER_PLUS),
        tr.t_args("room-free", &[("count", free.len().to_string())]),
    );
    if free.is_empty() {
        ui.label(theme::muted(ui, tr.t("room-free-none")));
    }
    let chosen = state.person;
    let mut last_table = None;
    for (t, seat) in free {
        if last_table != Some(t) {
            last_table = Some(t);
            ui.add_space(space::ITEM * 0.5);
            ui.label(theme::strong(
                tr.t_args("room-at-table", &[("n", (t + 1).to_string())]),
            ));
        }
        ui.horizontal(|ui| {
            if ui
                .small_button(icon::ROBOT)
                .on_hover_text(tr.t("room-give-bot"))
                .clicked()
            {
                actions.push(RoomAction::Bot(t, seat.role.clone()));
            }
            let response = ui.add_enabled(
                chosen.is_some(),
                egui::Button::new(RichText::new(text(tr, &seat.name)).size(size::SMALL + 1.0))
                    .wrap(),
            );
            let response = theme::ring(ui, response);
            if let Some(person) = chosen
                && response.clicked()
            {
                actions.push(RoomAction::Seat(t, seat.role.clone(), person));
                state.person = None;
            }
        });
    }
    if !held.is_empty() {
        ui.add_space(space::SECTION);
        theme::heading(ui, Some(icon::WIFI_SLASH), tr.t("room-held"));
        ui.label(theme::muted(ui, tr.t("room-held-how")));
        for (t, seat) in held {
            let Occupant::Person { name, .. } = &seat.occupant else {
                continue;
            };
            let label = format!(
                "{} · {} — {name}",
                tr.t_args("table-short", &[("n", (t + 1).to_string())]),
                text(tr, &seat.name)
            );
            let response = ui.add_enabled(
                chosen.is_some(),
                egui::Button::new(
                    RichText::new(label)
                        .size(size::SMALL + 1.0)
                        .color(palette.caution),
                )
                .wrap(),
            );
            if let Some(person) = chosen
                && theme::ring(ui, response).clicked()
            {
                actions.push(RoomAction::Seat(t, seat.role.clone(), person));
                state.person = None;
            }
        }
    }
}

/// How many columns the grid uses for `n` tables in `width` points: as many
/// as fit at 260 points each, balanced over the rows.
pub fn columns(n: usize, width: f32) -> usize {
    let fit = ((width / 260.0).floor() as usize).max(1);
    let rows = n.div_ceil(fit).max(1);
    n.div_ceil(rows).max(1)
}

fn grid(ui: &mut egui::Ui, room: &Room, state: &mut RoomState, tr: &Tr) {
    let n = room.tables.len();
    let cols = columns(n, ui.available_width());
    for row in (0..n).collect::<Vec<_>>().chunks(cols) {
        ui.columns(cols, |columns| {
            for (column, &t) in columns.iter_mut().zip(row) {
                if card(column, t, &room.tables[t], tr) {
                    state.open = Some(t);
                }
            }
        });
    }
}

fn status_word(status: Status, tr: &Tr) -> String {
    tr.t(match status {
        Status::Waiting => "status-waiting",
        Status::Running => "status-running",
        Status::Paused => "status-paused",
        Status::Ended => "status-ended",
    })
}

/// One table's card; true when the trainer clicked it open.
fn card(ui: &mut egui::Ui, t: usize, table: &TableCard, tr: &Tr) -> bool {
    let palette = theme::palette(ui);
    let edge = if table.breaches > 0 || table.adopted.as_ref().is_some_and(|a| !a.1) {
        Some(palette.breach)
    } else if table.idle() || table.stuck() {
        Some(palette.caution)
    } else {
        None
    };
    let mut open = false;
    let small = |s: String| RichText::new(s).size(size::SMALL + 1.0);
    let card = ui.scope(|ui| {
        // Left-aligned text: a column's layout would justify it.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            theme::card_with(ui, edge, |ui| {
                open = card_title(ui, t, table, tr);
                let (index, phase, phases) = &table.phase;
                ui.label(small(format!(
                    "{} · {}",
                    tr.t_args(
                        "room-phase",
                        &[("n", (index + 1).to_string()), ("of", phases.to_string())]
                    ),
                    clock(tr, table.clock)
                )));
                ui.add(
                    egui::Label::new(small(text(tr, phase).to_owned()).color(palette.muted))
                        .truncate(),
                );
                flow(ui, seat_items(ui, table, tr));
                // The bundle's coverage: categories reached, and a bar per category.
                let (covered, of) = table.covered();
                ui.label(small(tr.t_args(
                    "room-coverage",
                    &[("covered", covered.to_string()), ("of", of.to_string())],
                )));
                coverage_bar(ui, table);
                conclusion_line(ui, table, tr);
                alerts(ui, table, tr);
            })
        })
    });
    // The whole card opens the table; hovering it tells the bundle by category.
    let coverage: Vec<String> = table
        .coverage
        .iter()
        .map(|(name, weight, required)| {
            tr.t_args(
                if *required == 0 {
                    "room-coverage-line-free"
                } else {
                    "room-coverage-line"
                },
                &[
                    ("category", text(tr, name).to_owned()),
                    ("weight", weight.to_string()),
                    ("required", required.to_string()),
                ],
            )
        })
        .collect();
    let response = ui
        .interact(
            card.response.rect,
            ui.id().with(("card", t)),
            egui::Sense::click(),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .on_hover_text(coverage.join("\n"));
    open || response.clicked()
}

/// A card's first line: the table's number and status, and the link that
/// opens it; true when clicked.
fn card_title(ui: &mut egui::Ui, t: usize, table: &TableCard, tr: &Tr) -> bool {
    let palette = theme::palette(ui);
    let mut open = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            theme::strong(tr.t_args("table-n", &[("n", (t + 1).to_string())])).size(size::HEADING),
        );
        let (glyph, color) = match table.status {
            Status::Waiting => (icon::HOURGLASS, palette.muted),
            Status::Running => (icon::PLAY, palette.allowed),
            Status::Paused => (icon::PAUSE, palette.caution),
            Status::Ended => (icon::FLAG, palette.text),
        };
        ui.label(RichText::new(format!("{glyph}  {}", status_word(table.status, tr))).color(color));
        if ui
            .link(icon::CARET_RIGHT)
            .on_hover_text(tr.t("room-open-table"))
            .clicked()
        {
            open = true;
        }
    });
    open
}

/// The people at a table and their connection; bots and free seats counted.
fn seat_items(
    ui: &egui::Ui,
    table: &TableCard,
    tr: &Tr,
) -> Vec<(String, egui::Color32, Option<String>)> {
    let palette = theme::palette(ui);
    let mut items: Vec<(String, egui::Color32, Option<String>)> = Vec::new();
    let mut bots = 0;
    let mut free = 0;
    for seat in &table.seats {
        let (glyph, name, color) = match &seat.occupant {
            Occupant::Free => {
                free += 1;
                continue;
            }
            Occupant::Bot => {
                bots += 1;
                continue;
            }
            Occupant::Person {
                name,
                connected: true,
            } => (icon::USER, name, palette.text),
            // Who leaves a table that has ended is gone, not lost.
            Occupant::Person { name, .. } if table.status == Status::Ended => {
                (icon::USER, name, palette.muted)
            }
            Occupant::Person {
                name,
                connected: false,
            } => (icon::WIFI_SLASH, name, palette.caution),
        };
        items.push((
            format!("{glyph}  {name}"),
            color,
            Some(text(tr, &seat.name).to_owned()),
        ));
    }
    for (count, glyph, key) in [
        (bots, icon::ROBOT, "room-bots"),
        (free, icon::CIRCLE, "room-free-seats"),
    ] {
        if count > 0 {
            let words = tr.t_args(key, &[("count", count.to_string())]);
            items.push((format!("{glyph}  {words}"), palette.muted, None));
        }
    }
    items
}

/// The bundle's coverage as a bar: one segment per category with a
/// minimum, filled once it is reached.
fn coverage_bar(ui: &mut egui::Ui, table: &TableCard) {
    let palette = theme::palette(ui);
    let required: Vec<_> = table.coverage.iter().filter(|c| c.2 > 0).collect();
    if !required.is_empty() {
        let gap = 4.0;
        let width = ui.available_width();
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 8.0), egui::Sense::hover());
        let segment = (width - gap * (required.len() - 1) as f32) / required.len() as f32;
        for (i, (_, weight, needed)) in required.into_iter().enumerate() {
            let x = rect.left() + i as f32 * (segment + gap);
            let part = egui::Rect::from_min_size(
                egui::pos2(x, rect.top()),
                egui::vec2(segment, rect.height()),
            );
            let met = weight >= needed;
            ui.painter().rect_filled(
                part,
                2.0,
                if met { palette.allowed } else { palette.border },
            );
        }
    }
}

/// The adopted conclusion, or the proposal under discussion and whom it
/// waits for; each says whether it is the expected one.
fn conclusion_line(ui: &mut egui::Ui, table: &TableCard, tr: &Tr) {
    let palette = theme::palette(ui);
    let small = |s: String| RichText::new(s).size(size::SMALL + 1.0);
    match (&table.adopted, &table.proposal) {
        (Some((conclusion, right)), _) => {
            ui.label(
                small(format!(
                    "{}  {}",
                    if *right {
                        icon::CHECK_CIRCLE
                    } else {
                        icon::X_CIRCLE
                    },
                    tr.t_args(
                        if *right {
                            "room-adopted"
                        } else {
                            "room-adopted-wrong"
                        },
                        &[("conclusion", text(tr, conclusion).to_owned())]
                    )
                ))
                .color(if *right {
                    palette.allowed
                } else {
                    palette.breach
                }),
            );
        }
        (None, Some((conclusion, right, waiting))) => {
            let names: Vec<&str> = waiting.iter().map(|n| text(tr, n)).collect();
            ui.label(small(format!(
                "{}  {}",
                icon::HANDSHAKE,
                tr.t_args(
                    if *right {
                        "room-proposal"
                    } else {
                        "room-proposal-wrong"
                    },
                    &[
                        ("conclusion", text(tr, conclusion).to_owned()),
                        ("waiting", names.join(", "))
                    ]
                )
            )));
        }
        (None, None) => {}
    }
}

/// Breaches, and the warnings of an idle or stuck table.
fn alerts(ui: &mut egui::Ui, table: &TableCard, tr: &Tr) {
    let palette = theme::palette(ui);
    let small = |s: String| RichText::new(s).size(size::SMALL + 1.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            small(format!(
                "{}  {}",
                icon::PROHIBIT,
                tr.t_args("debrief-breaches", &[("count", table.breaches.to_string())])
            ))
            .color(if table.breaches > 0 {
                palette.breach
            } else {
                palette.muted
            }),
        );
        if table.idle() {
            ui.label(
                small(format!(
                    "{}  {}",
                    icon::CLOCK,
                    tr.t_args("room-idle", &[("minutes", table.idle_minutes.to_string())])
                ))
                .color(palette.caution),
            );
        }
        if table.stuck() {
            ui.label(
                small(format!(
                    "{}  {}",
                    icon::WARNING,
                    tr.t_args("room-stuck", &[("count", table.rejections.to_string())])
                ))
                .color(palette.caution),
            );
        }
    });
}

/// Short items side by side, wrapped between items and never inside one,
/// at the text's own line height.
fn flow(ui: &mut egui::Ui, items: Vec<(String, egui::Color32, Option<String>)>) {
    ui.scope(|ui| flow_in(ui, items));
}

fn flow_in(ui: &mut egui::Ui, items: Vec<(String, egui::Color32, Option<String>)>) {
    let width = ui.available_width();
    let gap = 12.0;
    let font = egui::FontId::proportional(size::SMALL + 1.0);
    let mut lines: Vec<Vec<(String, egui::Color32, Option<String>)>> = vec![Vec::new()];
    let mut used = 0.0;
    for item in items {
        let w = ui
            .painter()
            .layout_no_wrap(item.0.clone(), font.clone(), item.1)
            .size()
            .x;
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && used + gap + w > width {
            lines.push(vec![item]);
            used = w;
        } else {
            used += if line.is_empty() { w } else { gap + w };
            lines.last_mut().expect("one line at least").push(item);
        }
    }
    for line in lines {
        // A row as high as its text: a horizontal row is otherwise as high as
        // a button.
        ui.spacing_mut().interact_size.y = 0.0;
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (words, color, hover) in line {
                let response = ui.label(RichText::new(words).size(size::SMALL + 1.0).color(color));
                if let Some(hover) = hover {
                    response.on_hover_text(hover);
                }
            }
        });
    }
}

/// Asks before a command that moves or ends every table.
fn confirm_all(
    ui: &mut egui::Ui,
    room: &Room,
    state: &mut RoomState,
    tr: &Tr,
    actions: &mut Vec<RoomAction>,
) {
    let Some(command) = state.confirm else {
        return;
    };
    let live = room
        .tables
        .iter()
        .filter(|t| t.status != Status::Ended)
        .count()
        .to_string();
    let (title, body, yes) = match command {
        AllTables::NextPhase => (
            tr.t_args("room-next-title", &[("count", live)]),
            tr.t("room-next-body"),
            tr.t("confirm-next-yes"),
        ),
        AllTables::End => (
            tr.t_args("room-end-title", &[("count", live)]),
            tr.t("room-end-body"),
            tr.t("room-end-yes"),
        ),
        _ => {
            actions.push(RoomAction::All(command));
            state.confirm = None;
            return;
        }
    };
    match theme::confirm(
        ui,
        "room_confirm",
        title,
        body,
        &tr.t("confirm-cancel"),
        yes,
    ) {
        theme::Answer::Open => {}
        theme::Answer::Cancel => state.confirm = None,
        theme::Answer::Yes => {
            actions.push(RoomAction::All(command));
            state.confirm = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use faisceau_engine::session::Status;

    use super::*;
    use crate::i18n::Lang;
    use crate::views::lobby::{LobbySeat, Waiting};
    use faisceau_engine::Session;

    /// A room of the test case's tables as the host would summarise it:
    /// each table's session, and who sits on each of its roles.
    fn room(tables: &[Session], occupant: impl Fn(usize, usize) -> Occupant) -> Room {
        let case = crate::ui::tests::case();
        let s = case.scenario();
        Room {
            name: "Atelier de Lyon".into(),
            addresses: vec!["192.168.1.20:5170".into()],
            browser: None,
            code: "K7QX-M2PD".into(),
            tables: tables
                .iter()
                .enumerate()
                .map(|(t, session)| {
                    let seats = s
                        .roles
                        .iter()
                        .enumerate()
                        .map(|(r, role)| LobbySeat {
                            role: role.id.clone(),
                            name: role.name.clone(),
                            occupant: occupant(t, r),
                        })
                        .collect();
                    TableCard::of(s, &session.glance(), seats, 0)
                })
                .collect(),
            waiting: Vec::new(),
            projector_open: true,
            listen_error: None,
            disconnected: Vec::new(),
        }
    }

    /// `n` tables of the test case, the first `started` of them running.
    fn tables(n: usize, started: usize) -> Vec<Session> {
        (0..n)
            .map(|t| {
                let mut session = Session::new(crate::ui::tests::case(), 5 + t as u64);
                if t < started {
                    session.direct(TrainerCommand::Start).unwrap();
                }
                session
            })
            .collect()
    }

    /// A room of six tables: three running, one with a breach, people and
    /// bots seated, and two people waiting.
    fn six() -> Room {
        let mut sessions = tables(6, 3);
        sessions[1]
            .submit(
                "educatrice",
                faisceau_engine::RoleCommand::Share {
                    clues: vec!["fugues_nocturnes".into()],
                    to: vec!["policier".into()],
                    frame: "hors_cadre".into(),
                },
            )
            .unwrap();
        let mut room = room(&sessions, |t, r| match (t, r) {
            (0, 0) => Occupant::Person {
                name: "Claire Dubois".into(),
                connected: false,
            },
            (t, _) if t < 3 => Occupant::Bot,
            _ => Occupant::Free,
        });
        room.disconnected = vec!["Claire Dubois (1)".into()];
        room.waiting = vec![
            Waiting {
                client: 11,
                name: "Karim Benali".into(),
            },
            Waiting {
                client: 12,
                name: "Sophie Martin".into(),
            },
        ];
        room
    }

    /// 1366x768 and 1920x1080 pixels at the app's zoom of 1.25, in points.
    const LAPTOP: (f32, f32) = (1093.0, 614.0);
    const PROJECTOR: (f32, f32) = (1536.0, 864.0);

    struct Nothing;
    impl Inside for Nothing {
        fn detail(&mut self, ui: &mut egui::Ui, t: usize, _: &mut ConsoleState) -> Vec<UiAction> {
            ui.label(format!("detail {t}"));
            Vec::new()
        }
    }

    fn harness(
        room: Room,
        size: (f32, f32),
        lang: Lang,
    ) -> Harness<'static, (RoomState, Vec<RoomAction>)> {
        let tr = Tr::new(lang);
        let mut harness = Harness::builder().with_size(size).build_ui_state(
            move |ui, (state, out): &mut (RoomState, Vec<RoomAction>)| {
                if crate::ui::tests::themed(ui) {
                    out.extend(super::room(ui, &room, &mut Nothing, state, &tr));
                }
            },
            (RoomState::default(), Vec::new()),
        );
        harness.run();
        harness
    }

    #[test]
    fn six_tables_fit_a_laptop_screen_and_a_projector() {
        for (size, lang) in
            [LAPTOP, PROJECTOR, LAPTOP]
                .into_iter()
                .zip([Lang::Fr, Lang::Fr, Lang::En])
        {
            let harness = harness(six(), size, lang);
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
            let breaches = if lang == Lang::Fr {
                "Violations du secret"
            } else {
                "Breaches of secrecy"
            };
            for t in 1..=6 {
                let title = harness.get_by_label(&format!("Table {t}")).rect();
                assert!(
                    screen.contains_rect(title),
                    "table {t} is visible at {size:?}: {title:?}"
                );
                // Its last line too: the whole card is on the screen.
                let last = harness
                    .query_all_by_label_contains(breaches)
                    .nth(t - 1)
                    .unwrap()
                    .rect();
                assert!(
                    screen.contains_rect(last),
                    "table {t}'s card at {size:?}: {last:?}"
                );
            }
            // Every table's card says how far its bundle goes.
            let coverage = if lang == Lang::Fr {
                "Faisceau : "
            } else {
                "Bundle: "
            };
            assert_eq!(harness.query_all_by_label_contains(coverage).count(), 6);
        }
        let harness = harness(six(), LAPTOP, Lang::Fr);
        // Claire's laptop is not connected: her card, the header and the
        // seats to take back say so.
        assert!(
            harness
                .query_by_label_contains("Déconnecté·es (leur rôle les attend) : Claire Dubois (1)")
                .is_some()
        );
        assert!(
            harness
                .query_by_label_contains(&format!("{}  Claire Dubois", icon::WIFI_SLASH))
                .is_some()
        );
        assert!(
            harness
                .query_all_by_label_contains("Violations du secret : 1")
                .next()
                .is_some()
        );
        // Controls for all tables say how many tables they act on.
        assert!(
            harness
                .query_by_label(&format!("{}  Démarrer les 3 tables en attente", icon::PLAY))
                .is_some()
        );
        assert!(
            harness
                .query_by_label(&format!("{}  Mettre en pause les 3 tables", icon::PAUSE))
                .is_some()
        );
    }

    #[test]
    fn eight_running_tables_fit_a_laptop_screen_once_everyone_is_seated() {
        let room = room(&tables(8, 8), |_, _| Occupant::Bot);
        assert!(!room.seating_needed(), "nobody to seat: the lists give way");
        for size in [LAPTOP, PROJECTOR] {
            let harness = harness(room.clone(), size, Lang::Fr);
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size.0, size.1));
            for t in 1..=8 {
                let card = harness
                    .query_all_by_label_contains("Violations du secret")
                    .nth(t - 1)
                    .unwrap()
                    .rect();
                let title = harness.get_by_label(&format!("Table {t}")).rect();
                assert!(screen.contains_rect(title), "table {t} at {size:?}");
                assert!(
                    screen.contains_rect(card),
                    "table {t}'s last line at {size:?}"
                );
            }
            assert!(
                harness
                    .query_by_label_contains("En attente d'une place")
                    .is_none()
            );
        }
    }

    #[test]
    fn ending_everything_asks_first() {
        let mut harness = harness(six(), LAPTOP, Lang::Fr);
        harness
            .get_by_label(&format!("{}  Terminer l'atelier", icon::STOP))
            .click();
        harness.run();
        assert!(harness.state().1.is_empty(), "nothing ends on one click");
        assert!(
            harness
                .query_by_label_contains("Terminer les 6 tables encore ouvertes")
                .is_some()
        );
        harness
            .get_by_label(&format!("{}  Annuler", icon::X))
            .click();
        harness.run();
        assert!(harness.state().1.is_empty(), "cancelled");
        assert_eq!(harness.state().0.confirm, None);
        harness
            .get_by_label(&format!("{}  Terminer l'atelier", icon::STOP))
            .click();
        harness.run();
        harness.get_by_label("Terminer l'atelier").click();
        harness.run();
        assert_eq!(harness.state().1, vec![RoomAction::All(AllTables::End)]);
    }

    #[test]
    fn a_person_is_seated_by_choosing_them_then_a_free_seat() {
        let mut harness = harness(six(), LAPTOP, Lang::Fr);
        // Free seats wait for a person to be chosen.
        assert!(
            harness
                .query_by_label_contains("En attente d'une place (2)")
                .is_some()
        );
        // Tables 1 to 3 have started: the first free seat is table 4's first role.
        let first_role = crate::ui::tests::case().scenario().roles[0]
            .name
            .get("fr")
            .to_owned();
        harness
            .query_all_by_label(&first_role)
            .next()
            .expect("table 4's seats are free")
            .click();
        harness.run();
        assert!(
            harness.state().1.is_empty(),
            "nobody chosen: nothing happens"
        );
        harness
            .get_by_label(&format!("{}  Karim Benali", icon::PLUS))
            .click();
        harness.run();
        let seat = harness.query_all_by_label(&first_role).next().unwrap();
        seat.click();
        harness.run();
        let actions = &harness.state().1;
        assert_eq!(actions.len(), 1, "{actions:?}");
        assert!(
            matches!(&actions[0], RoomAction::Seat(3, _, 11)),
            "{actions:?}"
        );
        assert_eq!(harness.state().0.person, None, "one person, one seat");
    }

    #[test]
    fn a_card_opens_its_table_and_a_button_comes_back() {
        let mut harness = harness(six(), LAPTOP, Lang::Fr);
        harness
            .query_all_by_label(icon::CARET_RIGHT)
            .nth(2)
            .unwrap()
            .click();
        harness.run();
        assert_eq!(harness.state().0.open, Some(2));
        assert!(harness.query_by_label("detail 2").is_some());
        harness
            .get_by_label(&format!("{}  Toutes les tables", icon::SQUARES_FOUR))
            .click();
        harness.run();
        assert_eq!(harness.state().0.open, None);
    }

    #[test]
    fn a_wrong_conclusion_and_an_idle_table_are_flagged() {
        let mut room = six();
        let card = &mut room.tables[0];
        card.adopted = Some((
            faisceau_engine::Text::fr_en("Fugue simple", "Simple runaway"),
            false,
        ));
        card.idle_minutes = crate::views::room::IDLE_MINUTES + 2;
        assert_eq!(card.status, Status::Running);
        let harness = harness(room, LAPTOP, Lang::Fr);
        assert!(
            harness
                .query_by_label_contains("différente de l'attendue : Fugue simple")
                .is_some()
        );
        assert!(
            harness
                .query_by_label_contains("Rien depuis 5 min")
                .is_some()
        );
    }

    #[test]
    fn the_solution_and_the_end_of_a_table_ask_first_and_the_solution_stays_off_the_projector() {
        let view = tables(1, 1)[0].trainer_view();
        let tr = Tr::new(Lang::Fr);
        let mut harness = Harness::builder()
            .with_size((1093.0, 2400.0))
            .build_ui_state(
                move |ui, (state, out): &mut (ConsoleState, Vec<UiAction>)| {
                    if crate::ui::tests::themed(ui) {
                        out.extend(crate::ui::trainer::console(ui, &view, state, &tr));
                    }
                },
                (ConsoleState::default(), Vec::new()),
            );
        harness.run();
        assert!(
            harness
                .query_by_label("La solution ne s'affiche jamais au projecteur.")
                .is_some()
        );
        harness
            .get_by_label("Afficher la solution et tous les indices")
            .click();
        harness.run();
        assert!(!harness.state().0.spoilers, "not on one click");
        assert!(
            harness
                .query_by_label("Afficher la solution sur cette console ?")
                .is_some()
        );
        assert!(
            harness
                .query_by_label_contains("jamais sur la fenêtre projecteur")
                .is_some()
        );
        harness.get_by_label("Afficher la solution").click();
        harness.run();
        assert!(harness.state().0.spoilers);
        assert!(harness.query_by_label("Solution").is_some());
        // Ending the table: a confirmation, then the command.
        harness
            .get_by_label(&format!("{}  Terminer", icon::STOP))
            .click();
        harness.run();
        assert!(harness.state().1.is_empty());
        assert!(
            harness
                .query_by_label("Terminer la séance de cette table ?")
                .is_some()
        );
        harness.get_by_label("Terminer").click();
        harness.run();
        assert_eq!(
            harness.state().1,
            vec![UiAction::Trainer(TrainerCommand::End)]
        );
    }

    #[test]
    fn a_click_anywhere_on_a_card_opens_its_table() {
        let mut harness = harness(six(), LAPTOP, Lang::Fr);
        harness
            .query_all_by_label_contains("Faisceau : ")
            .nth(4)
            .unwrap()
            .click();
        harness.run();
        assert_eq!(harness.state().0.open, Some(4));
    }

    #[test]
    fn columns_balance_the_rows() {
        // 1366x768 at zoom 1.25, beside the seating lists: 850 points.
        assert_eq!(columns(6, 850.0), 3);
        assert_eq!(columns(8, 850.0), 3);
        // 1920x1080 at zoom 1.25: 1220 points.
        assert_eq!(columns(8, 1220.0), 4);
        assert_eq!(columns(6, 1220.0), 3);
        assert_eq!(columns(1, 850.0), 1);
        assert_eq!(columns(4, 1220.0), 4);
        assert_eq!(columns(3, 500.0), 1);
    }
}
