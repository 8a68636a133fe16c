//! Screens as pure functions, driven headless with egui_kittest.

use std::sync::Arc;

use bevy_egui::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use faisceau_engine::{Case, RoleCommand, RoleView, Session, TrainerCommand, load};

use super::UiAction;
use super::theme::icon;
use super::desk::{DeskState, Tab, desk};
use super::picker::{Display, launcher};
use crate::i18n::{Lang, Tr};

fn case() -> Arc<Case> {
    Arc::new(
        load(
            include_str!("../../scenarios/foyer_fugues.ron"),
            "foyer_fugues.ron",
            &crate::rulebooks::shelf_for(std::path::Path::new("scenarios/foyer_fugues.ron")),
        )
        .unwrap()
        .case,
    )
}

/// A label as the desk draws it: a symbol, two spaces, the words.
fn iconed(glyph: &str, text: &str) -> String {
    format!("{glyph}  {text}")
}

/// The theme's fonts and palette: false on the first pass, while the fonts bind.
pub(super) fn themed(ui: &egui::Ui) -> bool {
    super::theme::ready(ui.ctx(), super::theme::LIGHT)
}

fn running() -> Session {
    let mut session = Session::new(case(), 1);
    session.direct(TrainerCommand::Start).unwrap();
    session
}

/// Draws the desk of `view` with `state` and returns the harness; actions collect in the state.
fn desk_harness(
    view: RoleView,
    state: DeskState,
    lang: Lang,
) -> Harness<'static, (DeskState, Vec<UiAction>)> {
    let tr = Tr::new(lang);
    // Tall enough for the whole share dialog: a click below the window is lost.
    let mut harness = Harness::builder()
        .with_size((1366.0, 2400.0))
        .build_ui_state(
            move |ui, (state, out): &mut (DeskState, Vec<UiAction>)| {
                if themed(ui) {
                    out.extend(desk(ui, &view, state, &tr))
                }
            },
            (state, Vec::new()),
        );
    harness.run();
    harness
}

#[test]
fn the_share_dialog_shows_a_breach_before_sending_and_asks_for_confirmation() {
    let session = running();
    let view = session.view("educatrice").unwrap();
    let state = DeskState {
        tab: Tab::Share,
        share_clues: vec!["fugues_nocturnes".into()],
        share_to: vec!["policier".into()],
        frame: Some("hors_cadre".into()),
        ..DeskState::default()
    };
    let mut harness = desk_harness(view, state, Lang::Fr);
    assert!(
        harness.query_all_by_label_contains("Violation du secret").next().is_some(),
        "the verdict shows before sending"
    );
    assert!(
        harness
            .query_by_label_contains("Hors d'un cadre prévu par la loi")
            .is_some(),
        "with its explanation"
    );
    harness
        .get_by_label(&iconed(icon::WARNING, "Partager malgré la violation du secret"))
        .click();
    harness.run();
    assert!(
        harness.state().1.is_empty(),
        "not sent without confirmation"
    );
    harness
        .get_by_label(
            "Je comprends que ce partage viole le secret et qu'il sera relevé au débriefing.",
        )
        .click();
    harness.run();
    assert!(harness.state().0.confirm_breach, "the box is ticked");

    harness
        .get_by_label(&iconed(icon::WARNING, "Partager malgré la violation du secret"))
        .click();
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![UiAction::Role(RoleCommand::Share {
            clues: vec!["fugues_nocturnes".into()],
            to: vec!["policier".into()],
            frame: "hors_cadre".into(),
        })]
    );
}

#[test]
fn an_allowed_share_says_so_and_sends_at_once() {
    let session = running();
    let view = session.view("educatrice").unwrap();
    let state = DeskState {
        tab: Tab::Share,
        share_clues: vec!["fugues_nocturnes".into()],
        share_to: vec!["chef_service".into()],
        ..DeskState::default()
    };
    let mut harness = desk_harness(view, state, Lang::En);
    // Only the frames open toward the head of service are offered.
    assert!(
        harness
            .query_by_label("Signalement to the prosecutor")
            .is_none()
    );
    harness.get_by_label("Shared professional secrecy").click();
    harness.run();
    assert!(harness.query_all_by_label_contains("Allowed").next().is_some());
    assert!(harness.query_by_label("CASF L226-2-2").is_some());
    harness.get_by_label(&iconed(icon::PAPER_PLANE_RIGHT, "Share — Allowed")).click();
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![UiAction::Role(RoleCommand::Share {
            clues: vec!["fugues_nocturnes".into()],
            to: vec!["chef_service".into()],
            frame: "secret_partage".into(),
        })]
    );
}

