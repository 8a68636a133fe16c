//! The session engine: rules, determinism, secrecy, injects and the conclusion.

mod common;

use std::sync::Arc;

use faisceau_engine::model::Verdict;
use faisceau_engine::rulebook::Closed;
use faisceau_engine::session::{Ending, Status};
use faisceau_engine::{
    Case, Debrief, EventKind, Refusal, RoleCommand, Session, TrainerCommand, Unmet, load,
};
use proptest::prelude::*;

const STARTER: &str = include_str!("../../../scenarios/foyer_fugues.ron");

fn case() -> Arc<Case> {
    Arc::new(
        load(STARTER, "foyer_fugues.ron", &common::shelf())
            .expect("starter case loads")
            .case,
    )
}

fn started(seed: u64) -> Session {
    let mut session = Session::new(case(), seed);
    session.direct(TrainerCommand::Start).expect("starts");
    session
}

fn act(
    session: &mut Session,
    role: &str,
    action: &str,
) -> Result<Vec<faisceau_engine::Event>, Refusal> {
    session
        .submit(
            role,
            RoleCommand::TakeAction {
                action: action.into(),
            },
        )
        .map(<[_]>::to_vec)
}

fn knows(session: &Session, role: &str, clue: &str) -> bool {
    session
        .view(role)
        .unwrap()
        .clues
        .iter()
        .any(|c| c.id.as_str() == clue)
}

#[test]
fn roles_start_with_their_own_case_file_only() {
    let session = Session::new(case(), 1);
    assert!(knows(&session, "educatrice", "fugues_nocturnes"));
    assert!(knows(&session, "chef_service", "fugues_nocturnes"));
    assert!(!knows(&session, "policier", "fugues_nocturnes"));
    // The police learn of the hotel check only by going through their files.
    assert!(!knows(&session, "policier", "controle_hotel"));
    assert_eq!(session.view("policier").unwrap().status, Status::Waiting);
}

#[test]
fn nobody_acts_before_the_start_or_during_a_pause() {
    let mut session = Session::new(case(), 1);
    assert_eq!(
        act(&mut session, "educatrice", "observer_retours"),
        Err(Refusal::NotStarted)
    );
    session.direct(TrainerCommand::Start).unwrap();
    session.direct(TrainerCommand::Pause).unwrap();
    let refusal = act(&mut session, "educatrice", "observer_retours").unwrap_err();
    assert_eq!(refusal, Refusal::Paused);
    session.direct(TrainerCommand::Start).unwrap();
    assert!(act(&mut session, "educatrice", "observer_retours").is_ok());
}

#[test]
fn actions_uncover_clues_and_spend_the_budget() {
    let mut session = started(1);
    let before = session.view("educatrice").unwrap().budget_left;
    act(&mut session, "educatrice", "observer_retours").unwrap();
    let view = session.view("educatrice").unwrap();
    assert!(
        view.clues
            .iter()
            .any(|c| c.id.as_str() == "nouveaux_achats")
    );
    assert_eq!(view.budget_left, before - 60);
    assert_eq!(
        act(&mut session, "educatrice", "observer_retours"),
        Err(Refusal::AlreadyDone)
    );
}

#[test]
fn refusals_say_why_without_revealing_clues() {
    let mut session = started(1);
    assert_eq!(
        act(&mut session, "policier", "observer_retours"),
        Err(Refusal::NotYourAction)
    );
    let refusal = act(&mut session, "policier", "requisition_annonces").unwrap_err();
    // Which clue is missing is not said: the refusal carries no clue id.
    assert_eq!(refusal, Refusal::Unmet(Unmet::Knowledge));
    let refusal = act(&mut session, "educatrice", "entretien_confiance").unwrap_err();
    assert!(matches!(
        refusal,
        Refusal::Unmet(Unmet::Trust { ref person, .. }) if person.as_str() == "maelle"
    ));
    let refusal = session
        .submit(
            "infirmiere",
            RoleCommand::Decide {
                decision: "signalement_parquet".into(),
            },
        )
        .unwrap_err();
    assert_eq!(refusal, Refusal::NotYourPower);
    // Sharing a clue one does not hold is refused exactly like sharing one that does not exist.
    let held = session
        .submit(
            "infirmiere",
            RoleCommand::Share {
                clues: vec!["controle_hotel".into()],
                to: vec!["policier".into()],
                frame: "secret_partage".into(),
            },
        )
        .map(<[_]>::len);
    let invented = session
        .submit(
            "infirmiere",
            RoleCommand::Share {
                clues: vec!["no_such_clue".into()],
                to: vec!["policier".into()],
                frame: "secret_partage".into(),
            },
        )
        .map(<[_]>::len);
    assert_eq!(held, Err(Refusal::NotHeld));
    assert_eq!(invented, Err(Refusal::NotHeld));
}

#[test]
fn the_budget_runs_out_within_a_phase_and_comes_back_in_the_next() {
    let mut session = started(1);
    for _ in 0..4 {
        act(&mut session, "educatrice", "activite_partagee").unwrap();
    }
    let refusal = act(&mut session, "educatrice", "activite_partagee").unwrap_err();
    assert_eq!(
        refusal,
        Refusal::OverBudget {
            needed: 90,
            left: 0
        }
    );
    session.direct(TrainerCommand::NextPhase).unwrap();
    assert!(act(&mut session, "educatrice", "activite_partagee").is_ok());
}

