//! The author preview's "map and figures" tab: the case's map (the picture
//! `faisceau map --html` prints, drawn here with the same marks), and
//! beside it the figures of the last save next to those of the save
//! before, with what moved in colour; the check's result above them.

use egui::{self, Align2, Color32, FontFamily, FontId, Pos2, Rect, RichText, Stroke, Vec2};

use super::theme::{self, icon};
use crate::i18n::Tr;
use crate::map::draw::{self, Drawing, Ink, Mark};
use crate::map::live::{Figures, Row, Studied, compare};
use crate::map::{CaseMap, RUNS, SEED, percent};

/// Zoom of the map when the tab opens: a clue's name at about 14 points.
pub const ZOOM: f32 = 1.3;
const ZOOM_MIN: f32 = 0.5;
const ZOOM_MAX: f32 = 2.5;

/// What the tab keeps between frames: the zoom, and the map of the
/// version shown, built once per version and language.
pub struct AuthorState {
    pub zoom: f32,
    map: Option<(u32, &'static str, CaseMap, Drawing)>,
}

impl Default for AuthorState {
    fn default() -> Self {
        AuthorState {
            zoom: ZOOM,
            map: None,
        }
    }
}

/// The tab. `file` is the case file's name, for the printing hint.
pub fn map_tab(ui: &mut egui::Ui, figures: &Figures, state: &mut AuthorState, tr: &Tr, file: &str) {
    let lang = tr.lang().code();
    status(ui, figures, tr);
    let Some(now) = &figures.now else {
        return;
    };
    if state
        .map
        .as_ref()
        .is_none_or(|(n, l, _, _)| *n != now.number || *l != lang)
    {
        let map = CaseMap::build(&now.case, lang, Some(&now.sim), RUNS, SEED);
        let drawing = draw::layout(&map, lang);
        state.map = Some((now.number, lang, map, drawing));
    }
    let Some((_, _, map, drawing)) = &state.map else {
        return;
    };
    let side = (ui.available_width() * 0.38).clamp(380.0, 620.0);
    egui::Panel::right("author_figures")
        .resizable(true)
        .default_size(side)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("author_figures_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    figures_panel(ui, figures, now, map, tr, file);
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if theme::button(
                ui,
                state.zoom > ZOOM_MIN,
                icon::MAGNIFYING_GLASS_MINUS,
                &tr.t("author-zoom-out"),
            )
            .clicked()
            {
                state.zoom = (state.zoom - 0.15).max(ZOOM_MIN);
            }
            if theme::button(
                ui,
                state.zoom < ZOOM_MAX,
                icon::MAGNIFYING_GLASS_PLUS,
                &tr.t("author-zoom-in"),
            )
            .clicked()
            {
                state.zoom = (state.zoom + 0.15).min(ZOOM_MAX);
            }
            if theme::button(
                ui,
                true,
                icon::ARROWS_OUT_LINE_HORIZONTAL,
                &tr.t("author-zoom-fit"),
            )
            .clicked()
            {
                let fit = (ui.available_width().max(200.0) - 24.0) / drawing.width as f32;
                state.zoom = fit.clamp(ZOOM_MIN, ZOOM_MAX);
            }
            ui.label(theme::muted(
                ui,
                format!("{} %", (state.zoom * 100.0).round()),
            ));
        });
        ui.label(theme::muted(ui, draw::legend(lang)));
        ui.add_space(theme::space::ITEM);
        egui::ScrollArea::both()
            .id_salt("author_map_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| paint(ui, drawing, state.zoom));
    });
}

/// The version shown, the check's result, the study under way, and a
/// save that did not load.
fn status(ui: &mut egui::Ui, figures: &Figures, tr: &Tr) {
    let palette = theme::palette(ui);
    ui.horizontal_wrapped(|ui| {
        if let Some(now) = &figures.now {
            ui.label(theme::strong(tr.t_args(
                "author-version",
                &[("number", now.number.to_string()), ("at", now.at.clone())],
            )));
            ui.label("·");
            let (word, colour) = if now.solvable {
                (tr.t("author-solvable"), palette.allowed)
            } else {
                (tr.t("author-unsolvable"), palette.breach)
            };
            ui.label(RichText::new(word).color(colour).strong());
            ui.label("·");
            ui.label(tr.t_args(
                "check-warnings",
                &[("count", now.warnings.len().to_string())],
            ));
        }
        if let Some(number) = figures.studying {
            ui.add(egui::Spinner::new());
            ui.label(tr.t_args("author-studying", &[("number", number.to_string())]));
        }
    });
    if let Some(broken) = &figures.broken {
        theme::card(ui, |ui| {
            let message = match &figures.now {
                Some(now) => tr.t_args(
                    "author-broken",
                    &[
                        ("number", broken.number.to_string()),
                        ("at", broken.at.clone()),
                        ("kept", now.number.to_string()),
                    ],
                ),
                None => tr.t_args(
                    "author-broken-first",
                    &[
                        ("number", broken.number.to_string()),
                        ("at", broken.at.clone()),
                    ],
                ),
            };
            ui.label(
                RichText::new(format!("{}  {message}", icon::WARNING))
                    .color(palette.breach)
                    .strong(),
            );
            if let Some(reason) = &broken.unreadable {
                ui.label(tr.t_args("author-unreadable", &[("reason", reason.clone())]));
            }
            for d in &broken.diagnostics {
                ui.label(RichText::new(d.in_lang(tr.lang().code()).to_string()).monospace());
            }
        });
    }
    ui.add_space(theme::space::ITEM);
}

