//! The room, as the trainer's console and the projector show it: a card per
//! table from the engine's glance, who sits where, who waits.

use faisceau_engine::debrief::Debrief;
use faisceau_engine::session::Status;
use faisceau_engine::view::Glance;
use faisceau_engine::{Id, Text};

use super::lobby::{LobbySeat, Occupant, Waiting};

/// A running table with no event for this many minutes is flagged idle.
pub const IDLE_MINUTES: u64 = 3;
/// A table whose proposals were rejected this many times without one being
/// adopted is flagged as stuck on its conclusion.
pub const STUCK_REJECTIONS: usize = 2;

/// What the console shows of a workshop.
#[derive(Clone, Debug)]
pub struct Room {
    /// The workshop's name.
    pub name: String,
    /// Where trainees join with the app.
    pub addresses: Vec<String>,
    /// Where they join in a browser, when the host serves the browser client.
    pub browser: Option<String>,
    /// The code, grouped.
    pub code: String,
    /// Every table.
    pub tables: Vec<TableCard>,
    /// People connected without a role.
    pub waiting: Vec<Waiting>,
    /// Whether the projector window is open.
    pub projector_open: bool,
    /// Why the host could not listen, if it could not.
    pub listen_error: Option<String>,
    /// People seated at a table that has not ended whose laptop is not
    /// connected: "name (table)".
    pub disconnected: Vec<String>,
}

/// One table, as its card shows it.
#[derive(Clone, Debug)]
pub struct TableCard {
    /// Where it stands.
    pub status: Status,
    /// The current phase's position and name, and how many phases there are.
    pub phase: (usize, Text, usize),
    /// The table's clock.
    pub clock: u32,
    /// Who plays each role.
    pub seats: Vec<LobbySeat>,
    /// Categories of the bundle: name, weight gathered, weight required.
    pub coverage: Vec<(Text, u32, u32)>,
    /// The proposal under discussion: its conclusion, whether it is the
    /// expected one, and the roles it waits for.
    pub proposal: Option<(Text, bool, Vec<Text>)>,
    /// The adopted conclusion, and whether it is the expected one.
    pub adopted: Option<(Text, bool)>,
    /// Proposals rejected since the last adoption.
    pub rejections: usize,
    /// Clue-to-role shares judged a breach.
    pub breaches: usize,
    /// Whole minutes since the table's last event.
    pub idle_minutes: u64,
}

impl Room {
    /// Whether anyone waits for a seat, a seat is free at a table not yet
    /// started, or a disconnected person's seat may be taken back.
    pub fn seating_needed(&self) -> bool {
        !self.waiting.is_empty()
            || self.tables.iter().any(|t| {
                t.status != Status::Ended
                    && t.seats.iter().any(|seat| match &seat.occupant {
                        Occupant::Free => t.status == Status::Waiting,
                        Occupant::Person { connected, .. } => !connected,
                        Occupant::Bot => false,
                    })
            })
    }

    /// How many tables stand at `status`.
    pub fn count(&self, status: Status) -> usize {
        self.tables.iter().filter(|t| t.status == status).count()
    }
}

impl TableCard {
    /// One table's card from its glance (no role's view is built: the
    /// console draws every table on every frame).
    pub fn of(
        s: &faisceau_engine::model::Scenario,
        glance: &Glance,
        seats: Vec<LobbySeat>,
        idle_minutes: u64,
    ) -> TableCard {
        let conclusion = |id: &Id| text_of(&s.conclusions, id, |c| (&c.id, &c.name));
        let role = |id: &Id| text_of(&s.roles, id, |r| (&r.id, &r.name));
        let category = |id: &Id| text_of(&s.categories, id, |c| (&c.id, &c.name));
        let expected = |id: &Id| s.solution.accepts(id);
        TableCard {
            status: glance.status,
            phase: (
                glance.phase,
                s.phases[glance.phase].name.clone(),
                s.phases.len(),
            ),
            clock: glance.clock,
            seats,
            coverage: glance
                .bundle
                .iter()
                .map(|b| (category(&b.category), b.weight, b.required))
                .collect(),
            proposal: glance.proposal.as_ref().map(|p| {
                (
                    conclusion(&p.conclusion),
                    expected(&p.conclusion),
                    p.waiting_for.iter().map(role).collect(),
                )
            }),
            adopted: glance
                .adopted
                .as_ref()
                .map(|c| (conclusion(c), expected(c))),
            rejections: glance.rejections,
            breaches: glance.breaches,
            idle_minutes,
        }
    }

    /// Categories whose required weight is reached, of those that have one.
    pub fn covered(&self) -> (usize, usize) {
        let required: Vec<_> = self.coverage.iter().filter(|c| c.2 > 0).collect();
        (
            required.iter().filter(|c| c.1 >= c.2).count(),
            required.len(),
        )
    }

    /// A running table where nothing happened for a while.
    pub fn idle(&self) -> bool {
        self.status == Status::Running && self.idle_minutes >= IDLE_MINUTES
    }

    /// A table that keeps rejecting its proposals.
    pub fn stuck(&self) -> bool {
        self.status != Status::Ended
            && self.adopted.is_none()
            && self.rejections >= STUCK_REJECTIONS
    }
}

/// The text of the item with this id, or the id itself.
fn text_of<T>(items: &[T], id: &Id, key: impl Fn(&T) -> (&Id, &Text)) -> Text {
    items
        .iter()
        .map(&key)
        .find(|(i, _)| *i == id)
        .map_or_else(|| Text::fr_en(id.as_str(), id.as_str()), |(_, t)| t.clone())
}

/// One table on the projector's board.
#[derive(Clone, Debug)]
pub struct TableBoard {
    /// Where it stands.
    pub status: Status,
    /// The phase's name.
    pub phase: Text,
    /// The phase's position from 0, and how many phases there are.
    pub phase_index: (usize, usize),
    /// Scenario time.
    pub clock: u32,
    /// Clues found by the table, of all.
    pub clues: (usize, usize),
    /// For each category with a minimum, whether the table's bundle meets it.
    pub coverage: Vec<bool>,
    /// Names of the people seated, in role order.
    pub people: Vec<String>,
    /// The debrief, once ended.
    pub debrief: Option<Debrief>,
}