#[test]
fn trust_built_over_several_contacts_opens_the_confidential_talk() {
    let mut session = started(1);
    act(&mut session, "educatrice", "activite_partagee").unwrap();
    assert!(act(&mut session, "educatrice", "entretien_confiance").is_err());
    act(&mut session, "educatrice", "activite_partagee").unwrap();
    let maelle = session
        .view("educatrice")
        .unwrap()
        .people
        .into_iter()
        .find(|p| p.id.as_str() == "maelle")
        .unwrap();
    assert_eq!(maelle.trust, 3);
    act(&mut session, "educatrice", "entretien_confiance").unwrap();
    assert!(knows(&session, "educatrice", "maelle_parle_dette"));
}

#[test]
fn shares_are_judged_and_a_breach_is_recorded_not_blocked() {
    let mut session = started(1);
    let share = |frame: &str| RoleCommand::Share {
        clues: vec!["fugues_nocturnes".into()],
        to: vec!["policier".into()],
        frame: frame.into(),
    };
    let events = session
        .submit("educatrice", share("hors_cadre"))
        .expect("a breach is not blocked");
    let EventKind::Shared { judgements, .. } = &events[0].kind else {
        panic!("{events:?}")
    };
    assert_eq!(judgements[0].judgement.verdict, Verdict::Breach);
    assert!(
        knows(&session, "policier", "fugues_nocturnes"),
        "the recipient learns it all the same"
    );
    // A signalement goes to the prosecutor only: it is not a label for the police.
    let refusal = session
        .submit("chef_service", share("signalement"))
        .unwrap_err();
    assert!(matches!(
        &refusal,
        Refusal::FrameClosed(Closed::NotTo { only, .. }) if only.iter().any(|p| p.as_str() == "procureur")
    ));
    // No imminent danger yet: the urgent alert is closed, and says why.
    let refusal = session
        .submit("chef_service", share("alerte_urgente"))
        .unwrap_err();
    assert_eq!(
        refusal,
        Refusal::FrameClosed(Closed::NoSituation {
            frame: "alerte_urgente".into(),
            situation: "danger_imminent".into(),
        })
    );
    // Maëlle runs away again: the danger is imminent.
    session
        .direct(TrainerCommand::ReleaseInject {
            inject: "nouvelle_fugue".into(),
        })
        .unwrap();
    // An urgent alert reaches the police with a caution, and the copy owed to
    // the prosecutor, who has no seat at this table, is recorded.
    let events = session
        .submit("chef_service", share("alerte_urgente"))
        .unwrap();
    let EventKind::Shared {
        judgements,
        copies_outside,
        ..
    } = &events[0].kind
    else {
        panic!()
    };
    assert_eq!(judgements[0].judgement.verdict, Verdict::Caution);
    assert_eq!(copies_outside, &[faisceau_engine::Id::new("procureur")]);

    // The sender sees the verdict before sending, and why a frame is closed.
    let view = session.view("infirmiere").unwrap();
    let preview = view.preview(
        &["passages_infirmerie".into()],
        &["referente_ase".into(), "policier".into()],
        &"secret_partage".into(),
    );
    assert_eq!(preview[0].verdict, Some(Verdict::Caution));
    assert!(preview[0].strictly_necessary);
    assert!(preview[0].basis.get("fr").contains("L226-2-2"));
    assert_eq!(preview[1].verdict, None);
    assert!(matches!(preview[1].closed, Some(Closed::NotTo { .. })));
    let closed = view
        .routes_to("policier")
        .find(|r| r.frame.as_str() == "reponse_requisition")
        .unwrap();
    // The police are never requisitioned by a school nurse: that frame is
    // not offered toward her at all.
    let police = session.view("policier").unwrap();
    assert!(
        police
            .routes_to("infirmiere")
            .all(|r| r.frame.as_str() != "reponse_requisition")
    );
    assert!(
        police
            .routes_to("infirmiere")
            .any(|r| r.frame.as_str() == "communication_autorisee")
    );
    // No investigation is open yet (an urgent alert does not open one, a
    // signalement does): the frame says so before it asks for an act.
    assert_eq!(
        closed.closed,
        Some(Closed::NoSituation {
            frame: "reponse_requisition".into(),
            situation: "enquete_ouverte".into(),
        })
    );
}

fn share(
    session: &mut Session,
    from: &str,
    clues: &[&str],
    to: &str,
    frame: &str,
) -> Result<Verdict, Refusal> {
    let events = session.submit(
        from,
        RoleCommand::Share {
            clues: clues.iter().map(|c| (*c).into()).collect(),
            to: vec![to.into()],
            frame: frame.into(),
        },
    )?;
    let EventKind::Shared { judgements, .. } = &events[0].kind else {
        panic!("{events:?}")
    };
    Ok(judgements
        .iter()
        .map(|j| j.judgement.verdict)
        .max()
        .unwrap())
}

