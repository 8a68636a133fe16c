//! The bots at one table, by role: the solo table and the workshop's tables
//! seat, defer and drive theirs the same way.

use super::player::{Bot, Temperament};
use crate::case::Case;
use crate::session::{RoleCommand, Session};

/// The bots of a table's roles (none where a person plays or the seat is
/// free), and whose turn it is.
#[derive(Debug, Default)]
pub struct Crew {
    bots: Vec<Option<Bot>>,
    next: usize,
    /// The table's language: the bots give their reasons in it.
    lang: String,
    /// The roles people play.
    people: Vec<usize>,
    /// Bot turns taken so far, the crew's own clock.
    commands: u64,
    /// For each role, the crew's clock when a bot last shared with it.
    last_share: Vec<Option<u64>>,
}

/// A person receives at most one share from the table's bots in this many
/// rounds of the table's bots: a colleague's pace, not a flood.
const PERSON_PACE: u64 = 3;

impl Crew {
    /// No bot yet, at a table of `roles` roles.
    pub fn empty(roles: usize) -> Crew {
        Crew {
            bots: (0..roles).map(|_| None).collect(),
            next: 0,
            lang: crate::text::FALLBACK_LANGUAGE.to_owned(),
            people: Vec::new(),
            commands: 0,
            last_share: vec![None; roles],
        }
    }

    /// Bots on every role of `case` but `person`'s, which leave to that
    /// person the decisions their role cards name as theirs.
    pub fn all_but(case: &Case, person: Option<usize>, seed: u64) -> Crew {
        let mut crew = Crew::empty(case.scenario().roles.len());
        for r in 0..crew.bots.len() {
            if Some(r) != person {
                crew.seat(case, r, seed);
            }
        }
        crew.defer_to(case, &person.into_iter().collect::<Vec<_>>());
        crew
    }

    /// A bot of the default temperament on role `r`.
    pub fn seat(&mut self, case: &Case, r: usize, seed: u64) {
        let role = &case.scenario().roles[r].id;
        self.bots[r] = Bot::new(case, role.as_str(), seed, Temperament::default());
        if let Some(bot) = &mut self.bots[r] {
            bot.speak(&self.lang);
            bot.defer_to(case, &self.people);
        }
    }

    /// The language the bots speak.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The bots speak `lang`, the table's language, from now on.
    pub fn speak(&mut self, lang: &str) {
        self.lang = lang.to_owned();
        for bot in self.bots.iter_mut().flatten() {
            bot.speak(lang);
        }
    }

    /// No bot on role `r` any more (a person sits there, or nobody).
    pub fn unseat(&mut self, r: usize) {
        self.bots[r] = None;
    }

    /// Bots leave to the people seated on `people` (role indices) the
    /// decisions their role cards name as theirs.
    pub fn defer_to(&mut self, case: &Case, people: &[usize]) {
        self.people = people.to_vec();
        for bot in self.bots.iter_mut().flatten() {
            bot.defer_to(case, people);
        }
    }

    /// What the bot on role `r` does next, if a bot sits there and has
    /// something to do.
    pub fn command(&mut self, r: usize, session: &Session) -> Option<RoleCommand> {
        let pace = PERSON_PACE * self.len() as u64;
        let mut quiet = vec![false; self.last_share.len()];
        for &p in &self.people {
            quiet[p] = self.last_share[p].is_some_and(|at| self.commands < at + pace);
        }
        let bot = self.bots.get_mut(r)?.as_mut()?;
        // Every bot's turn moves the crew's clock, whether it acts or waits.
        self.commands += 1;
        bot.hold_back(&quiet);
        let command = bot.next(session)?;
        if let RoleCommand::Share { to, .. } = &command {
            for id in to {
                if let Some(t) = session.case().role(id.as_str()) {
                    self.last_share[t] = Some(self.commands);
                }
            }
        }
        Some(command)
    }

    /// The next bot in turn that has something to do, from the one after
    /// the last that acted: its role and its command.
    pub fn turn(&mut self, session: &Session) -> Option<(usize, RoleCommand)> {
        let roles = self.bots.len();
        for _ in 0..roles {
            let r = self.next % roles;
            self.next += 1;
            if let Some(command) = self.command(r, session) {
                return Some((r, command));
            }
        }
        None
    }

    /// How many bots sit at the table.
    pub fn len(&self) -> usize {
        self.bots.iter().flatten().count()
    }

    /// Whether no bot sits at the table.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
