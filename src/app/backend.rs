//! One desk, whichever backend: the role card, the desk and the debrief are
//! each drawn by one system, over a table played on this machine (solo
//! practice, with bots in the other seats) or a seat at a networked
//! workshop. Both offer the same things: the role's view, a way to submit
//! what the person asked for, the last refusal, and the debrief.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use faisceau_engine::model::Scenario;
use faisceau_engine::{Debrief, Id, RoleView, Rulebook};

use super::Table;
use crate::net::client::{Joined, Send};
use crate::net::protocol::ToHost;
use crate::ui::UiAction;
use crate::ui::desk::DeskState;

/// A networked trainee's screen state, kept across reconnections.
#[derive(Resource, Default)]
pub struct ClientDesk {
    /// The desk being composed.
    pub desk: DeskState,
    /// The role card has been read.
    pub card_read: bool,
}

/// The table this window plays at, solo or networked.
#[derive(SystemParam)]
pub struct Backend<'w> {
    table: Option<ResMut<'w, Table>>,
    joined: Option<ResMut<'w, Joined>>,
    client: ResMut<'w, ClientDesk>,
    send: MessageWriter<'w, Send>,
}

/// What a debrief screen needs, from either backend.
pub struct DebriefParts<'a> {
    /// The case's scenario.
    pub scenario: &'a Scenario,
    /// Its rulebook.
    pub rulebook: &'a Rulebook,
    /// The table's debrief.
    pub debrief: Debrief,
    /// The role the person played.
    pub role: Option<Id>,
}

impl Backend<'_> {
    /// The role's view, when the person has one.
    pub fn view(&self) -> Option<RoleView> {
        if let Some(joined) = &self.joined {
            return joined.view.clone();
        }
        let table = self.table.as_ref()?;
        let role = table.role.as_ref()?;
        table.session.view(role.as_str())
    }

    /// The desk state and the view together, for drawing. A refusal the
    /// network brought is moved to the desk first.
    pub fn desk(&mut self) -> Option<(RoleView, &mut DeskState)> {
        let view = self.view()?;
        if let Some(joined) = self.joined.as_mut() {
            if let Some(refusal) = joined.command_refused.take() {
                self.client.desk.refusal = Some(refusal);
            }
            return Some((view, &mut self.client.desk));
        }
        let table = self.table.as_mut()?;
        Some((view, &mut table.desk))
    }

    /// Submits what the person asked for: to the session here, or to the host.
    pub fn submit(&mut self, action: &UiAction) {
        if self.joined.is_some() {
            if let UiAction::Role(command) = action {
                self.send.write(Send(ToHost::Command(command.clone())));
            }
            return;
        }
        if let Some(table) = self.table.as_mut() {
            table.apply(action);
        }
    }

    /// The role card has been read (a networked trainee lands on the desk
    /// when they come back).
    pub fn card_read(&mut self) {
        self.client.card_read = true;
    }

    /// Whether the trainee has begun: the card is then read again, not for the first time.
    pub fn has_read_card(&self) -> bool {
        self.client.card_read
    }

    /// Whether the debrief can be shown.
    pub fn has_debrief(&self) -> bool {
        match (&self.joined, &self.table) {
            (Some(joined), _) => joined.debrief.is_some(),
            (None, Some(table)) => {
                table.session.state().status == faisceau_engine::session::Status::Ended
            }
            _ => false,
        }
    }

    /// Draws with the debrief's parts, from the host's package or rebuilt
    /// from the session's events.
    pub fn with_debrief<R>(&self, draw: impl FnOnce(DebriefParts<'_>) -> R) -> Option<R> {
        if let Some(joined) = &self.joined {
            let package = joined.debrief.as_ref()?;
            return Some(draw(DebriefParts {
                scenario: &package.scenario,
                rulebook: &package.rulebook,
                debrief: package.debrief.clone(),
                role: Some(package.role.clone()),
            }));
        }
        let table = self.table.as_ref()?;
        let debrief = table.debrief()?;
        Some(draw(DebriefParts {
            scenario: table.case.scenario(),
            rulebook: table.case.rulebook(),
            debrief,
            role: table.role.clone(),
        }))
    }
}

/// Either backend is there.
pub fn present(table: Option<Res<Table>>, joined: Option<Res<Joined>>) -> bool {
    table.is_some() || joined.is_some()
}
