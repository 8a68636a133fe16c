//! The views of the room that the host builds from its workshop for the
//! trainer's console and the projector (`crate::views`).

use std::time::Instant;

use crate::views::lobby::Waiting;
use crate::views::room::{Room, TableBoard, TableCard};

use super::workshop::{Seat, Workshop};

impl Workshop {
    /// The room, as the trainer's console shows it.
    pub fn room(&self, addresses: Vec<String>, projector_open: bool) -> Room {
        let lobby = self.lobby();
        let now = Instant::now();
        let tables = self
            .tables
            .iter()
            .zip(lobby.tables)
            .map(|(table, seats)| {
                TableCard::of(
                    self.case().scenario(),
                    &table.session.glance(),
                    seats.seats,
                    now.saturating_duration_since(table.last_event).as_secs() / 60,
                )
            })
            .collect();
        Room {
            name: self.name.clone(),
            addresses,
            browser: None,
            code: self.code.display(),
            tables,
            waiting: self
                .waiting_people()
                .into_iter()
                .map(|(client, name)| Waiting { client, name })
                .collect(),
            projector_open,
            listen_error: None,
            disconnected: self
                .disconnected_people()
                .into_iter()
                .map(|(t, _, name)| format!("{name} ({})", t + 1))
                .collect(),
        }
    }

    /// Every table, as the projector shows it.
    pub fn boards(&self) -> Vec<TableBoard> {
        let case = self.case();
        let s = case.scenario();
        self.tables
            .iter()
            .enumerate()
            .map(|(t, table)| {
                let glance = table.session.glance();
                let people = table
                    .seats
                    .iter()
                    .filter_map(|seat| match seat {
                        Seat::Person { name, .. } => Some(name.clone()),
                        _ => None,
                    })
                    .collect();
                TableBoard {
                    status: glance.status,
                    phase: s.phases[glance.phase].name.clone(),
                    phase_index: (glance.phase, s.phases.len()),
                    clock: glance.clock,
                    clues: glance.clues_found,
                    coverage: glance
                        .bundle
                        .iter()
                        .filter(|b| b.required > 0)
                        .map(|b| b.weight >= b.required)
                        .collect(),
                    people,
                    debrief: self.debrief(t).map(|d| (*d).clone()),
                }
            })
            .collect()
    }
}
