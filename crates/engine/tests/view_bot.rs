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
                let view = session.view(role.as_str()).unwrap();
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
                let view = session.view(role.as_str()).unwrap();
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

#[test]
fn nobody_is_told_their_time_is_up_at_the_start_and_the_last_phase_asks_for_a_conclusion() {
    use faisceau_engine::coach::{NextStep, next_step};
    use faisceau_engine::{RoleCommand, Session, TrainerCommand};
    let mut spent = 0;
    for file in common::SHIPPED {
        let case = common::loaded(file);
        let roles: Vec<_> = case.scenario().roles.iter().map(|r| r.id.clone()).collect();
        let mut session = Session::new(case, 1);
        session.direct(TrainerCommand::Start).unwrap();
        for role in &roles {
            let view = session.view(role.as_str()).unwrap();
            let step = next_step(&view);
            assert!(
                step != Some(NextStep::OutOfTime) && step != Some(NextStep::Conclude),
                "{file}, {role} at the start: {step:?} with {} min left",
                view.budget_left
            );
        }
        // A role that spends its time on actions is told so, until the next phase.
        let busy = roles[0].as_str();
        loop {
            let view = session.view(busy).unwrap();
            let Some(action) = view.actions.iter().find(|a| a.blocked.is_none()) else {
                break;
            };
            session
                .submit(
                    busy,
                    RoleCommand::TakeAction {
                        action: action.id.clone(),
                    },
                )
                .unwrap();
        }
        // Everything else done: nothing to decide, answer, file or share.
        let mut view = session.view(busy).unwrap();
        view.decisions.clear();
        view.acts.clear();
        view.proposal = None;
        view.clues.clear();
        let cheapest = view.actions.iter().map(|a| a.cost).min().unwrap_or(0);
        if view.phase.count > 1 && view.budget_left < cheapest {
            assert_eq!(
                next_step(&view),
                Some(NextStep::OutOfTime),
                "{file}, {busy} with {} min left",
                view.budget_left
            );
            spent += 1;
        }
        while session.view(roles[0].as_str()).unwrap().phase.index + 1
            < session.view(roles[0].as_str()).unwrap().phase.count
        {
            session.direct(TrainerCommand::NextPhase).unwrap();
        }
        for role in &roles {
            let step = next_step(&session.view(role.as_str()).unwrap());
            assert!(
                !matches!(step, Some(NextStep::OutOfTime | NextStep::Listen)),
                "{file}, {role} at the last phase: {step:?}"
            );
        }
    }
    assert!(
        spent > 0,
        "no case spent a role's time: the test proves nothing about it"
    );
}

#[test]
fn one_event_keeps_one_time_on_the_tables_clock() {
    for (path, case) in shipped_cases() {
        let (mut session, roles, mut bots) = started_with_view_bots(&case, 7);
        // Each role's discussion as first seen: later views must keep its times.
        let mut seen: Vec<Vec<(u32, faisceau_engine::view::Discussion)>> =
            vec![Vec::new(); roles.len()];
        let mut rounds = 0;
        while session.state().status != Status::Ended && rounds < 10_000 {
            rounds += 1;
            let mut acted = false;
            for (r, (role, bot)) in roles.iter().zip(&mut bots).enumerate() {
                let view = session.view(role.as_str()).unwrap();
                assert!(
                    view.discussion.starts_with(&seen[r]),
                    "{}: {role}'s discussion was re-dated",
                    path.display()
                );
                seen[r] = view.discussion.clone();
                // Nothing the role sees is dated after the table's clock.
                for at in view
                    .inbox
                    .iter()
                    .chain(&view.sent)
                    .map(|s| s.at)
                    .chain(view.results.iter().map(|x| x.at))
                    .chain(view.decisions_taken.iter().map(|d| d.at))
                    .chain(view.discussion.iter().map(|(at, _)| *at))
                {
                    assert!(
                        at <= view.table_clock,
                        "{}: {role} sees {at} after the table's {}",
                        path.display(),
                        view.table_clock
                    );
                }
                if let Some(command) = bot.next(&view) {
                    acted |= session.submit(role, command).is_ok();
                }
            }
            if !acted {
                let _ = session.direct(TrainerCommand::NextPhase);
            }
        }
        // The journal's times never go back: what happened later is dated later.
        let times: Vec<u32> = session.events().iter().map(|e| e.at).collect();
        for pair in times.windows(2) {
            assert!(
                pair[0] <= pair[1],
                "{}: an event at {} after one at {}",
                path.display(),
                pair[1],
                pair[0]
            );
        }
    }
}
