//! The engine takes its law from the rulebook alone: a fictional country's
//! rulebook, with its own professions, act and frames, plays like France's.

use std::sync::Arc;

use faisceau_engine::model::Verdict;
use faisceau_engine::rulebook::Closed;
use faisceau_engine::{Books, EventKind, Id, Refusal, RoleCommand, Session, TrainerCommand, load};

const BOOK: &str = include_str!("fixtures/ruritania/rulebooks/ruritania.ron");
const CASE: &str = include_str!("fixtures/ruritania/case.ron");

fn session() -> Session {
    let shelf = Books::one("ruritania", "rulebooks/ruritania.ron", BOOK);
    let loaded = load(CASE, "case.ron", &shelf).unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert!(loaded.analysis.solvable);
    let mut session = Session::new(Arc::new(loaded.case), 1);
    session.direct(TrainerCommand::Start).unwrap();
    session
}

fn share(
    session: &mut Session,
    from: &str,
    clue: &str,
    to: &str,
    frame: &str,
) -> Result<(Verdict, Vec<Id>), Refusal> {
    let events = session.submit(
        from,
        RoleCommand::Share {
            clues: vec![clue.into()],
            to: vec![to.into()],
            frame: frame.into(),
        },
    )?;
    let EventKind::Shared {
        judgements, copies, ..
    } = &events[0].kind
    else {
        panic!("{events:?}")
    };
    Ok((judgements[0].judgement.verdict, copies.clone()))
}

#[test]
fn a_fictional_rulebook_judges_shares_by_its_own_frames_acts_and_secrecy() {
    let mut s = session();
    s.submit(
        "warden",
        RoleCommand::TakeAction {
            action: "talk".into(),
        },
    )
    .unwrap();
    // Its own secrecy regimes: a ranger bound by none may tell anyone; a warden may not.
    assert_eq!(
        share(&mut s, "ranger", "lights", "magistrate", "gossip")
            .unwrap()
            .0,
        Verdict::Allowed
    );
    assert_eq!(
        share(&mut s, "warden", "tired", "ranger", "gossip")
            .unwrap()
            .0,
        Verdict::Breach
    );
    // Its own frame with a copy: the ombudsman, at the table, receives it.
    let (verdict, copies) = share(&mut s, "warden", "tired", "magistrate", "petition").unwrap();
    assert_eq!(verdict, Verdict::Allowed);
    assert_eq!(copies, vec![Id::new("ombudsman")]);
    assert!(
        s.view("ombudsman")
            .unwrap()
            .clues
            .iter()
            .any(|c| c.id.as_str() == "tired")
    );
    // Its own act: no testimony before the summons, then within its scope only.
    assert!(matches!(
        share(&mut s, "warden", "owes", "magistrate", "testimony"),
        Err(Refusal::FrameClosed(Closed::NoAct { .. }))
    ));
    s.submit(
        "magistrate",
        RoleCommand::Issue {
            act: "summons".into(),
            to: "warden".into(),
            scope: vec!["sightings".into()],
        },
    )
    .unwrap();
    assert!(matches!(
        share(&mut s, "warden", "owes", "magistrate", "testimony"),
        Err(Refusal::FrameClosed(Closed::OutOfScope { .. }))
    ));
    s.submit(
        "magistrate",
        RoleCommand::Issue {
            act: "summons".into(),
            to: "warden".into(),
            scope: vec!["ledger".into()],
        },
    )
    .unwrap();
    assert_eq!(
        share(&mut s, "warden", "owes", "magistrate", "testimony")
            .unwrap()
            .0,
        Verdict::Allowed
    );
    // A ranger cannot issue the magistrate's act.
    assert_eq!(
        s.submit(
            "ranger",
            RoleCommand::Issue {
                act: "summons".into(),
                to: "warden".into(),
                scope: vec!["ledger".into()]
            }
        )
        .unwrap_err(),
        Refusal::NotYourAct
    );
}

#[test]
fn bot_teams_play_the_fictional_case_to_its_end() {
    let shelf = Books::one("ruritania", "rulebooks/ruritania.ron", BOOK);
    let case = Arc::new(load(CASE, "case.ron", &shelf).unwrap().case);
    let sim = faisceau_engine::simulate(case, 50, 1);
    assert_eq!(sim.runs, 50);
    assert!(sim.solve_rate > 0.0, "{sim:?}");
}
