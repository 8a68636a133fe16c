//! Refusals and closed frames in words: the engine says why as data (ids and
//! arguments), and this module words it through Fluent, with the names of
//! the case's items taken from the case (solo play, the host) or from a
//! role's view (a networked desk), so that both read the same.

use faisceau_engine::rulebook::Closed;
use faisceau_engine::view::RoleView;
use faisceau_engine::{Case, Id, Refusal, Text, Unmet};

use super::{duration, text};
use crate::i18n::Tr;

/// The names a refusal may need.
pub trait Names {
    /// An action's name.
    fn action(&self, id: &Id) -> Option<&Text>;
    /// A decision's name.
    fn decision(&self, id: &Id) -> Option<&Text>;
    /// A phase's name.
    fn phase(&self, id: &Id) -> Option<&Text>;
    /// A person's name.
    fn person(&self, id: &Id) -> Option<&Text>;
    /// A role's name.
    fn role(&self, id: &Id) -> Option<&Text>;
    /// An act's name.
    fn act(&self, id: &Id) -> Option<&Text>;
    /// A frame's name.
    fn frame(&self, id: &Id) -> Option<&Text>;
    /// A profession's name.
    fn profession(&self, id: &Id) -> Option<&Text>;
    /// A kind of information's name.
    fn class(&self, id: &Id) -> Option<&Text>;
    /// What a trainee reads when a situation does not hold ("aucune fugue
    /// en cours").
    fn situation_absent(&self, id: &Id) -> Option<&Text>;
    /// The name of a profession's family, if the rulebook gives it one.
    fn family_of(&self, _profession: &Id) -> Option<&Text> {
        None
    }
}

/// The family of `profession` among `professions`, by name in `families`.
fn family_name<'a>(
    professions: &[faisceau_engine::rulebook::Profession],
    families: &'a [faisceau_engine::rulebook::Family],
    profession: &Id,
) -> Option<&'a Text> {
    let family = professions
        .iter()
        .find(|p| p.id == *profession)?
        .family
        .as_ref()?;
    families.iter().find(|f| f.id == *family).map(|f| &f.name)
}

fn find<'a, T>(items: &'a [T], id: &Id, key: impl Fn(&T) -> (&Id, &Text)) -> Option<&'a Text> {
    items
        .iter()
        .map(key)
        .find(|(i, _)| *i == id)
        .map(|(_, t)| t)
}

impl Names for Case {
    fn action(&self, id: &Id) -> Option<&Text> {
        find(&self.scenario().actions, id, |a| (&a.id, &a.name))
    }
    fn decision(&self, id: &Id) -> Option<&Text> {
        find(&self.scenario().decisions, id, |d| (&d.id, &d.name))
    }
    fn phase(&self, id: &Id) -> Option<&Text> {
        find(&self.scenario().phases, id, |p| (&p.id, &p.name))
    }
    fn person(&self, id: &Id) -> Option<&Text> {
        find(&self.scenario().people, id, |p| (&p.id, &p.name))
    }
    fn role(&self, id: &Id) -> Option<&Text> {
        find(&self.scenario().roles, id, |r| (&r.id, &r.name))
    }
    fn act(&self, id: &Id) -> Option<&Text> {
        find(&self.rulebook().acts, id, |a| (&a.id, &a.name))
    }
    fn frame(&self, id: &Id) -> Option<&Text> {
        find(&self.rulebook().frames, id, |f| (&f.id, &f.name))
    }
    fn profession(&self, id: &Id) -> Option<&Text> {
        find(&self.rulebook().professions, id, |p| (&p.id, &p.name))
    }
    fn class(&self, id: &Id) -> Option<&Text> {
        find(&self.rulebook().classes, id, |c| (&c.id, &c.name))
    }
    fn situation_absent(&self, id: &Id) -> Option<&Text> {
        find(&self.rulebook().situations, id, |s| (&s.id, &s.absent))
    }
    fn family_of(&self, profession: &Id) -> Option<&Text> {
        family_name(
            &self.rulebook().professions,
            &self.rulebook().families,
            profession,
        )
    }
}