#[test]
fn a_share_under_a_requisition_needs_the_requisition_and_stays_within_its_scope() {
    let mut session = started(3);
    // The ASE file (dossier_social) and an educational observation the case worker knows.
    let file = "dossier_maelle";
    let observation = session
        .view("referente_ase")
        .unwrap()
        .clues
        .iter()
        .find(|c| c.class.as_str() != "dossier_social")
        .map(|c| c.id.to_string());
    assert!(
        knows(&session, "referente_ase", file),
        "the case worker holds the file"
    );
    // No investigation yet: the frame is closed, in words.
    let refusal = share(
        &mut session,
        "referente_ase",
        &[file],
        "policier",
        "reponse_requisition",
    )
    .unwrap_err();
    assert_eq!(
        refusal,
        Refusal::FrameClosed(Closed::NoSituation {
            frame: "reponse_requisition".into(),
            situation: "enquete_ouverte".into(),
        })
    );
    // In a preliminary investigation the police requisition only once the prosecutor is seized.
    let issue = RoleCommand::Issue {
        act: "requisition".into(),
        to: "referente_ase".into(),
        scope: vec!["dossier_social".into()],
    };
    assert_eq!(
        session.submit("policier", issue.clone()).unwrap_err(),
        Refusal::Unmet(Unmet::Decision("signalement_parquet".into()))
    );
    // An educator cannot issue one at all.
    assert_eq!(
        session.submit("educatrice", issue.clone()).unwrap_err(),
        Refusal::NotYourAct
    );
    while !knows(&session, "chef_service", "copain_jo") {
        if !knows(&session, "educatrice", "copain_jo") {
            act(&mut session, "educatrice", "entretien_educatif").unwrap();
            continue;
        }
        share(
            &mut session,
            "educatrice",
            &["copain_jo"],
            "chef_service",
            "secret_partage",
        )
        .unwrap();
    }
    session
        .submit(
            "chef_service",
            RoleCommand::Decide {
                decision: "signalement_parquet".into(),
            },
        )
        .unwrap();
    session.submit("policier", issue).unwrap();
    // Now the case worker may answer, to the police, within the scope.
    assert_eq!(
        share(
            &mut session,
            "referente_ase",
            &[file],
            "policier",
            "reponse_requisition"
        ),
        Ok(Verdict::Allowed)
    );
    if let Some(observation) = observation {
        assert!(matches!(
            share(
                &mut session,
                "referente_ase",
                &[observation.as_str()],
                "policier",
                "reponse_requisition"
            ),
            Err(Refusal::FrameClosed(Closed::OutOfScope { act: 1, .. }))
        ));
    }
    // Only to the police officer who issued it.
    assert!(matches!(
        share(
            &mut session,
            "referente_ase",
            &[file],
            "juge_enfants",
            "reponse_requisition"
        ),
        Err(Refusal::FrameClosed(_))
    ));
    // A declined requisition no longer opens the frame.
    session
        .submit(
            "referente_ase",
            RoleCommand::Decline {
                act: 1,
                reason: "Motif légitime.".into(),
            },
        )
        .unwrap();
    assert!(matches!(
        share(
            &mut session,
            "referente_ase",
            &[file],
            "policier",
            "reponse_requisition"
        ),
        Err(Refusal::FrameClosed(Closed::NoAct { .. }))
    ));
}

#[test]
fn a_signalement_reaches_only_the_prosecutor_and_brings_the_crip_copy() {
    let text = common::case_text("annonces_en_ligne.ron");
    let case = Arc::new(
        load(&text, "annonces_en_ligne.ron", &common::shelf())
            .unwrap()
            .case,
    );
    let mut session = Session::new(case, 5);
    session.direct(TrainerCommand::Start).unwrap();
    let view = session.view("assistante_sociale").unwrap();
    let clue = view.clues[0].id.clone();
    let to = |to: &str| RoleCommand::Share {
        clues: vec![clue.clone()],
        to: vec![to.into()],
        frame: "signalement".into(),
    };
    for other in ["cyber", "cpe", "maraude_numerique"] {
        assert!(
            matches!(
                session.submit("assistante_sociale", to(other)),
                Err(Refusal::FrameClosed(Closed::NotTo { .. }))
            ),
            "a signalement to {other}"
        );
    }
    let events = session
        .submit("assistante_sociale", to("procureur"))
        .unwrap();
    let EventKind::Shared {
        to,
        copies,
        copies_outside,
        judgements,
        ..
    } = &events[0].kind
    else {
        panic!()
    };
    assert_eq!(to, &[faisceau_engine::Id::new("procureur")]);
    assert!(copies.is_empty(), "no CRIP at this table");
    assert_eq!(
        copies_outside,
        &[faisceau_engine::Id::new("crip")],
        "the copy to the CRIP (CASF L226-4 II) is recorded"
    );
    assert_eq!(judgements[0].judgement.verdict, Verdict::Allowed);
    let debrief = Debrief::build(session.case(), session.events()).unwrap();
    let sent = &debrief
        .roles
        .iter()
        .find(|r| r.role.as_str() == "assistante_sociale")
        .unwrap()
        .sent[0];
    assert_eq!(sent.frame.as_str(), "signalement");
    assert_eq!(sent.copies_outside, vec![faisceau_engine::Id::new("crip")]);
}

