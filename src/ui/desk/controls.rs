//! The small controls every tab of the desk uses: why something cannot be
//! done yet, the button that does it, the mark of what is new, a verdict's
//! word, a toggle in a list.

use egui::{self, RichText};
use faisceau_engine::model::Verdict;
use faisceau_engine::{Id, Refusal, RoleView};

use crate::i18n::Tr;
use crate::ui::refusal::refusal_text;
use crate::ui::theme::{self, icon};
use crate::ui::verdict_name;

/// Why something cannot be done yet, with a lock: actions, acts and
/// decisions say it the same way.
pub(super) fn blocked_line(ui: &mut egui::Ui, tr: &Tr, blocked: &Refusal, view: &RoleView) {
    ui.label(
        RichText::new(format!(
            "{}  {}",
            icon::LOCK,
            refusal_text(tr, blocked, view)
        ))
        .color(theme::palette(ui).muted),
    );
}

/// The button that does it, or why it cannot be done yet; true when clicked.
pub(super) fn take_or_say_why(
    ui: &mut egui::Ui,
    tr: &Tr,
    view: &RoleView,
    blocked: Option<&Refusal>,
    glyph: &str,
    key: &str,
) -> bool {
    match blocked {
        None => theme::primary(ui, true, format!("{glyph}  {}", tr.t(key))).clicked(),
        Some(blocked) => {
            blocked_line(ui, tr, blocked, view);
            false
        }
    }
}

/// Marks an item new when it was not yet seen as the tab opened.
pub(super) fn new_mark(ui: &mut egui::Ui, tr: &Tr, new: bool) {
    if new {
        theme::new_badge(ui, &tr.t("desk-new"));
    }
}

/// A verdict as a word with its symbol, in its colour.
pub(super) fn verdict_tag(ui: &mut egui::Ui, tr: &Tr, verdict: Verdict) {
    let palette = theme::palette(ui);
    ui.label(
        theme::strong(format!(
            "{}  {}",
            theme::verdict_icon(verdict),
            verdict_name(tr, verdict)
        ))
        .color(palette.verdict(verdict)),
    );
}

pub(super) fn toggle(list: &mut Vec<Id>, id: &Id, on: bool) {
    list.retain(|x| x != id);
    if on {
        list.push(id.clone());
    }
}
