//! Where a host keeps its journal when the trainer names none: the user's
//! data directory, a file named after the date and time.

use std::path::PathBuf;

/// `faisceau-2026-11-29-1432.journal` in the user's data directory
/// (`journals/`), never in whatever folder the program was started from;
/// in the working directory only when there is no data directory.
pub fn default_journal() -> PathBuf {
    let secs = super::now().as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    let dir = super::seats::data_dir()
        .map(|d| d.join("journals"))
        .filter(|d| std::fs::create_dir_all(d).is_ok())
        .unwrap_or_default();
    let mut path = dir.join(format!(
        "faisceau-{y:04}-{m:02}-{d:02}-{:02}{:02}.journal",
        rest / 3600,
        rest % 3600 / 60
    ));
    let mut n = 2;
    while path.exists() {
        path.set_file_name(format!(
            "faisceau-{y:04}-{m:02}-{d:02}-{:02}{:02}-{n}.journal",
            rest / 3600,
            rest % 3600 / 60
        ));
        n += 1;
    }
    path
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}