#[test]
fn a_rulebook_correction_changes_the_verdict_in_every_case_that_uses_it() {
    let shelf = common::shelf();
    let (file, text) = faisceau_engine::Shelf::rulebook(&shelf, "france").unwrap();
    // A lawyer decides that an informal exchange is only a caution (not the law: a test).
    let marker = "carries: WholeFile,\n            verdict: Breach,";
    assert_eq!(
        text.matches(marker).count(),
        1,
        "the informal frame's verdict"
    );
    let corrected = faisceau_engine::Books::one(
        "france",
        &file,
        &text.replace(marker, "carries: WholeFile,\n            verdict: Caution,"),
    );
    for name in [
        "annonces_en_ligne.ron",
        "foyer_fugues.ron",
        "gare_nuit.ron",
        "kenza_a_risque.ron",
        "zone_attente_roissy.ron",
    ] {
        let text = common::case_text(name);
        let before = load(&text, name, &shelf).unwrap().case;
        let after = load(&text, name, &corrected).unwrap().case;
        let s = before.scenario();
        let from = (0..s.roles.len())
            .find(|&r| {
                before.profession_of(r).secrecy == faisceau_engine::rulebook::Secrecy::Professional
            })
            .expect("a role bound by secrecy");
        let to = (from + 1) % s.roles.len();
        let clue = s
            .clues
            .iter()
            .position(|c| !c.indicators.is_empty())
            .unwrap();
        let frame = before.frame("hors_cadre").unwrap();
        assert_eq!(
            before.judge(clue, frame, from, to, &[]).verdict,
            Verdict::Breach,
            "{name}"
        );
        assert_eq!(
            after.judge(clue, frame, from, to, &[]).verdict,
            Verdict::Caution,
            "{name}"
        );
    }
}

#[test]
fn a_signalement_opens_the_investigation_and_seizes_the_judge() {
    let mut session = started(3);
    let refusal = session
        .submit(
            "chef_service",
            RoleCommand::Decide {
                decision: "signalement_parquet".into(),
            },
        )
        .unwrap_err();
    assert_eq!(refusal, Refusal::Unmet(Unmet::Knowledge));
    while !knows(&session, "educatrice", "copain_jo") {
        act(&mut session, "educatrice", "entretien_educatif").unwrap();
    }
    session
        .submit(
            "educatrice",
            RoleCommand::Share {
                clues: vec!["copain_jo".into()],
                to: vec!["chef_service".into()],
                frame: "secret_partage".into(),
            },
        )
        .unwrap();
    session
        .submit(
            "chef_service",
            RoleCommand::Decide {
                decision: "signalement_parquet".into(),
            },
        )
        .unwrap();
    assert!(knows(&session, "policier", "saisine_enquete"));
    assert!(knows(&session, "juge_enfants", "saisine_juge"));
    assert!(act(&mut session, "policier", "requisition_annonces").is_ok());
    assert_eq!(
        session.submit(
            "referente_ase",
            RoleCommand::Decide {
                decision: "signalement_parquet".into()
            }
        ),
        Err(Refusal::AlreadyDecided)
    );
}

#[test]
fn injects_fire_at_their_phase_on_inaction_and_by_the_trainer() {
    let mut session = started(1);
    session.direct(TrainerCommand::NextPhase).unwrap();
    assert!(
        knows(&session, "educatrice", "fugue_lyon"),
        "the phase inject revealed its clue"
    );
    let messages = session.view("referente_ase").unwrap().messages;
    assert!(messages.iter().any(|m| {
        m.title
            .as_ref()
            .is_some_and(|t| t.get("fr") == "Nouvelle fugue")
    }));
    // No signalement by the end of the evaluation week: Chloé gets into the car.
    session.direct(TrainerCommand::NextPhase).unwrap();
    assert!(knows(&session, "chef_service", "chloe_voiture"));
    assert!(!knows(&session, "policier", "chloe_voiture"));
    session
        .direct(TrainerCommand::ReleaseInject {
            inject: "appel_mere".into(),
        })
        .unwrap();
    assert!(knows(&session, "referente_ase", "mere_menaces"));
    assert_eq!(
        session.direct(TrainerCommand::ReleaseInject {
            inject: "appel_mere".into()
        }),
        Err(Refusal::AlreadyReleased)
    );
    // After the last phase, time is up.
    session.direct(TrainerCommand::NextPhase).unwrap();
    assert_eq!(session.state().status, Status::Ended);
    assert!(matches!(
        session.events().last().unwrap().kind,
        EventKind::Ended {
            ending: Ending::TimeUp
        }
    ));
}