#[test]
fn the_share_dialog_says_why_a_requisition_frame_is_closed_and_an_act_can_be_declined() {
    let mut session = running();
    let view = session.view("referente_ase").unwrap();
    let state = DeskState {
        tab: Tab::Share,
        share_clues: vec!["dossier_maelle".into()],
        share_to: vec!["policier".into()],
        ..DeskState::default()
    };
    let harness = desk_harness(view, state, Lang::Fr);
    assert!(
        harness
            .query_by_label_contains("aucun acte « Réquisition » reçu")
            .is_some(),
        "the closed frame says which act is missing"
    );
    assert!(
        harness
            .query_by_label("Réponse à une réquisition")
            .is_none()
    );
    // Once the police have issued a requisition, the case worker may answer or decline it.
    let knows = |session: &Session, role: &str, clue: &str| {
        session
            .view(role)
            .unwrap()
            .clues
            .iter()
            .any(|c| c.id.as_str() == clue)
    };
    while !knows(&session, "educatrice", "copain_jo") {
        session
            .submit(
                "educatrice",
                RoleCommand::TakeAction {
                    action: "entretien_educatif".into(),
                },
            )
            .unwrap();
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
    session
        .submit(
            "policier",
            RoleCommand::Issue {
                act: "requisition".into(),
                to: "referente_ase".into(),
                scope: vec!["dossier_social".into()],
            },
        )
        .unwrap();
    let view = session.view("referente_ase").unwrap();
    let state = DeskState {
        tab: Tab::Share,
        share_clues: vec!["dossier_maelle".into()],
        share_to: vec!["policier".into()],
        ..DeskState::default()
    };
    let mut harness = desk_harness(view, state, Lang::Fr);
    assert!(
        harness
            .query_by_label("Réponse à une réquisition")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Réquisition n° 1")
            .is_some()
    );
    harness.get_by_label(&iconed(icon::X_CIRCLE, "Refuser")).click();
    harness.run();
    assert!(harness.state().1.is_empty(), "a refusal needs a reason");
}

#[test]
fn decisions_outside_the_roles_powers_are_not_offered() {
    let session = running();
    let view = session.view("infirmiere").unwrap();
    let harness = desk_harness(
        view,
        DeskState {
            tab: Tab::Decisions,
            ..DeskState::default()
        },
        Lang::Fr,
    );
    assert!(
        harness
            .query_by_label("Transmettre une information préoccupante à la CRIP")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Signaler au procureur de la République")
            .is_none()
    );
    assert!(
        harness
            .query_by_label("Ordonner un accueil protecteur éloigné")
            .is_none()
    );
}

#[test]
fn a_blocked_action_says_why() {
    let session = running();
    let view = session.view("educatrice").unwrap();
    let harness = desk_harness(
        view,
        DeskState {
            tab: Tab::Actions,
            ..DeskState::default()
        },
        Lang::Fr,
    );
    assert!(
        harness
            .query_by_label_contains("Maëlle ne vous fait pas encore assez confiance")
            .is_some()
    );
}

#[test]
fn the_conclusion_flow_works() {
    let mut session = running();
    // Proposing: choose a conclusion, give a reason, propose.
    let view = session.view("educatrice").unwrap();
    let mut harness = desk_harness(
        view,
        DeskState {
            tab: Tab::Conclusion,
            reason: "Fugues, argent, emprise.".into(),
            ..DeskState::default()
        },
        Lang::Fr,
    );
    harness
        .get_by_label("Mineure victime de traite à des fins d'exploitation sexuelle")
        .click();
    harness.run();
    harness.get_by_label(&iconed(icon::HAND_POINTING, "Proposer")).click();
    harness.run();
    let UiAction::Role(proposal) = harness.state().1[0].clone() else {
        panic!()
    };
    assert!(
        matches!(&proposal, RoleCommand::Propose { conclusion, .. } if conclusion.as_str() == "traite_exploitation")
    );
    session.submit("educatrice", proposal).unwrap();
    // Another role sees it and endorses.
    let view = session.view("policier").unwrap();
    let mut harness = desk_harness(
        view,
        DeskState {
            tab: Tab::Conclusion,
            ..DeskState::default()
        },
        Lang::Fr,
    );
    assert!(
        harness
            .query_by_label_contains("Proposition de Éducatrice de la MECS")
            .is_some()
    );
    harness.get_by_label(&iconed(icon::CHECK, "Approuver")).click();
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![UiAction::Role(RoleCommand::Endorse { proposal: 1 })]
    );
}

