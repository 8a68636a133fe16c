//! A trainee's laptop that sends what the app never would: commands act
//! only for the sender's seat, floods are set aside, and nothing reaches
//! another person or the journal as if valid.

use super::*;

#[test]
fn a_command_acts_for_the_senders_role_only() {
    let mut w = workshop(1, 0);
    let roles = role_ids(&w);
    w.connected(1);
    hello(&mut w, 1, "Inès");
    w.receive(
        1,
        ToHost::Sit {
            table: 0,
            role: roles[0].clone(),
        },
    );
    w.direct(0, TrainerCommand::Start).unwrap();
    // An action that belongs to another role is refused, in both languages.
    let foreign = w
        .case()
        .scenario()
        .actions
        .iter()
        .find(|a| !a.by.contains(&roles[0]))
        .unwrap()
        .id
        .clone();
    let out = w.receive(
        1,
        ToHost::Command(RoleCommand::TakeAction { action: foreign }),
    );
    // The refusal travels as data; the client words it in its own language.
    assert!(matches!(
        &out[..],
        [(
            1,
            ToClient::CommandRefused(faisceau_engine::Refusal::NotYourAction)
        )]
    ));
    // Its own note lands in its own notes.
    let desk = |w: &Workshop| {
        serde_json::to_value(w.tables[0].session.view(roles[0].as_str()).unwrap()).unwrap()
    };
    let mut held = desk(&w);
    let out = w.receive(
        1,
        ToHost::Command(RoleCommand::Note {
            text: "vu au foyer".into(),
        }),
    );
    // It travels as a change to the desk already sent, which it completes.
    let change = out
        .iter()
        .find_map(|(k, m)| match m {
            ToClient::ViewChange(c) if *k == 1 => Some(c),
            _ => None,
        })
        .expect("the note travels as a change");
    assert!(encode(change).len() < 1024);
    crate::net::delta::apply(&mut held, change).unwrap();
    assert_eq!(held, desk(&w));
    let view: faisceau_engine::RoleView = serde_json::from_value(held).unwrap();
    assert_eq!(view.role.id, roles[0]);
    assert!(view.notes.iter().any(|(_, n)| n == "vu au foyer"));
}

/// The text of every note in a role's view at table 0.
fn notes(w: &Workshop, role: &Id) -> usize {
    w.tables[0].session.view(role.as_str()).unwrap().notes.len()
}

