//! A table's timeline in words: what each role did, in order, with the
//! trainer's observer notes placed at their times. One list serves the
//! window's debrief and the report.

use faisceau_engine::debrief::{Debrief, Step};
use faisceau_engine::model::{Scenario, Verdict};
use faisceau_engine::{Id, Rulebook};

use super::{frame_name, name_in};
use crate::i18n::Tr;

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Scenario time.
    pub at: u32,
    /// The role, or none for a trainer's note.
    pub role: Option<Id>,
    /// What happened, in words.
    pub what: String,
    /// The share's verdict, for a share.
    pub verdict: Option<Verdict>,
}

/// Which steps a timeline keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Every step.
    All,
    /// The moments a debrief discusses: shares the rules did not simply
    /// allow, decisions, proposals and rejections, and the notes (the
    /// sharing table and graph hold every share).
    Key,
}

/// What a timeline shows.
#[derive(Clone, Copy, Debug)]
pub struct Show<'a> {
    /// One role's timeline, or the table's.
    pub only: Option<&'a Id>,
    /// The trainer's observer notes (the trainer's debrief and report).
    pub notes: bool,
    /// The reasons people wrote when rejecting a proposal: free text, left
    /// out of a pseudonymous report.
    pub reasons: bool,
    /// Every step, or the key moments.
    pub keep: Keep,
}

/// The timeline of a table, or of one role, oldest first. A role's own
/// timeline includes what it received; the table's lists each share once,
/// from its sender.
pub fn lines(
    scenario: &Scenario,
    rulebook: &Rulebook,
    debrief: &Debrief,
    show: Show,
    tr: &Tr,
) -> Vec<Line> {
    let Show {
        only,
        notes,
        reasons,
        keep,
    } = show;
    let role_name = |id: &Id| name_in(tr, &scenario.roles, id, |r| (&r.id, &r.name));
    let clue = |id: &Id| name_in(tr, &scenario.clues, id, |c| (&c.id, &c.text));
    let mut out = Vec::new();
    for role in &debrief.roles {
        if only.is_some_and(|o| *o != role.role) {
            continue;
        }
        for entry in &role.timeline {
            let moment = match &entry.step {
                Step::Action { .. }
                | Step::Learned { .. }
                | Step::Received { .. }
                | Step::Endorsed { .. } => false,
                Step::Sent { share } => share.verdict != Verdict::Allowed,
                Step::Decided { .. } | Step::Proposed { .. } | Step::Rejected { .. } => true,
            };
            if keep == Keep::Key && !moment {
                continue;
            }
            let mut verdict = None;
            let what = match &entry.step {
                Step::Action { action } => tr.t_args(
                    "timeline-action",
                    &[(
                        "action",
                        name_in(tr, &scenario.actions, action, |a| (&a.id, &a.name)),
                    )],
                ),
                Step::Learned { clue: c, .. } => {
                    tr.t_args("timeline-learned", &[("clue", clue(c))])
                }
                Step::Sent { share } => {
                    verdict = Some(share.verdict);
                    let to: Vec<String> = share.to.iter().map(&role_name).collect();
                    tr.t_args(
                        "timeline-sent",
                        &[
                            ("count", share.clues.len().to_string()),
                            ("to", to.join(", ")),
                            ("frame", frame_name(tr, &rulebook.frames, &share.frame)),
                            ("verdict", super::verdict_name(tr, share.verdict)),
                        ],
                    )
                }
                Step::Received { share } => {
                    if only.is_none() {
                        continue;
                    }
                    tr.t_args(
                        "timeline-received",
                        &[
                            ("count", share.clues.len().to_string()),
                            ("from", role_name(&share.from)),
                        ],
                    )
                }
                Step::Decided { decision } => tr.t_args(
                    "timeline-decided",
                    &[(
                        "decision",
                        name_in(tr, &scenario.decisions, decision, |d| (&d.id, &d.name)),
                    )],
                ),
                Step::Proposed { conclusion, .. } => tr.t_args(
                    "timeline-proposed",
                    &[(
                        "conclusion",
                        name_in(tr, &scenario.conclusions, conclusion, |c| (&c.id, &c.name)),
                    )],
                ),
                Step::Endorsed { proposal } => {
                    tr.t_args("timeline-endorsed", &[("number", proposal.to_string())])
                }
                Step::Rejected { proposal, reason } if reasons => tr.t_args(
                    "timeline-rejected",
                    &[("number", proposal.to_string()), ("reason", reason.clone())],
                ),
                Step::Rejected { proposal, .. } => tr.t_args(
                    "timeline-rejected-plain",
                    &[("number", proposal.to_string())],
                ),
            };
            out.push(Line {
                at: entry.at,
                role: Some(role.role.clone()),
                what,
                verdict,
            });
        }
    }
    if notes {
        for (at, note) in &debrief.table.observer_notes {
            out.push(Line {
                at: *at,
                role: None,
                what: tr.t_args("timeline-note", &[("text", note.clone())]),
                verdict: None,
            });
        }
    }
    // Stable: at one time, roles in order, then the trainer's notes.
    out.sort_by_key(|l| l.at);
    out
}

#[cfg(test)]
mod tests {
    use faisceau_engine::{RoleCommand, Session, TrainerCommand};

    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_timeline_places_the_trainers_notes_among_the_roles_steps() {
        let case = crate::ui::tests::case();
        let mut session = Session::new(case.clone(), 1);
        session.direct(TrainerCommand::Start).unwrap();
        session
            .submit(
                "educatrice",
                RoleCommand::Share {
                    clues: vec!["fugues_nocturnes".into()],
                    to: vec!["policier".into()],
                    frame: "hors_cadre".into(),
                },
            )
            .unwrap();
        session
            .direct(TrainerCommand::Note {
                text: "L'éducatrice hésite avant d'appeler la police.".into(),
            })
            .unwrap();
        let debrief = Debrief::build(&case, session.events()).unwrap();
        let tr = Tr::new(Lang::Fr);
        let s = case.scenario();
        let trainer = |keep| Show {
            only: None,
            notes: true,
            reasons: true,
            keep,
        };
        let table = lines(s, case.rulebook(), &debrief, trainer(Keep::All), &tr);
        let key = lines(s, case.rulebook(), &debrief, trainer(Keep::Key), &tr);
        assert!(key.len() < table.len());
        assert!(key.iter().any(|l| l.verdict == Some(Verdict::Breach)));
        assert!(key.iter().any(|l| l.role.is_none()));
        let share = table
            .iter()
            .position(|l| l.verdict == Some(Verdict::Breach))
            .expect("the share is in the table's timeline");
        let note = table
            .iter()
            .position(|l| l.role.is_none())
            .expect("the note is in the trainer's timeline");
        assert!(share < note, "in the order they happened");
        assert!(table[note].what.contains("hésite"));
        // A trainee's own timeline: what they received, and no trainer note.
        let police_id: Id = "policier".into();
        let police = lines(
            s,
            case.rulebook(),
            &debrief,
            Show {
                only: Some(&police_id),
                notes: false,
                reasons: true,
                keep: Keep::All,
            },
            &tr,
        );
        assert!(police.iter().any(|l| l.what.contains("reçu")), "{police:?}");
        assert!(police.iter().all(|l| l.role.is_some()));
    }
}
