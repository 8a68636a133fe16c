//! `faisceau host` and `faisceau join`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use bevy::app::ScheduleRunnerPlugin;
use bevy::log::LogPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::RepliconRenetPlugins;

use super::ScreenArg;
use crate::i18n::{Lang, Tr};
use crate::net::client::{self, BotPlayer, Joined};
use crate::net::code::JoinCode;
use crate::net::host::{self, Autopilot, Host};
use crate::net::lite::{self, LiteClient, Wire};
use crate::net::protocol::Refused;
use crate::net::words::{code_error_text, join_error_text, refused_text};
use crate::net::workshop::{Setup, Workshop};
use crate::net::{self, door};

/// What `faisceau host` was given.
#[derive(Debug, clap::Args)]
pub struct HostArgs {
    /// The scenario file (not needed with --resume).
    #[arg(required_unless_present = "resume")]
    pub scenario: Option<PathBuf>,
    /// How many tables play the case side by side.
    #[arg(long, default_value_t = 1)]
    pub tables: usize,
    /// UDP port of the workshop (5170 when not given); the next port answers
    /// discovery and code checks. With --resume, the resumed workshop listens
    /// on it instead of the port it had.
    #[arg(long)]
    pub port: Option<u16>,
    /// The join code (8 characters such as K7QX-M2PD); generated when not given.
    #[arg(long)]
    pub code: Option<String>,
    /// The workshop's name, shown to trainees and on the projector
    /// ("Atelier Faisceau" in French, "Faisceau workshop" in English when not given).
    #[arg(long)]
    pub name: Option<String>,
    /// Resume a workshop from its journal after the host stopped.
    #[arg(long, conflicts_with = "scenario")]
    pub resume: Option<PathBuf>,
    /// Where to write the journal (default: faisceau-DATE-TIME.journal in the
    /// user's data directory, journals/).
    #[arg(long, conflicts_with = "resume")]
    pub journal: Option<PathBuf>,
    /// Seed of the first table's uncertain outcomes; table i uses seed + i.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// No window: start each table when its roles are taken, move phases on when
    /// the table is idle, stop when every table has ended.
    #[arg(long)]
    pub headless: bool,
    /// Headless: give roles nobody took to bots after this many seconds.
    #[arg(long)]
    pub bots_after: Option<f64>,
    /// Headless: move a table to its next phase after this many idle seconds.
    #[arg(long, default_value_t = 4.0)]
    pub advance_after: f64,
    /// Headless: stop after this many minutes in any case.
    #[arg(long)]
    pub max_minutes: Option<f64>,
    /// Headless: print a status line (clients, tables, journal, memory, answer times, views built) every this many seconds.
    #[arg(long, default_value_t = 60.0)]
    pub status_every: f64,
    /// Milliseconds between two steps of the host's bots.
    #[arg(long, default_value_t = 2500)]
    pub bot_pace_ms: u64,
    /// Interface language (fr or en); else the system's, else French.
    #[arg(long)]
    pub lang: Option<String>,
    /// Save the console's first laid-out frame as a PNG and exit (with --projector: the projector's).
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// With --screenshot, capture the projector window.
    #[arg(long)]
    pub projector: bool,
    /// Headless: when every table has ended, keep the workshop in the
    /// archive with the trainees' names (personal data: only with their
    /// agreement); pseudonyms otherwise.
    #[arg(long)]
    pub archive_names: bool,
    /// Headless: do not keep the workshop in the archive.
    #[arg(long)]
    pub no_archive: bool,
    /// Do not open the projector window by itself (the console's button opens it).
    #[arg(long)]
    pub no_projector: bool,
    /// The console window's size, WIDTHxHEIGHT.
    #[arg(long, default_value = "1280x720")]
    pub size: String,
}

