//! Where each mark of a case's map goes, laid out once ([`layout`]) and
//! drawn twice: as the inline SVG of the HTML page ([`html`]), and by the
//! author preview's map tab (`ui::author`). Each mark has an [`Ink`], whose
//! size and colours both drawings read, so the page and the preview show
//! the same picture.

use std::fmt::Write as _;

use faisceau_engine::Id;
use faisceau_engine::rulebook::Verdict;

use super::{CaseMap, Words, escape, ids, percent_or_dash, reveals, through};

/// A column's width, in the drawing's units (CSS pixels on the page).
const COLUMN: f64 = 250.0;
/// A clue's row.
const ROW: f64 = 18.0;

/// How a mark is drawn: its size, colours and weight, the same on the page
/// and in the preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ink {
    /// A role's header box.
    Head,
    /// A clue's box.
    Chip,
    /// A key clue's box.
    KeyChip,
    /// A trap clue's box.
    TrapChip,
    /// A role's name.
    Role,
    /// A role's profession.
    Profession,
    /// A role's family of professions.
    Family,
    /// A clue's id.
    Clue,
    /// A small label: "from the start", an action, the decisions held.
    Label,
    /// A section's title.
    Section,
    /// What the simulated tables did with a key share.
    Made,
    /// The frames the law offers a key share.
    Frames,
    /// A key share a frame carries lawfully.
    Share,
    /// A key share only a breach carries.
    Breach,
}

/// A colour as red, green, blue.
pub type Rgb = [u8; 3];

/// What an ink looks like.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// The CSS class of the SVG.
    pub class: &'static str,
    /// Text size, in the drawing's units.
    pub size: f64,
    /// Fill: a text's colour, a box's background.
    pub fill: Option<Rgb>,
    /// A box's border, a line's colour.
    pub stroke: Option<Rgb>,
    pub bold: bool,
    pub italic: bool,
}

const INK: Rgb = [0x1d, 0x24, 0x33];
const BLUE: Rgb = [0x2c, 0x4a, 0x7a];
const RED: Rgb = [0xb5, 0x43, 0x2f];

impl Ink {
    /// Every ink, for the page's style sheet.
    pub const ALL: [Ink; 14] = [
        Ink::Head,
        Ink::Chip,
        Ink::KeyChip,
        Ink::TrapChip,
        Ink::Role,
        Ink::Profession,
        Ink::Family,
        Ink::Clue,
        Ink::Label,
        Ink::Section,
        Ink::Made,
        Ink::Frames,
        Ink::Share,
        Ink::Breach,
    ];

    pub fn look(self) -> Look {
        let text = |class, size, fill| Look {
            class,
            size,
            fill: Some(fill),
            stroke: None,
            bold: false,
            italic: false,
        };
        let boxed = |class, fill, stroke| Look {
            class,
            size: 0.0,
            fill: Some(fill),
            stroke: Some(stroke),
            bold: false,
            italic: false,
        };
        let line = |class, stroke| Look {
            class,
            size: 0.0,
            fill: None,
            stroke: Some(stroke),
            bold: false,
            italic: false,
        };
        match self {
            Ink::Head => boxed("head", [0xe8, 0xee, 0xf8], BLUE),
            Ink::Chip => boxed("chip", [0xff, 0xff, 0xff], [0xaa, 0xaa, 0xbb]),
            Ink::KeyChip => boxed("chip key", [0xff, 0xf7, 0xd6], [0xc9, 0xa2, 0x27]),
            Ink::TrapChip => boxed("chip trap", [0xfd, 0xe8, 0xe4], RED),
            Ink::Role => Look {
                bold: true,
                ..text("role", 13.0, INK)
            },
            Ink::Profession => text("prof", 11.0, [0x33, 0x33, 0x33]),
            Ink::Family => Look {
                italic: true,
                ..text("fam", 10.0, [0x66, 0x66, 0x77])
            },
            Ink::Clue => text("clue", 10.5, INK),
            Ink::Label => text("label", 10.0, [0x55, 0x55, 0x55]),
            Ink::Section => Look {
                bold: true,
                ..text("section", 13.0, INK)
            },
            Ink::Made => Look {
                bold: true,
                ..text("arrowlabel made", 11.0, INK)
            },
            Ink::Frames => text("arrowlabel frames", 11.0, [0x44, 0x44, 0x44]),
            Ink::Share => line("share", BLUE),
            Ink::Breach => line("share breach", RED),
        }
    }
}

