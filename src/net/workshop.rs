//! The host's workshop: tables, seats and the journal, without any socket.
//!
//! The network layer hands every client message to [`Workshop::receive`]
//! and sends what comes back. Everything a client may receive is decided
//! here: the lobby (public), its role's view (from the engine), refusals,
//! and its table's debrief once the table has ended. Every event is in the
//! journal before any client hears of it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use faisceau_engine::bot::Crew;
use faisceau_engine::session::Status;
use faisceau_engine::{Case, Debrief, Id, RoleCommand, RoleView, Session, TrainerCommand};
use faisceau_store::{Journal, Restored, Workshop as Record};

use super::allowance::{Admission, Allowance, BURST, PER_SECOND, WHOLE_VIEW_COST};
use super::code::JoinCode;
use super::delta::Snapshot;
use super::error::NetError;
use super::protocol::{
    DebriefPackage, Lobby, LobbySeat, LobbyTable, MAX_NAME, Occupant, Refused, ToClient, ToHost,
    encode,
};

/// A connected client, as the network layer numbers it.
pub type ClientKey = u64;

/// Messages to send, in order.
pub type Outbox = Vec<(ClientKey, ToClient)>;

/// Who plays a role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seat {
    /// Nobody.
    Free,
    /// A person; `client` is none while they are disconnected.
    Person {
        /// Their name.
        name: String,
        /// Their connection, if connected.
        client: Option<ClientKey>,
        /// The seat token their client keeps: it, not the name, takes the
        /// seat back after a drop.
        token: u64,
    },
    /// A bot on the host.
    Bot,
}

impl Seat {
    /// A person on a new seat, with a fresh token.
    pub fn person(name: String, client: Option<ClientKey>) -> Seat {
        Seat::Person {
            name,
            client,
            token: new_token(),
        }
    }
}

/// A random seat token.
fn new_token() -> u64 {
    use chacha20poly1305::aead::OsRng;
    use chacha20poly1305::aead::rand_core::RngCore;
    OsRng.next_u64()
}

/// One table.
pub struct Table {
    /// The session.
    pub session: Session,
    /// Who plays each role, in the case's role order.
    pub seats: Vec<Seat>,
    bots: Crew,
    /// The last view sent to each role's person: the base of the next change.
    sent: Vec<Option<Snapshot>>,
    /// When an event last happened at this table.
    pub last_event: Instant,
    /// How many role views were built for this table's people: what a
    /// table's events cost the host (the headless status line prints it;
    /// the tests check a note costs one).
    views_built: u64,
}

#[derive(Clone, Default)]
struct Client {
    name: Option<String>,
    seat: Option<(usize, usize)>,
    allowance: Allowance,
}

/// The host's workshop.
pub struct Workshop {
    /// Its name.
    pub name: String,
    /// Its join code.
    pub code: JoinCode,
    /// The UDP port.
    pub port: u16,
    case: Arc<Case>,
    /// The tables.
    pub tables: Vec<Table>,
    clients: HashMap<ClientKey, Client>,
    /// Behind a mutex only because SQLite's connection is not `Sync`.
    journal: Option<std::sync::Mutex<Journal>>,
    /// Each table's debrief and the number of events it was built from: the
    /// console, the projector and the prompts ask for it every frame.
    debriefs: std::sync::Mutex<Vec<CachedDebrief>>,
    /// The lobby changed since it was last broadcast.
    lobby_changed: bool,
}

/// A table's debrief and the number of events it was built from.
type CachedDebrief = Option<(usize, Arc<Debrief>)>;

/// What a new workshop needs.
pub struct Setup<'a> {
    /// Its name.
    pub name: String,
    /// Its code.
    pub code: JoinCode,
    /// The UDP port.
    pub port: u16,
    /// The scenario file, for messages.
    pub scenario_path: String,
    /// The scenario's text.
    pub scenario_text: String,
    /// How many tables.
    pub tables: usize,
    /// The seed of the first table; the others follow.
    pub seed: u64,
    /// Where to keep the journal; none only in tests.
    pub journal: Option<&'a Path>,
}