/// Opens the workshop (new, or resumed from its journal).
pub fn open_workshop(args: &HostArgs) -> Result<Workshop, String> {
    if let Some(journal) = &args.resume {
        let mut workshop = Workshop::resume(journal)?;
        workshop.speak(crate::i18n::Lang::detect(args.lang.as_deref()).code());
        if let Some(port) = args.port
            && port != workshop.port
        {
            eprintln!(
                "listening on port {port} (the workshop was on {})",
                workshop.port
            );
            workshop.port = port;
        }
        eprintln!(
            "resumed \"{}\" from {}: {} table(s), {} event(s)",
            workshop.name,
            journal.display(),
            workshop.tables.len(),
            workshop
                .tables
                .iter()
                .map(|t| t.session.events().len())
                .sum::<usize>()
        );
        return Ok(workshop);
    }
    let scenario = args
        .scenario
        .as_ref()
        .ok_or("give the scenario to host, or --resume JOURNAL")?;
    let text =
        std::fs::read_to_string(scenario).map_err(|e| format!("{}: {e}", scenario.display()))?;
    let code = match &args.code {
        Some(typed) => JoinCode::parse(typed).map_err(|e| format!("--code: {e}"))?,
        None => JoinCode::generate(),
    };
    let journal = args
        .journal
        .clone()
        .unwrap_or_else(crate::net::journal_path::default_journal);
    let mut workshop = Workshop::new(Setup {
        name: args.name.clone().unwrap_or_else(|| {
            crate::i18n::Tr::new(crate::i18n::Lang::detect(args.lang.as_deref()))
                .t("host-default-name")
        }),
        code,
        port: args.port.unwrap_or(crate::net::DEFAULT_PORT),
        scenario_path: scenario.display().to_string(),
        scenario_text: text,
        tables: args.tables,
        seed: args.seed,
        journal: Some(&journal),
    })?;
    eprintln!(
        "journal: {} (resume with: faisceau host --resume {})",
        journal.display(),
        journal.display()
    );
    workshop.speak(crate::i18n::Lang::detect(args.lang.as_deref()).code());
    Ok(workshop)
}

/// A Bevy app without windows, for headless hosts and bot clients; it is
/// driven by [`net::runner::run`], which updates it when packets arrive.
/// Only the first app of a process sets up logging (the logger is global).
pub fn headless_app() -> App {
    static LOGGING: std::sync::Once = std::sync::Once::new();
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins.build().disable::<ScheduleRunnerPlugin>(),
        StatesPlugin,
        RepliconPlugins,
        RepliconRenetPlugins,
    ));
    LOGGING.call_once(|| {
        app.add_plugins(LogPlugin {
            // renetcode logs an error for every packet of a connection the
            // host no longer knows (a client of the host before a resume):
            // expected, and it would drown the useful lines.
            filter: "warn,renetcode=off,faisceau=info".into(),
            ..default()
        });
    });
    net::shared(&mut app);
    catch_stop_signals();
    app.add_systems(First, exit_when_asked);
    app
}

/// SIGTERM or SIGINT asked this process to stop.
static STOP_ASKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A headless host or bot stops cleanly on SIGTERM (a service manager, a
/// script) or SIGINT (Ctrl-C): its apps exit as if their work were done —
/// clients told, summary printed, journal closed.
#[cfg(unix)]
fn catch_stop_signals() {
    extern "C" fn on_signal(_: libc::c_int) {
        STOP_ASKED.store(true, std::sync::atomic::Ordering::SeqCst);
    }
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: the handler only stores to an atomic, which is
        // async-signal-safe; signal(2) is called once, before any thread
        // that could race with it reads the disposition.
        unsafe {
            libc::signal(libc::SIGTERM, handler);
            libc::signal(libc::SIGINT, handler);
        }
    });
}

#[cfg(not(unix))]
fn catch_stop_signals() {}

fn exit_when_asked(mut exit: MessageWriter<AppExit>, mut told: Local<bool>) {
    if !*told && STOP_ASKED.load(std::sync::atomic::Ordering::SeqCst) {
        *told = true;
        info!("asked to stop: closing cleanly");
        exit.write(AppExit::Success);
    }
}

