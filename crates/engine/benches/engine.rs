//! Speed and memory of the engine: `cargo bench -p faisceau-engine`.
//!
//! Prints Markdown rows for docs/benchmarks.md. Wall-clock figures depend on
//! the machine; tests never assert on them.

use std::sync::Arc;
use std::time::{Duration, Instant};

use faisceau_engine::synth::{synthetic_scenario, synthetic_shelf};
use faisceau_engine::{Debrief, load, play};

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn bench_check(clues: usize) {
    let text = synthetic_scenario(clues);
    let mut samples = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(3);
    while samples.len() < 5 || (Instant::now() < deadline && samples.len() < 200) {
        let started = Instant::now();
        let loaded =
            load(&text, "synthetic.ron", &synthetic_shelf()).expect("the synthetic case loads");
        samples.push(started.elapsed());
        assert!(loaded.analysis.solvable);
    }
    let best = *samples.iter().min().unwrap();
    println!(
        "| `check` of a synthetic case, {clues} clues ({} KiB of RON) | median {:.1} ms, best {:.1} ms over {} runs |",
        text.len() / 1024,
        median(samples.clone()).as_secs_f64() * 1e3,
        best.as_secs_f64() * 1e3,
        samples.len()
    );
}

fn bench_sessions(path: &str) {
    let text = std::fs::read_to_string(path).expect("the case is readable");
    let dir = std::path::Path::new(path)
        .parent()
        .expect("a folder")
        .join("rulebooks");
    let shelf = move |name: &str| {
        let file = dir.join(format!("{name}.ron"));
        let text = std::fs::read_to_string(&file).ok()?;
        Some((file.display().to_string(), text))
    };
    let case = Arc::new(load(&text, path, &shelf).expect("the case loads").case);
    let temperament = Default::default();
    let started = Instant::now();
    let mut sessions = 0u64;
    let mut events = 0usize;
    while started.elapsed() < Duration::from_secs(5) {
        let session = play(Arc::clone(&case), sessions, &temperament);
        events += session.events().len();
        sessions += 1;
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "| complete bot-played sessions of `{}`, one core | {:.0} sessions/s ({:.0} events per session) |",
        case.scenario().id,
        sessions as f64 / elapsed,
        events as f64 / sessions as f64
    );
    let started = Instant::now();
    let mut built = 0u64;
    let session = play(Arc::clone(&case), 1, &temperament);
    while started.elapsed() < Duration::from_secs(2) {
        let debrief = Debrief::build(&case, session.events()).expect("the debrief builds");
        assert_eq!(debrief.roles.len(), case.scenario().roles.len());
        built += 1;
    }
    println!(
        "| debrief rebuilt from a finished session's {} events | {:.1} µs |",
        session.events().len(),
        started.elapsed().as_secs_f64() * 1e6 / built as f64
    );
}

fn main() {
    // `cargo bench` passes `--bench`; ignore arguments.
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scenarios/foyer_fugues.ron"
    );
    println!("| measure | result |");
    println!("| --- | --- |");
    bench_check(100);
    bench_check(1_000);
    bench_check(5_000);
    bench_sessions(root);
    if let Some(kib) = peak_rss_kib() {
        println!(
            "| peak resident memory of the whole benchmark process | {:.1} MiB |",
            kib as f64 / 1024.0
        );
    }
}
