//! Screens as pure functions: `fn(&mut Ui, &view, &mut local state, &Tr) -> Vec<UiAction>`.
//!
//! Screens read a role's view (or the trainer's, or a debrief) and return
//! what the person asked for. They never touch the engine's state, so a
//! networked client can drive them unchanged.

#[cfg(not(target_arch = "wasm32"))]
pub mod author;
#[cfg(not(target_arch = "wasm32"))]
pub mod console;
pub mod debrief;
pub mod desk;
pub mod graph;
pub mod network;
pub mod picker;
pub mod projector;
pub mod refusal;
pub mod theme;
pub mod timeline;
pub mod trainer;

use egui::{self, Color32};
use faisceau_engine::model::Verdict;
use faisceau_engine::rulebook::Frame;
use faisceau_engine::{Id, RoleCommand, Text, TrainerCommand};

use crate::i18n::{Lang, Tr};

/// What a person asked for on a screen.
#[derive(Clone, Debug, PartialEq)]
pub enum UiAction {
    /// A command of the role being played.
    Role(RoleCommand),
    /// A command of the trainer.
    Trainer(TrainerCommand),
    /// Choose a case in the picker.
    PickCase(usize),
    /// Choose the role to play.
    PickRole(Id),
    /// The role card has been read.
    Begin,
    /// Open the debrief.
    OpenDebrief,
    /// Read the role card again, from the desk.
    OpenCard,
    /// Back from the debrief to the desk.
    BackToDesk,
    /// Back to the launcher.
    OpenLauncher,
    /// Quit the app.
    Quit,
    /// Open the case picker.
    OpenPicker,
    /// Open the author preview.
    OpenPreview,
    /// Open a case file by its path (the picker's "open a file").
    OpenCase(std::path::PathBuf),
    /// Set up a workshop to host.
    OpenHost,
    /// Join a workshop.
    OpenJoin,
    /// Open the projector window.
    OpenProjector,
    /// Change the interface language.
    SetLang(Lang),
    /// Change the text size.
    SetScale(f32),
    /// Switch the high-contrast theme.
    SetContrast(bool),
}

/// Minutes of scenario time as "J2 14:30" or "D2 14:30".
pub fn clock(tr: &Tr, minutes: u32) -> String {
    let day = minutes / (24 * 60) + 1;
    let rest = minutes % (24 * 60);
    let letter = if tr.lang() == Lang::En { "D" } else { "J" };
    format!("{letter}{day} {:02}:{:02}", rest / 60, rest % 60)
}

pub use faisceau_engine::refusal::duration;

/// The name of the item with this id among `items`, in the reader's
/// language; the id itself when no item has it. Every screen looks names up
/// this one way.
pub fn name_in<T>(tr: &Tr, items: &[T], id: &Id, key: impl Fn(&T) -> (&Id, &Text)) -> String {
    items
        .iter()
        .map(&key)
        .find(|(i, _)| *i == id)
        .map_or_else(|| id.to_string(), |(_, t)| text(tr, t).to_owned())
}

/// One trap of a role's debrief, in words: a clue's trap fallen into or
/// avoided, or a share trap made, with its note.
pub fn trap_line(
    tr: &Tr,
    scenario: &faisceau_engine::model::Scenario,
    trap: &faisceau_engine::debrief::TrapReview,
) -> String {
    let clue = name_in(tr, &scenario.clues, &trap.clue, |c| (&c.id, &c.text));
    match &trap.share_trap {
        Some(id) => tr.t_args(
            "debrief-share-trap",
            &[
                ("clue", clue),
                (
                    "note",
                    name_in(tr, &scenario.share_traps, id, |t| (&t.id, &t.note)),
                ),
            ],
        ),
        None if trap.fallen => tr.t_args("debrief-trap-fallen", &[("clue", clue)]),
        None => tr.t_args("debrief-trap-avoided", &[("clue", clue)]),
    }
}

/// What a trap is called in a summary: a clue's text, or a share trap's note.
pub fn trap_name(tr: &Tr, scenario: &faisceau_engine::model::Scenario, id: &Id) -> String {
    match scenario.share_traps.iter().find(|t| t.id == *id) {
        Some(t) => text(tr, &t.note).to_owned(),
        None => name_in(tr, &scenario.clues, id, |c| (&c.id, &c.text)),
    }
}

/// A scenario text in the interface's language.
pub fn text<'a>(tr: &Tr, text: &'a Text) -> &'a str {
    text.get(tr.lang().code())
}

/// The colour that carries a verdict in the theme shown.
pub fn verdict_color(ui: &egui::Ui, verdict: Verdict) -> Color32 {
    theme::palette(ui).verdict(verdict)
}

/// A verdict's name.
pub fn verdict_name(tr: &Tr, verdict: Verdict) -> String {
    tr.t(match verdict {
        Verdict::Allowed => "verdict-allowed",
        Verdict::Caution => "verdict-caution",
        Verdict::Breach => "verdict-breach",
    })
}

/// A frame's name, from the rulebook's frames.
pub fn frame_name(tr: &Tr, frames: &[Frame], frame: &Id) -> String {
    frames
        .iter()
        .find(|f| f.id == *frame)
        .map_or(frame.to_string(), |f| text(tr, &f.name).to_owned())
}

/// A heading for a section.
pub fn heading(ui: &mut egui::Ui, title: impl Into<String>) {
    theme::heading(ui, None, title);
}

/// A list of timestamped notes and an editor for a new one; returns the note to add.
pub fn notes(
    ui: &mut egui::Ui,
    tr: &Tr,
    title: String,
    notes: &[(u32, String)],
    draft: &mut String,
) -> Option<String> {
    heading(ui, title);
    for (at, note) in notes {
        ui.label(format!("{} · {note}", clock(tr, *at)));
    }
    ui.add(
        egui::TextEdit::multiline(draft)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    );
    let ready = !draft.trim().is_empty();
    theme::button(ui, ready, theme::icon::NOTE_PENCIL, &tr.t("notes-add"))
        .clicked()
        .then(|| std::mem::take(draft))
}

#[cfg(test)]
mod tests;
