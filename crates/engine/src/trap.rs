//! Shares that a trap or a teaching point is bound to: which shares match,
//! when a role has the chance to make one, and which a table made.

use crate::case::Case;
use crate::model::ShareBinding;
use crate::rulebook::Verdict;
use crate::session::{Event, EventKind, State};

/// Whether a share of one clue to one role, through a frame and judged so,
/// is the share `binding` describes.
pub fn matches(
    case: &Case,
    binding: &ShareBinding,
    clue: usize,
    to: usize,
    frame: usize,
    verdict: Verdict,
) -> bool {
    clue_matches(case, binding, clue)
        && recipient_matches(case, binding, to)
        && binding
            .frame
            .as_ref()
            .is_none_or(|f| case.frame(f.as_str()) == Some(frame))
        && verdict >= binding.at_least
}

/// Whether a clue is the one (or of the kind) a binding names.
pub fn clue_matches(case: &Case, binding: &ShareBinding, clue: usize) -> bool {
    match (&binding.clue, &binding.class) {
        (Some(id), _) => case.clue(id.as_str()) == Some(clue),
        (None, Some(class)) => case.class(class.as_str()) == Some(case.clue_class[clue]),
        (None, None) => true,
    }
}

/// Whether a role is the recipient (or of the profession) a binding names.
pub fn recipient_matches(case: &Case, binding: &ShareBinding, to: usize) -> bool {
    match (&binding.to, &binding.profession) {
        (Some(id), _) => case.role(id.as_str()) == Some(to),
        (None, Some(profession)) => case.profession_of(to).id == *profession,
        (None, None) => true,
    }
}

/// A clue the role holds and a colleague it could send it to, that together
/// make the share a binding describes, if the role has such a chance now.
pub fn opportunity(
    case: &Case,
    state: &State,
    role: usize,
    binding: &ShareBinding,
) -> Option<(usize, usize)> {
    let roles = case.scenario().roles.len();
    let clue = (0..case.scenario().clues.len())
        .find(|&c| state.roles[role].known[c] && clue_matches(case, binding, c))?;
    let to = (0..roles).find(|&t| {
        t != role && recipient_matches(case, binding, t) && !state.roles[t].known[clue]
    })?;
    Some((clue, to))
}

/// Whether some role held a clue that some colleague could have been sent
/// in the way a binding describes: the trap was within the table's reach.
pub fn could(case: &Case, state: &State, binding: &ShareBinding) -> bool {
    let roles = case.scenario().roles.len();
    (0..roles).any(|r| {
        (0..case.scenario().clues.len()).any(|c| {
            state.roles[r].known[c]
                && clue_matches(case, binding, c)
                && (0..roles).any(|t| t != r && recipient_matches(case, binding, t))
        })
    })
}

/// A share that matched a binding: who sent which clue, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Made {
    /// The sender's position.
    pub sender: usize,
    /// The clue's position: the first of the share that matched.
    pub clue: usize,
    /// The minute.
    pub at: u32,
}

/// The shares of a table's events that match a binding.
pub fn made(case: &Case, events: &[Event], binding: &ShareBinding) -> Vec<Made> {
    let mut found = Vec::new();
    for event in events {
        let EventKind::Shared {
            from,
            frame,
            judgements,
            ..
        } = &event.kind
        else {
            continue;
        };
        let (Some(sender), Some(f)) = (case.role(from.as_str()), case.frame(frame.as_str())) else {
            continue;
        };
        let hit = judgements.iter().find_map(|j| {
            let (c, t) = case.clue(j.clue.as_str()).zip(case.role(j.to.as_str()))?;
            matches(case, binding, c, t, f, j.judgement.verdict).then_some(c)
        });
        if let Some(clue) = hit {
            found.push(Made {
                sender,
                clue,
                at: event.at,
            });
        }
    }
    found
}