/// `faisceau host --headless`.
pub fn host_headless(args: HostArgs) -> Result<ExitCode, String> {
    let workshop = open_workshop(&args)?;
    print_join_details(&workshop);
    let autopilot = Autopilot {
        start_when_full: true,
        bots_after: args.bots_after.map(Duration::from_secs_f64),
        advance_after: Some(Duration::from_secs_f64(args.advance_after)),
        exit_after_end: Some(Duration::from_secs(10)),
        max_duration: args.max_minutes.map(|m| Duration::from_secs_f64(m * 60.0)),
    };
    let mut app = headless_app();
    let mut host = Host::new(
        workshop,
        Duration::from_millis(args.bot_pace_ms),
        Some(autopilot),
    );
    host.exit_on_listen_error = true;
    let archiving = (!args.no_archive).then_some(Archiving {
        names: args.archive_names,
        lang: crate::i18n::Lang::detect(args.lang.as_deref()),
    });
    app.insert_resource(host)
        .insert_resource(ArchiveOnExit(archiving))
        .insert_resource(StatusEvery {
            every: Duration::from_secs_f64(args.status_every.max(1.0)),
            next: std::time::Instant::now() + Duration::from_secs_f64(args.status_every.max(1.0)),
            opened: std::time::Instant::now(),
        })
        .add_plugins((host::plugin, host::listen))
        .add_systems(Last, (status_line, report_on_exit));
    // Woken by each packet; the tick only serves the autopilot's timers.
    let exit = net::runner::run(vec![app], Duration::from_millis(20));
    Ok(if exit.iter().all(AppExit::is_success) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// When the headless host prints its next status line.
#[derive(Resource)]
struct StatusEvery {
    every: Duration,
    next: std::time::Instant,
    opened: std::time::Instant,
}

/// A line a minute (by default) on how the host is doing: what a trainer's
/// terminal shows and what the soak benchmark reads.
fn status_line(mut status: ResMut<StatusEvery>, mut host: ResMut<Host>) {
    let now = std::time::Instant::now();
    if now < status.next {
        return;
    }
    status.next = now + status.every;
    let journal = host
        .workshop
        .journal_path()
        .map(|path| {
            ["", "-wal"]
                .iter()
                .filter_map(|suffix| {
                    let mut file = path.clone().into_os_string();
                    file.push(suffix);
                    std::fs::metadata(file).ok().map(|m| m.len())
                })
                .sum::<u64>()
        })
        .unwrap_or(0);
    let tables = &host.workshop.tables;
    let events: usize = tables.iter().map(|t| t.session.events().len()).sum();
    let ended = tables
        .iter()
        .filter(|t| t.session.state().status == faisceau_engine::session::Status::Ended)
        .count();
    let recent = &host.recent_answer_times;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "status at {:.1} min: {} client(s), {}/{} table(s) ended, {} event(s), journal {} KB, memory {} MB, answers p50 {:.2} ms p99 {:.2} ms ({} updates), {} view(s) built",
        status.opened.elapsed().as_secs_f64() / 60.0,
        host.connected_clients(),
        ended,
        tables.len(),
        events,
        journal / 1024,
        resident_megabytes().map_or("?".into(), |mb| format!("{mb:.1}")),
        ms(recent.quantile(0.5)),
        ms(recent.quantile(0.99)),
        recent.count(),
        (0..tables.len())
            .map(|t| host.workshop.views_built(t))
            .sum::<u64>()
    );
    host.recent_answer_times.clear();
}

/// This process's resident memory, from /proc (Linux).
fn resident_megabytes() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn print_join_details(workshop: &Workshop) {
    let addresses: Vec<String> = net::host_addresses(workshop.port)
        .iter()
        .map(ToString::to_string)
        .collect();
    println!("workshop: {}", workshop.name);
    println!("join at:  {}", addresses.join("  or  "));
    println!("code:     {}", workshop.code.display());
}

/// How a headless host keeps its workshop in the archive at the end.
#[derive(Clone, Copy)]
struct Archiving {
    names: bool,
    lang: crate::i18n::Lang,
}

#[derive(Resource)]
struct ArchiveOnExit(Option<Archiving>);

fn report_on_exit(
    mut exits: MessageReader<AppExit>,
    host: Res<Host>,
    archiving: Res<ArchiveOnExit>,
) {
    if exits.read().next().is_none() {
        return;
    }
    // A finished workshop goes to the archive (pseudonyms unless asked).
    if let Some(archiving) = archiving.0
        && host.workshop.all_ended()
    {
        let tr = crate::i18n::Tr::new(archiving.lang);
        let keeping = if archiving.names {
            crate::records::archive::Keeping::Chosen { names: true }
        } else {
            crate::records::archive::Keeping::Automatic
        };
        match crate::records::archive::keep_workshop(&host.workshop, keeping, &tr) {
            Ok((id, _)) => println!("archived as {id} (faisceau archive show {id})"),
            Err(e) => eprintln!("not archived: {e}"),
        }
    }
    for (t, table) in host.workshop.tables.iter().enumerate() {
        let state = table.session.state();
        println!(
            "table {}: {:?}, {} event(s)",
            t + 1,
            state.status,
            table.session.events().len()
        );
    }
    let times = &host.answer_times;
    if times.count() > 0 {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "host's own share, from reading commands to sending the views: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} updates)",
            ms(times.quantile(0.5)),
            ms(times.quantile(0.99)),
            ms(times.quantile(1.0)),
            times.count()
        );
    }
    println!(
        "messages sent: {} ({} bytes on the wire, before encryption; {} debriefs sent without packing again)",
        host.sent,
        net::BYTES_SENT.load(std::sync::atomic::Ordering::Relaxed),
        net::DEBRIEFS_REUSED.load(std::sync::atomic::Ordering::Relaxed)
    );
}