/// One mark of the picture, in the drawing's units (origin top left).
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A rounded box.
    Box {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        ink: Ink,
    },
    /// A line of text whose baseline is at `y`; `whole` is the full text
    /// when `text` was cut to fit (shown on hover).
    Text {
        x: f64,
        y: f64,
        text: String,
        whole: Option<String>,
        ink: Ink,
    },
    /// A key share's arrow, from a dot at `from` to a head at `to`, on the
    /// row `y`.
    Arrow {
        from: f64,
        to: f64,
        y: f64,
        ink: Ink,
    },
}

/// The map as a picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
}

impl Drawing {
    fn text(&mut self, x: f64, y: f64, s: &str, max: usize, ink: Ink) {
        let (text, whole) = if s.chars().count() <= max {
            (s.to_owned(), None)
        } else {
            let cut: String = s.chars().take(max - 1).collect();
            (format!("{cut}…"), Some(s.to_owned()))
        };
        self.marks.push(Mark::Text {
            x,
            y,
            text,
            whole,
            ink,
        });
    }
}

/// Where each mark of `map` goes: the columns of roles with their clues,
/// actions and decisions, then one row per key share with its arrows and
/// two lines of words (what the simulated tables did; the lawful frames).
pub fn layout(map: &CaseMap, lang: &str) -> Drawing {
    let w = Words { fr: lang == "fr" };
    let n = map.columns.len().max(1) as f64;
    let mut d = Drawing {
        width: n * COLUMN,
        height: 0.0,
        marks: Vec::new(),
    };
    let mut bottom: f64 = 0.0;
    for (i, c) in map.columns.iter().enumerate() {
        let x = i as f64 * COLUMN + 6.0;
        let mut y = 8.0;
        d.marks.push(Mark::Box {
            x,
            y,
            w: COLUMN - 12.0,
            h: 46.0,
            ink: Ink::Head,
        });
        d.text(x + 8.0, y + 17.0, &c.name, 30, Ink::Role);
        d.text(x + 8.0, y + 31.0, &c.profession, 38, Ink::Profession);
        d.text(x + 8.0, y + 42.0, &c.family, 42, Ink::Family);
        y += 58.0;
        let chip = |d: &mut Drawing, y: &mut f64, id: &Id, indent: f64| {
            let key = map.arrows.iter().any(|a| a.clue == *id);
            let trap = map.traps.iter().any(|t| t.id == *id && !t.share);
            let (ink, mark) = if trap {
                (Ink::TrapChip, "⚠ ")
            } else if key {
                (Ink::KeyChip, "★ ")
            } else {
                (Ink::Chip, "")
            };
            d.marks.push(Mark::Box {
                x: x + indent,
                y: *y,
                w: COLUMN - 14.0 - indent,
                h: ROW - 3.0,
                ink,
            });
            d.text(
                x + indent + 5.0,
                *y + 11.5,
                &format!("{mark}{id}"),
                36 + mark.chars().count(),
                Ink::Clue,
            );
            *y += ROW;
        };
        if !c.start.is_empty() {
            d.text(
                x + 2.0,
                y + 10.0,
                w.w("From the start", "Dès le début"),
                60,
                Ink::Label,
            );
            y += 14.0;
            for id in &c.start {
                chip(&mut d, &mut y, id, 0.0);
            }
        }
        for (action, clues) in &c.actions {
            if clues.is_empty() {
                continue;
            }
            d.text(x + 2.0, y + 10.0, &format!("› {action}"), 50, Ink::Label);
            y += 14.0;
            for id in clues {
                chip(&mut d, &mut y, id, 8.0);
            }
        }
        // The decisions the role holds, one per line.
        for (k, power) in c.powers.iter().enumerate() {
            let mark = if k == 0 { "⚖" } else { "\u{2003}" };
            d.text(
                x + 2.0,
                y + 12.0,
                &format!("{mark} {power}"),
                42,
                Ink::Label,
            );
            y += 13.0;
        }
        bottom = bottom.max(y);
    }
    // The key shares: one row each below the columns, an arrow from each
    // holder's column to the recipient's.
    let mut y = bottom + 58.0;
    d.text(
        6.0,
        y - 36.0,
        &format!(
            "{} — {} {}, {} {}",
            w.w(
                "Key shares and the frames that can carry them",
                "Partages clés et cadres qui peuvent les porter"
            ),
            map.runs,
            w.w("simulated runs", "parties simulées"),
            w.w("seed", "graine"),
            map.seed
        ),
        400,
        Ink::Section,
    );
    let col_of = |role: &Id| map.columns.iter().position(|c| c.role == *role);
    // Two lines above the arrows, each cut to the page's width.
    let fits = (d.width / 6.4) as usize;
    for a in &map.arrows {
        let Some(to) = col_of(&a.to) else { continue };
        let to_x = to as f64 * COLUMN + COLUMN / 2.0;
        for holder in &a.holders {
            let Some(from) = col_of(holder) else { continue };
            let from_x = from as f64 * COLUMN + COLUMN / 2.0;
            let lawful = a
                .routes
                .iter()
                .any(|r| r.from == *holder && r.verdict != Verdict::Breach);
            d.marks.push(Mark::Arrow {
                from: from_x,
                to: if to_x > from_x {
                    to_x - 6.0
                } else {
                    to_x + 6.0
                },
                y: y + 6.0,
                ink: if lawful { Ink::Share } else { Ink::Breach },
            });
        }
        let frames: Vec<String> = a
            .routes
            .iter()
            .filter(|r| r.verdict != Verdict::Breach)
            .map(|r| {
                let mark = if r.verdict == Verdict::Allowed {
                    "✓"
                } else {
                    "!"
                };
                let mut needs = Vec::new();
                if let Some(act) = &r.act {
                    needs.push(format!("{} {act}", w.w("after", "après")));
                }
                if !r.situations.is_empty() {
                    needs.push(ids(&r.situations));
                }
                if needs.is_empty() {
                    format!("{mark} {}", r.frame)
                } else {
                    format!("{mark} {} ({})", r.frame, needs.join("; "))
                }
            })
            .fold(Vec::new(), |mut v, f| {
                if !v.contains(&f) {
                    v.push(f);
                }
                v
            });
        let made = format!(
            "{} → {} · {} {}{}",
            a.clue,
            a.to,
            percent_or_dash(a.reached),
            w.w("of runs", "des parties"),
            through(a, &w)
        );
        let lawful = format!(
            "{}: {}",
            w.w("lawful frames", "cadres licites"),
            if frames.is_empty() {
                w.w("none", "aucun").to_owned()
            } else {
                frames.join(", ")
            }
        );
        d.text(8.0, y - 14.0, &made, fits, Ink::Made);
        d.text(8.0, y - 1.0, &lawful, fits, Ink::Frames);
        y += 44.0;
    }
    d.height = y + 10.0;
    d
}