#[test]
fn the_table_concludes_when_every_role_endorses() {
    let mut session = started(1);
    let propose = RoleCommand::Propose {
        conclusion: "traite_exploitation".into(),
        orientation: Some("protection_enquete".into()),
        reason: "Fugues, argent, emprise.".into(),
    };
    session.submit("educatrice", propose.clone()).unwrap();
    let number = session.view("policier").unwrap().proposal.unwrap().number;
    assert_eq!(
        session.submit("educatrice", RoleCommand::Endorse { proposal: number }),
        Err(Refusal::OwnProposal)
    );
    session
        .submit(
            "policier",
            RoleCommand::Reject {
                proposal: number,
                reason: "Pas encore assez d'éléments.".into(),
                lacking: None,
            },
        )
        .unwrap();
    assert!(session.view("juge_enfants").unwrap().proposal.is_none());
    assert_eq!(
        session.submit("juge_enfants", RoleCommand::Endorse { proposal: number }),
        Err(Refusal::NoOpenProposal)
    );

    session.submit("chef_service", propose).unwrap();
    let number = session.view("policier").unwrap().proposal.unwrap().number;
    assert_eq!(
        session.submit(
            "policier",
            RoleCommand::Endorse {
                proposal: number - 1
            }
        ),
        Err(Refusal::StaleProposal)
    );
    for role in ["educatrice", "referente_ase", "infirmiere", "policier"] {
        session
            .submit(role, RoleCommand::Endorse { proposal: number })
            .unwrap();
        assert_eq!(session.state().status, Status::Running);
    }
    session
        .submit("juge_enfants", RoleCommand::Endorse { proposal: number })
        .unwrap();
    assert_eq!(session.state().status, Status::Ended);
    let adopted = session.view("infirmiere").unwrap().adopted.unwrap();
    assert_eq!(adopted.conclusion.as_str(), "traite_exploitation");
    let debrief = Debrief::build(session.case(), session.events()).unwrap();
    assert!(debrief.table.conclusion_correct);
    assert!(!debrief.table.bundle_complete, "nobody built the bundle");
    assert!(!debrief.table.solved);
}

#[test]
fn the_bundle_is_personal_and_backed_by_known_clues() {
    let mut session = started(1);
    let tag = |clue: &str, indicator: &str| RoleCommand::Tag {
        clue: clue.into(),
        indicator: indicator.into(),
    };
    session
        .submit("educatrice", tag("fugues_nocturnes", "fugues_repetees"))
        .unwrap();
    assert_eq!(
        session.submit("educatrice", tag("fugues_nocturnes", "fugues_repetees")),
        Err(Refusal::AlreadyTagged)
    );
    assert_eq!(
        session.submit("educatrice", tag("controle_hotel", "nuits_hotel")),
        Err(Refusal::NotHeld)
    );
    session
        .submit("educatrice", tag("fugues_nocturnes", "annonces"))
        .unwrap();
    assert_eq!(session.view("educatrice").unwrap().bundle.len(), 2);
    assert!(session.view("chef_service").unwrap().bundle.is_empty());
    session.direct(TrainerCommand::End).unwrap();
    let debrief = Debrief::build(session.case(), session.events()).unwrap();
    let rupture = debrief
        .table
        .bundle
        .iter()
        .find(|b| b.category.as_str() == "rupture")
        .unwrap();
    assert_eq!(rupture.weight, 2);
    assert_eq!(
        debrief.table.unsupported_tags.len(),
        1,
        "a clue does not support every indicator one tags it with"
    );
}

#[test]
fn same_seed_and_commands_give_the_same_events() {
    let commands = || {
        vec![
            (
                "educatrice",
                RoleCommand::TakeAction {
                    action: "entretien_educatif".into(),
                },
            ),
            (
                "infirmiere",
                RoleCommand::TakeAction {
                    action: "consultation_infirmerie".into(),
                },
            ),
            (
                "educatrice",
                RoleCommand::TakeAction {
                    action: "entretien_educatif".into(),
                },
            ),
            (
                "infirmiere",
                RoleCommand::TakeAction {
                    action: "consultation_infirmerie".into(),
                },
            ),
            (
                "educatrice",
                RoleCommand::Note {
                    text: "À reparler en équipe.".into(),
                },
            ),
        ]
    };
    let run = |seed| {
        let mut session = started(seed);
        for (role, command) in commands() {
            let _ = session.submit(role, command);
        }
        serde_json::to_string(session.events()).unwrap()
    };
    assert_eq!(run(42), run(42));
    let differ = (0..20).any(|seed| run(seed) != run(42));
    assert!(differ, "outcomes are drawn from the seed");
    // Bot teams too.
    let play = |seed| {
        serde_json::to_string(faisceau_engine::play(case(), seed, &Default::default()).events())
            .unwrap()
    };
    assert_eq!(play(7), play(7));
}

#[test]
fn a_journal_replays_into_the_same_state_and_debrief() {
    let played = faisceau_engine::play(case(), 11, &Default::default());
    let replayed = Session::replay(case(), 11, played.events().to_vec()).unwrap();
    for role in ["educatrice", "policier", "juge_enfants"] {
        assert_eq!(played.view(role), replayed.view(role));
    }
    assert_eq!(
        Debrief::build(&case(), played.events()).unwrap(),
        Debrief::build(&case(), replayed.events()).unwrap()
    );
}

#[test]
fn the_trainer_view_holds_everything() {
    let mut session = started(1);
    act(&mut session, "educatrice", "observer_retours").unwrap();
    session
        .direct(TrainerCommand::Note {
            text: "La table hésite sur le canal.".into(),
        })
        .unwrap();
    let view = session.trainer_view();
    assert_eq!(view.roles.len(), 6);
    assert_eq!(
        view.scenario.solution.conclusion.as_str(),
        "traite_exploitation"
    );
    assert_eq!(view.clues_found.1, 28);
    assert_eq!(view.notes.len(), 1);
    assert_eq!(view.events.len(), session.events().len());
}