#[test]
fn after_the_end_the_discussion_stays_but_nobody_can_propose_or_vote() {
    let mut session = running();
    session
        .submit(
            "educatrice",
            RoleCommand::Propose {
                conclusion: "traite_exploitation".into(),
                orientation: None,
                reason: "Fugues, argent, emprise.".into(),
            },
        )
        .unwrap();
    // The trainer moves past the last phase: the session ends unconcluded.
    while session.state().status != faisceau_engine::session::Status::Ended {
        session.direct(TrainerCommand::NextPhase).unwrap();
    }
    let harness = desk_harness(
        session.view("policier").unwrap(),
        DeskState {
            tab: Tab::Conclusion,
            ..DeskState::default()
        },
        Lang::Fr,
    );
    assert!(
        harness
            .query_by_label_contains("terminée sans conclusion adoptée")
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("Éducatrice de la MECS propose")
            .next()
            .is_some()
    );
    assert!(harness.query_by_label(&iconed(icon::CHECK, "Approuver")).is_none());
    assert!(harness.query_by_label(&iconed(icon::HAND_POINTING, "Proposer")).is_none());
}

#[test]
fn french_and_english_both_render() {
    for (lang, practise, tab) in [
        (Lang::Fr, "S'exercer sur un cas", "Dossier"),
        (Lang::En, "Practise a case", "File"),
    ] {
        let tr = Tr::new(lang);
        let mut harness = Harness::new_ui(move |ui| {
            if !themed(ui) {
                return;
            }
            launcher(
                ui,
                Display {
                    scale: 1.0,
                    contrast: false,
                },
                &tr,
            );
        });
        harness.run();
        assert!(harness.query_by_label_contains(practise).is_some(), "{lang:?}");
        let view = running().view("juge_enfants").unwrap();
        let harness = desk_harness(view, DeskState::default(), lang);
        assert!(
            harness.query_all_by_label_contains(tab).next().is_some(),
            "{lang:?}"
        );
        let title = if lang == Lang::Fr {
            "Les nuits de Maëlle"
        } else {
            "Maëlle's nights"
        };
        assert!(harness.query_by_label(title).is_some(), "{lang:?}");
    }
}

mod network {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use faisceau_engine::session::Status;

    use crate::i18n::{Lang, Tr};
    use crate::net::protocol::{Lobby, LobbySeat, LobbyTable, Occupant};
    use crate::ui::network::{Board, JoinForm, NetAction, TableBoard, board, join_form, lobby};

    fn a_lobby() -> Lobby {
        let case = super::case();
        let s = case.scenario();
        let seats = |table: usize| {
            s.roles
                .iter()
                .enumerate()
                .map(|(r, role)| LobbySeat {
                    role: role.id.clone(),
                    name: role.name.clone(),
                    occupant: match (table, r) {
                        (0, 0) => Occupant::Person {
                            name: "Inès".into(),
                            connected: true,
                        },
                        (0, 1) => Occupant::Person {
                            name: "Marc".into(),
                            connected: false,
                        },
                        (0, 2) => Occupant::Bot,
                        _ => Occupant::Free,
                    },
                })
                .collect()
        };
        Lobby {
            workshop: "Atelier de Lyon".into(),
            title: s.title.clone(),
            content_note: s.content_note.clone(),
            tables: vec![
                LobbyTable {
                    status: Status::Waiting,
                    seats: seats(0),
                },
                LobbyTable {
                    status: Status::Running,
                    seats: seats(1),
                },
            ],
        }
    }