fn hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The SVG's style sheet, from the inks.
fn css() -> String {
    let mut css = String::new();
    for ink in Ink::ALL {
        let look = ink.look();
        let selector = look.class.replace(' ', ".");
        let _ = write!(css, ".{selector} {{");
        let is_text = look.size > 0.0;
        if let Some(fill) = look.fill {
            let _ = write!(css, " fill: {};", hex(fill));
        }
        if let Some(stroke) = look.stroke {
            let _ = write!(css, " stroke: {};", hex(stroke));
        }
        if is_text {
            let _ = write!(css, " font-size: {}px;", look.size);
        }
        if look.bold {
            css.push_str(" font-weight: 700;");
        }
        if look.italic {
            css.push_str(" font-style: italic;");
        }
        css.push_str(" }\n");
    }
    css.push_str(".share { stroke-width: 2; } .share.breach { stroke-dasharray: 5 3; }\n");
    let _ = writeln!(css, ".dot {{ fill: {}; }}", hex(BLUE));
    css
}

/// What the map's marks mean, in one line.
pub fn legend(lang: &str) -> &'static str {
    if lang == "fr" {
        "★ indice clé · ⚠ piège · › action qui révèle · ⚖ décisions détenues · flèche pleine : un cadre le porte licitement (✓ permis, ! prudence) · pointillés : seulement par une faute"
    } else {
        "★ key clue · ⚠ trap · › action that reveals · ⚖ decisions held · solid arrow: a frame carries it lawfully (✓ allowed, ! caution) · dashed: only through a breach"
    }
}