// ---- Secrecy -------------------------------------------------------------

const ROLES: [&str; 6] = [
    "educatrice",
    "chef_service",
    "referente_ase",
    "infirmiere",
    "policier",
    "juge_enfants",
];

fn command(case: &Case, pick: (u8, usize, usize, usize)) -> RoleCommand {
    let s = case.scenario();
    let (kind, a, b, c) = pick;
    let clue = |i: usize| s.clues[i % s.clues.len()].id.clone();
    match kind % 10 {
        0..=2 => RoleCommand::TakeAction {
            action: s.actions[a % s.actions.len()].id.clone(),
        },
        3 => RoleCommand::Share {
            clues: vec![clue(a), clue(b)],
            to: vec![ROLES[c % ROLES.len()].into()],
            frame: case.rulebook().frames[b % case.rulebook().frames.len()]
                .id
                .clone(),
        },
        8 => RoleCommand::Issue {
            act: case.rulebook().acts[a % case.rulebook().acts.len()]
                .id
                .clone(),
            to: ROLES[c % ROLES.len()].into(),
            scope: vec![
                case.rulebook().classes[b % case.rulebook().classes.len()]
                    .id
                    .clone(),
            ],
        },
        9 => RoleCommand::Decline {
            act: (a % 4) as u32,
            reason: "Motif légitime.".into(),
        },
        4 => RoleCommand::Decide {
            decision: s.decisions[a % s.decisions.len()].id.clone(),
        },
        5 => RoleCommand::Tag {
            clue: clue(a),
            indicator: s.indicators[b % s.indicators.len()].id.clone(),
        },
        6 => RoleCommand::Propose {
            conclusion: s.conclusions[a % s.conclusions.len()].id.clone(),
            orientation: None,
            reason: "Proposition.".into(),
        },
        _ => RoleCommand::Endorse {
            proposal: (a % 4) as u32,
        },
    }
}

/// The start of a text as it appears inside a JSON string.
fn probe(text: &str) -> String {
    let escaped = serde_json::to_string(text).unwrap();
    escaped[1..escaped.len() - 1].chars().take(50).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// No serialized role view contains the id or any translation of a clue
    /// the role neither discovered nor was sent.
    #[test]
    fn a_role_view_never_holds_a_clue_the_role_was_not_given(
        seed in any::<u64>(),
        steps in prop::collection::vec((0usize..6, any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>(), 0u8..20), 1..120),
    ) {
        let case = case();
        let mut session = started(seed);
        for (role, kind, a, b, c, trainer) in steps {
            match trainer {
                0 => { let _ = session.direct(TrainerCommand::NextPhase); }
                1 => { let _ = session.direct(TrainerCommand::ReleaseInject { inject: "appel_mere".into() }); }
                _ => { let _ = session.submit(ROLES[role], command(&case, (kind, a, b, c))); }
            }
        }
        let s = case.scenario();
        for role in ROLES {
            // What the role was given, computed from the events independently of the view.
            let mut given: Vec<&str> = Vec::new();
            for event in session.events() {
                match &event.kind {
                    EventKind::ClueLearned { role: r, clue, .. } if r.as_str() == role => given.push(clue.as_str()),
                    EventKind::Shared { to, copies, clues, .. } if to.iter().chain(copies).any(|t| t.as_str() == role) => given.extend(clues.iter().map(|c| c.as_str())),
                    _ => {}
                }
            }
            let json = serde_json::to_string(&session.view(role).unwrap()).unwrap();
            for clue in &s.clues {
                if given.contains(&clue.id.as_str()) {
                    continue;
                }
                prop_assert!(!json.contains(&format!("\"{}\"", clue.id)), "{role} sees the id of {}", clue.id);
                for text in clue.text.translations() {
                    prop_assert!(!json.contains(&probe(text)), "{role} sees the text of {}", clue.id);
                }
                if let Some(trap) = &clue.trap {
                    for text in trap.note.translations() {
                        prop_assert!(!json.contains(&probe(text)), "{role} sees a trap note");
                    }
                }
            }
            // The solution never reaches a trainee.
            prop_assert!(!json.contains("min_weight"));
            prop_assert!(!json.contains("teaching"));
        }
    }
}

#[test]
fn a_bot_that_rejects_the_correct_conclusion_says_which_category_its_evidence_lacks() {
    let case = case();
    let mut seen = 0;
    for seed in 1..80 {
        let session = faisceau_engine::play(case.clone(), seed, &Default::default());
        let mut proposals = std::collections::HashMap::new();
        for event in session.events() {
            match &event.kind {
                EventKind::Proposed {
                    proposal,
                    conclusion,
                    ..
                } => {
                    proposals.insert(*proposal, conclusion.clone());
                }
                EventKind::Rejected {
                    proposal, lacking, ..
                } if proposals
                    .get(proposal)
                    .is_some_and(|c| c.as_str() == "traite_exploitation") =>
                {
                    let lacking = lacking.as_ref().expect("a bot says what it lacks");
                    assert!(
                        case.category(lacking.category.as_str()).is_some(),
                        "{lacking:?}"
                    );
                    seen += 1;
                }
                _ => {}
            }
        }
    }
    assert!(
        seen > 0,
        "some bot rejected the correct conclusion for want of evidence"
    );
}