    #[test]
    fn the_lobby_offers_only_free_roles_at_waiting_tables() {
        let tr = Tr::new(Lang::Fr);
        let lobby_view = a_lobby();
        let mut harness = Harness::new_ui_state(
            move |ui, out: &mut Vec<NetAction>| {
                if super::themed(ui) {
                    out.extend(lobby(ui, &lobby_view, None, None, &tr))
                }
            },
            Vec::new(),
        );
        harness.run();
        // Table 1 has 6 roles, 3 taken: 3 offers; table 2 runs: none.
        assert_eq!(harness.query_all_by_label("Prendre ce rôle").count(), 3);
        assert!(harness.query_by_label("Inès").is_some());
        assert!(harness.query_by_label("Marc (déconnecté·e)").is_some());
        assert!(
            harness
                .query_by_label_contains("Lisez l'avertissement")
                .is_some()
        );
        harness
            .get_all_by_label("Prendre ce rôle")
            .next()
            .unwrap()
            .click();
        harness.run();
        let chosen = &harness.state()[0];
        assert!(
            matches!(chosen, NetAction::Sit(0, role) if role.as_str() == "infirmiere"),
            "{chosen:?}"
        );
    }

    #[test]
    fn the_join_form_waits_for_every_field_and_shows_the_error() {
        let tr = Tr::new(Lang::En);
        let form = JoinForm {
            name: "Inès".into(),
            code: "K7QX-M2PD".into(),
            address: String::new(),
            error: Some(tr.t("join-wrong-code")),
            ..JoinForm::default()
        };
        let mut harness = Harness::new_ui_state(
            move |ui, (form, out): &mut (JoinForm, Vec<NetAction>)| {
                if super::themed(ui) {
                    out.extend(join_form(ui, form, &tr))
                }
            },
            (form, Vec::new()),
        );
        harness.run();
        assert!(harness.query_by_label_contains("Wrong code").is_some());
        assert!(
            harness
                .query_by_label_contains("Fill in your name, the code and the address")
                .is_some()
        );
        harness.get_by_label("Join").click();
        harness.run();
        assert!(
            harness.state().1.is_empty(),
            "no address yet: Join is disabled"
        );
        harness.state_mut().0.address = "192.168.1.20:5170".into();
        harness.run();
        harness.get_by_label("Join").click();
        harness.run();
        assert_eq!(harness.state().1, vec![NetAction::Join]);
    }

    #[test]
    fn the_projector_shows_the_join_details_then_the_tables() {
        let case = super::case();
        let scenario = case.scenario().clone();
        let addresses = vec!["192.168.1.20:5170".to_owned()];
        let tables = |status| {
            vec![
                TableBoard {
                    status,
                    phase: scenario.phases[0].name.clone(),
                    clock: 90,
                    clues: (7, 26),
                    debrief: None,
                };
                2
            ]
        };
        for (status, expected) in [(Status::Waiting, "K7QX-M2PD"), (Status::Running, "Table 2")] {
            let tr = Tr::new(Lang::Fr);
            let (scenario, addresses, tables) =
                (scenario.clone(), addresses.clone(), tables(status));
            let mut harness = Harness::new_ui(move |ui| {
                if !super::themed(ui) {
                    return;
                }
                let b = Board {
                    name: "Atelier de Lyon",
                    scenario: &scenario,
                    addresses: &addresses,
                    code: "K7QX-M2PD",
                    tables: tables.clone(),
                };
                board(ui, &b, &tr)
            });
            harness.run();
            assert!(harness.query_by_label(expected).is_some(), "{status:?}");
            let code_shown = harness.query_by_label("K7QX-M2PD").is_some();
            assert_eq!(code_shown, status == Status::Waiting);
        }
    }
}