/// The drawing as an inline SVG.
fn svg(d: &Drawing) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg viewBox="0 0 {} {}" xmlns="http://www.w3.org/2000/svg" role="img"><defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{}"/></marker></defs>"##,
        d.width,
        d.height,
        hex(BLUE)
    );
    for mark in &d.marks {
        match mark {
            Mark::Box { x, y, w, h, ink } => {
                let rx = if *ink == Ink::Head { 6 } else { 4 };
                let _ = write!(
                    svg,
                    r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" class="{}"/>"#,
                    ink.look().class
                );
            }
            Mark::Text {
                x,
                y,
                text,
                whole,
                ink,
            } => {
                let title = whole
                    .as_ref()
                    .map_or_else(String::new, |s| format!("<title>{}</title>", escape(s)));
                let _ = write!(
                    svg,
                    r#"<text x="{x}" y="{y}" class="{}">{}{title}</text>"#,
                    ink.look().class,
                    escape(text)
                );
            }
            Mark::Arrow { from, to, y, ink } => {
                let _ = write!(
                    svg,
                    r#"<line x1="{from}" y1="{y}" x2="{to}" y2="{y}" class="{}" marker-end="url(#head)"/><circle cx="{from}" cy="{y}" r="3.5" class="dot"/>"#,
                    ink.look().class
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The map as one self-contained HTML page (inline SVG and CSS), sized to
/// print on one A3 landscape sheet.
pub fn html(map: &CaseMap, lang: &str) -> String {
    let w = Words { fr: lang == "fr" };
    let mut page = String::new();
    let _ = write!(
        page,
        r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title><style>
@page {{ size: A3 landscape; margin: 10mm; }}
body {{ font-family: "Inter", "Segoe UI", Arial, sans-serif; color: #1d2433; margin: 16px; }}
h1 {{ font-size: 20px; margin: 0 0 2px; }} .sub {{ color: #555; font-size: 12px; margin-bottom: 8px; }}
svg {{ width: 100%; height: auto; }}
.tables {{ display: grid; grid-template-columns: 1.6fr 1fr 1fr; gap: 14px; font-size: 10.5px; margin-top: 6px; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border-bottom: 1px solid #ccd; text-align: left; padding: 1px 4px; vertical-align: top; }}
th {{ background: #f0f3f8; }} h2 {{ font-size: 13px; margin: 4px 0; }} .num {{ text-align: right; white-space: nowrap; }}
.legend {{ font-size: 11px; color: #444; margin: 4px 0 8px; }}
{css}</style></head><body><h1>{title}</h1><div class="sub">{rulebook_word} {rulebook} · {legend}</div>"#,
        title = escape(&map.title),
        rulebook_word = w.w("rulebook", "référentiel"),
        rulebook = escape(&map.rulebook),
        css = css(),
        legend = legend(lang),
    );
    page.push_str(&svg(&layout(map, lang)));
    // The tables: decisions; traps; injects and the bundle.
    let _ = write!(
        page,
        r#"<div class="tables"><div><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class="num">{}</th></tr>"#,
        w.w("Expected decisions", "Décisions attendues"),
        w.w("decision", "décision"),
        w.w("held by", "détenue par"),
        w.w("requires", "exige"),
        w.w("deadline", "échéance"),
        w.w("in time / taken", "à temps / prises")
    );
    for d in &map.decisions {
        let _ = write!(
            page,
            r#"<tr><td><b>{}</b><br>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="num">{} / {}</td></tr>"#,
            escape(d.decision.as_str()),
            escape(&d.name),
            escape(&ids(&d.holders)),
            escape(&if d.requires.is_empty() {
                "—".to_owned()
            } else {
                d.requires.join(", ")
            }),
            escape(d.deadline.as_deref().unwrap_or("—")),
            percent_or_dash(d.on_time),
            percent_or_dash(d.taken)
        );
    }
    let _ = write!(
        page,
        r#"</table></div><div><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th class="num">{}</th></tr>"#,
        w.w("Traps", "Pièges"),
        w.w("trap", "piège"),
        w.w("leads to", "mène à"),
        w.w("caught", "pris")
    );
    for t in &map.traps {
        let _ = write!(
            page,
            r#"<tr><td>⚠ {}{}</td><td>{}</td><td class="num">{}</td></tr>"#,
            escape(t.id.as_str()),
            if t.share {
                w.w(" (share)", " (partage)")
            } else {
                ""
            },
            escape(&t.leads_to),
            percent_or_dash(t.caught)
        );
    }
    let _ = write!(
        page,
        r#"</table></div><div><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th class="num">{}</th></tr>"#,
        w.w("Injects", "Événements"),
        w.w("inject", "événement"),
        w.w("trigger", "déclencheur"),
        w.w("fired", "déclenchés")
    );
    for i in &map.injects {
        let _ = write!(
            page,
            r#"<tr><td><b>{}</b><br>{}</td><td>{}{}</td><td class="num">{}</td></tr>"#,
            escape(i.id.as_str()),
            escape(&i.name),
            escape(&i.trigger),
            escape(&reveals(&i.reveals)),
            percent_or_dash(i.fired)
        );
    }
    let _ = write!(
        page,
        r#"</table><h2>{}</h2><table>"#,
        w.w("Bundle minimums", "Minimums du faisceau")
    );
    for (category, min) in &map.bundle {
        let _ = write!(
            page,
            r#"<tr><td>{}</td><td class="num">≥ {min}</td></tr>"#,
            escape(category.as_str())
        );
    }
    page.push_str("</table></div></div></body></html>\n");
    page
}
