//! The sharing graph: who told whom what, laid out so that people can read
//! it. Roles stand in columns by profession family (child protection,
//! schools, health, justice, police…, as the rulebook groups them); each
//! pair of roles has one arrow per direction, coloured by the worst verdict,
//! with the number of clues it carried in a badge beside the arrow, not on
//! it. One layout serves the window ([`paint`]) and the report ([`svg`]).

use std::fmt::Write;

use egui::{self, Pos2, Stroke, Vec2};
use faisceau_engine::debrief::Edge;
use faisceau_engine::model::{Scenario, Verdict};
use faisceau_engine::{Id, Rulebook, Text};

use super::theme;
use crate::i18n::Tr;

/// Radius of a role's disc.
const NODE: f32 = 22.0;

/// Where everything goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Each column: its family's name (none for roles without a family), its
    /// centre's x.
    pub columns: Vec<(Option<Text>, f32)>,
    /// Each role's centre, in the case's role order.
    pub nodes: Vec<Pos2>,
    /// Each edge: where it starts and ends (on the discs' rims), the control
    /// point of its curve, where its badge sits.
    pub edges: Vec<EdgeShape>,
    /// The drawing's size.
    pub size: Vec2,
}

/// One arrow's geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeShape {
    /// Start, control point, end (a quadratic curve).
    pub points: [Pos2; 3],
    /// The badge's centre: beside the curve's middle.
    pub badge: Pos2,
    /// The arrow head: tip and the two back corners.
    pub head: [Pos2; 3],
}

fn family_of<'a>(scenario: &Scenario, rulebook: &'a Rulebook, role: usize) -> Option<&'a Id> {
    let profession = &scenario.roles[role].profession;
    rulebook
        .professions
        .iter()
        .find(|p| p.id == *profession)
        .and_then(|p| p.family.as_ref())
}

fn quad(points: &[Pos2; 3], t: f32) -> Pos2 {
    let [a, c, b] = *points;
    let u = 1.0 - t;
    Pos2::new(
        u * u * a.x + 2.0 * u * t * c.x + t * t * b.x,
        u * u * a.y + 2.0 * u * t * c.y + t * t * b.y,
    )
}

/// Lays the roles and edges out in a `width` wide drawing.
pub fn layout(scenario: &Scenario, rulebook: &Rulebook, edges: &[Edge], width: f32) -> Layout {
    // Columns: the rulebook's families in its order, then roles without one.
    let mut columns: Vec<(Option<&Id>, Vec<usize>)> = Vec::new();
    for family in &rulebook.families {
        let roles: Vec<usize> = (0..scenario.roles.len())
            .filter(|&r| family_of(scenario, rulebook, r) == Some(&family.id))
            .collect();
        if !roles.is_empty() {
            columns.push((Some(&family.id), roles));
        }
    }
    let loose: Vec<usize> = (0..scenario.roles.len())
        .filter(|&r| {
            family_of(scenario, rulebook, r)
                .is_none_or(|f| !rulebook.families.iter().any(|fam| fam.id == *f))
        })
        .collect();
    if !loose.is_empty() {
        columns.push((None, loose));
    }
    let tallest = columns.iter().map(|c| c.1.len()).max().unwrap_or(1);
    let row = 110.0;
    let top = 80.0;
    let height = top + row * (tallest as f32 + 0.3) + 10.0;
    let step = width / columns.len().max(1) as f32;
    let mut nodes = vec![Pos2::ZERO; scenario.roles.len()];
    let mut named = Vec::new();
    for (c, (family, roles)) in columns.iter().enumerate() {
        let x = step * (c as f32 + 0.5);
        // A column's roles are centred in the height the tallest one takes,
        // shorter columns staggered up and down so that an arrow across the
        // table does not run through the roles between.
        let stagger = if roles.len() < tallest {
            if c % 2 == 0 { -0.3 } else { 0.3 }
        } else {
            0.0
        };
        let offset = ((tallest - roles.len()) as f32 / 2.0 + stagger) * row;
        for (i, &r) in roles.iter().enumerate() {
            nodes[r] = Pos2::new(x, top + offset + row * i as f32 + NODE);
        }
        let name = family.and_then(|id| rulebook.families.iter().find(|f| f.id == *id));
        named.push((name.map(|f| f.name.clone()), x));
    }
    let index = |id: &Id| scenario.roles.iter().position(|r| r.id == *id);
    let mut badges: Vec<Pos2> = Vec::new();
    let shapes = edges
        .iter()
        .filter_map(|edge| {
            let (from, to) = (nodes[index(&edge.from)?], nodes[index(&edge.to)?]);
            let direction = (to - from).normalized();
            let normal = Vec2::new(-direction.y, direction.x);
            // Both directions between two roles bend to opposite sides; roles
            // in one column bend out of it, around the roles between them.
            let same_column = (from.x - to.x).abs() < 1.0;
            let length = (to - from).length();
            let bend = if same_column {
                40.0 + length * 0.25
            } else {
                // Across several columns, a wider arc.
                18.0 + 0.22 * (length - step * 1.2).max(0.0)
            };
            let middle = from + (to - from) / 2.0 + normal * bend;
            let start = from + (middle - from).normalized() * (NODE + 3.0);
            let end = to + (middle - to).normalized() * (NODE + 5.0);
            let points = [start, middle, end];
            // The badge beside the curve, where it covers no role and no
            // other badge: the middle first, then further along either way.
            let free = |p: Pos2| {
                nodes
                    .iter()
                    .all(|n| (*n - p).length() > NODE + 14.0 && !under_name(*n, p))
                    && badges.iter().all(|b| (*b - p).length() > 22.0)
            };
            let candidates: Vec<Pos2> = [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]
                .into_iter()
                .flat_map(|t| [14.0, -14.0].map(|side| quad(&points, t) + normal * side))
                .collect();
            // Between two roles of one column every spot beside the curve is
            // under the upper one's name: there, off the roles is enough.
            let off_roles = |p: Pos2| {
                nodes.iter().all(|n| (*n - p).length() > NODE + 14.0)
                    && badges.iter().all(|b| (*b - p).length() > 22.0)
            };
            let badge = candidates
                .iter()
                .find(|p| free(**p))
                .or_else(|| candidates.iter().find(|p| off_roles(**p)))
                .copied()
                .unwrap_or_else(|| quad(&points, 0.5) + normal * 14.0);
            badges.push(badge);
            let back_dir = (end - quad(&points, 0.9)).normalized();
            let back = end - back_dir * 12.0;
            let side = Vec2::new(-back_dir.y, back_dir.x) * 6.0;
            Some(EdgeShape {
                points,
                badge,
                head: [end, back + side, back - side],
            })
        })
        .collect();
    Layout {
        columns: named,
        nodes,
        edges: shapes,
        size: Vec2::new(width, height),
    }
}