impl Workshop {
    /// Opens a new workshop, and its journal.
    pub fn new(setup: Setup) -> Result<Workshop, NetError> {
        let shelf = crate::rulebooks::shelf_for(Path::new(&setup.scenario_path));
        let case = load_case(&setup.scenario_text, &setup.scenario_path, &shelf)?;
        let (rulebook_path, rulebook_text) = case.rulebook_source();
        let seeds: Vec<u64> = (0..setup.tables.max(1) as u64)
            .map(|i| setup.seed.wrapping_add(i))
            .collect();
        let mut journal = match setup.journal {
            Some(path) => Some(Journal::create(
                path,
                &Record {
                    name: setup.name.clone(),
                    code: setup.code.as_str().to_owned(),
                    port: setup.port,
                    version: env!("CARGO_PKG_VERSION").to_owned(),
                    scenario_path: setup.scenario_path.clone(),
                    scenario_text: setup.scenario_text.clone(),
                    rulebook_path: rulebook_path.to_owned(),
                    rulebook_text: rulebook_text.to_owned(),
                    seeds: seeds.clone(),
                },
            )?),
            None => None,
        };
        let mut tables = Vec::new();
        for (t, seed) in seeds.iter().enumerate() {
            let session = Session::new(case.clone(), *seed);
            if let Some(journal) = &mut journal {
                journal.append(t, 0, session.events())?;
            }
            tables.push(Table::new(session));
        }
        Ok(Workshop {
            name: setup.name,
            code: setup.code,
            port: setup.port,
            case,
            tables,
            clients: HashMap::new(),
            journal: journal.map(std::sync::Mutex::new),
            debriefs: std::sync::Mutex::default(),
            lobby_changed: false,
        })
    }

    /// Reopens a workshop from its journal after the host stopped: every
    /// table as it was, every person on their seat, disconnected until they
    /// rejoin.
    pub fn resume(path: &Path) -> Result<Workshop, NetError> {
        let (journal, restored) = Journal::open(path)?;
        let Restored {
            workshop,
            tables: events,
            seats,
        } = restored;
        let code = JoinCode::parse(&workshop.code).map_err(|e| NetError::JournalCode {
            path: path.to_owned(),
            why: e.to_string(),
        })?;
        let shelf = crate::rulebooks::kept(&workshop.rulebook_path, &workshop.rulebook_text);
        let case = load_case(&workshop.scenario_text, &workshop.scenario_path, &shelf)?;
        let mut tables = Vec::new();
        for (seed, events) in workshop.seeds.iter().zip(events) {
            let session =
                Session::replay(case.clone(), *seed, events).map_err(|e| NetError::Replay {
                    path: path.to_owned(),
                    why: e.to_string(),
                })?;
            tables.push(Table::new(session));
        }
        let mut resumed = Workshop {
            name: workshop.name,
            code,
            port: workshop.port,
            case,
            tables,
            clients: HashMap::new(),
            journal: Some(std::sync::Mutex::new(journal)),
            debriefs: std::sync::Mutex::default(),
            lobby_changed: false,
        };
        for seat in seats {
            let Some(r) = resumed.case.role(&seat.role) else {
                continue;
            };
            let Some(table) = resumed.tables.get_mut(seat.table) else {
                continue;
            };
            table.seats[r] = match seat.name {
                // A journal from before seat tokens: a fresh one, so that the
                // trainer reseats that person.
                Some(name) => Seat::Person {
                    name,
                    client: None,
                    token: seat.token.unwrap_or_else(new_token),
                },
                None => Seat::Bot,
            };
            if table.seats[r] == Seat::Bot {
                table.bots.seat(&resumed.case, r, table.session.seed());
            }
        }
        for table in &mut resumed.tables {
            defer_to_people(&resumed.case, table);
        }
        Ok(resumed)
    }

    /// Where the journal is written, if it is.
    pub fn journal_path(&self) -> Option<PathBuf> {
        self.journal.as_ref().map(|j| {
            j.lock()
                .unwrap_or_else(|e| e.into_inner())
                .path()
                .to_path_buf()
        })
    }

    /// The case.
    pub fn case(&self) -> &Arc<Case> {
        &self.case
    }