/// What `faisceau join` was given.
#[derive(Debug, clap::Args)]
pub struct JoinArgs {
    /// The host's address as shown on the projector (192.168.1.20:5170); found on the network when omitted.
    pub addr: Option<String>,
    /// The join code shown on the projector.
    #[arg(long)]
    pub code: Option<String>,
    /// Your name, as the trainer and your table will see it.
    #[arg(long)]
    pub name: Option<String>,
    /// The role to take.
    #[arg(long)]
    pub role: Option<String>,
    /// The table (from 1).
    #[arg(long)]
    pub table: Option<usize>,
    /// No window: play the role with the bot policy (for tests and load measurements).
    #[arg(long)]
    pub bot: bool,
    /// Bot: milliseconds between two commands.
    #[arg(long, default_value_t = 300)]
    pub pace_ms: u64,
    /// Bot: give up after this many minutes.
    #[arg(long)]
    pub max_minutes: Option<f64>,
    /// Bot: write a JSON summary (latencies, bytes) to this file at the end.
    #[arg(long)]
    pub stats: Option<PathBuf>,
    /// Bot: play this many bots from this one process (named NAME 1, NAME 2…;
    /// their summaries go to STATS-1.json, STATS-2.json…).
    #[arg(long, default_value_t = 1)]
    pub count: usize,
    /// Interface language (fr or en); else the system's, else French.
    #[arg(long)]
    pub lang: Option<String>,
    /// Save the first laid-out frame of --screen as a PNG and exit.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// The screen to capture: join, lobby, card or desk.
    #[arg(long, value_enum)]
    pub screen: Option<ScreenArg>,
    /// Window size, WIDTHxHEIGHT.
    #[arg(long, default_value = "1280x720")]
    pub size: String,
}