/// Splits a role's name in at most two lines of about `max` characters.
pub fn two_lines(name: &str, max: usize) -> Vec<String> {
    wrap(name, max, 2)
}

/// A role's name under its circle: up to three lines, so that the longest
/// names of the library ("Enquêteur de la brigade de protection des
/// familles") are never cut.
const NAME_LINES: usize = 3;

/// Whether `p` falls on the name written under the role at `node`.
fn under_name(node: Pos2, p: Pos2) -> bool {
    (p.x - node.x).abs() < 84.0
        && p.y > node.y + NODE
        && p.y < node.y + NODE + 16.0 + 15.0 * NAME_LINES as f32 + 8.0
}

/// `name` in lines of at most `max` characters, at most `count` of them;
/// past those, the last line ends with an ellipsis.
pub fn wrap(name: &str, max: usize, count: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in name.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            if lines.len() == count {
                let last = lines.last_mut().expect("two lines");
                last.push('…');
                return lines;
            }
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// Draws the graph in the window, with its legend.
pub fn paint(ui: &mut egui::Ui, scenario: &Scenario, rulebook: &Rulebook, edges: &[Edge], tr: &Tr) {
    let palette = theme::palette(ui);
    let width = ui.available_width().min(960.0);
    let layout = layout(scenario, rulebook, edges, width);
    let (rect, _) = ui.allocate_exact_size(layout.size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let at = |p: Pos2| rect.min + p.to_vec2();
    for (name, x) in &layout.columns {
        let name = name
            .as_ref()
            .map_or_else(|| tr.t("graph-other"), |n| super::text(tr, n).to_owned());
        let per_line = (width / layout.columns.len() as f32 / 8.0) as usize;
        for (i, line) in two_lines(&name, per_line.max(10)).into_iter().enumerate() {
            painter.text(
                at(Pos2::new(*x, 4.0 + 17.0 * i as f32)),
                egui::Align2::CENTER_TOP,
                line,
                egui::FontId::new(theme::size::SMALL, theme::semibold()),
                palette.muted,
            );
        }
    }
    for (edge, shape) in edges.iter().zip(&layout.edges) {
        let color = super::verdict_color(ui, edge.verdict);
        let points = shape.points.map(at);
        painter.add(egui::epaint::QuadraticBezierShape::from_points_stroke(
            points,
            false,
            Default::default(),
            Stroke::new(2.5, color),
        ));
        painter.add(egui::Shape::convex_polygon(
            shape.head.map(at).to_vec(),
            color,
            Stroke::NONE,
        ));
    }
    for (r, role) in scenario.roles.iter().enumerate() {
        let centre = at(layout.nodes[r]);
        painter.circle_filled(centre, NODE, palette.accent);
        painter.text(
            centre,
            egui::Align2::CENTER_CENTER,
            initials(super::text(tr, &role.name)),
            egui::FontId::new(theme::size::BODY, theme::semibold()),
            palette.on_accent,
        );
        for (i, line) in wrap(super::text(tr, &role.name), 24, NAME_LINES)
            .iter()
            .enumerate()
        {
            let galley = painter.layout_no_wrap(
                line.clone(),
                egui::FontId::proportional(theme::size::SMALL),
                palette.text,
            );
            let pos = centre + Vec2::new(-galley.size().x / 2.0, NODE + 4.0 + 17.0 * i as f32);
            painter.rect_filled(
                egui::Rect::from_min_size(
                    pos - Vec2::new(3.0, 1.0),
                    galley.size() + Vec2::new(6.0, 2.0),
                ),
                3.0,
                palette.surface,
            );
            painter.galley(pos, galley, palette.text);
        }
    }
    // Badges last: above the arrows, beside them.
    for (edge, shape) in edges.iter().zip(&layout.edges) {
        let color = super::verdict_color(ui, edge.verdict);
        let centre = at(shape.badge);
        painter.circle(centre, 10.0, palette.surface, Stroke::new(1.5, color));
        painter.text(
            centre,
            egui::Align2::CENTER_CENTER,
            edge.clues.len().to_string(),
            egui::FontId::new(theme::size::SMALL, theme::semibold()),
            palette.text,
        );
    }
    legend(ui, tr);
}

/// The key under the graph: verdict colours, and what the numbers count.
fn legend(ui: &mut egui::Ui, tr: &Tr) {
    ui.horizontal_wrapped(|ui| {
        for verdict in [Verdict::Allowed, Verdict::Caution, Verdict::Breach] {
            let (rect, _) = ui.allocate_exact_size(Vec2::new(28.0, 12.0), egui::Sense::hover());
            ui.painter().line_segment(
                [rect.left_center(), rect.right_center()],
                Stroke::new(3.0, super::verdict_color(ui, verdict)),
            );
            ui.label(format!(
                "{} {}",
                theme::verdict_icon(verdict),
                super::verdict_name(tr, verdict)
            ));
            ui.add_space(8.0);
        }
    });
    ui.label(theme::muted(ui, tr.t("graph-legend")));
}

/// A role's initials, for its disc.
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '\'' || c == '-')
        .filter(|w| w.chars().count() > 3 || w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// The graph as inline SVG, for the report.
#[cfg(not(target_arch = "wasm32"))]
pub fn svg(scenario: &Scenario, rulebook: &Rulebook, edges: &[Edge], tr: &Tr) -> String {
    let layout = layout(scenario, rulebook, edges, 720.0);
    let color = |v: Verdict| match v {
        Verdict::Allowed => "#166b34",
        Verdict::Caution => "#8a4b00",
        Verdict::Breach => "#b01e24",
    };
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"720\" height=\"{h}\" viewBox=\"0 0 720 {h}\" aria-label=\"{}\" font-family=\"Inter, Segoe UI, sans-serif\">",
        crate::records::html::esc(&tr.t("debrief-graph")),
        h = layout.size.y.ceil()
    );
    for (name, x) in &layout.columns {
        let name = name
            .as_ref()
            .map_or_else(|| tr.t("graph-other"), |n| super::text(tr, n).to_owned());
        let per_line = (720.0 / layout.columns.len() as f32 / 7.0) as usize;
        for (i, line) in two_lines(&name, per_line.max(10)).iter().enumerate() {
            let _ = write!(
                out,
                "<text x=\"{x:.0}\" y=\"{}\" font-size=\"12\" font-weight=\"600\" fill=\"#4a5463\" text-anchor=\"middle\">{}</text>",
                18 + 15 * i,
                crate::records::html::esc(line)
            );
        }
    }
    for (edge, shape) in edges.iter().zip(&layout.edges) {
        let [a, c, b] = shape.points;
        let [t, l, r] = shape.head;
        let stroke = color(edge.verdict);
        let _ = write!(
            out,
            "<path d=\"M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2.5\"/><polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{stroke}\"/>",
            a.x, a.y, c.x, c.y, b.x, b.y, t.x, t.y, l.x, l.y, r.x, r.y
        );
    }
    for (r, role) in scenario.roles.iter().enumerate() {
        let p = layout.nodes[r];
        let name = super::text(tr, &role.name);
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{NODE}\" fill=\"#1f4e9a\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" font-weight=\"600\" fill=\"#ffffff\" text-anchor=\"middle\">{}</text>",
            p.x,
            p.y,
            p.x,
            p.y + 5.0,
            crate::records::html::esc(&initials(name))
        );
        for (i, line) in wrap(name, 24, NAME_LINES).iter().enumerate() {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#171c26\" text-anchor=\"middle\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\">{}</text>",
                p.x,
                p.y + NODE + 16.0 + 15.0 * i as f32,
                crate::records::html::esc(line)
            );
        }
    }
    for (edge, shape) in edges.iter().zip(&layout.edges) {
        let p = shape.badge;
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"10\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"1.5\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"600\" fill=\"#171c26\" text-anchor=\"middle\">{}</text>",
            p.x,
            p.y,
            color(edge.verdict),
            p.x,
            p.y + 4.0,
            edge.clues.len()
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_in_two_lines_and_initials_skip_small_words() {
        assert_eq!(
            two_lines("Enquêteur de la brigade de protection des familles", 24),
            vec!["Enquêteur de la brigade", "de protection des…"]
        );
        assert_eq!(two_lines("Juge des enfants", 24), vec!["Juge des enfants"]);
        // A role's name has three lines: the longest of the library fits.
        assert_eq!(
            wrap(
                "Enquêteur de la brigade de protection des familles",
                24,
                NAME_LINES
            ),
            vec!["Enquêteur de la brigade", "de protection des", "familles"]
        );
        assert_eq!(initials("Infirmière scolaire du lycée"), "IS");
        assert_eq!(initials("Juge des enfants"), "JE");
    }

    #[test]
    fn roles_stand_in_columns_by_family_and_badges_sit_off_the_arrows() {
        let case = crate::ui::tests::case();
        let s = case.scenario();
        let rulebook = case.rulebook();
        let edges: Vec<Edge> = s
            .roles
            .iter()
            .zip(s.roles.iter().skip(1))
            .map(|(a, b)| Edge {
                from: a.id.clone(),
                to: b.id.clone(),
                clues: vec!["x".into(), "y".into()],
                frames: Vec::new(),
                verdict: Verdict::Allowed,
                first_at: 0,
            })
            .collect();
        let layout = layout(s, rulebook, &edges, 720.0);
        // One column per family present at the table.
        let mut families: Vec<Option<&Id>> = (0..s.roles.len())
            .map(|r| family_of(s, rulebook, r))
            .collect();
        families.sort();
        families.dedup();
        assert_eq!(layout.columns.len(), families.len());
        assert!(layout.columns.len() > 1, "a mixed table spans families");
        // Roles of one family share a column.
        for a in 0..s.roles.len() {
            for b in 0..s.roles.len() {
                if family_of(s, rulebook, a) == family_of(s, rulebook, b) {
                    assert_eq!(layout.nodes[a].x, layout.nodes[b].x);
                }
            }
        }
        // A badge sits beside its curve, never on it, and off the roles.
        for shape in &layout.edges {
            let nearest = (0..=20)
                .map(|i| (quad(&shape.points, i as f32 / 20.0) - shape.badge).length())
                .fold(f32::INFINITY, f32::min);
            assert!(nearest >= 10.0, "{nearest}");
            for node in &layout.nodes {
                assert!((*node - shape.badge).length() > NODE, "a badge on a role");
            }
        }
        // Across columns there is room: no badge there sits on a name.
        for (edge, shape) in edges.iter().zip(&layout.edges) {
            let at = |id: &Id| layout.nodes[s.roles.iter().position(|r| r.id == *id).unwrap()];
            if (at(&edge.from).x - at(&edge.to).x).abs() > 1.0 {
                for node in &layout.nodes {
                    assert!(!under_name(*node, shape.badge), "a badge on a role's name");
                }
            }
        }
        let svg = svg(
            s,
            rulebook,
            &edges,
            &crate::i18n::Tr::new(crate::i18n::Lang::Fr),
        );
        assert_eq!(svg.matches("<path").count(), edges.len());
        assert!(svg.contains("Protection de l'enfance"));
    }
}
