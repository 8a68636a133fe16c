//! Every shipped case loads cleanly, is solvable, and bot teams solve it in
//! some runs but not all.

use std::path::PathBuf;
use std::sync::Arc;

use faisceau_engine::debrief::DecisionStatus;
use faisceau_engine::{Debrief, load, play, simulate};

mod common;

fn library() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let mut cases: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("scenarios/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ron"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    cases
}

#[test]
fn every_case_is_clean_and_solvable() {
    for (name, text) in library() {
        let loaded = load(&text, &name, &common::shelf())
            .unwrap_or_else(|e| panic!("{name}: {:#?}", e.diagnostics));
        assert!(loaded.warnings.is_empty(), "{name}: {:#?}", loaded.warnings);
        assert!(loaded.analysis.solvable, "{name}");
        let s = loaded.case.scenario();
        assert!((4..=7).contains(&s.roles.len()), "{name}: 4 to 7 roles");
        assert!(
            s.clues.iter().filter(|c| c.trap.is_some()).count() >= 2,
            "{name}: at least two traps"
        );
        assert!(s.injects.len() >= 2, "{name}: at least two injects");
        assert!(
            s.injects.iter().any(|i| matches!(
                i.trigger,
                faisceau_engine::model::Trigger::IfNotDecided { .. }
            )),
            "{name}: an inject triggered by inaction"
        );
        assert!(
            !s.objectives.is_empty() && s.sources.len() >= 3,
            "{name}: objectives and sources"
        );
        assert!(s.phases.len() >= 2, "{name}: a timeline");
        for role in &s.roles {
            assert!(!role.powers.is_empty(), "{name}: {} has powers", role.id);
            let own = s.clues.iter().any(|c| c.known_to.contains(&role.id))
                || s.actions.iter().any(|a| {
                    a.by.contains(&role.id)
                        && (!a.reveals.is_empty()
                            || a.outcomes.iter().any(|o| !o.reveals.is_empty()))
                });
            assert!(own, "{name}: {} has clues of its own", role.id);
        }
    }
}

#[test]
fn a_seeded_bot_team_plays_every_case_to_the_correct_conclusion() {
    for (name, text) in library() {
        let case = Arc::new(load(&text, &name, &common::shelf()).unwrap().case);
        let solved = (0..100).find_map(|seed| {
            let session = play(Arc::clone(&case), seed, &Default::default());
            let debrief = Debrief::build(&case, session.events()).unwrap();
            debrief.table.solved.then_some(debrief)
        });
        let debrief =
            solved.unwrap_or_else(|| panic!("{name}: no bot team solved it in 100 seeds"));
        let table = &debrief.table;
        assert!(table.conclusion_correct && table.bundle_complete);
        assert!(table.time_to_identification.is_some());
        assert!(
            !table.sharing_graph.is_empty(),
            "{name}: solving took sharing"
        );
        assert!(
            table
                .decisions
                .iter()
                .any(|d| matches!(d.status, DecisionStatus::OnTime { .. }))
        );
        for role in &debrief.roles {
            assert!(
                !role.timeline.is_empty(),
                "{name}: {} did something",
                role.role
            );
        }
    }
}

