//! Bots that see only their role's view, as networked clients do, can play
//! every shipped case to a conclusion.

mod common;

use std::sync::Arc;

use faisceau_engine::session::Status;
use faisceau_engine::{Case, EventKind, RoleCommand, RoleView, Session, TrainerCommand, ViewBot};

/// Every case of the library, with its path.
fn shipped_cases() -> Vec<(std::path::PathBuf, Arc<Case>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let case = faisceau_engine::load(&text, "case.ron", &common::shelf())
            .unwrap()
            .case;
        cases.push((path, Arc::new(case)));
    }
    cases
}

/// A started session of `case`, its roles' ids, and a view-bot per role.
fn started_with_view_bots(case: &Arc<Case>, seed: u64) -> (Session, Vec<String>, Vec<ViewBot>) {
    let mut session = Session::new(case.clone(), seed);
    session.direct(TrainerCommand::Start).unwrap();
    let roles: Vec<String> = case
        .scenario()
        .roles
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    let bots = (0..roles.len()).map(|i| ViewBot::new(i as u64)).collect();
    (session, roles, bots)
}

#[test]
fn view_bots_play_every_case_to_a_conclusion() {
    let mut cases = 0;
    for (path, case) in shipped_cases() {
        cases += 1;
        let (mut session, roles, mut bots) = started_with_view_bots(&case, 3);
        let mut refused = 0;
        let mut rounds = 0;
        while session.state().status != Status::Ended && rounds < 10_000 {
            rounds += 1;
            let mut acted = false;
            for (role, bot) in roles.iter().zip(&mut bots) {
                let view = session.view(role).unwrap();
                if let Some(command) = bot.next(&view) {
                    acted = true;
                    if session.submit(role, command).is_err() {
                        refused += 1;
                    }
                }
            }
            if !acted {
                let _ = session.direct(TrainerCommand::NextPhase);
            }
        }
        assert_eq!(session.state().status, Status::Ended, "{}", path.display());
        assert!(
            session
                .events()
                .iter()
                .any(|e| matches!(e.kind, EventKind::ConclusionAdopted { .. })),
            "{}: the table concluded",
            path.display()
        );
        assert!(
            session
                .events()
                .iter()
                .any(|e| matches!(e.kind, EventKind::Shared { .. })),
            "{}: the bots shared",
            path.display()
        );
        // A view-bot only sends what its view offers.
        assert!(
            refused < 5,
            "{}: {refused} commands refused",
            path.display()
        );
    }
    assert_eq!(cases, 8);
}

/// An event that [`EventKind::private_to`] gives to one role changes no
/// other role's view: the host keeps the others' views rather than building
/// them again, and this is what makes that safe. Checked on every shipped
/// case, played by view-bots that also write notes.
#[test]
fn a_note_or_a_bundle_change_leaves_every_other_view_as_it_was() {
    let mut private = 0;
    for (path, case) in shipped_cases() {
        let (mut session, roles, mut bots) = started_with_view_bots(&case, 5);
        // Each role's view as last built, while no event has changed it.
        let mut kept: Vec<Option<RoleView>> = vec![None; roles.len()];
        let mut rounds = 0;
        while session.state().status != Status::Ended && rounds < 10_000 {
            rounds += 1;
            let mut acted = false;
            for (r, (role, bot)) in roles.iter().zip(&mut bots).enumerate() {
                let view = session.view(role).unwrap();
                kept[r] = Some(view.clone());
                // A note now and then, beside what the bot does (a note is
                // not play: the phase still moves on when bots are idle).
                let command = if rounds % 5 == r % 5 {
                    Some(RoleCommand::Note {
                        text: format!("note {rounds}"),
                    })
                } else {
                    let next = bot.next(&view);
                    acted |= next.is_some();
                    next
                };
                let Some(command) = command else { continue };
                let first = session.events().len();
                if session.submit(role, command).is_err() {
                    continue;
                }
                let new = &session.events()[first..];
                let only = new
                    .first()
                    .and_then(|e| e.kind.private_to())
                    .filter(|only| new.iter().all(|e| e.kind.private_to() == Some(*only)));
                let Some(only) = only.cloned() else {
                    kept.iter_mut().for_each(|k| *k = None);
                    continue;
                };
                private += 1;
                for (o, other) in roles.iter().enumerate() {
                    if *other == only.as_str() {
                        kept[o] = None;
                    } else if let Some(before) = &kept[o] {
                        assert!(
                            session.view(other).as_ref() == Some(before),
                            "{}: {:?} changed the view of {other}",
                            path.display(),
                            new[0].kind
                        );
                    }
                }
            }
            if !acted {
                let _ = session.direct(TrainerCommand::NextPhase);
                kept.iter_mut().for_each(|k| *k = None);
            }
        }
    }
    assert!(private > 100, "{private} private events checked");
}

#[test]
fn the_coaching_line_follows_the_table() {
    use faisceau_engine::coach::{NextStep, next_step};
    use faisceau_engine::{RoleCommand, Session, TrainerCommand};
    let text = std::fs::read_to_string("../../scenarios/foyer_fugues.ron").unwrap();
    let case = Arc::new(
        faisceau_engine::load(&text, "case.ron", &common::shelf())
            .unwrap()
            .case,
    );
    let mut session = Session::new(case, 3);
    assert_eq!(
        next_step(&session.view("educatrice").unwrap()),
        None,
        "not started"
    );
    session.direct(TrainerCommand::Start).unwrap();
    // The IP is open to the educator at once: decide first.
    assert_eq!(
        next_step(&session.view("educatrice").unwrap()),
        Some(NextStep::Decide)
    );
    // A proposal waiting for the role's answer comes before anything else.
    session
        .submit(
            "chef_service",
            RoleCommand::Propose {
                conclusion: "mineure_en_danger".into(),
                orientation: None,
                reason: "Premiers signes.".into(),
            },
        )
        .unwrap();
    assert_eq!(
        next_step(&session.view("educatrice").unwrap()),
        Some(NextStep::AnswerProposal)
    );
    assert_ne!(
        next_step(&session.view("chef_service").unwrap()),
        Some(NextStep::AnswerProposal)
    );
}
