//! The archive of finished workshops, seen from the application: keeping a
//! workshop from its journal, and what `faisceau archive` prints.
//!
//! The archive file is `archive.sqlite` in the user's data directory
//! (`$FAISCEAU_DATA_DIR`, else `$XDG_DATA_HOME/faisceau`, else
//! `~/.local/share/faisceau`). See `faisceau_store::archive` for what it
//! keeps, and docs/trainer-guide.md for what a trainer is told.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use faisceau_engine::record::{CaseStats, TableRecord, Tally, stats};
use faisceau_store::archive::{Archive, Entry, digest, today};

use super::html::esc;
use crate::i18n::Tr;

/// The archive file in the user's data directory.
pub fn path() -> Result<PathBuf, String> {
    crate::net::seats::data_dir()
        .map(|dir| dir.join("archive.sqlite"))
        .ok_or_else(|| {
            "no data directory: set FAISCEAU_DATA_DIR or HOME to keep an archive".to_owned()
        })
}

/// Opens the archive at `path`.
pub fn open(path: &Path) -> Result<Archive, String> {
    Archive::open(path).map_err(|e| e.to_string())
}

/// The archive entry of the workshop in a journal: its tables' records, its
/// report (with the trainees' names only if `names`), labels for the ids the
/// records cite. The id is a digest of the journal's workshop and events, so
/// the same workshop archived twice or imported elsewhere is one entry.
pub fn entry_of(journal: &Path, names: bool, tr: &Tr) -> Result<Entry, String> {
    let (restored, case) = super::report::open_journal(journal)?;
    let debriefs = super::report::debriefs(&restored, &case)?;
    let s = case.scenario();
    let lang = tr.lang().code();
    let tables: Vec<TableRecord> = debriefs.iter().map(TableRecord::of).collect();
    let events: Vec<String> = restored
        .tables
        .iter()
        .map(|events| serde_json::to_string(events).unwrap_or_default())
        .collect();
    let w = &restored.workshop;
    let id = digest(
        [
            w.name.as_bytes(),
            w.code.as_bytes(),
            w.scenario_text.as_bytes(),
        ]
        .into_iter()
        .chain(events.iter().map(String::as_bytes)),
    );
    // Names for the case and what the records cite, in every language.
    let rulebook = case.rulebook();
    let mut labels: Vec<(String, faisceau_engine::Text)> = Vec::new();
    let mut label = |id: &str, name: &faisceau_engine::Text| {
        if !labels.iter().any(|(i, _)| i == id) {
            labels.push((id.to_owned(), name.clone()));
        }
    };
    label(s.id.as_str(), &s.title);
    for frame in &rulebook.frames {
        label(frame.id.as_str(), &frame.name);
    }
    for clue in &s.clues {
        label(clue.id.as_str(), &clue.text);
    }
    for decision in &s.decisions {
        label(decision.id.as_str(), &decision.name);
    }
    for conclusion in &s.conclusions {
        label(conclusion.id.as_str(), &conclusion.name);
    }
    labels.retain(|(id, _)| {
        id == s.id.as_str()
            || tables.iter().any(|t| {
                t.breaches.iter().any(|(f, _)| f.as_str() == id)
                    || t.traps_caught.iter().any(|c| c.as_str() == id)
                    || t.late.iter().chain(&t.missing).any(|d| d.as_str() == id)
                    || t.conclusion.as_ref().is_some_and(|c| c.as_str() == id)
            })
    });
    // The archive keeps the tables' pages; trainee pages are handed out
    // from the journal (`faisceau debrief --html --trainees`).
    let report = super::report::html(
        &super::report::Workshop {
            name: &w.name,
            case: &case,
            tables: &debriefs,
            people: &[],
            personal: names,
        },
        tr,
    );
    Ok(Entry {
        id,
        name: w.name.clone(),
        case: s.id.to_string(),
        case_title: s.title.get(lang).to_owned(),
        day: today(),
        tables,
        names_kept: names,
        journal: Some(journal.display().to_string()),
        report,
        labels,
    })
}