/// The figures beside those of the save before, then the check's warnings
/// and the bundle's minimums.
fn figures_panel(
    ui: &mut egui::Ui,
    figures: &Figures,
    now: &Studied,
    map: &CaseMap,
    tr: &Tr,
    file: &str,
) {
    let palette = theme::palette(ui);
    let before = figures.before.as_ref();
    let groups = compare(before.map(|b| &b.sim), &now.sim, tr);
    theme::heading(
        ui,
        Some(icon::CHART_BAR),
        tr.t(if before.is_some() {
            "author-changes"
        } else {
            "author-figures"
        }),
    );
    match before {
        Some(_) => {
            let moved = groups
                .iter()
                .flat_map(|g| &g.rows)
                .filter(|r| r.changed())
                .count();
            ui.label(theme::strong(
                tr.t_args("author-moved", &[("count", moved.to_string())]),
            ));
        }
        None => {
            ui.label(theme::muted(ui, tr.t("author-first-hint")));
        }
    }
    ui.label(theme::muted(
        ui,
        tr.t_args(
            "author-runs",
            &[("runs", RUNS.to_string()), ("seed", SEED.to_string())],
        ),
    ));
    ui.add_space(theme::space::ITEM);
    // One grid for every group, so that the columns line up.
    egui::Grid::new("author_figures_grid")
        .num_columns(if before.is_some() { 4 } else { 2 })
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            if let Some(b) = before {
                ui.label(theme::muted(
                    ui,
                    tr.t_args("author-column-version", &[("number", b.number.to_string())]),
                ));
            }
            ui.label(theme::strong(tr.t_args(
                "author-column-version",
                &[("number", now.number.to_string())],
            )));
            if before.is_some() {
                ui.label(theme::muted(ui, tr.t("author-column-change")));
            }
            ui.end_row();
            for group in &groups {
                ui.label(RichText::new(&group.title).strong().color(palette.accent));
                ui.end_row();
                for row in &group.rows {
                    figure_row(ui, row, before.is_some(), map, tr, palette);
                    ui.end_row();
                }
            }
        });
    ui.add_space(theme::space::ITEM);
    ui.separator();
    ui.label(
        RichText::new(tr.t("author-warnings"))
            .strong()
            .color(palette.accent),
    );
    if now.warnings.is_empty() {
        ui.label(theme::muted(ui, tr.t("author-no-warning")));
    }
    for w in &now.warnings {
        ui.label(RichText::new(w.in_lang(tr.lang().code()).to_string()).monospace());
    }
    if !map.bundle.is_empty() {
        ui.add_space(theme::space::ITEM);
        ui.label(
            RichText::new(tr.t("author-bundle"))
                .strong()
                .color(palette.accent),
        );
        let bundle: Vec<String> = map
            .bundle
            .iter()
            .map(|(category, min)| format!("{category} ≥ {min}"))
            .collect();
        ui.label(bundle.join(" · "));
    }
    ui.add_space(theme::space::ITEM);
    ui.label(theme::muted(
        ui,
        tr.t_args("author-print", &[("file", file.to_owned())]),
    ));
}