#[test]
fn a_bot_does_not_propose_again_a_conclusion_just_rejected_until_it_learns_something() {
    let case = case();
    for seed in 1..60 {
        let session = faisceau_engine::play(case.clone(), seed, &Default::default());
        // For each role: (conclusion, clues known) of its last rejected proposal.
        let mut state = faisceau_engine::session::State::for_case(&case);
        let mut mine: std::collections::HashMap<u32, (String, String)> = Default::default();
        let mut rejected: Vec<(String, String, usize)> = Vec::new();
        for event in session.events() {
            let known = |state: &faisceau_engine::session::State, role: &str| {
                state.roles[case.role(role).unwrap()]
                    .known
                    .iter()
                    .filter(|k| **k)
                    .count()
            };
            match &event.kind {
                EventKind::Proposed {
                    role,
                    proposal,
                    conclusion,
                    ..
                } => {
                    let now = known(&state, role.as_str());
                    assert!(
                        !rejected.iter().any(|(r, c, k)| r == role.as_str()
                            && c == conclusion.as_str()
                            && *k == now),
                        "seed {seed}: {role} proposed {conclusion} again with nothing new"
                    );
                    mine.insert(*proposal, (role.to_string(), conclusion.to_string()));
                }
                EventKind::Rejected { proposal, .. } => {
                    if let Some((role, conclusion)) = mine.get(proposal) {
                        rejected.retain(|(r, c, _)| !(r == role && c == conclusion));
                        rejected.push((role.clone(), conclusion.clone(), known(&state, role)));
                    }
                }
                _ => {}
            }
            state.apply(&case, event).unwrap();
        }
    }
}

#[test]
fn bots_never_take_a_seated_persons_decision_and_the_debrief_credits_the_role_that_did() {
    let case = case();
    let educatrice = case.role("educatrice").unwrap();
    for seed in 1..30 {
        let mut session = Session::new(case.clone(), seed);
        session.direct(TrainerCommand::Start).unwrap();
        // The educator is seated: her powers (the IP) are hers to exercise.
        let mut bots: Vec<faisceau_engine::Bot> = case
            .scenario()
            .roles
            .iter()
            .filter(|r| r.id.as_str() != "educatrice")
            .filter_map(|r| {
                faisceau_engine::Bot::new(&case, r.id.as_str(), seed, Default::default())
            })
            .collect();
        for bot in &mut bots {
            bot.defer_to(&case, &[educatrice]);
        }
        for _ in 0..400 {
            let mut acted = false;
            for bot in &mut bots {
                if let Some(command) = bot.next(&session) {
                    let role = bot.role(&case).clone();
                    acted |= session.submit(role.as_str(), command).is_ok();
                }
            }
            if !acted && session.direct(TrainerCommand::NextPhase).is_err() {
                break;
            }
        }
        for event in session.events() {
            if let EventKind::Decided { role, decision } = &event.kind {
                assert_ne!(
                    decision.as_str(),
                    "information_preoccupante",
                    "seed {seed}: {role} took the educator's IP"
                );
            }
        }
        let debrief = Debrief::build(&case, session.events()).unwrap();
        for review in &debrief.table.decisions {
            if let Some(by) = &review.by {
                let taker = case.role(by.as_str()).unwrap();
                let taken = review.instead.as_ref().unwrap_or(&review.decision);
                assert!(
                    case.has_power(taker, case.decision(taken.as_str()).unwrap()),
                    "{review:?}"
                );
            }
        }
    }
}