/// The calibration bands of the case library (issue 11), pinned with a
/// fixed seed so that an edit that breaks a case's teaching fails CI: each
/// case is solved in 40% to 85% of bot-team runs, each trap catches a bot in
/// 10% to 60% of them, and each inject that answers the table's play (not
/// one scripted at a phase's start, nor one the trainer sends) fires in some
/// runs and not in others.
#[test]
fn bots_meet_the_library_calibration_bands() {
    use faisceau_engine::model::Trigger;
    let mut outside: Vec<String> = Vec::new();
    for (name, text) in library() {
        let case = Arc::new(load(&text, &name, &common::shelf()).unwrap().case);
        let report = simulate(Arc::clone(&case), 300, 1);
        assert!(report.clues_found > 0.3 && report.clues_found <= 1.0);
        // Each key share that arrived arrived one way: its routes add up to
        // the runs in which it reached the role, and each is a frame of the
        // rulebook or none (the role found it itself).
        for key in &report.key_shares {
            let total: f64 = key.through.iter().map(|(_, share)| share).sum();
            assert!((total - key.reached).abs() < 1e-9, "{name}: {key:?}");
            for (frame, _) in &key.through {
                assert!(
                    frame
                        .as_ref()
                        .is_none_or(|f| case.frame(f.as_str()).is_some()),
                    "{name}: {key:?}"
                );
            }
        }
        assert_eq!(report.decisions.len(), case_expected(&text, &name));
        if !(0.40..=0.85).contains(&report.solve_rate) {
            outside.push(format!(
                "{name}: solved in {:.0}% of runs, outside 40–85%",
                report.solve_rate * 100.0
            ));
        }
        for trap in &report.traps {
            if !(0.10..=0.60).contains(&trap.caught) {
                outside.push(format!(
                    "{name}: trap {} caught {:.0}% of runs, outside 10–60%",
                    trap.clue,
                    trap.caught * 100.0
                ));
            }
        }
        for rate in &report.injects {
            let inject = case
                .scenario()
                .injects
                .iter()
                .find(|i| i.id == rate.inject)
                .unwrap();
            if matches!(inject.trigger, Trigger::AtPhase(_) | Trigger::Trainer) {
                continue;
            }
            assert!(
                rate.fired > 0.0 && rate.fired < 1.0,
                "{name}: inject {} fired in {:.0}% of runs",
                rate.inject,
                rate.fired * 100.0
            );
        }
    }
    assert!(outside.is_empty(), "{outside:#?}");
}