/// Finds the workshop and knocks: a wrong code or version is told at once,
/// in the trainee's language.
pub fn enter(addr: Option<&str>, code: &str, tr: &Tr) -> Result<client::Entry, String> {
    let code = JoinCode::parse(code).map_err(|e| code_error_text(&e, tr))?;
    let addr = match addr {
        Some(typed) => client::parse_address(typed).map_err(|e| join_error_text(&e, tr))?,
        None => {
            let found = door::discover(net::DEFAULT_PORT + 1, Duration::from_millis(1500))
                .map_err(|e| join_error_text(&e.into(), tr))?;
            match found.as_slice() {
                [] => return Err(tr.t("join-found-none-cli")),
                [one] => one.addr,
                many => {
                    let list: Vec<String> = many
                        .iter()
                        .map(|f| format!("  {}  {}", f.addr, f.name))
                        .collect();
                    return Err(format!(
                        "{}\n{}",
                        tr.t("join-found-several-cli"),
                        list.join("\n")
                    ));
                }
            }
        }
    };
    client::knock(addr, &code, Duration::from_secs(4)).map_err(|e| join_error_text(&e, tr))
}

/// `faisceau join --bot`.
pub fn join_bot(args: JoinArgs) -> Result<ExitCode, String> {
    let code = args
        .code
        .as_deref()
        .ok_or("--bot needs the join code: --code K7QX-M2PD")?;
    let lang = Lang::detect(args.lang.as_deref());
    let entry = enter(args.addr.as_deref(), code, &Tr::new(lang))?;
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| format!("bot-{}", std::process::id()));
    let want = match (args.table, args.role.clone()) {
        (None, None) => None,
        (table, role) => Some((
            table.unwrap_or(1).saturating_sub(1),
            role.map(|r| faisceau_engine::Id::new(&r)),
        )),
    };
    let count = args.count.max(1);
    let wire = std::rc::Rc::new(Wire::of(headless_app()));
    let mut clients = Vec::with_capacity(count);
    let mut limits = Vec::with_capacity(count);
    for i in 0..count {
        let (name, stats) = if count == 1 {
            (name.clone(), args.stats.clone())
        } else {
            let stats = args.stats.as_ref().map(|path| {
                let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                let ext = path
                    .extension()
                    .map(|e| format!(".{}", e.to_string_lossy()))
                    .unwrap_or_default();
                path.with_file_name(format!("{stem}-{}{ext}", i + 1))
            });
            (format!("{name} {}", i + 1), stats)
        };
        let seed = (std::process::id() as u64) << 8 | i as u64;
        let mut player = BotPlayer::new(seed, Duration::from_millis(args.pace_ms));
        player.bot.speak(lang.code());
        let joined = Joined::new(entry.clone(), name, want.clone());
        // One trainee presses "Join" every 20 ms.
        let at = std::time::Instant::now() + Duration::from_millis(20 * i as u64);
        clients.push(LiteClient::later(wire.clone(), joined, Some(player), at));
        limits.push(BotLimits {
            max: args.max_minutes.map(|m| Duration::from_secs_f64(m * 60.0)),
            started: std::time::Instant::now(),
            explicit_role: args.role.is_some(),
            stats,
            done: None,
            lang,
        });
    }
    // One thread serves every bot of this process (the load benchmark's 256
    // trainees on 2 cores): each is updated when its packets arrive or its
    // pace or keep-alive falls due, without a Bevy app around it.
    let finished = lite::run(clients, |i, client| limits[i].verdict(client));
    let failed: Vec<String> = finished
        .into_iter()
        .filter_map(|(_, result)| result.err())
        .collect();
    for message in &failed {
        eprintln!("faisceau: {message}");
    }
    Ok(match failed.len() {
        0 => ExitCode::SUCCESS,
        _ if count == 1 => ExitCode::from(2),
        n => {
            let words = Tr::new(lang).t_args(
                "join-bots-failed",
                &[("failed", n.to_string()), ("count", count.to_string())],
            );
            eprintln!("faisceau: {words}");
            ExitCode::from(2)
        }
    })
}

