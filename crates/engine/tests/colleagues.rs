//! Bots behave like colleagues: never a reading that leaves the young person
//! without protection against their own bundle that shows danger; reasons in
//! the table's language and consistent with the vote; each clue once to a
//! person, at a colleague's pace.

mod common;

use std::sync::Arc;

use faisceau_engine::bot::{Crew, Temperament, play};
use faisceau_engine::session::Status;
use faisceau_engine::{Case, EventKind, Session, TrainerCommand};

use common::{SHIPPED as CASES, loaded as case};

/// Whether a role's known clues reach three quarters of the weight the
/// case's bundle calls for, all categories together (the bots' own rule).
fn shows_danger(case: &Case, session: &Session, role: usize) -> bool {
    let s = case.scenario();
    let known = &session.state().roles[role].known;
    let mut weights = vec![0u32; s.categories.len()];
    for (c, clue) in s.clues.iter().enumerate() {
        if known[c] {
            for support in &clue.indicators {
                let i = case.indicator(support.indicator.as_str()).unwrap();
                let k = case.category(s.indicators[i].category.as_str()).unwrap();
                weights[k] += support.weight;
            }
        }
    }
    let (mut held, mut called) = (0, 0);
    for r in &s.solution.bundle {
        let k = case.category(r.category.as_str()).unwrap();
        held += weights[k].min(r.min_weight);
        called += r.min_weight;
    }
    called > 0 && 4 * held >= 3 * called
}

#[test]
fn no_bot_goes_along_with_a_reading_without_protection_once_its_bundle_shows_danger() {
    let mut checked = 0;
    for file in CASES {
        let case = case(file);
        let s = case.scenario();
        for seed in 0..40 {
            let played = play(Arc::clone(&case), seed, &Temperament::default());
            let events = played.events();
            // Replays the table event by event, judging each vote against the
            // voter's knowledge just before it.
            let mut table = Session::replay(Arc::clone(&case), seed, Vec::new()).unwrap();
            let mut proposals: Vec<(u32, usize)> = Vec::new();
            for (i, event) in events.iter().enumerate() {
                let voted = match &event.kind {
                    EventKind::Proposed {
                        role,
                        proposal,
                        conclusion,
                        ..
                    } => {
                        let c = case.conclusion(conclusion.as_str()).unwrap();
                        proposals.push((*proposal, c));
                        Some((role, c))
                    }
                    EventKind::Endorsed { role, proposal } => proposals
                        .iter()
                        .find(|(p, _)| p == proposal)
                        .map(|&(_, c)| (role, c)),
                    _ => None,
                };
                if let Some((role, c)) = voted
                    && s.conclusions[c].no_protection
                {
                    let r = case.role(role.as_str()).unwrap();
                    assert!(
                        !shows_danger(&case, &table, r),
                        "{file}, seed {seed}: {role} went along with {} against a bundle that shows danger",
                        s.conclusions[c].id
                    );
                    checked += 1;
                }
                table = Session::replay(Arc::clone(&case), seed, events[..=i].to_vec()).unwrap();
            }
        }
    }
    assert!(
        checked > 20,
        "only {checked} votes for a reading without protection: the test proves little"
    );
}

#[test]
fn bots_give_their_reasons_in_the_tables_language() {
    for lang in ["fr", "en"] {
        let case = case("foyer_fugues.ron");
        let mut crew = Crew::all_but(&case, None, 3);
        crew.speak(lang);
        let mut session = Session::new(Arc::clone(&case), 3);
        session.direct(TrainerCommand::Start).unwrap();
        let roles = case.scenario().roles.len();
        let mut rounds = 0;
        while session.state().status != Status::Ended && rounds < 2_000 {
            rounds += 1;
            let mut acted = false;
            for r in 0..roles {
                if let Some(command) = crew.command(r, &session) {
                    let role = case.scenario().roles[r].id.clone();
                    acted |= session.submit(role.as_str(), command).is_ok();
                }
            }
            if !acted {
                let _ = session.direct(TrainerCommand::NextPhase);
            }
        }
        let reasons: Vec<&str> = session
            .events()
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Proposed { reason, .. } | EventKind::Rejected { reason, .. } => {
                    Some(reason.as_str())
                }
                _ => None,
            })
            .collect();
        assert!(!reasons.is_empty(), "{lang}: no proposal at all");
        for reason in reasons {
            assert!(
                !reason.contains(" / "),
                "{lang}: two languages at once: {reason}"
            );
            let french = ["Mon ", "Mes ", "Rien ", "Trop "]
                .iter()
                .any(|w| reason.starts_with(w));
            assert_eq!(french, lang == "fr", "{lang}: {reason}");
        }
    }
}

#[test]
fn a_person_at_a_bot_table_gets_each_clue_once_at_a_colleagues_pace() {
    for file in CASES {
        let case = case(file);
        let s = case.scenario();
        for person in 0..s.roles.len() {
            let mut crew = Crew::all_but(&case, Some(person), 5);
            let mut session = Session::new(Arc::clone(&case), 5);
            session.direct(TrainerCommand::Start).unwrap();
            let me = s.roles[person].id.clone();
            let mut received: Vec<String> = Vec::new();
            // Rounds of every bot in which the person received a bot's share.
            let mut rounds_with_share: Vec<usize> = Vec::new();
            for round in 0..400 {
                if session.state().status == Status::Ended {
                    break;
                }
                let mut acted = false;
                for r in 0..s.roles.len() {
                    let Some(command) = crew.command(r, &session) else {
                        continue;
                    };
                    let first = session.events().len();
                    let role = s.roles[r].id.clone();
                    acted |= session.submit(role.as_str(), command).is_ok();
                    for event in &session.events()[first..] {
                        if let EventKind::Shared { to, clues, act, .. } = &event.kind
                            && to.contains(&me)
                            && act.is_none()
                        {
                            for clue in clues {
                                assert!(
                                    !received.contains(&clue.to_string()),
                                    "{file}: {me} got {clue} twice"
                                );
                                received.push(clue.to_string());
                            }
                            rounds_with_share.push(round);
                        }
                    }
                }
                if !acted && round % 3 == 2 {
                    let _ = session.direct(TrainerCommand::NextPhase);
                }
            }
            for pair in rounds_with_share.windows(2) {
                assert!(
                    pair[1] >= pair[0] + 2,
                    "{file}: {me} got shares in rounds {} and {}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}