/// Keeps the workshop of a journal in the archive at `archive`; returns the
/// entry and whether it is new.
pub fn keep(journal: &Path, names: bool, tr: &Tr, archive: &Path) -> Result<(Entry, bool), String> {
    let entry = entry_of(journal, names, tr)?;
    let fresh = open(archive)?.keep(&entry).map_err(|e| e.to_string())?;
    Ok((entry, fresh))
}

/// How a workshop goes to the archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// By itself at the end: an entry already there (the trainer's choice
    /// to keep names, say) stays as it is.
    Automatic,
    /// Asked by the trainer, with or without the names: replaces the entry.
    Chosen {
        /// Keep the trainees' names.
        names: bool,
    },
}

/// Keeps a hosted workshop in the user's archive; returns its short id and
/// whether its entry keeps the trainees' names.
pub fn keep_workshop(
    workshop: &crate::net::workshop::Workshop,
    keeping: Keeping,
    tr: &Tr,
) -> Result<(String, bool), String> {
    let journal = workshop
        .journal_path()
        .ok_or("this workshop has no journal to archive")?;
    let file = path()?;
    let names = match keeping {
        Keeping::Chosen { names } => names,
        Keeping::Automatic => false,
    };
    let entry = entry_of(&journal, names, tr)?;
    let mut archive = open(&file)?;
    if keeping == Keeping::Automatic
        && let Some(kept) = archive.get(&entry.id).map_err(|e| e.to_string())?
    {
        return Ok((short(&kept.id).to_owned(), kept.names_kept));
    }
    archive.keep(&entry).map_err(|e| e.to_string())?;
    Ok((short(&entry.id).to_owned(), names))
}

/// The case's title in the reader's language, else as archived.
fn title_of(e: &Entry, tr: &Tr) -> String {
    e.labels.iter().find(|(i, _)| *i == e.case).map_or_else(
        || e.case_title.clone(),
        |(_, t)| t.get(tr.lang().code()).to_owned(),
    )
}

/// The first 8 digits of an id: enough to name it on the command line.
pub fn short(id: &str) -> &str {
    &id[..id.len().min(8)]
}

/// The entries as a table, one line each, its columns aligned.
pub fn list_text(entries: &[Entry], tr: &Tr) -> String {
    let mut out = String::new();
    if entries.is_empty() {
        let _ = writeln!(out, "{}", tr.t("archive-empty"));
        return out;
    }
    let header: Vec<String> = tr
        .t("archive-list-header")
        .split('|')
        .map(|h| h.trim().to_owned())
        .collect();
    let mut rows = vec![header];
    for e in entries {
        let solved = e.tables.iter().filter(|t| t.solved).count();
        rows.push(vec![
            short(&e.id).to_owned(),
            e.day.clone(),
            e.name.clone(),
            title_of(e, tr),
            tr.t_args(
                "archive-tables-solved",
                &[
                    ("tables", e.tables.len().to_string()),
                    ("solved", solved.to_string()),
                ],
            ),
            tr.t(if e.names_kept {
                "archive-names-kept"
            } else {
                "archive-pseudonyms"
            }),
        ]);
    }
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                let pad = widths[c] - cell.chars().count() + 2;
                line.push_str(&" ".repeat(pad));
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// One entry in words: its tables, their conclusions and breaches.
pub fn show_text(e: &Entry, tr: &Tr) -> String {
    let lang = tr.lang().code();
    let label = |id: &str| {
        e.labels
            .iter()
            .find(|(i, _)| i == id)
            .map_or_else(|| id.to_owned(), |(_, n)| n.get(lang).to_owned())
    };
    let mut out = String::new();
    let _ = writeln!(out, "{} — {} ({})", e.name, title_of(e, tr), e.day);
    let _ = writeln!(out, "{} {}", tr.t("archive-id"), e.id);
    for (t, table) in e.tables.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {} : {}{}",
            tr.t_args("table-n", &[("n", (t + 1).to_string())]),
            table
                .conclusion
                .as_ref()
                .map_or_else(|| tr.t("projector-no-conclusion"), |c| label(c.as_str())),
            if table.correct { " ✓" } else { " ✗" }
        );
        if let Some(at) = table.time_to_identification {
            let _ = writeln!(
                out,
                "    {}",
                tr.t_args("debrief-time", &[("time", crate::ui::clock(tr, at))])
            );
        }
        for (frame, count) in &table.breaches {
            let _ = writeln!(
                out,
                "    {}",
                tr.t_args(
                    "archive-breach-line",
                    &[
                        ("frame", label(frame.as_str())),
                        ("count", count.to_string())
                    ]
                )
            );
        }
    }
    if e.report.is_empty() {
        let _ = writeln!(out, "{}", tr.t("archive-no-report"));
    } else {
        let _ = writeln!(out, "{}", tr.t("archive-show-html"));
    }
    out
}