impl Names for RoleView {
    fn action(&self, id: &Id) -> Option<&Text> {
        find(&self.actions, id, |a| (&a.id, &a.name))
    }
    fn decision(&self, id: &Id) -> Option<&Text> {
        find(&self.decision_names, id, |(i, t)| (i, t))
    }
    fn phase(&self, id: &Id) -> Option<&Text> {
        find(&self.phase_names, id, |(i, t)| (i, t))
    }
    fn person(&self, id: &Id) -> Option<&Text> {
        find(&self.people, id, |p| (&p.id, &p.name))
    }
    fn role(&self, id: &Id) -> Option<&Text> {
        if self.role.id == *id {
            return Some(&self.role.name);
        }
        find(&self.colleagues, id, |c| (&c.id, &c.name))
    }
    fn act(&self, id: &Id) -> Option<&Text> {
        find(&self.act_kinds, id, |a| (&a.id, &a.name))
    }
    fn frame(&self, id: &Id) -> Option<&Text> {
        find(&self.frames, id, |f| (&f.id, &f.name))
    }
    fn profession(&self, id: &Id) -> Option<&Text> {
        find(&self.professions, id, |p| (&p.id, &p.name))
    }
    fn class(&self, id: &Id) -> Option<&Text> {
        find(&self.classes, id, |c| (&c.id, &c.name))
    }
    fn situation_absent(&self, id: &Id) -> Option<&Text> {
        find(&self.situation_kinds, id, |s| (&s.id, &s.absent))
    }
    fn family_of(&self, profession: &Id) -> Option<&Text> {
        family_name(&self.professions, &self.families, profession)
    }
}

/// A name in the reader's language, or the id when the names do not hold it.
pub fn name(tr: &Tr, found: Option<&Text>, id: &Id) -> String {
    found.map_or_else(|| id.to_string(), |t| text(tr, t).to_owned())
}

/// Why the engine refused a command, in the reader's language.
pub fn refusal_text(tr: &Tr, refusal: &Refusal, names: &dyn Names) -> String {
    let key = |k: &str| tr.t(k);
    match refusal {
        Refusal::NotStarted => key("refusal-not-started"),
        Refusal::Paused => key("refusal-paused"),
        Refusal::Ended => key("refusal-ended"),
        Refusal::AlreadyRunning => key("refusal-already-running"),
        Refusal::NotRunning => key("refusal-not-running"),
        Refusal::UnknownRole => key("refusal-unknown-role"),
        Refusal::UnknownAction => key("refusal-unknown-action"),
        Refusal::NotYourAction => key("refusal-not-your-action"),
        Refusal::AlreadyDone => key("refusal-already-done"),
        Refusal::OverBudget { needed, left } => tr.t_args(
            "refusal-over-budget",
            &[("needed", duration(*needed)), ("left", duration(*left))],
        ),
        Refusal::Unmet(unmet) => unmet_text(tr, unmet, names),
        Refusal::UnknownDecision => key("refusal-unknown-decision"),
        Refusal::NotYourPower => key("refusal-not-your-power"),
        Refusal::AlreadyDecided => key("refusal-already-decided"),
        Refusal::NothingToShare => key("refusal-nothing-to-share"),
        Refusal::NoRecipient => key("refusal-no-recipient"),
        Refusal::ShareWithSelf => key("refusal-share-with-self"),
        Refusal::UnknownRecipient(id) => {
            tr.t_args("refusal-unknown-recipient", &[("id", id.to_string())])
        }
        Refusal::NotHeld => key("refusal-not-held"),
        Refusal::UnknownIndicator => key("refusal-unknown-indicator"),
        Refusal::AlreadyTagged => key("refusal-already-tagged"),
        Refusal::NotTagged => key("refusal-not-tagged"),
        Refusal::UnknownConclusion => key("refusal-unknown-conclusion"),
        Refusal::UnknownOrientation => key("refusal-unknown-orientation"),
        Refusal::NoOpenProposal => key("refusal-no-open-proposal"),
        Refusal::StaleProposal => key("refusal-stale-proposal"),
        Refusal::OwnProposal => key("refusal-own-proposal"),
        Refusal::AlreadyEndorsed => key("refusal-already-endorsed"),
        Refusal::EmptyText => key("refusal-empty-text"),
        Refusal::TooLong => key("refusal-too-long"),
        Refusal::ControlCharacters => key("refusal-control-characters"),
        Refusal::TooManyNotes => key("refusal-too-many-notes"),
        Refusal::UnknownInject => key("refusal-unknown-inject"),
        Refusal::AlreadyReleased => key("refusal-already-released"),
        Refusal::Unavailable => key("refusal-unavailable"),
        Refusal::OffDuty => key("refusal-off-duty"),
        Refusal::UnknownFrame => key("refusal-unknown-frame"),
        Refusal::FrameClosed(closed) => closed_text(tr, closed, names),
        Refusal::UnknownAct => key("refusal-unknown-act"),
        Refusal::NotYourAct => key("refusal-not-your-act"),
        Refusal::NotAnAddressee { act, only } => tr.t_args(
            "refusal-not-an-addressee",
            &[
                ("act", name(tr, names.act(act), act)),
                ("only", professions(tr, only, names)),
            ],
        ),
        Refusal::UnknownClass(id) => tr.t_args("refusal-unknown-class", &[("id", id.to_string())]),
        Refusal::EmptyScope => key("refusal-empty-scope"),
        Refusal::NoSuchAct => key("refusal-no-such-act"),
    }
}