/// One figure: what it is (a decision's requirements, deadline and
/// holders on hover), its value before and now, and how it moved.
fn figure_row(
    ui: &mut egui::Ui,
    row: &Row,
    compared: bool,
    map: &CaseMap,
    tr: &Tr,
    palette: theme::Palette,
) {
    let what = if compared && row.changed() {
        RichText::new(&row.what).strong()
    } else {
        RichText::new(&row.what)
    };
    let label = ui.label(what);
    if let Some(d) = map
        .decisions
        .iter()
        .find(|d| d.decision.as_str() == row.what)
    {
        let or_dash = |list: &[String]| {
            if list.is_empty() {
                "—".to_owned()
            } else {
                list.join(", ")
            }
        };
        let holders: Vec<String> = d.holders.iter().map(ToString::to_string).collect();
        label.on_hover_text(tr.t_args(
            "author-decision-hint",
            &[
                ("requires", or_dash(&d.requires)),
                ("deadline", d.deadline.clone().unwrap_or_else(|| "—".into())),
                ("holders", or_dash(&holders)),
            ],
        ));
    }
    if compared {
        ui.label(theme::muted(ui, value(row, row.before, tr)));
    }
    ui.label(theme::strong(value(row, row.now, tr)));
    if compared {
        let (text, colour) = change(row, tr, palette);
        ui.label(RichText::new(text).color(colour).strong());
    }
}

/// A figure as the comparison shows it: a percentage, or a count per run.
fn value(row: &Row, x: Option<f64>, tr: &Tr) -> String {
    match x {
        None => "—".to_owned(),
        Some(x) if row.share => percent(x),
        Some(x) => decimal(x, 2, tr),
    }
}

/// How a figure moved: in points for a share, per run for a count; in the
/// colour of better or worse where the figure has a direction.
fn change(row: &Row, tr: &Tr, palette: theme::Palette) -> (String, Color32) {
    match (row.before, row.now) {
        (None, Some(_)) => (tr.t("author-new"), palette.accent),
        (Some(_), None) => (tr.t("author-gone"), palette.muted),
        (Some(a), Some(b)) if row.changed() => {
            let delta = b - a;
            let arrow = if delta > 0.0 { "▲" } else { "▼" };
            let sign = if delta > 0.0 { "+" } else { "−" };
            let text = if row.share {
                // Whole points, or one decimal under a point (never "−0").
                let points = delta.abs() * 100.0;
                let shown = if points >= 0.95 {
                    format!("{}", points.round())
                } else {
                    decimal(points, 1, tr)
                };
                let unit = if shown == "1" { "pt" } else { "pts" };
                format!("{arrow} {sign}{shown} {unit}")
            } else {
                format!("{arrow} {sign}{}", decimal(delta.abs(), 2, tr))
            };
            let colour = match row.good_up {
                Some(up) if up == (delta > 0.0) => palette.allowed,
                Some(_) => palette.breach,
                None => palette.accent,
            };
            (text, colour)
        }
        _ => ("=".to_owned(), palette.muted),
    }
}

