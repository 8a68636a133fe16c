//! Screens as pure functions, driven headless with egui_kittest.

use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use faisceau_engine::model::{Channel, Purpose};
use faisceau_engine::{Case, RoleCommand, RoleView, Session, TrainerCommand, load};

use super::UiAction;
use super::desk::{DeskState, Tab, desk};
use super::picker::{Display, launcher};
use crate::i18n::{Lang, Tr};

fn case() -> Arc<Case> {
    Arc::new(
        load(
            include_str!("../../scenarios/foyer_fugues.ron"),
            "foyer_fugues.ron",
        )
        .unwrap()
        .case,
    )
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
    let case = case();
    let mut harness = Harness::new_ui_state(
        move |ui, (state, out): &mut (DeskState, Vec<UiAction>)| {
            out.extend(desk(ui, &view, state, Some(&case), &tr))
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
        channel: Channel::Informal,
        purpose: Purpose::Coordinate,
        ..DeskState::default()
    };
    let mut harness = desk_harness(view, state, Lang::Fr);
    assert!(
        harness.query_by_label("Violation du secret").is_some(),
        "the verdict shows before sending"
    );
    assert!(
        harness
            .query_by_label_contains("Les enquêteurs ne sont pas des professionnels")
            .is_some(),
        "with its explanation"
    );
    harness
        .get_by_label("Partager malgré la violation du secret")
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
    harness
        .get_by_label("Partager malgré la violation du secret")
        .click();
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![UiAction::Role(RoleCommand::Share {
            clues: vec!["fugues_nocturnes".into()],
            to: vec!["policier".into()],
            channel: Channel::Informal,
            purpose: Purpose::Coordinate,
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
    assert!(harness.query_by_label("Allowed").is_some());
    assert!(harness.query_by_label("CASF L226-2-2").is_some());
    harness.get_by_label("Share — Allowed").click();
    harness.run();
    assert_eq!(harness.state().1.len(), 1);
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
    harness.get_by_label("Proposer").click();
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
    harness.get_by_label("Approuver").click();
    harness.run();
    assert_eq!(
        harness.state().1,
        vec![UiAction::Role(RoleCommand::Endorse { proposal: 1 })]
    );
}

#[test]
fn french_and_english_both_render() {
    for (lang, practise, tab) in [
        (Lang::Fr, "S'exercer sur un cas", "Dossier"),
        (Lang::En, "Practise a case", "File"),
    ] {
        let tr = Tr::new(lang);
        let harness = Harness::new_ui(move |ui| {
            launcher(
                ui,
                Display {
                    scale: 1.0,
                    contrast: false,
                },
                &tr,
            );
        });
        assert!(harness.query_by_label(practise).is_some(), "{lang:?}");
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