#[test]
fn a_flood_of_commands_is_set_aside_told_once_and_others_play_on() {
    use crate::net::allowance::{BURST, PER_SECOND};
    let dir = std::env::temp_dir().join(format!("faisceau-insider-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let journal = dir.join("flood.journal");
    let _ = std::fs::remove_file(&journal);
    let mut w = workshop_at(1, 0, Some(&journal));
    let roles = role_ids(&w);
    seated(&mut w, 1, "Flot", 0, &roles[0]);
    seated(&mut w, 2, "Inès", 0, &roles[1]);
    w.direct(0, TrainerCommand::Start).unwrap();
    let started = Instant::now();
    let mut told = 0;
    let mut to_others = 0;
    for i in 0..2000 {
        let out = w.receive(
            1,
            ToHost::Command(RoleCommand::Note {
                text: format!("note {i}"),
            }),
        );
        told += out
            .iter()
            .filter(|(k, m)| *k == 1 && *m == ToClient::Refused(Refused::TooFast))
            .count();
        to_others += out.iter().filter(|(k, _)| *k != 1).count();
    }
    let seconds = started.elapsed().as_secs_f64();
    let kept = notes(&w, &roles[0]);
    let allowed = BURST + PER_SECOND * seconds + 1.0;
    assert!(
        (kept as f64) <= allowed,
        "{kept} notes kept from a flood, at most {allowed:.0} allowed"
    );
    // The hello and the seat spent two of the burst.
    assert!(
        kept >= BURST as usize - 2,
        "the burst itself passes: {kept}"
    );
    assert_eq!(told, 1, "the flooding client is told once");
    assert_eq!(to_others, 0, "a private note changes nobody else's desk");
    // The other person at the table is not slowed down by the flood.
    let out = w.receive(
        2,
        ToHost::Command(RoleCommand::Note {
            text: "toujours là".into(),
        }),
    );
    assert!(refusal(&out, 2).is_none());
    assert!(out.iter().any(|(k, _)| *k == 2));
    // The journal holds exactly what was let through, and replays to it.
    let events = w.tables[0].session.events().len();
    drop(w);
    let resumed = Workshop::resume(&journal).unwrap();
    assert_eq!(resumed.tables[0].session.events().len(), events);
    assert_eq!(notes(&resumed, &roles[0]), kept);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn oversized_names_and_notes_are_refused_and_recorded_nowhere() {
    let mut w = workshop(1, 0);
    let roles = role_ids(&w);
    w.connected(1);
    for name in [
        "x".repeat(crate::net::protocol::MAX_NAME + 1),
        "Inès\u{7}".into(),
        "Inès\nGarnier".into(),
        " \t ".into(),
    ] {
        assert_eq!(
            refusal(&hello(&mut w, 1, &name), 1),
            Some(Refused::BadName),
            "{name:?}"
        );
    }
    assert!(
        w.lobby().tables[0]
            .seats
            .iter()
            .all(|s| s.occupant == Occupant::Free)
    );
    seated(&mut w, 1, "Inès", 0, &roles[0]);
    w.direct(0, TrainerCommand::Start).unwrap();
    let events = w.tables[0].session.events().len();
    let long = "é".repeat(faisceau_engine::session::MAX_TEXT + 1);
    for command in [
        RoleCommand::Note { text: long.clone() },
        RoleCommand::Note { text: "   ".into() },
        RoleCommand::Propose {
            conclusion: w.case().scenario().conclusions[0].id.clone(),
            orientation: None,
            reason: long.clone(),
        },
    ] {
        let out = w.receive(1, ToHost::Command(command));
        assert!(
            matches!(&out[..], [(1, ToClient::CommandRefused(_))]),
            "{out:?}"
        );
    }
    assert_eq!(
        w.tables[0].session.events().len(),
        events,
        "nothing recorded"
    );
    // A message over the limit never reaches the workshop: it is unreadable.
    let big = encode(&ToHost::Command(RoleCommand::Note {
        text: "a".repeat(crate::net::protocol::MAX_MESSAGE),
    }));
    assert_eq!(
        crate::net::protocol::decode::<ToHost>(&big, crate::net::protocol::MAX_MESSAGE),
        None
    );
}

#[test]
fn seats_tables_and_acts_that_are_not_the_senders_are_refused() {
    let mut w = workshop(2, 0);
    let roles = role_ids(&w);
    w.connected(1);
    // No seat yet: no command, no view.
    hello(&mut w, 1, "Intrus");
    let note = ToHost::Command(RoleCommand::Note { text: "x".into() });
    assert_eq!(
        refusal(&w.receive(1, note.clone()), 1),
        Some(Refused::NotSeated)
    );
    assert_eq!(
        refusal(&w.receive(1, ToHost::WholeView), 1),
        Some(Refused::NotSeated)
    );
    // Tables and roles that do not exist.
    let sit = |table, role: &str| ToHost::Sit {
        table,
        role: Id::new(role),
    };
    assert_eq!(
        refusal(&w.receive(1, sit(99, roles[0].as_str())), 1),
        Some(Refused::NoSuchTable)
    );
    assert_eq!(
        refusal(&w.receive(1, sit(0, "procureur_inconnu")), 1),
        Some(Refused::NoSuchRole)
    );
    // Someone else's seat.
    seated(&mut w, 2, "Inès", 0, &roles[0]);
    assert_eq!(
        refusal(&w.receive(1, sit(0, roles[0].as_str())), 1),
        Some(Refused::RoleTaken { by: "Inès".into() })
    );
    // Seated at table 2, the intruder's commands act there only.
    w.receive(1, sit(1, roles[1].as_str()));
    w.fill_with_bots(0);
    w.direct(0, TrainerCommand::Start).unwrap();
    w.direct(1, TrainerCommand::Start).unwrap();
    let table_one = w.tables[0].session.events().len();
    let clue_elsewhere = w.case().scenario().clues[0].id.clone();
    for command in [
        // Clues it does not hold, to roles, through a frame.
        RoleCommand::Share {
            clues: vec![clue_elsewhere.clone(); 50],
            to: vec![roles[0].clone()],
            frame: Id::new("cadre_inconnu"),
        },
        // An act that is not addressed to it.
        RoleCommand::Decline {
            act: 7,
            reason: "non".into(),
        },
        RoleCommand::Endorse { proposal: 3 },
        RoleCommand::Tag {
            clue: Id::new("indice_inconnu"),
            indicator: Id::new("x"),
        },
    ] {
        let out = w.receive(1, ToHost::Command(command.clone()));
        assert!(
            matches!(&out[..], [(1, ToClient::CommandRefused(_))]),
            "{command:?} → {out:?}"
        );
    }
    assert_eq!(
        w.tables[0].session.events().len(),
        table_one,
        "table 1 untouched"
    );
    // It cannot stand up from a running table to take another seat.
    assert_eq!(
        refusal(&w.receive(1, ToHost::Stand), 1),
        Some(Refused::TableStarted)
    );
}

#[test]
fn repeated_view_requests_are_answered_within_the_allowance() {
    use crate::net::allowance::BURST;
    let mut w = workshop(1, 0);
    let roles = role_ids(&w);
    seated(&mut w, 1, "Inès", 0, &roles[0]);
    let mut views = 0;
    let mut told = 0;
    for _ in 0..200 {
        for (k, m) in w.receive(1, ToHost::WholeView) {
            assert_eq!(k, 1, "a view request is answered to its sender only");
            match m {
                ToClient::View(view) => {
                    assert_eq!(view.role.id, roles[0]);
                    views += 1;
                }
                ToClient::Refused(Refused::TooFast) => told += 1,
                other => panic!("{other:?}"),
            }
        }
    }
    // A whole view costs five messages of the allowance.
    assert!(
        views <= (BURST as usize) / 5 + 2,
        "{views} whole views sent"
    );
    assert!(views >= 5);
    assert_eq!(told, 1);
}

/// A laptop writing notes costs its own view and nobody else's: each note
/// builds one view (the author's), the other people's views are kept as last
/// sent. A whole view asked again is built once (the host keeps only a
/// view's live part; the allowance charges it five messages).
#[test]
fn a_note_flood_builds_the_authors_view_only() {
    let mut w = workshop(1, 0);
    let roles = role_ids(&w);
    for (client, name) in [(1, "Inès"), (2, "Marc"), (3, "Léa")] {
        seated(&mut w, client, name, 0, &roles[client as usize - 1]);
    }
    w.direct(0, TrainerCommand::Start).unwrap();
    let before = w.views_built(0);
    for i in 0..40 {
        let out = w.receive(
            1,
            ToHost::Command(RoleCommand::Note {
                text: format!("note {i}"),
            }),
        );
        assert!(
            out.iter().all(|(k, _)| *k == 1),
            "only the author hears of a note"
        );
    }
    assert_eq!(w.views_built(0) - before, 40, "one view built per note");
    // Marc asks for his whole view: built once, the same as a fresh one.
    let built = w.views_built(0);
    let out = w.receive(2, ToHost::WholeView);
    let [(2, ToClient::View(view))] = &out[..] else {
        panic!("{out:?}")
    };
    assert_eq!(
        w.views_built(0),
        built + 1,
        "a whole view asked again is built once"
    );
    assert_eq!(**view, w.tables[0].session.view(roles[1].as_str()).unwrap());
    // Inès's kept view has her 40 notes.
    let out = w.receive(1, ToHost::WholeView);
    let [(1, ToClient::View(view))] = &out[..] else {
        panic!("{out:?}")
    };
    assert_eq!(view.notes.len(), 40);
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::net::door;
    use crate::net::protocol::{MAX_MESSAGE, decode};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever bytes come in, decoding a client's message, a host's
        /// message and a door datagram returns or refuses, never panics.
        #[test]
        fn arbitrary_bytes_never_panic_the_decoders(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let _ = decode::<ToHost>(&bytes, MAX_MESSAGE);
            let _ = crate::net::unpack(&bytes);
            if let Some(datagram) = door::read(&bytes) {
                let _ = door::answer(&door::tests::config(), &datagram);
            }
        }

        /// Bytes that start like JSON, to reach deeper into the parsers.
        #[test]
        fn json_like_bytes_never_panic_the_decoders(text in r#"[\{\}\[\]":,a-zA-Z0-9 \\-]{0,300}"#) {
            let _ = decode::<ToHost>(text.as_bytes(), MAX_MESSAGE);
            if let Some(datagram) = door::read(text.as_bytes()) {
                let _ = door::answer(&door::tests::config(), &datagram);
            }
        }

        /// Well-formed messages with any content, from several clients in
        /// any order: the workshop never panics, and a view only ever goes
        /// to the person seated on its role.
        #[test]
        fn any_well_formed_messages_keep_views_with_their_roles(
            messages in proptest::collection::vec((0u64..4, any_message()), 0..40)
        ) {
            let mut w = workshop(2, 0);
            for client in 0..4 {
                w.connected(client);
            }
            w.fill_with_bots(1);
            w.direct(1, TrainerCommand::Start).unwrap();
            let mut seats: std::collections::HashMap<u64, Id> = Default::default();
            for (client, message) in messages {
                for (k, m) in w.receive(client, message) {
                    match m {
                        ToClient::Seated { role, .. } => {
                            seats.insert(k, role);
                        }
                        ToClient::View(view) => {
                            prop_assert_eq!(Some(&view.role.id), seats.get(&k));
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// Ids of the test case (roles, clues, frames…) and made-up ones.
    fn any_id() -> impl Strategy<Value = Id> {
        let case: Vec<String> = {
            let w = workshop(1, 0);
            let s = w.case().scenario();
            let mut ids: Vec<String> = s.roles.iter().map(|r| r.id.to_string()).collect();
            ids.extend(s.clues.iter().map(|c| c.id.to_string()));
            ids.extend(s.actions.iter().map(|a| a.id.to_string()));
            ids.extend(s.conclusions.iter().map(|c| c.id.to_string()));
            ids.extend(s.indicators.iter().map(|i| i.id.to_string()));
            ids.extend(w.case().rulebook().frames.iter().map(|f| f.id.to_string()));
            ids
        };
        prop_oneof![proptest::sample::select(case), "[a-z_]{0,12}", ".{0,20}",]
            .prop_map(|s| Id::new(&s))
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![".{0,40}", Just("é".repeat(2100)), Just(String::new())]
    }

    fn any_message() -> impl Strategy<Value = ToHost> {
        let ids = || proptest::collection::vec(any_id(), 0..4);
        let command = prop_oneof![
            any_id().prop_map(|action| RoleCommand::TakeAction { action }),
            (ids(), ids(), any_id()).prop_map(|(clues, to, frame)| RoleCommand::Share {
                clues,
                to,
                frame
            }),
            (any_id(), any_id(), ids()).prop_map(|(act, to, scope)| RoleCommand::Issue {
                act,
                to,
                scope
            }),
            (any::<u32>(), any_text())
                .prop_map(|(act, reason)| RoleCommand::Decline { act, reason }),
            any_id().prop_map(|decision| RoleCommand::Decide { decision }),
            (any_id(), any_id()).prop_map(|(clue, indicator)| RoleCommand::Tag { clue, indicator }),
            (any_id(), any_id())
                .prop_map(|(clue, indicator)| RoleCommand::Untag { clue, indicator }),
            (any_id(), proptest::option::of(any_id()), any_text()).prop_map(
                |(conclusion, orientation, reason)| RoleCommand::Propose {
                    conclusion,
                    orientation,
                    reason
                }
            ),
            any::<u32>().prop_map(|proposal| RoleCommand::Endorse { proposal }),
            (any::<u32>(), any_text()).prop_map(|(proposal, reason)| RoleCommand::Reject {
                proposal,
                reason,
                lacking: None
            }),
            any_text().prop_map(|text| RoleCommand::Note { text }),
        ];
        prop_oneof![
            (any_text(), proptest::option::of(any::<u64>()))
                .prop_map(|(name, token)| ToHost::Hello { name, token }),
            (0usize..4, any_id()).prop_map(|(table, role)| ToHost::Sit { table, role }),
            Just(ToHost::Stand),
            Just(ToHost::WholeView),
            command.prop_map(ToHost::Command),
        ]
    }
}

#[test]
fn unreadable_messages_spend_the_allowance_and_a_flood_is_logged_once() {
    use crate::net::allowance::{BURST, PER_SECOND};
    let mut w = workshop(1, 0);
    let roles = role_ids(&w);
    seated(&mut w, 1, "Flot", 0, &roles[0]);
    let started = Instant::now();
    let (mut malformed, mut told) = (0, 0);
    for _ in 0..20_000 {
        for (to, message) in w.malformed(1) {
            assert_eq!(to, 1, "nobody else hears of it");
            match message {
                ToClient::Refused(Refused::Malformed) => malformed += 1,
                ToClient::Refused(Refused::TooFast) => told += 1,
                other => panic!("{other:?}"),
            }
        }
    }
    let allowed = BURST + PER_SECOND * started.elapsed().as_secs_f64() + 1.0;
    assert!(
        (malformed as f64) <= allowed,
        "{malformed} answers to 20,000 unreadable messages, at most {allowed:.0}"
    );
    assert_eq!(told, 1, "the client is told once");
}
