//! The coaching line "what to do next", computed from a role's view alone,
//! next to the bots: the desk words it, the engine decides it.

use serde::{Deserialize, Serialize};

use crate::session::Status;
use crate::view::RoleView;

/// What a trainee would do best next, as the desk's coaching line says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NextStep {
    /// A colleague's proposal waits for this role's answer.
    AnswerProposal,
    /// An act (a requisition, a summons) addressed to this role waits for an
    /// answer or a reasoned refusal.
    AnswerAct,
    /// A decision within the role's powers can be taken.
    Decide,
    /// The role knows little yet: take an action.
    Act,
    /// Many known clues are not in the bundle yet.
    Tag,
    /// The role has shared nothing yet.
    Share,
    /// The last phase, no conclusion adopted yet: propose one or answer one.
    Conclude,
    /// The role's time for this phase is spent (or too short for any action
    /// left): the next phase gives it more.
    OutOfTime,
    /// Nothing to do for now, with time left: colleagues' shares and the
    /// next events will bring more.
    Listen,
}

/// Fewer known clues than this, and acting comes before anything else.
const FEW_CLUES: usize = 3;

/// The role has spent its time this phase: it worked in it (its clock moved
/// past the phase's start) and has none left, or too little for any action it
/// still has. A role given no time this phase (off duty at night) is not out
/// of time: it waits for its colleagues.
fn out_of_time(view: &RoleView) -> bool {
    let worked = view.clock > view.phase.starts_at;
    let too_short = !view.actions.is_empty()
        && view
            .actions
            .iter()
            .all(|a| a.blocked.is_some() && a.cost > view.budget_left);
    worked && (view.budget_left == 0 || too_short)
}

/// The next step for a role, or none when the table is not running.
pub fn next_step(view: &RoleView) -> Option<NextStep> {
    if view.status != Status::Running {
        return None;
    }
    let me = &view.role.id;
    let can_act = view.actions.iter().any(|a| a.blocked.is_none());
    Some(
        if view
            .proposal
            .as_ref()
            .is_some_and(|p| p.waiting_for.contains(me))
        {
            NextStep::AnswerProposal
        } else if view
            .acts
            .iter()
            .any(|a| a.to == *me && a.declined.is_none() && !a.answered)
        {
            NextStep::AnswerAct
        } else if view.decisions.iter().any(|d| d.blocked.is_none()) {
            NextStep::Decide
        } else if can_act && view.clues.len() < FEW_CLUES {
            NextStep::Act
        } else if view.clues.iter().any(|c| c.tags.is_empty())
            && view.bundle.len() < view.clues.len() / 2
        {
            NextStep::Tag
        } else if view.sent.is_empty() && !view.clues.is_empty() {
            NextStep::Share
        } else if can_act {
            NextStep::Act
        } else if view.phase.index + 1 >= view.phase.count && view.adopted.is_none() {
            NextStep::Conclude
        } else if out_of_time(view) {
            NextStep::OutOfTime
        } else {
            NextStep::Listen
        },
    )
}