fn unmet_text(tr: &Tr, unmet: &Unmet, names: &dyn Names) -> String {
    match unmet {
        Unmet::Knowledge => tr.t("refusal-unmet-knowledge"),
        Unmet::Decision(d) => tr.t_args(
            "refusal-unmet-decision",
            &[("name", name(tr, names.decision(d), d))],
        ),
        Unmet::Phase(p) => tr.t_args(
            "refusal-unmet-phase",
            &[("name", name(tr, names.phase(p), p))],
        ),
        Unmet::PhaseOver(p) => tr.t_args(
            "refusal-unmet-phase-over",
            &[("name", name(tr, names.phase(p), p))],
        ),
        Unmet::Action(a) => tr.t_args(
            "refusal-unmet-action",
            &[("name", name(tr, names.action(a), a))],
        ),
        Unmet::Act(a) => tr.t_args("refusal-unmet-act", &[("name", name(tr, names.act(a), a))]),
        Unmet::Circumstances => tr.t("refusal-unmet-circumstances"),
        Unmet::Trust { person, .. } => tr.t_args(
            "refusal-unmet-trust",
            &[("name", name(tr, names.person(person), person))],
        ),
    }
}

fn professions(tr: &Tr, ids: &[Id], names: &dyn Names) -> String {
    ids.iter()
        .map(|p| name(tr, names.profession(p), p))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a frame leads, in a few words: the families of its professions
/// (each once), or a profession's own name when it has no family.
fn families(tr: &Tr, ids: &[Id], names: &dyn Names) -> String {
    let mut said: Vec<String> = Vec::new();
    for p in ids {
        let word = match names.family_of(p) {
            Some(family) => super::text(tr, family).to_owned(),
            None => name(tr, names.profession(p), p),
        };
        if !said.contains(&word) {
            said.push(word);
        }
    }
    said.join(", ")
}

/// Why a frame is closed, in the reader's language.
pub fn closed_text(tr: &Tr, closed: &Closed, names: &dyn Names) -> String {
    match closed {
        Closed::NotFrom { frame } => tr.t_args(
            "closed-not-from",
            &[("frame", name(tr, names.frame(frame), frame))],
        ),
        Closed::NotTo { frame, only } => tr.t_args(
            "closed-not-to",
            &[
                ("frame", name(tr, names.frame(frame), frame)),
                ("only", families(tr, only, names)),
            ],
        ),
        Closed::NoAct { frame, act, from } => tr.t_args(
            "closed-no-act",
            &[
                ("frame", name(tr, names.frame(frame), frame)),
                ("act", name(tr, names.act(act), act)),
                ("who", name(tr, names.role(from), from)),
            ],
        ),
        Closed::NoSituation { frame, situation } => tr.t_args(
            "closed-no-situation",
            &[
                ("frame", name(tr, names.frame(frame), frame)),
                (
                    "why",
                    name(tr, names.situation_absent(situation), situation),
                ),
            ],
        ),
        Closed::OutOfScope { act, class } => tr.t_args(
            "closed-out-of-scope",
            &[
                ("number", act.to_string()),
                ("class", name(tr, names.class(class), class)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use faisceau_engine::{RoleCommand, Session, TrainerCommand};

    fn every_refusal() -> Vec<Refusal> {
        let id = |s: &str| Id::new(s);
        vec![
            Refusal::NotStarted,
            Refusal::Paused,
            Refusal::Ended,
            Refusal::AlreadyRunning,
            Refusal::NotRunning,
            Refusal::UnknownRole,
            Refusal::UnknownAction,
            Refusal::NotYourAction,
            Refusal::AlreadyDone,
            Refusal::OverBudget {
                needed: 90,
                left: 0,
            },
            Refusal::Unmet(Unmet::Knowledge),
            Refusal::Unmet(Unmet::Decision(id("signalement_parquet"))),
            Refusal::Unmet(Unmet::Phase(id("premiers_signaux"))),
            Refusal::Unmet(Unmet::PhaseOver(id("premiers_signaux"))),
            Refusal::Unmet(Unmet::Action(id("contacter_lycee"))),
            Refusal::Unmet(Unmet::Decision(id("placement_eloigne"))),
            Refusal::Unmet(Unmet::Act(id("requisition"))),
            Refusal::Unmet(Unmet::Circumstances),
            Refusal::Unmet(Unmet::Trust {
                person: id("maelle"),
                at_least: 3,
            }),
            Refusal::UnknownDecision,
            Refusal::NotYourPower,
            Refusal::AlreadyDecided,
            Refusal::NothingToShare,
            Refusal::NoRecipient,
            Refusal::ShareWithSelf,
            Refusal::UnknownRecipient(id("x")),
            Refusal::NotHeld,
            Refusal::UnknownIndicator,
            Refusal::AlreadyTagged,
            Refusal::NotTagged,
            Refusal::UnknownConclusion,
            Refusal::UnknownOrientation,
            Refusal::NoOpenProposal,
            Refusal::StaleProposal,
            Refusal::OwnProposal,
            Refusal::AlreadyEndorsed,
            Refusal::EmptyText,
            Refusal::TooLong,
            Refusal::ControlCharacters,
            Refusal::TooManyNotes,
            Refusal::UnknownInject,
            Refusal::AlreadyReleased,
            Refusal::Unavailable,
            Refusal::OffDuty,
            Refusal::UnknownFrame,
            Refusal::FrameClosed(Closed::NotFrom {
                frame: id("signalement"),
            }),
            Refusal::FrameClosed(Closed::NotTo {
                frame: id("signalement"),
                only: vec![id("procureur")],
            }),
            Refusal::FrameClosed(Closed::NoAct {
                frame: id("reponse_requisition"),
                act: id("requisition"),
                from: id("policier"),
            }),
            Refusal::FrameClosed(Closed::OutOfScope {
                act: 1,
                class: id("medical"),
            }),
            Refusal::UnknownAct,
            Refusal::NotYourAct,
            Refusal::NotAnAddressee {
                act: id("requisition"),
                only: vec![id("policier")],
            },
            Refusal::UnknownClass(id("x")),
            Refusal::EmptyScope,
            Refusal::NoSuchAct,
        ]
    }

    /// Every refusal reads in French and English, the same from the case as
    /// from a networked desk's view, with the items' names, never an id.
    #[test]
    fn every_refusal_reads_in_both_languages_from_the_case_and_from_a_view() {
        let case = crate::rulebooks::shelf_for(std::path::Path::new("scenarios/foyer_fugues.ron"));
        let text = std::fs::read_to_string("scenarios/foyer_fugues.ron").unwrap();
        let case = std::sync::Arc::new(
            faisceau_engine::load(&text, "foyer_fugues.ron", &case)
                .unwrap()
                .case,
        );
        let mut session = Session::new(case.clone(), 1);
        session.direct(TrainerCommand::Start).unwrap();
        let view = session.view("referente_ase").unwrap();
        for lang in [Lang::Fr, Lang::En] {
            let tr = Tr::new(lang);
            for refusal in every_refusal() {
                let from_case = refusal_text(&tr, &refusal, &*case);
                assert!(
                    !from_case.is_empty() && !from_case.contains("refusal-"),
                    "{refusal:?}: {from_case}"
                );
                assert!(!from_case.contains("{"), "{from_case}");
                assert_eq!(from_case, refusal_text(&tr, &refusal, &view), "{refusal:?}");
            }
        }
        let fr = Tr::new(Lang::Fr);
        let trust = Refusal::Unmet(Unmet::Trust {
            person: "maelle".into(),
            at_least: 3,
        });
        assert!(
            refusal_text(&fr, &trust, &*case)
                .starts_with("Maëlle ne vous fait pas encore assez confiance")
        );
        let budget = Refusal::OverBudget {
            needed: 90,
            left: 0,
        };
        assert!(refusal_text(&Tr::new(Lang::En), &budget, &*case).contains("1 h 30"));
        let closed = Refusal::FrameClosed(Closed::NoAct {
            frame: "reponse_requisition".into(),
            act: "requisition".into(),
            from: "policier".into(),
        });
        assert_eq!(
            refusal_text(&fr, &closed, &view),
            "Réponse à une réquisition : aucun acte « Réquisition » reçu (de : Enquêteur de la brigade de protection des familles)."
        );
        // A refusal from the engine, worded.
        let refused = session
            .submit(
                "policier",
                RoleCommand::Decide {
                    decision: "signalement_parquet".into(),
                },
            )
            .unwrap_err();
        assert_eq!(
            refusal_text(&fr, &refused, &*case),
            "Cette décision ne relève pas des pouvoirs de votre profession."
        );
    }
}