#[test]
fn one_table_says_which_commands_each_status_allows() {
    use faisceau_engine::session::{Command, Status, allowed_in};
    let tag = RoleCommand::Tag {
        clue: "c".into(),
        indicator: "i".into(),
    };
    let note = RoleCommand::Note { text: "n".into() };
    let share = RoleCommand::Share {
        clues: vec!["c".into()],
        to: vec!["r".into()],
        frame: "f".into(),
    };
    let issue = RoleCommand::Issue {
        act: "a".into(),
        to: "r".into(),
        scope: vec![],
    };
    let role = |c: &RoleCommand, s| allowed_in(s, &Command::Role(c));
    let trainer = |c: &TrainerCommand, s| allowed_in(s, &Command::Trainer(c));
    // Reading and sorting one's file is not acting: allowed before the start and while paused.
    for status in [Status::Waiting, Status::Paused, Status::Running] {
        assert_eq!(role(&tag, status), Ok(()), "{status:?}");
        assert_eq!(role(&note, status), Ok(()), "{status:?}");
    }
    assert_eq!(role(&share, Status::Waiting), Err(Refusal::NotStarted));
    assert_eq!(role(&share, Status::Paused), Err(Refusal::Paused));
    assert_eq!(role(&issue, Status::Paused), Err(Refusal::Paused));
    assert_eq!(role(&share, Status::Running), Ok(()));
    for command in [&tag, &note, &share, &issue] {
        assert_eq!(role(command, Status::Ended), Err(Refusal::Ended));
    }
    assert_eq!(
        trainer(&TrainerCommand::Start, Status::Running),
        Err(Refusal::AlreadyRunning)
    );
    assert_eq!(trainer(&TrainerCommand::Start, Status::Paused), Ok(()));
    assert_eq!(
        trainer(&TrainerCommand::Pause, Status::Paused),
        Err(Refusal::NotRunning)
    );
    assert_eq!(
        trainer(&TrainerCommand::NextPhase, Status::Waiting),
        Err(Refusal::NotStarted)
    );
    assert_eq!(trainer(&TrainerCommand::NextPhase, Status::Paused), Ok(()));
    assert_eq!(
        trainer(&TrainerCommand::End, Status::Ended),
        Err(Refusal::Ended)
    );
    assert_eq!(
        trainer(&TrainerCommand::Note { text: "n".into() }, Status::Ended),
        Ok(())
    );
    // And the session applies it: a trainee tags while the table is paused.
    let mut session = started(1);
    session.direct(TrainerCommand::Pause).unwrap();
    let clue = session.view("educatrice").unwrap().clues[0].id.clone();
    session
        .submit(
            "educatrice",
            RoleCommand::Tag {
                clue,
                indicator: "fugues_repetees".into(),
            },
        )
        .unwrap();
}

#[test]
fn a_glance_agrees_with_the_trainer_view_and_the_debrief() {
    use faisceau_engine::bot::{Temperament, play_on};
    for seed in 1..=3 {
        let mut session = Session::new(case(), seed);
        session.direct(TrainerCommand::Start).unwrap();
        // Midway: the glance and the trainer view say the same.
        for _ in 0..40 {
            let glance = session.glance();
            let view = session.trainer_view();
            assert_eq!(glance.status, view.status);
            assert_eq!(glance.phase, view.phase);
            assert_eq!(glance.clock, view.clock);
            assert_eq!(glance.clues_found, view.clues_found);
            assert_eq!(glance.bundle, view.bundle);
            assert_eq!(glance.proposal, view.roles[0].proposal);
            if session.state().status == Status::Ended {
                break;
            }
            let _ = session.direct(TrainerCommand::NextPhase);
        }
        let mut session = Session::new(case(), seed);
        play_on(&mut session, None, &Temperament::default());
        let glance = session.glance();
        let debrief = Debrief::build(&case(), session.events()).unwrap();
        assert_eq!(glance.breaches, debrief.table.breaches);
        assert_eq!(glance.adopted, debrief.table.conclusion);
    }
}

/// A note with control characters or a bidirectional override is refused,
/// line breaks are text, and a role writes at most `MAX_NOTES` notes.
#[test]
fn notes_refuse_control_characters_and_are_capped() {
    use faisceau_engine::session::MAX_NOTES;
    let mut session = started(1);
    let note = |text: &str| RoleCommand::Note { text: text.into() };
    for hostile in [
        "bip\u{7}",
        "\u{1b}[31mrouge",
        "nul\0",
        "\u{202E}txet",
        "retour\rchariot",
    ] {
        assert_eq!(
            session.submit("educatrice", note(hostile)).unwrap_err(),
            Refusal::ControlCharacters,
            "{hostile:?}"
        );
    }
    session
        .submit("educatrice", note("deux lignes\net une tabulation\tici"))
        .unwrap();
    for i in 1..MAX_NOTES {
        session
            .submit("educatrice", note(&format!("note {i}")))
            .unwrap();
    }
    assert_eq!(
        session
            .submit("educatrice", note("une de trop"))
            .unwrap_err(),
        Refusal::TooManyNotes
    );
    // Another role still writes.
    session.submit("policier", note("à moi")).unwrap();
}

/// The bots of a table, as the solo table and the workshop drive them: none
/// on the person's role, each in turn, and a role's bot gone once a person
/// sits there.
#[test]
fn a_crew_of_bots_takes_turns_and_leaves_the_persons_role_alone() {
    use faisceau_engine::bot::Crew;
    let case = case();
    let roles = case.scenario().roles.len();
    let mut session = started(4);
    let mut crew = Crew::all_but(&case, Some(0), 4);
    assert_eq!(
        crew.len(),
        roles - 1,
        "a bot on every role but the person's"
    );
    assert!(crew.command(0, &session).is_none());
    let mut turns = Vec::new();
    for _ in 0..roles * 3 {
        let Some((r, command)) = crew.turn(&session) else {
            break;
        };
        assert_ne!(r, 0, "never the person's role");
        let role = case.scenario().roles[r].id.clone();
        let _ = session.submit(role.as_str(), command);
        turns.push(r);
    }
    assert!(turns.len() >= roles, "{turns:?}");
    // Each bot in turn: no role acts twice before the others had theirs.
    let first: Vec<usize> = turns.iter().copied().take(roles - 1).collect();
    let mut distinct = first.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), first.len(), "{turns:?}");
    crew.unseat(1);
    assert_eq!(crew.len(), roles - 2);
    assert!(crew.command(1, &session).is_none());
}