    /// The lobby as everyone sees it.
    pub fn lobby(&self) -> Lobby {
        let s = self.case.scenario();
        Lobby {
            workshop: self.name.clone(),
            title: s.title.clone(),
            content_note: s.content_note.clone(),
            tables: self
                .tables
                .iter()
                .map(|table| LobbyTable {
                    status: table.session.state().status,
                    seats: s
                        .roles
                        .iter()
                        .zip(&table.seats)
                        .map(|(role, seat)| LobbySeat {
                            role: role.id.clone(),
                            name: role.name.clone(),
                            occupant: match seat {
                                Seat::Free => Occupant::Free,
                                Seat::Bot => Occupant::Bot,
                                Seat::Person { name, client, .. } => Occupant::Person {
                                    name: name.clone(),
                                    connected: client.is_some(),
                                },
                            },
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// A client connected: it is told the lobby once it says hello.
    pub fn connected(&mut self, client: ClientKey) {
        // Its hello may have come first (it can overtake the notice of the
        // connection in the same update): keep what it said.
        self.clients.entry(client).or_default();
    }

    /// A client went away: its seat keeps its name, shown disconnected.
    pub fn disconnected(&mut self, client: ClientKey) -> Outbox {
        let Some(gone) = self.clients.remove(&client) else {
            return Vec::new();
        };
        if let Some((t, r)) = gone.seat
            && let Seat::Person { client: c, .. } = &mut self.tables[t].seats[r]
        {
            *c = None;
            self.tables[t].sent[r] = None;
        }
        self.broadcast_lobby()
    }

    /// A message from `client` that could not be read: it spends the
    /// allowance like any other, and is answered `Malformed` only within it.
    pub fn malformed(&mut self, client: ClientKey) -> Outbox {
        if let Err(set_aside) = self.admit(client, 1.0) {
            return set_aside;
        }
        tracing::debug!("client {client}: a malformed message dropped");
        vec![(client, ToClient::Refused(Refused::Malformed))]
    }

    /// Spends `client`'s allowance for one message. A flood is logged once
    /// when it starts (and the client told, once) and once when it ends,
    /// with how many messages were set aside.
    fn admit(&mut self, client: ClientKey, cost: f64) -> Result<(), Outbox> {
        let me = self.clients.entry(client).or_default();
        let who = me.name.clone().unwrap_or_default();
        match me.allowance.admit(cost, Instant::now()) {
            Admission::Pass { flood_ended } => {
                if let Some(count) = flood_ended {
                    tracing::warn!(
                        "client {client} \"{who}\": the flood is over; {count} message(s) were set aside"
                    );
                }
                Ok(())
            }
            Admission::FloodStarts => {
                tracing::warn!(
                    "client {client} \"{who}\": more than {BURST} messages at once; \
                     setting aside what comes over {PER_SECOND} a second"
                );
                Err(vec![(client, ToClient::Refused(Refused::TooFast))])
            }
            Admission::SetAside => Err(Vec::new()),
        }
    }

    /// Handles one client message: within the client's allowance, answered;
    /// beyond it, set aside (the client is told once). Refusals are logged
    /// with the client's name.
    pub fn receive(&mut self, client: ClientKey, message: ToHost) -> Outbox {
        let cost = match message {
            ToHost::WholeView => WHOLE_VIEW_COST,
            _ => 1.0,
        };
        if let Err(set_aside) = self.admit(client, cost) {
            return set_aside;
        }
        let who = self
            .clients
            .get(&client)
            .and_then(|c| c.name.clone())
            .unwrap_or_default();
        let kind = kind_of(&message);
        let out = self.answer(client, message);
        for (to, reply) in &out {
            if *to != client {
                continue;
            }
            match reply {
                ToClient::Refused(why) => {
                    tracing::info!("client {client} \"{who}\": {kind} refused: {why:?}");
                }
                ToClient::CommandRefused(why) => {
                    tracing::info!("client {client} \"{who}\": {kind} refused: {why}");
                }
                _ => {}
            }
        }
        out
    }

    fn answer(&mut self, client: ClientKey, message: ToHost) -> Outbox {
        let refuse = |why| vec![(client, ToClient::Refused(why))];
        // A message may overtake the connection's notice: know the client from it.
        let known = self.clients.entry(client).or_default().clone();
        match message {
            ToHost::Hello { name, token } => self.hello(client, name, token),
            ToHost::Sit { table, role } => self.sit(client, &known, table, role),
            ToHost::Stand => {
                let Some((t, r)) = known.seat else {
                    return refuse(Refused::NotSeated);
                };
                if self.tables[t].session.state().status != Status::Waiting {
                    return refuse(Refused::TableStarted);
                }
                self.set_seat(t, r, Seat::Free);
                self.clients.get_mut(&client).expect("known client").seat = None;
                self.broadcast_lobby()
            }
            ToHost::Command(command) => {
                let Some((t, r)) = known.seat else {
                    return refuse(Refused::NotSeated);
                };
                self.submit(t, r, command, Some(client))
            }
            ToHost::WholeView => {
                let Some((t, r)) = known.seat else {
                    return refuse(Refused::NotSeated);
                };
                self.whole_view(client, t, r).into_iter().collect()
            }
        }
    }

    /// Who a client is: their seat back at once with its token, the lobby
    /// otherwise (and word of a seat that waits under their name).
    fn hello(&mut self, client: ClientKey, name: String, token: Option<u64>) -> Outbox {
        let refuse = |why| vec![(client, ToClient::Refused(why))];
        let name = name.trim().to_owned();
        if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control)
        {
            return refuse(Refused::BadName);
        }
        // The seat held under this name, if any.
        let held = self.tables.iter().enumerate().find_map(|(t, table)| {
            table
                .seats
                .iter()
                .enumerate()
                .find_map(|(r, seat)| match seat {
                    Seat::Person {
                        name: n,
                        client: c,
                        token: k,
                    } if *n == name => Some((t, r, *c, *k)),
                    _ => None,
                })
        });
        // Its token proves the seat is theirs: back at once, even
        // while the old connection has not timed out (it is let go).
        if let Some((t, r, old, seat_token)) = held
            && token == Some(seat_token)
        {
            if let Some(old) = old.filter(|o| *o != client)
                && let Some(gone) = self.clients.get_mut(&old)
            {
                gone.seat = None;
                gone.name = None;
            }
            let me = self.clients.get_mut(&client).expect("known client");
            me.name = Some(name.clone());
            me.seat = Some((t, r));
            if let Seat::Person { client: c, .. } = &mut self.tables[t].seats[r] {
                *c = Some(client);
            }
            self.tables[t].sent[r] = None;
            let mut out = self.broadcast_lobby();
            out.extend(self.welcome_back(client, t, r));
            return out;
        }
        let in_use = self
            .clients
            .iter()
            .any(|(k, c)| *k != client && c.name.as_deref() == Some(name.as_str()));
        if in_use {
            return refuse(Refused::NameInUse);
        }
        let me = self.clients.get_mut(&client).expect("known client");
        me.name = Some(name.clone());
        // The others hear of the change with the next lobby broadcast;
        // the newcomer needs the lobby now, changed or not.
        self.lobby_changed = true;
        let mut out = vec![(client, ToClient::Lobby(self.lobby()))];
        // A seat waits under this name, but the person has no token
        // for it (another computer): the trainer reseats them.
        if let Some((t, r, None, _)) = held {
            out.push((
                client,
                ToClient::Refused(Refused::SeatHeld {
                    table: t,
                    role: self.case.scenario().roles[r].id.clone(),
                }),
            ));
        }
        out
    }

    /// A seat taken, if it is free and the client's table has not started.
    fn sit(&mut self, client: ClientKey, known: &Client, table: usize, role: Id) -> Outbox {
        let refuse = |why| vec![(client, ToClient::Refused(why))];
        let Some(name) = known.name.clone() else {
            return refuse(Refused::NoName);
        };
        // Asking again for one's own seat is answered with it.
        if let Some((t, r)) = known.seat
            && t == table
            && self.case.scenario().roles[r].id == role
        {
            return self.welcome_to_seat(client, t, r);
        }
        let Some(t) = self.tables.get(table) else {
            return refuse(Refused::NoSuchTable);
        };
        let Some(r) = self.case.role(role.as_str()) else {
            return refuse(Refused::NoSuchRole);
        };
        if t.seats.iter().all(|s| *s != Seat::Free) {
            return refuse(Refused::TableFull);
        }
        match &t.seats[r] {
            Seat::Free => {}
            Seat::Bot => {
                return refuse(Refused::RoleTaken { by: "bot".into() });
            }
            Seat::Person { name: by, .. } => {
                return refuse(Refused::RoleTaken { by: by.clone() });
            }
        }
        if let Some((old_t, old_r)) = known.seat {
            if self.tables[old_t].session.state().status != Status::Waiting {
                return refuse(Refused::TableStarted);
            }
            self.set_seat(old_t, old_r, Seat::Free);
        }
        self.set_seat(table, r, Seat::person(name, Some(client)));
        self.clients.get_mut(&client).expect("known client").seat = Some((table, r));
        let mut out = self.broadcast_lobby();
        out.extend(self.welcome_to_seat(client, table, r));
        out
    }

    /// A role's command (from its person, or from its bot), journaled, then
    /// the views that changed.
    fn submit(
        &mut self,
        t: usize,
        r: usize,
        command: RoleCommand,
        from: Option<ClientKey>,
    ) -> Outbox {
        let role = self.case.scenario().roles[r].id.clone();
        let table = &mut self.tables[t];
        let first = table.session.events().len();
        match table.session.submit(role.as_str(), command) {
            Ok(_) => self.commit(t, first),
            Err(refusal) => match from {
                Some(client) => vec![(client, ToClient::CommandRefused(refusal))],
                None => Vec::new(),
            },
        }
    }

    /// A trainer's command for a table.
    pub fn direct(&mut self, t: usize, command: TrainerCommand) -> Result<Outbox, NetError> {
        let table = self.tables.get_mut(t).ok_or(NetError::NoSuchTable(t))?;
        let first = table.session.events().len();
        table.session.direct(command).map_err(NetError::Refused)?;
        Ok(self.commit(t, first))
    }

    /// The trainer puts someone, a bot, or nobody on a role. A person moved
    /// here leaves the seat they had.
    pub fn assign(&mut self, t: usize, role: &str, seat: Seat) -> Result<Outbox, NetError> {
        let r = self
            .case
            .role(role)
            .ok_or_else(|| NetError::NoSuchRole(role.to_owned()))?;
        if t >= self.tables.len() {
            return Err(NetError::NoSuchTable(t));
        }
        let mut out = Vec::new();
        if let Seat::Person {
            client: Some(client),
            ..
        } = &seat
        {
            let client = *client;
            if let Some((old_t, old_r)) = self.clients.get(&client).and_then(|c| c.seat) {
                self.set_seat(old_t, old_r, Seat::Free);
            }
            if let Some(c) = self.clients.get_mut(&client) {
                c.seat = Some((t, r));
            }
        }
        if let Seat::Person {
            client: Some(previous),
            ..
        } = self.tables[t].seats[r]
            && let Some(c) = self.clients.get_mut(&previous)
        {
            c.seat = None;
        }
        self.set_seat(t, r, seat.clone());
        out.extend(self.broadcast_lobby());
        if let Seat::Person {
            client: Some(client),
            ..
        } = seat
        {
            out.extend(self.welcome_to_seat(client, t, r));
        }
        Ok(out)
    }

    /// The bots of every table give their reasons in `lang`, the
    /// workshop's language (the trainer's).
    pub fn speak(&mut self, lang: &str) {
        for table in &mut self.tables {
            table.bots.speak(lang);
        }
    }

    /// Gives every free role at table `t` to a bot.
    pub fn fill_with_bots(&mut self, t: usize) -> Outbox {
        for r in 0..self.case.scenario().roles.len() {
            if self.tables[t].seats[r] == Seat::Free {
                self.set_seat(t, r, Seat::Bot);
            }
        }
        self.broadcast_lobby()
    }

    /// Lets each bot at running tables take one step.
    pub fn bots_step(&mut self) -> Outbox {
        let mut out = Vec::new();
        for t in 0..self.tables.len() {
            for r in 0..self.case.scenario().roles.len() {
                let table = &mut self.tables[t];
                if let Some(command) = table.bots.command(r, &table.session) {
                    out.extend(self.submit(t, r, command, None));
                }
            }
        }
        out
    }

    /// Table `t`'s debrief, once it has ended; built once for its events.
    pub fn debrief(&self, t: usize) -> Option<Arc<Debrief>> {
        let table = self.tables.get(t)?;
        if table.session.state().status != Status::Ended {
            return None;
        }
        let events = table.session.events().len();
        let mut cache = self
            .debriefs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if cache.len() < self.tables.len() {
            cache.resize(self.tables.len(), None);
        }
        if let Some((n, debrief)) = &cache[t]
            && *n == events
        {
            return Some(Arc::clone(debrief));
        }
        let debrief = Arc::new(Debrief::build(&self.case, table.session.events()).ok()?);
        cache[t] = Some((events, Arc::clone(&debrief)));
        Some(debrief)
    }

    /// Whether every table has ended.
    pub fn all_ended(&self) -> bool {
        self.tables
            .iter()
            .all(|t| t.session.state().status == Status::Ended)
    }

    /// People connected and named but without a role, by name.
    pub fn waiting_people(&self) -> Vec<(ClientKey, String)> {
        let mut waiting: Vec<(ClientKey, String)> = self
            .clients
            .iter()
            .filter(|(_, c)| c.seat.is_none())
            .filter_map(|(k, c)| Some((*k, c.name.clone()?)))
            .collect();
        waiting.sort_by(|a, b| a.1.cmp(&b.1));
        waiting
    }

    /// Names of people who are seated but disconnected, with their table and role.
    /// People who leave a table that has ended are not lost: they are gone.
    pub fn disconnected_people(&self) -> Vec<(usize, Id, String)> {
        let roles = &self.case.scenario().roles;
        let mut gone = Vec::new();
        for (t, table) in self.tables.iter().enumerate() {
            if table.session.state().status == Status::Ended {
                continue;
            }
            for (r, seat) in table.seats.iter().enumerate() {
                if let Seat::Person {
                    name, client: None, ..
                } = seat
                {
                    gone.push((t, roles[r].id.clone(), name.clone()));
                }
            }
        }
        gone
    }

    fn set_seat(&mut self, t: usize, r: usize, seat: Seat) {
        let role = self.case.scenario().roles[r].id.clone();
        let table = &mut self.tables[t];
        match seat {
            Seat::Bot => table.bots.seat(&self.case, r, table.session.seed()),
            _ => table.bots.unseat(r),
        }
        table.sent[r] = None;
        defer_to_people(&self.case, table);
        if let Some(journal) = &self.journal {
            let mut journal = journal.lock().unwrap_or_else(|e| e.into_inner());
            let result = match &seat {
                Seat::Free => journal.unseat(t, role.as_str()),
                Seat::Bot => journal.seat(t, role.as_str(), None),
                Seat::Person { name, token, .. } => journal
                    .seat(t, role.as_str(), Some(name))
                    .and_then(|()| journal.seat_token(t, role.as_str(), *token)),
            };
            if let Err(e) = result {
                tracing::error!("journal: {e}");
            }
        }
        table.seats[r] = seat;
    }

    /// Writes the table's events from `first` to the journal, then tells each
    /// connected person whose view changed. If the journal refuses, the
    /// events are undone: nothing is acknowledged that is not on disk.
    fn commit(&mut self, t: usize, first: usize) -> Outbox {
        let table = &mut self.tables[t];
        if let Some(journal) = &self.journal
            && let Err(e) = journal.lock().unwrap_or_else(|e| e.into_inner()).append(
                t,
                first,
                &table.session.events()[first..],
            )
        {
            tracing::error!("journal: {e}; the command is undone");
            let kept = table.session.events()[..first].to_vec();
            if let Ok(session) = Session::replay(self.case.clone(), table.session.seed(), kept) {
                table.session = session;
            }
            return Vec::new();
        }
        table.last_event = Instant::now();
        let mut out = self.refresh_views(t, first);
        if self.tables[t].session.events()[first..].iter().any(|e| {
            matches!(
                e.kind,
                faisceau_engine::EventKind::Started | faisceau_engine::EventKind::Ended { .. }
            )
        }) {
            out.extend(self.broadcast_lobby());
        }
        out
    }

    /// The views that the table's events from `first` changed, for the
    /// people who hold them. Events private to one role (its note, its
    /// bundle: [`faisceau_engine::EventKind::private_to`]) change that view
    /// only; the others are kept as last sent, not built again, so that a
    /// laptop writing notes costs its own view and nobody else's.
    fn refresh_views(&mut self, t: usize, first: usize) -> Outbox {
        let mut out = Vec::new();
        let roles = &self.case.scenario().roles;
        let ended = self.tables[t].session.state().status == Status::Ended;
        let table = &mut self.tables[t];
        let new = &table.session.events()[first..];
        let only = new
            .first()
            .and_then(|e| e.kind.private_to())
            .filter(|only| new.iter().all(|e| e.kind.private_to() == Some(*only)))
            .cloned();
        // Built once for the table (the case, the rulebook and the debrief);
        // each person's copy differs only by their role.
        let mut package: Option<Option<DebriefPackage>> = None;
        for (r, role) in roles.iter().enumerate() {
            let Seat::Person {
                client: Some(client),
                ..
            } = table.seats[r]
            else {
                continue;
            };
            if only.as_ref().is_some_and(|only| *only != role.id) && table.sent[r].is_some() {
                continue;
            }
            table.views_built += 1;
            let Some(view) = table.session.view(role.id.as_str()) else {
                continue;
            };
            let Some(message) = view_message(&mut table.sent[r], view) else {
                continue;
            };
            out.push((client, message));
            // One package for the whole table, packed once for all its people.
            if ended
                && let Some(package) =
                    package.get_or_insert_with(|| debrief_package(&self.case, &table.session))
            {
                out.push((client, ToClient::Debrief(Box::new(package.clone()))));
            }
        }
        out
    }

    fn welcome_to_seat(&mut self, client: ClientKey, t: usize, r: usize) -> Outbox {
        self.seat_message(client, t, r, false)
    }

    /// A person back on the seat they held.
    fn welcome_back(&mut self, client: ClientKey, t: usize, r: usize) -> Outbox {
        self.seat_message(client, t, r, true)
    }

    fn seat_message(&mut self, client: ClientKey, t: usize, r: usize, back: bool) -> Outbox {
        let role = self.case.scenario().roles[r].id.clone();
        let token = match &self.tables[t].seats[r] {
            Seat::Person { token, .. } => *token,
            _ => 0,
        };
        let mut out = vec![(
            client,
            ToClient::Seated {
                table: t,
                role: role.clone(),
                token,
                back,
            },
        )];
        out.extend(self.whole_view(client, t, r));
        let table = &self.tables[t];
        if table.session.state().status == Status::Ended {
            out.extend(debrief_for(&self.case, &table.session, client));
        }
        out
    }

    /// A role's whole view for its person, the base of the changes to come.
    fn whole_view(
        &mut self,
        client: ClientKey,
        t: usize,
        r: usize,
    ) -> Option<(ClientKey, ToClient)> {
        let role = &self.case.scenario().roles[r].id;
        let table = &mut self.tables[t];
        // What was sent holds the view's live part only: the whole view is
        // built again.
        table.sent[r] = None;
        table.views_built += 1;
        let view = table.session.view(role.as_str())?;
        view_message(&mut table.sent[r], view).map(|message| (client, message))
    }

    /// Notes that the lobby changed: it goes to everyone at the network
    /// layer's next broadcast ([`Workshop::lobby_change`]), once for many
    /// changes (a room of 256 sitting down is not 256 × 256 lobbies).
    fn broadcast_lobby(&mut self) -> Outbox {
        self.lobby_changed = true;
        Vec::new()
    }

    /// How many role views were built for table `t`'s people so far.
    pub fn views_built(&self, t: usize) -> u64 {
        self.tables.get(t).map_or(0, |table| table.views_built)
    }

    /// The clients the lobby goes to: those that said hello with a name and
    /// hold no seat. A seated person is on their role card, desk or debrief
    /// and never sees the lobby; one who loses their seat (they stood up, or
    /// the trainer gave it to someone else) is unseated before the
    /// broadcast that change calls for, and so receives it. At 256 clients
    /// this is what keeps a table ending from sending 256 lobbies (600 KB)
    /// in one update.
    pub fn lobby_clients(&self) -> impl Iterator<Item = ClientKey> + '_ {
        self.clients
            .iter()
            .filter(|(_, c)| c.name.is_some() && c.seat.is_none())
            .map(|(k, _)| *k)
    }

    /// The lobby, if it changed since the last call: the network layer
    /// broadcasts it to every client.
    pub fn lobby_change(&mut self) -> Option<Lobby> {
        std::mem::take(&mut self.lobby_changed).then(|| self.lobby())
    }
}

impl Table {
    fn new(session: Session) -> Table {
        let roles = session.case().scenario().roles.len();
        Table {
            session,
            seats: vec![Seat::Free; roles],
            bots: Crew::empty(roles),
            sent: (0..roles).map(|_| None).collect(),
            last_event: Instant::now(),
            views_built: 0,
        }
    }
}

/// The parts of a role's view that are the case's own: clones of its
/// scenario and rulebook (the legal frames, the professions, the
/// indicators...), about three quarters of a view's text. They are the same
/// at every event of a session, so the host leaves them out of the text it
/// compares and diffs at each event; they travel in whole views only.
#[derive(Debug, PartialEq)]
struct CaseParts {
    categories: Vec<faisceau_engine::model::Category>,
    indicators: Vec<faisceau_engine::model::Indicator>,
    classes: Vec<faisceau_engine::rulebook::InfoClass>,
    professions: Vec<faisceau_engine::rulebook::Profession>,
    families: Vec<faisceau_engine::rulebook::Family>,
    frames: Vec<faisceau_engine::rulebook::Frame>,
    act_kinds: Vec<faisceau_engine::rulebook::ActKind>,
    situation_kinds: Vec<faisceau_engine::rulebook::Situation>,
    phase_names: Vec<(Id, faisceau_engine::text::Text)>,
    decision_names: Vec<(Id, faisceau_engine::text::Text)>,
    conclusions: Vec<faisceau_engine::model::ConclusionOption>,
}

impl CaseParts {
    /// Takes the case's parts out of `view`, leaving them empty.
    fn take(view: &mut RoleView) -> CaseParts {
        use std::mem::take;
        CaseParts {
            categories: take(&mut view.categories),
            indicators: take(&mut view.indicators),
            classes: take(&mut view.classes),
            professions: take(&mut view.professions),
            families: take(&mut view.families),
            frames: take(&mut view.frames),
            act_kinds: take(&mut view.act_kinds),
            situation_kinds: take(&mut view.situation_kinds),
            phase_names: take(&mut view.phase_names),
            decision_names: take(&mut view.decision_names),
            conclusions: take(&mut view.conclusions),
        }
    }

    /// Puts them back.
    fn restore(self, view: &mut RoleView) {
        view.categories = self.categories;
        view.indicators = self.indicators;
        view.classes = self.classes;
        view.professions = self.professions;
        view.families = self.families;
        view.frames = self.frames;
        view.act_kinds = self.act_kinds;
        view.situation_kinds = self.situation_kinds;
        view.phase_names = self.phase_names;
        view.decision_names = self.decision_names;
        view.conclusions = self.conclusions;
    }
}

/// The JSON text of the part of `view` that can change during play.
fn live_json(view: &mut RoleView) -> String {
    let parts = CaseParts::take(view);
    let json = serde_json::to_string(&*view).expect("views serialise");
    parts.restore(view);
    json
}

/// What brings a person's desk from the view last sent to `view`: nothing
/// if it did not change, the change alone when it is smaller than the
/// view's live part, the whole view otherwise (the first, or after the
/// client asked for it). `sent` keeps the live part last sent.
fn view_message(sent: &mut Option<Snapshot>, mut view: RoleView) -> Option<ToClient> {
    let json = live_json(&mut view);
    // Most events change a few desks at the table: the text tells at once.
    if sent.as_ref().is_some_and(|last| last.json() == json) {
        return None;
    }
    let new = Snapshot::from_json(json);
    if let Some(last) = sent.as_ref() {
        let change = new.since(last)?;
        if encode(&change).len() < new.json().len() {
            *sent = Some(new);
            return Some(ToClient::ViewChange(change));
        }
    }
    *sent = Some(new);
    Some(ToClient::View(Box::new(view)))
}

fn debrief_for(case: &Case, session: &Session, client: ClientKey) -> Option<(ClientKey, ToClient)> {
    let package = debrief_package(case, session)?;
    Some((client, ToClient::Debrief(Box::new(package))))
}

/// A table's debrief as its people receive it, for no role yet.
fn debrief_package(case: &Case, session: &Session) -> Option<DebriefPackage> {
    let mut debrief = Debrief::build(case, session.events()).ok()?;
    // The trainer's observer notes stay with the trainer.
    debrief.table.observer_notes.clear();
    Some(DebriefPackage {
        scenario: case.scenario().clone(),
        rulebook: case.rulebook().clone(),
        debrief,
        role: Id::new(""),
    })
}

/// A message's kind, for log lines (never its text: notes stay private).
fn kind_of(message: &ToHost) -> &'static str {
    match message {
        ToHost::Hello { .. } => "hello",
        ToHost::Sit { .. } => "sit",
        ToHost::Stand => "stand",
        ToHost::WholeView => "whole view",
        ToHost::Command(command) => match command {
            RoleCommand::TakeAction { .. } => "action",
            RoleCommand::Share { .. } => "share",
            RoleCommand::Issue { .. } => "act",
            RoleCommand::Decline { .. } => "decline",
            RoleCommand::Decide { .. } => "decision",
            RoleCommand::Tag { .. } => "tag",
            RoleCommand::Untag { .. } => "untag",
            RoleCommand::Propose { .. } => "proposal",
            RoleCommand::Endorse { .. } => "endorsement",
            RoleCommand::Reject { .. } => "rejection",
            RoleCommand::Note { .. } => "note",
        },
    }
}

/// Bots leave to the people seated at a table the decisions their role
/// cards name as theirs.
fn defer_to_people(case: &Case, table: &mut Table) {
    let seated: Vec<usize> = (0..table.seats.len())
        .filter(|&r| matches!(table.seats[r], Seat::Person { .. }))
        .collect();
    table.bots.defer_to(case, &seated);
}

fn load_case(
    text: &str,
    path: &str,
    shelf: &dyn faisceau_engine::Shelf,
) -> Result<Arc<Case>, NetError> {
    match faisceau_engine::load(text, path, shelf) {
        Ok(loaded) => Ok(Arc::new(loaded.case)),
        Err(err) => Err(NetError::Case(
            err.errors()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use faisceau_engine::ViewBot;
    use serde::Deserialize;

    #[test]
    fn a_desk_rebuilt_from_the_hosts_messages_is_the_role_view_and_the_case_parts_never_change() {
        let path = std::path::Path::new("scenarios/foyer_fugues.ron");
        let text = std::fs::read_to_string(path).unwrap();
        let shelf = crate::rulebooks::shelf_for(path);
        let case = Arc::new(
            faisceau_engine::load(&text, "case.ron", &shelf)
                .unwrap()
                .case,
        );
        let mut session = Session::new(case.clone(), 7);
        session.direct(TrainerCommand::Start).unwrap();
        let roles: Vec<String> = case
            .scenario()
            .roles
            .iter()
            .map(|r| r.id.to_string())
            .collect();
        let mut bots: Vec<ViewBot> = (0..roles.len()).map(|i| ViewBot::new(i as u64)).collect();
        // What each client holds, as `Joined` holds it, and the host's side.
        let mut held: Vec<Option<serde_json::Value>> = vec![None; roles.len()];
        let mut sent: Vec<Option<Snapshot>> = (0..roles.len()).map(|_| None).collect();
        let first_parts: Vec<CaseParts> = roles
            .iter()
            .map(|r| CaseParts::take(&mut session.view(r).unwrap()))
            .collect();
        let (mut whole, mut changes, mut rounds) = (0, 0, 0);
        while session.state().status != Status::Ended && rounds < 10_000 {
            rounds += 1;
            let mut acted = false;
            for (role, bot) in roles.iter().zip(&mut bots) {
                if let Some(command) = bot.next(&session.view(role).unwrap()) {
                    acted = true;
                    let _ = session.submit(role, command);
                }
            }
            if !acted {
                let _ = session.direct(TrainerCommand::NextPhase);
            }
            for (r, role) in roles.iter().enumerate() {
                let view = session.view(role).unwrap();
                assert_eq!(
                    CaseParts::take(&mut view.clone()),
                    first_parts[r],
                    "{role}: the case's parts of a view are the same at every event"
                );
                match view_message(&mut sent[r], view.clone()) {
                    Some(ToClient::View(whole_view)) => {
                        whole += 1;
                        held[r] = Some(serde_json::to_value(&*whole_view).unwrap());
                    }
                    Some(ToClient::ViewChange(change)) => {
                        changes += 1;
                        let held = held[r].as_mut().expect("a change follows a whole view");
                        super::super::delta::apply(held, &change).unwrap();
                    }
                    None => {}
                    Some(other) => panic!("not a view: {other:?}"),
                }
                let rebuilt = RoleView::deserialize(held[r].as_ref().unwrap()).unwrap();
                assert_eq!(
                    rebuilt, view,
                    "{role}'s desk rebuilt from the host's messages"
                );
            }
        }
        assert_eq!(session.state().status, Status::Ended);
        assert_eq!(whole, roles.len(), "one whole view per role, then changes");
        assert!(changes > 50, "{changes} changes");
    }
}