/// Statistics per case over the entries.
pub fn case_stats(entries: &[Entry], tr: &Tr) -> Vec<(CaseStats, String)> {
    let mut cases: Vec<&str> = Vec::new();
    for e in entries {
        if !cases.contains(&e.case.as_str()) {
            cases.push(&e.case);
        }
    }
    cases
        .into_iter()
        .map(|case| {
            let of_case: Vec<&Entry> = entries.iter().filter(|e| e.case == case).collect();
            let tables: Vec<&TableRecord> = of_case.iter().flat_map(|e| &e.tables).collect();
            let title = of_case.last().map_or_else(String::new, |e| title_of(e, tr));
            (
                stats(&faisceau_engine::Id::new(case), of_case.len(), &tables),
                title,
            )
        })
        .collect()
}

fn label_in<'a>(entries: &'a [Entry], id: &'a str, tr: &Tr) -> &'a str {
    entries
        .iter()
        .rev()
        .flat_map(|e| &e.labels)
        .find(|(i, _)| i == id)
        .map_or(id, |(_, n)| n.get(tr.lang().code()))
}

/// The statistics in words.
pub fn stats_text(entries: &[Entry], tr: &Tr) -> String {
    let mut out = String::new();
    if entries.is_empty() {
        let _ = writeln!(out, "{}", tr.t("archive-empty"));
    }
    for (s, title) in case_stats(entries, tr) {
        let _ = writeln!(out, "{title} ({})", s.case);
        let _ = writeln!(out, "  {}", head_words(&s, tr));
        if let Some((low, median, high)) = s.identification {
            let _ = writeln!(out, "  {}", times_words(low, median, high, tr));
        }
        for (key, tallies) in [
            ("archive-stats-breaches", &s.breaches),
            ("archive-stats-traps", &s.traps),
            ("archive-stats-late", &s.late),
            ("archive-stats-missing", &s.missing),
        ] {
            if tallies.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {}", tr.t(key));
            for t in tallies {
                let _ = writeln!(
                    out,
                    "    {} — {}",
                    label_in(entries, t.id.as_str(), tr),
                    tally_words(tr, t, s.tables)
                );
            }
        }
    }
    out
}

fn head_words(s: &CaseStats, tr: &Tr) -> String {
    tr.t_args(
        "archive-stats-head",
        &[
            ("workshops", s.workshops.to_string()),
            ("tables", s.tables.to_string()),
            ("solved", s.solved.to_string()),
            ("rate", format!("{:.0}", s.solve_rate() * 100.0)),
            ("correct", s.correct.to_string()),
        ],
    )
}

