//! The names of a view's ids, in the reader's language: colleagues,
//! indicators, clues, conclusions, actions, categories, professions, acts.

use faisceau_engine::{Id, RoleView};

use crate::i18n::Tr;
use crate::ui::refusal::{Names, name};
use crate::ui::{name_in, text};

pub(super) fn colleague_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    if *id == view.role.id {
        return text(tr, &view.role.name).to_owned();
    }
    name_in(tr, &view.colleagues, id, |c| (&c.id, &c.name))
}

pub(super) fn indicator_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name_in(tr, &view.indicators, id, |i| (&i.id, &i.name))
}

pub(super) fn clue_text<'v>(view: &'v RoleView, tr: &Tr, id: &Id) -> &'v str {
    view.clues
        .iter()
        .find(|c| c.id == *id)
        .map_or("", |c| text(tr, &c.text))
}

pub(super) fn conclusion_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name_in(tr, &view.conclusions, id, |c| (&c.id, &c.name))
}

pub(super) fn action_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name_in(tr, &view.actions, id, |a| (&a.id, &a.name))
}

pub(super) fn category_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name_in(tr, &view.categories, id, |c| (&c.id, &c.name))
}

pub(super) fn profession_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name(tr, view.profession(id), id)
}

pub(super) fn act_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name(tr, view.act(id), id)
}

pub(super) fn class_names(view: &RoleView, tr: &Tr, ids: &[Id]) -> String {
    if ids.is_empty() {
        return tr.t("acts-scope-all");
    }
    ids.iter()
        .map(|id| name(tr, view.class(id), id))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn names(view: &RoleView, tr: &Tr, ids: &[Id]) -> String {
    ids.iter()
        .map(|id| colleague_name(view, tr, id))
        .collect::<Vec<_>>()
        .join(", ")
}