/// Every teaching point or share trap bound to a share says what the
/// rulebook says: some frame between the professions judges that share at
/// least as severely as the binding, and a frame the binding names always
/// does. A point that calls "a breach" a share the rulebook allows fails.
#[test]
fn teaching_points_bound_to_a_share_agree_with_the_rulebook() {
    use faisceau_engine::model::{ShareBinding, When};
    let mut wrong = Vec::new();
    let mut bound = 0;
    for (name, text) in library() {
        let case = load(&text, &name, &common::shelf()).unwrap().case;
        let s = case.scenario();
        let book = case.rulebook();
        let all: Vec<faisceau_engine::Id> = book.situations.iter().map(|x| x.id.clone()).collect();
        let mut bindings: Vec<(String, &ShareBinding)> = Vec::new();
        for point in &s.teaching_points {
            match &point.when {
                When::Shared(b) => bindings.push((point.id.to_string(), b)),
                When::TrapFallen(id) => {
                    if let Some(t) = s.share_traps.iter().find(|t| t.id == *id) {
                        bindings.push((point.id.to_string(), &t.share));
                    }
                }
                _ => {}
            }
        }
        for (point, b) in bindings {
            bound += 1;
            let clues: Vec<usize> = (0..s.clues.len())
                .filter(|&c| faisceau_engine::trap::clue_matches(&case, b, c))
                .collect();
            let mut reachable = false;
            for &c in &clues {
                for from in 0..s.roles.len() {
                    for to in (0..s.roles.len()).filter(|&t| t != from) {
                        if !faisceau_engine::trap::recipient_matches(&case, b, to) {
                            continue;
                        }
                        for (f, frame) in book.frames.iter().enumerate() {
                            if b.frame.as_ref().is_some_and(|id| *id != frame.id)
                                || case.frame_between(f, from, to).is_err()
                            {
                                continue;
                            }
                            let verdict = case.judge(c, f, from, to, &all).verdict;
                            if verdict >= b.at_least {
                                reachable = true;
                            } else if b.frame.is_some() {
                                wrong.push(format!(
                                    "{name}: `{point}` says {:?} or worse, but `{}` judges {} from {} to {} {:?}",
                                    b.at_least, frame.id, s.clues[c].id, s.roles[from].id, s.roles[to].id, verdict
                                ));
                            }
                        }
                    }
                }
            }
            if !reachable {
                wrong.push(format!(
                    "{name}: `{point}` is bound to a share that no frame judges {:?} or worse",
                    b.at_least
                ));
            }
        }
    }
    assert!(
        bound >= 5,
        "the library binds at least five points to a share"
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
}

fn share(clue: &str, to: &str, frame: &str) -> faisceau_engine::RoleCommand {
    faisceau_engine::RoleCommand::Share {
        clues: vec![clue.into()],
        to: vec![to.into()],
        frame: frame.into(),
    }
}

fn session_of(file: &str) -> faisceau_engine::Session {
    let case = load(&common::case_text(file), file, &common::shelf())
        .unwrap()
        .case;
    let mut session = faisceau_engine::Session::new(Arc::new(case), 1);
    session
        .direct(faisceau_engine::TrainerCommand::Start)
        .unwrap();
    session
}

/// The role comes to know the clue, as if from the start of the case.
fn learn(session: &mut faisceau_engine::Session, role: &str, clue: &str) {
    use faisceau_engine::session::{Discovery, Event};
    let mut events = session.events().to_vec();
    events.push(Event {
        at: 0,
        kind: faisceau_engine::EventKind::ClueLearned {
            role: role.into(),
            clue: clue.into(),
            source: Discovery::Start,
        },
    });
    *session = faisceau_engine::Session::replay(Arc::clone(session.case()), session.seed(), events)
        .unwrap();
}

/// The review's D1 and D2 on the shipped cases: an educator's share of a
/// child's confidences to the police "as a runaway report" when nobody has
/// run away is refused as closed, in words; the same facts at a hearing are
/// judged as the rulebook says; a doctor's examination details to the
/// gendarme under the urgent alert are a breach.
#[test]
fn confidences_go_to_the_police_neither_as_a_runaway_report_nor_as_an_urgent_alert() {
    use faisceau_engine::model::Verdict;
    use faisceau_engine::rulebook::Closed;
    use faisceau_engine::{EventKind, Refusal, RoleCommand, TrainerCommand};
    let mut foyer = session_of("foyer_fugues.ron");
    learn(&mut foyer, "educatrice", "maelle_parle_dette");
    let refusal = foyer
        .submit(
            "educatrice",
            share("maelle_parle_dette", "policier", "declaration_fugue"),
        )
        .unwrap_err();
    assert_eq!(
        refusal,
        Refusal::FrameClosed(Closed::NoSituation {
            frame: "declaration_fugue".into(),
            situation: "fugue_en_cours".into(),
        })
    );
    let view = foyer.view("educatrice").unwrap();
    let absent = view
        .situation_kinds
        .iter()
        .find(|s| s.id.as_str() == "fugue_en_cours")
        .unwrap();
    assert_eq!(
        absent.absent.get("fr"),
        "aucune fugue ni disparition en cours"
    );
    // Once she runs away, the report is open, and her confidences in it are a breach.
    foyer
        .direct(TrainerCommand::ReleaseInject {
            inject: "nouvelle_fugue".into(),
        })
        .unwrap();
    let events = foyer
        .submit(
            "educatrice",
            share("maelle_parle_dette", "policier", "declaration_fugue"),
        )
        .unwrap();
    let EventKind::Shared { judgements, .. } = &events[0].kind else {
        panic!("{events:?}")
    };
    assert_eq!(judgements[0].judgement.verdict, Verdict::Breach);
    // The same facts at a hearing, once the investigation is open: a caution (226-14 1°).
    let mut foyer = session_of("foyer_fugues.ron");
    learn(&mut foyer, "educatrice", "maelle_parle_dette");
    let opened = foyer.state().holding(foyer.case());
    assert!(!opened.iter().any(|s| s.as_str() == "enquete_ouverte"));
    let signalement = foyer
        .case()
        .scenario()
        .decisions
        .iter()
        .find(|d| d.id.as_str() == "signalement_parquet")
        .unwrap()
        .clone();
    let decider = foyer
        .case()
        .scenario()
        .roles
        .iter()
        .find(|r| r.powers.contains(&signalement.id))
        .unwrap()
        .id
        .clone();
    for condition in &signalement.requires {
        if let faisceau_engine::model::Condition::Knows(clue) = condition {
            learn(&mut foyer, decider.as_str(), clue.as_str());
        }
    }
    foyer
        .submit(
            decider.as_str(),
            RoleCommand::Decide {
                decision: "signalement_parquet".into(),
            },
        )
        .unwrap();
    foyer
        .submit(
            "policier",
            RoleCommand::Issue {
                act: "audition".into(),
                to: "educatrice".into(),
                scope: Vec::new(),
            },
        )
        .unwrap();
    let events = foyer
        .submit(
            "educatrice",
            share("maelle_parle_dette", "policier", "temoignage"),
        )
        .unwrap();
    let EventKind::Shared { judgements, .. } = &events[0].kind else {
        panic!("{events:?}")
    };
    assert_eq!(judgements[0].judgement.verdict, Verdict::Caution);

    // The doctor, the gendarme and the examination, in imminent danger.
    let mut urgences = session_of("urgences_nuit.ron");
    urgences
        .direct(TrainerCommand::ReleaseInject {
            inject: "partie_a_5h".into(),
        })
        .unwrap();
    let doctor = urgences
        .case()
        .scenario()
        .roles
        .iter()
        .find(|r| r.profession.as_str() == "medecin")
        .unwrap()
        .id
        .clone();
    let gendarme = urgences
        .case()
        .scenario()
        .roles
        .iter()
        .find(|r| r.profession.as_str() == "gendarme")
        .unwrap()
        .id
        .clone();
    learn(&mut urgences, doctor.as_str(), "examen");
    let events = urgences
        .submit(
            doctor.as_str(),
            share("examen", gendarme.as_str(), "alerte_urgente"),
        )
        .unwrap();
    let EventKind::Shared { judgements, .. } = &events[0].kind else {
        panic!("{events:?}")
    };
    assert_eq!(judgements[0].judgement.verdict, Verdict::Breach);
    // And the debrief raises the point bound to that share.
    urgences.direct(TrainerCommand::End).unwrap();
    let debrief = Debrief::build(urgences.case(), urgences.events()).unwrap();
    assert!(
        debrief
            .table
            .teaching_points
            .iter()
            .any(|p| p.as_str() == "pt_secret_medical")
    );
}

fn case_expected(text: &str, name: &str) -> usize {
    load(text, name, &common::shelf())
        .unwrap()
        .case
        .scenario()
        .solution
        .expected_decisions
        .len()
}

/// Issue 28: a share trap written from docs/authoring.md alone (the
/// tutorial's case, plus the trap and its teaching point as the guide shows
/// them) passes `check` without a warning, and the simulated tables fall
/// into it in 10% to 60% of runs, so that `simulate` can calibrate it.
#[test]
fn a_share_trap_written_from_the_guide_is_calibrated_by_simulate() {
    let tutorial = include_str!("fixtures/premier_cas.ron");
    let anchor = "    phases: [\n        (id: \"soiree\",";
    assert!(tutorial.contains(anchor));
    let text = tutorial.replacen(
        anchor,
        &format!(
            "{}\n{anchor}",
            r#"    share_traps: [
        (id: "confidence_a_la_patrouille",
         share: (clue: "dort_gare", profession: "policier", at_least: Breach),
         note: (fr: "Dire à la patrouille, hors de tout cadre, ce que Sami a confié.", en: "Telling the patrol, outside any frame, what Sami confided.")),
    ],
    teaching_points: [
        (id: "pt_confidence", title: (fr: "Une confidence n'est pas un renseignement", en: "A confidence is not intelligence"),
         text: (fr: "Le danger se signale par l'information préoccupante.", en: "Danger is reported through an information préoccupante."),
         when: TrapFallen("confidence_a_la_patrouille")),
    ],"#
        ),
        1,
    );
    let loaded = load(&text, "piege.ron", &common::shelf())
        .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let report = simulate(Arc::new(loaded.case), 300, 1);
    let trap = report
        .traps
        .iter()
        .find(|t| t.share && t.clue.as_str() == "confidence_a_la_patrouille")
        .expect("the share trap is reported");
    assert!(
        (0.10..=0.60).contains(&trap.caught),
        "caught {:.0}%",
        trap.caught * 100.0
    );
}