fn times_words(low: u32, median: u32, high: u32, tr: &Tr) -> String {
    tr.t_args(
        "archive-stats-time",
        &[
            ("low", crate::ui::clock(tr, low)),
            ("median", crate::ui::clock(tr, median)),
            ("high", crate::ui::clock(tr, high)),
        ],
    )
}

fn tally_words(tr: &Tr, t: &Tally, of: usize) -> String {
    tr.t_args(
        "archive-tally",
        &[
            ("tables", t.tables.to_string()),
            ("of", of.to_string()),
            ("count", t.count.to_string()),
        ],
    )
}

/// The statistics as JSON: one object per case.
pub fn stats_json(entries: &[Entry], tr: &Tr) -> String {
    let cases: Vec<serde_json::Value> = case_stats(entries, tr)
        .into_iter()
        .map(|(s, title)| {
            let mut value = serde_json::to_value(&s).unwrap_or_default();
            if let Some(map) = value.as_object_mut() {
                map.insert("title".into(), title.into());
                map.insert("solve_rate".into(), s.solve_rate().into());
            }
            value
        })
        .collect();
    serde_json::to_string_pretty(&cases).unwrap_or_default() + "\n"
}

/// A horizontal bar chart as inline SVG: one bar per line, `value` of `of`.
fn bars(title: &str, lines: &[(String, usize)], of: usize, color: &str) -> String {
    let height = 28 * lines.len() + 8;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"720\" height=\"{height}\" viewBox=\"0 0 720 {height}\" aria-label=\"{}\">",
        esc(title)
    );
    for (i, (name, value)) in lines.iter().enumerate() {
        let y = 4 + 28 * i;
        let width = if of == 0 {
            0
        } else {
            (*value as f64 / of as f64 * 300.0).round() as usize
        };
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" font-size=\"13\" fill=\"#171c26\">{}</text><rect x=\"330\" y=\"{y}\" width=\"300\" height=\"18\" fill=\"#e6ebf2\"/><rect x=\"330\" y=\"{y}\" width=\"{width}\" height=\"18\" fill=\"{color}\"/><text x=\"640\" y=\"{}\" font-size=\"13\" fill=\"#171c26\">{value}/{of}</text>",
            y + 14,
            esc(&truncate(name, 44)),
            y + 14
        );
    }
    svg.push_str("</svg>");
    svg
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        text.chars().take(max - 1).collect::<String>() + "…"
    }
}