struct BotLimits {
    max: Option<Duration>,
    started: std::time::Instant,
    explicit_role: bool,
    stats: Option<PathBuf>,
    done: Option<std::time::Instant>,
    lang: Lang,
}

impl BotLimits {
    /// Whether the bot is finished: `Ok` once its table's debrief is in
    /// (its summary printed and written), `Err` with the reason when it
    /// cannot go on; `None` while it plays.
    fn verdict(&mut self, client: &LiteClient) -> Option<Result<(), String>> {
        let joined = &client.joined;
        // Words only for a bot that stops on a refusal (parsing the
        // interface's texts at every update cost the bots most of their CPU).
        let tr = || Tr::new(self.lang);
        if STOP_ASKED.load(std::sync::atomic::Ordering::SeqCst) {
            return Some(Ok(()));
        }
        if self.max.is_some_and(|m| self.started.elapsed() > m) {
            return Some(Err(tr().t("join-time-limit")));
        }
        if let Some(refused) = &joined.refused {
            let fatal = match refused {
                Refused::RoleTaken { .. }
                | Refused::TableFull
                | Refused::NoSuchRole
                | Refused::NoSuchTable => self.explicit_role,
                Refused::BadName => true,
                // Asked again while an old connection of ours may hold the name.
                Refused::NameInUse => {
                    !joined.rejoining
                        && joined
                            .retry_name_until
                            .is_none_or(|until| std::time::Instant::now() >= until)
                }
                _ => false,
            };
            if fatal {
                return Some(Err(refused_text(refused, &tr())));
            }
        }
        if joined.seat.is_none() && joined.lobby.is_some() && joined.seat_to_ask().is_none() {
            return Some(Err(refused_text(&Refused::TableFull, &tr())));
        }
        joined.debrief.as_ref()?;
        // A moment for the last acknowledgements to go out.
        let done = *self.done.get_or_insert_with(std::time::Instant::now);
        if done.elapsed() < Duration::from_millis(300) {
            return None;
        }
        let player = client.bot.as_ref()?;
        let mut summary = bot_summary(joined, player);
        println!("{summary}");
        if let Some(path) = &self.stats {
            let raw: Vec<f64> = player
                .latencies
                .iter()
                .map(|d| d.as_secs_f64() * 1e3)
                .collect();
            summary["latencies"] = serde_json::json!(raw);
            if let Err(e) = std::fs::write(path, format!("{summary}\n")) {
                eprintln!("faisceau: {}: {e}", path.display());
            }
        }
        Some(Ok(()))
    }
}

fn bot_summary(joined: &Joined, player: &BotPlayer) -> serde_json::Value {
    let latencies = sorted_millis(&player.latencies);
    let at = |q: f64| quantile(&latencies, q);
    let (table, role) = joined
        .seat
        .clone()
        .map_or((0, String::new()), |(t, r)| (t + 1, r.to_string()));
    let correct = joined
        .debrief
        .as_ref()
        .map(|p| p.debrief.table.conclusion_correct);
    serde_json::json!({
        "name": joined.name,
        "table": table,
        "role": role,
        "commands": player.commands,
        "latency_ms": { "p50": at(0.5), "p99": at(0.99), "max": at(1.0), "samples": latencies.len() },
        "received_bytes": joined.received_bytes,
        "seconds": player_seconds(player),
        "correct": correct,
    })
}

/// Durations in milliseconds, sorted, for [`quantile`].
fn sorted_millis(durations: &[Duration]) -> Vec<f64> {
    let mut millis: Vec<f64> = durations.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    millis.sort_by(f64::total_cmp);
    millis
}

/// The value below which a share `q` of `sorted` lies (0 when empty).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n => sorted[((n - 1) as f64 * q).round() as usize],
    }
}

fn player_seconds(player: &BotPlayer) -> f64 {
    player.started.elapsed().as_secs_f64()
}