/// A number with `places` decimals, with a decimal comma in French.
fn decimal(x: f64, places: usize, tr: &Tr) -> String {
    let s = format!("{x:.places$}");
    if tr.lang().code() == "fr" {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Draws the map's marks at `zoom`, on white paper whatever the theme (the
/// map's inks are those of the printed page); a text cut to fit shows its
/// whole on hover.
pub fn paint(ui: &mut egui::Ui, drawing: &Drawing, zoom: f32) {
    let size = Vec2::new(drawing.width as f32, drawing.height as f32) * zoom;
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let at = |x: f64, y: f64| rect.min + Vec2::new(x as f32, y as f32) * zoom;
    painter.rect_filled(rect, 4.0, theme::PAPER);
    for (i, mark) in drawing.marks.iter().enumerate() {
        match mark {
            Mark::Box { x, y, w, h, ink } => {
                let look = ink.look();
                let r = Rect::from_min_size(at(*x, *y), Vec2::new(*w as f32, *h as f32) * zoom);
                let radius = if *ink == Ink::Head { 6.0 } else { 4.0 } * zoom;
                painter.rect(
                    r,
                    radius,
                    look.fill.map(theme::print_ink).unwrap_or_default(),
                    Stroke::new(
                        zoom.max(1.0),
                        look.stroke.map(theme::print_ink).unwrap_or_default(),
                    ),
                    egui::StrokeKind::Inside,
                );
            }
            Mark::Text {
                x,
                y,
                text,
                whole,
                ink,
            } => {
                let look = ink.look();
                let family = if look.bold {
                    theme::bold_family()
                } else {
                    FontFamily::Proportional
                };
                let font = FontId::new(look.size as f32 * zoom, family);
                // `y` is the baseline: the text's bottom sits a descent below.
                let pos = at(*x, *y) + Vec2::new(0.0, look.size as f32 * zoom * 0.25);
                let drawn = painter.text(
                    pos,
                    Align2::LEFT_BOTTOM,
                    text,
                    font,
                    look.fill.map(theme::print_ink).unwrap_or_default(),
                );
                if let Some(whole) = whole {
                    ui.interact(drawn, ui.id().with(("map_text", i)), egui::Sense::hover())
                        .on_hover_text(whole);
                }
            }
            Mark::Arrow { from, to, y, ink } => {
                let colour = ink.look().stroke.map(theme::print_ink).unwrap_or_default();
                let (a, b) = (at(*from, *y), at(*to, *y));
                let stroke = Stroke::new(2.0 * zoom, colour);
                if *ink == Ink::Breach {
                    painter.extend(egui::Shape::dashed_line(
                        &[a, b],
                        stroke,
                        5.0 * zoom,
                        3.0 * zoom,
                    ));
                } else {
                    painter.line_segment([a, b], stroke);
                }
                let dir = if b.x >= a.x { 1.0 } else { -1.0 };
                let head = [
                    b,
                    Pos2::new(b.x - dir * 9.0 * zoom, b.y - 4.5 * zoom),
                    Pos2::new(b.x - dir * 9.0 * zoom, b.y + 4.5 * zoom),
                ];
                painter.add(egui::Shape::convex_polygon(
                    head.to_vec(),
                    colour,
                    Stroke::NONE,
                ));
                painter.circle_filled(a, 3.5 * zoom, colour);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::i18n::Lang;
    use crate::map::live::{Study, study};

    /// The shipped case opened (save 1), then saved with the runaway
    /// nights known to the educator alone (save 2), then saved broken (3).
    fn three_saves() -> Figures {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let dir = std::env::temp_dir().join(format!("faisceau-author-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("rulebooks")).unwrap();
        std::fs::copy(
            root.join("rulebooks/france.ron"),
            dir.join("rulebooks/france.ron"),
        )
        .unwrap();
        let file = dir.join("mon_cas.ron");
        let source = std::fs::read_to_string(root.join("foyer_fugues.ron")).unwrap();
        let mut figures = Figures::default();
        std::fs::write(&file, &source).unwrap();
        figures.take(study(&file, 1));
        let edited = source.replacen(
            "known_to: [\"educatrice\", \"chef_service\"]",
            "known_to: [\"educatrice\"]",
            1,
        );
        std::fs::write(&file, &edited).unwrap();
        figures.take(study(&file, 2));
        std::fs::write(&file, "(id: \"mon_cas\",").unwrap();
        let broken = study(&file, 3);
        assert!(matches!(broken, Study::Broken(_)));
        figures.take(broken);
        std::fs::remove_dir_all(&dir).ok();
        figures
    }

    fn harness(figures: Figures, lang: Lang) -> Harness<'static, (Figures, AuthorState)> {
        let tr = Tr::new(lang);
        let mut harness = Harness::builder()
            .with_size((1920.0, 3000.0))
            .build_ui_state(
                move |ui, (figures, state): &mut (Figures, AuthorState)| {
                    if crate::ui::tests::themed(ui) {
                        map_tab(ui, figures, state, &tr, "mon_cas.ron");
                    }
                },
                (figures, AuthorState::default()),
            );
        harness.run();
        harness
    }

    #[test]
    fn a_save_shows_its_figures_beside_the_previous_ones_and_a_broken_one_its_diagnostics() {
        let figures = three_saves();
        let shares: Vec<String> = figures
            .now
            .as_ref()
            .unwrap()
            .sim
            .key_shares
            .iter()
            .map(|k| format!("{} → {}", k.clue, k.to))
            .collect();
        let harness = harness(figures, Lang::Fr);
        for label in [
            "Ce que la dernière sauvegarde a changé",
            "n° 1",
            "n° 2",
            "Résolues (conclusion et faisceau)",
            "Écart",
            "Version n° 2, lue à",
            "La sauvegarde n° 3",
            "mon_cas.ron:1:",
            "chiffres ont bougé",
            "faisceau map mon_cas.ron --html",
        ] {
            assert!(
                harness.query_all_by_label_contains(label).next().is_some(),
                "{label}"
            );
        }
        for share in &shares {
            assert!(harness.query_by_label(share).is_some(), "{share}");
        }
        // Something moved, and says in which direction.
        assert!(
            harness.query_all_by_label_contains("▲ ").next().is_some()
                || harness.query_all_by_label_contains("▼ ").next().is_some()
        );
    }

    #[test]
    fn the_first_version_invites_a_save_in_english() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/foyer_fugues.ron");
        let mut figures = Figures::default();
        figures.take(study(&path, 1));
        let harness = harness(figures, Lang::En);
        for label in [
            "This version's figures",
            "Edit the case or its rulebook in your editor and save",
            "Version no. 1, read at",
            "the case is solvable",
            "Key shares: reached",
            "Decisions: in time",
            "Zoom in",
            "Fit to width",
        ] {
            assert!(
                harness.query_all_by_label_contains(label).next().is_some(),
                "{label}"
            );
        }
        assert!(harness.query_by_label("Change").is_none());
    }
}