/// The statistics as one self-contained HTML page with charts.
pub fn stats_html(entries: &[Entry], tr: &Tr) -> String {
    let mut out = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{}</style></head><body><h1>{}</h1><p class=\"muted\">{}</p>",
        tr.lang().code(),
        esc(&tr.t("archive-stats-title")),
        super::report::STYLE,
        esc(&tr.t("archive-stats-title")),
        esc(&tr.t_args(
            "archive-stats-intro",
            &[("count", entries.len().to_string())]
        ))
    );
    for (s, title) in case_stats(entries, tr) {
        let _ = write!(out, "<h2>{}</h2>", esc(&title));
        let _ = write!(out, "<p>{}</p>", esc(&head_words(&s, tr)));
        out.push_str(&bars(
            &tr.t("archive-stats-outcome"),
            &[
                (tr.t("archive-chart-solved"), s.solved),
                (tr.t("archive-chart-correct"), s.correct),
            ],
            s.tables,
            "#166b34",
        ));
        if let Some((low, median, high)) = s.identification {
            let _ = write!(out, "<p>{}</p>", esc(&times_words(low, median, high, tr)));
        }
        for (key, tallies, color) in [
            ("archive-stats-breaches", &s.breaches, "#b01e24"),
            ("archive-stats-traps", &s.traps, "#8a4b00"),
            ("archive-stats-late", &s.late, "#8a4b00"),
            ("archive-stats-missing", &s.missing, "#b01e24"),
        ] {
            if tallies.is_empty() {
                continue;
            }
            let _ = write!(out, "<h3>{}</h3>", esc(&tr.t(key)));
            let lines: Vec<(String, usize)> = tallies
                .iter()
                .map(|t| (label_in(entries, t.id.as_str(), tr).to_owned(), t.tables))
                .collect();
            out.push_str(&bars(&tr.t(key), &lines, s.tables, color));
            let _ = write!(
                out,
                "<p class=\"muted\">{}</p>",
                esc(&tr.t("archive-chart-legend"))
            );
        }
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use faisceau_engine::Id;

    fn entry(id: &str, breaches: usize) -> Entry {
        Entry {
            id: id.into(),
            name: "Atelier".into(),
            case: "foyer_fugues".into(),
            case_title: "Fugues".into(),
            day: "2026-11-30".into(),
            tables: vec![TableRecord {
                conclusion: Some(Id::from("exploitation")),
                correct: true,
                solved: breaches == 0,
                time_to_identification: Some(400),
                breaches: vec![(Id::from("hors_cadre"), breaches)],
                traps_caught: Vec::new(),
                late: vec![Id::from("signalement")],
                missing: Vec::new(),
                key_shares: (1, 2),
                bundle: Vec::new(),
                duration: 600,
            }],
            names_kept: false,
            journal: None,
            report: String::new(),
            labels: vec![
                (
                    "hors_cadre".into(),
                    faisceau_engine::Text::fr_en("Échange informel", "Informal exchange"),
                ),
                (
                    "signalement".into(),
                    faisceau_engine::Text::fr_en(
                        "Signalement <au parquet>",
                        "Report <to the prosecutor>",
                    ),
                ),
                (
                    "foyer_fugues".into(),
                    faisceau_engine::Text::fr_en("Les nuits de Maëlle", "Maëlle's nights"),
                ),
            ],
        }
    }

    #[test]
    fn stats_read_in_words_json_and_a_page_without_outside_resources() {
        let entries = [entry("a1", 2), entry("b2", 0)];
        let tr = Tr::new(Lang::Fr);
        let text = stats_text(&entries, &tr);
        assert!(text.contains("Échange informel"), "{text}");
        assert!(text.contains("2 atelier"), "{text}");
        let json: serde_json::Value = serde_json::from_str(&stats_json(&entries, &tr)).unwrap();
        assert_eq!(json[0]["tables"], 2);
        assert_eq!(json[0]["solve_rate"], 0.5);
        let html = stats_html(&entries, &tr);
        assert!(html.contains("<svg"));
        assert!(html.contains("Signalement &lt;au parquet&gt;"));
        // In English, the names come in English: the archive keeps both.
        let english = stats_text(&entries, &Tr::new(Lang::En));
        assert!(english.contains("Informal exchange") && english.contains("Maëlle's nights"));
        for outside in ["http://", "https://", "src=", "@import", "url("] {
            let found = html.replace("http://www.w3.org/2000/svg", "");
            assert!(!found.contains(outside), "{outside}");
        }
    }

    #[test]
    fn the_list_lines_its_columns_up_whatever_the_lengths_of_the_names() {
        let mut long = entry("c3d4e5f6a7", 0);
        long.name = "Atelier de formation du mardi".into();
        let entries = [entry("a1", 2), long];
        for lang in [Lang::Fr, Lang::En] {
            let text = list_text(&entries, &Tr::new(lang));
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), 3, "{text}");
            // The case's title starts at the same column on both lines.
            let column = |line: &str| {
                let at = line
                    .find("Les nuits")
                    .or_else(|| line.find("Maëlle"))
                    .unwrap();
                line[..at].chars().count()
            };
            assert_eq!(column(lines[1]), column(lines[2]), "{text}");
            // And the header's third name sits above the workshops' names.
            let header_case = lines[0]
                .split("  ")
                .filter(|w| !w.trim().is_empty())
                .count();
            assert_eq!(header_case, 6, "{text}");
        }
    }
}
