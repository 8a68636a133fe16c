//! Faisceau's look: every colour, text size and spacing the screens use,
//! the fonts, and the small widgets that carry them (cards, chips, badges,
//! verdicts with a word and a symbol).
//!
//! Two palettes, light and high contrast; every pair of text and background
//! colours meets WCAG AA (4.5:1), which a test checks. Screens read the
//! palette from the egui context, so a screen function keeps its signature.

use egui::{
    self, Color32, CornerRadius, FontData, FontDefinitions, FontFamily, FontId, Margin, RichText,
    Stroke, TextStyle,
};
use faisceau_engine::model::Verdict;

pub use egui_phosphor::regular as icon;

/// The colours of one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// The window's background.
    pub bg: Color32,
    /// Side rails and top bars.
    pub panel: Color32,
    /// Cards.
    pub surface: Color32,
    /// Body text.
    pub text: Color32,
    /// Secondary text: provenance, dates, explanations.
    pub muted: Color32,
    /// Headings, links, the selected tab, primary buttons.
    pub accent: Color32,
    /// Text on the accent colour.
    pub on_accent: Color32,
    /// A soft band behind the next-step line and selected chips.
    pub accent_soft: Color32,
    /// Card and field borders.
    pub border: Color32,
    /// Keyboard focus ring.
    pub focus: Color32,
    /// Verdict: allowed.
    pub allowed: Color32,
    /// Verdict: caution.
    pub caution: Color32,
    /// Verdict: breach; also errors and refusals.
    pub breach: Color32,
    /// The "new" badge and unread counters.
    pub new: Color32,
    /// Text on the "new" badge.
    pub on_new: Color32,
    /// A disabled control's text.
    pub disabled: Color32,
    /// A button's background at rest.
    pub button: Color32,
    /// Whether this is the dark, high-contrast theme.
    pub dark: bool,
}

/// The light theme: dark ink on white cards over a pale grey-blue.
pub const LIGHT: Palette = Palette {
    bg: Color32::from_rgb(0xEE, 0xF1, 0xF6),
    panel: Color32::from_rgb(0xF8, 0xF9, 0xFB),
    surface: Color32::WHITE,
    text: Color32::from_rgb(0x17, 0x1C, 0x26),
    muted: Color32::from_rgb(0x4A, 0x54, 0x63),
    accent: Color32::from_rgb(0x1F, 0x4E, 0x9A),
    on_accent: Color32::WHITE,
    accent_soft: Color32::from_rgb(0xE1, 0xEA, 0xF8),
    border: Color32::from_rgb(0xC4, 0xCC, 0xD8),
    focus: Color32::from_rgb(0xB4, 0x53, 0x09),
    allowed: Color32::from_rgb(0x16, 0x6B, 0x34),
    caution: Color32::from_rgb(0x8A, 0x4B, 0x00),
    breach: Color32::from_rgb(0xB0, 0x1E, 0x24),
    new: Color32::from_rgb(0xB4, 0x3C, 0x06),
    on_new: Color32::WHITE,
    disabled: Color32::from_rgb(0x5E, 0x67, 0x75),
    button: Color32::from_rgb(0xE3, 0xE8, 0xF0),
    dark: false,
};

/// The high-contrast theme: white and yellow on black.
pub const HIGH_CONTRAST: Palette = Palette {
    bg: Color32::BLACK,
    panel: Color32::from_rgb(0x0C, 0x0C, 0x0C),
    surface: Color32::from_rgb(0x14, 0x14, 0x14),
    text: Color32::WHITE,
    muted: Color32::from_rgb(0xDD, 0xDD, 0xDD),
    accent: Color32::from_rgb(0xFF, 0xD6, 0x0A),
    on_accent: Color32::BLACK,
    accent_soft: Color32::from_rgb(0x33, 0x2B, 0x00),
    border: Color32::from_rgb(0xBB, 0xBB, 0xBB),
    focus: Color32::from_rgb(0x5C, 0xE1, 0xE6),
    allowed: Color32::from_rgb(0x6E, 0xE7, 0x8F),
    caution: Color32::from_rgb(0xFF, 0xB8, 0x4D),
    breach: Color32::from_rgb(0xFF, 0x8A, 0x8A),
    new: Color32::from_rgb(0xFF, 0xD6, 0x0A),
    on_new: Color32::BLACK,
    disabled: Color32::from_rgb(0xB0, 0xB0, 0xB0),
    button: Color32::from_rgb(0x26, 0x26, 0x26),
    dark: true,
};

/// The projector: the light theme with black ink on white, read from the
/// back of the room.
/// A QR code is dark on light whatever the theme: phones read it so.
pub const QR_DARK: Color32 = Color32::BLACK;
/// The QR code's light modules and quiet zone.
pub const QR_LIGHT: Color32 = Color32::WHITE;

pub const BOARD: Palette = Palette {
    bg: Color32::WHITE,
    text: Color32::BLACK,
    ..LIGHT
};

impl Palette {
    /// The palette for the high-contrast setting.
    pub fn for_contrast(high: bool) -> Palette {
        if high { HIGH_CONTRAST } else { LIGHT }
    }

    /// A verdict's colour.
    pub fn verdict(&self, verdict: Verdict) -> Color32 {
        match verdict {
            Verdict::Allowed => self.allowed,
            Verdict::Caution => self.caution,
            Verdict::Breach => self.breach,
        }
    }

    #[cfg(test)]
    /// Every pair of (text, background) colours the screens draw, named,
    /// for the contrast test.
    pub fn text_pairs(&self) -> Vec<(&'static str, Color32, Color32)> {
        let mut pairs = Vec::new();
        for (bg_name, bg) in [
            ("bg", self.bg),
            ("panel", self.panel),
            ("surface", self.surface),
            ("accent_soft", self.accent_soft),
            ("button", self.button),
        ] {
            for (name, fg) in [
                ("text", self.text),
                ("muted", self.muted),
                ("accent", self.accent),
                ("allowed", self.allowed),
                ("caution", self.caution),
                ("breach", self.breach),
            ] {
                pairs.push((leak(format!("{name} on {bg_name}")), fg, bg));
            }
        }
        for (bg_name, bg) in [
            ("bg", self.bg),
            ("panel", self.panel),
            ("surface", self.surface),
        ] {
            pairs.push((leak(format!("disabled on {bg_name}")), self.disabled, bg));
        }
        pairs.push(("on_accent on accent", self.on_accent, self.accent));
        pairs.push(("on_new on new", self.on_new, self.new));
        pairs
    }
}

#[cfg(test)]
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// WCAG 2 contrast ratio between two colours, from 1 to 21.
#[cfg(test)]
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    fn channel(c: u8) -> f32 {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Color32) -> f32 {
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Text sizes, in logical pixels before the person's zoom.
pub mod size {
    /// Dates, provenance, legends.
    pub const SMALL: f32 = 14.0;
    /// Body text and buttons.
    pub const BODY: f32 = 16.0;
    /// Emphasised body text: a clue, an action's name.
    pub const LARGE: f32 = 17.5;
    /// Section headings.
    pub const HEADING: f32 = 20.0;
    /// A screen's title.
    pub const TITLE: f32 = 26.0;
    /// The launcher's name.
    pub const DISPLAY: f32 = 40.0;
    /// Projector: the smallest text, read from the back of the room.
    pub const BOARD: f32 = 32.0;
    /// Projector: a phase name, a table's heading.
    pub const BOARD_LARGE: f32 = 40.0;
    /// Projector: the case's title.
    pub const BOARD_TITLE: f32 = 54.0;
    /// Projector: the address to join.
    pub const BOARD_ADDRESS: f32 = 64.0;
    /// Projector: the join code.
    pub const BOARD_CODE: f32 = 96.0;
    /// The side of the projector's QR code (a phone reads it across a room).
    pub const BOARD_QR: f32 = 260.0;
}

/// Spacing, in logical pixels.
pub mod space {
    /// Between items in a row or a list.
    pub const ITEM: f32 = 8.0;
    /// Between sections.
    pub const SECTION: f32 = 16.0;
    /// Inside a card.
    pub const CARD: i8 = 12;
    /// Corner radius of cards and buttons.
    pub const RADIUS: u8 = 6;
    /// Width of the desk's tab rail.
    pub const RAIL: f32 = 196.0;
    /// Width of the desk's bundle panel.
    pub const BUNDLE: f32 = 330.0;
}

/// The family of the semi-bold weight.
pub fn semibold() -> FontFamily {
    FontFamily::Name("semibold".into())
}

/// The family of the bold weight.
pub fn bold_family() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Inter (SIL OFL 1.1, assets/fonts/OFL.txt) in three weights, Phosphor's
/// icons as a fallback, then egui's own fonts for anything else.
pub fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let faces: [(&str, &'static [u8]); 3] = [
        (
            "inter",
            include_bytes!("../../assets/fonts/Inter-Regular.otf"),
        ),
        (
            "inter-semibold",
            include_bytes!("../../assets/fonts/Inter-SemiBold.otf"),
        ),
        (
            "inter-bold",
            include_bytes!("../../assets/fonts/Inter-Bold.otf"),
        ),
    ];
    for (name, bytes) in faces {
        fonts
            .font_data
            .insert(name.into(), FontData::from_static(bytes).into());
    }
    fonts.font_data.insert(
        "phosphor".into(),
        FontData::from_static(egui_phosphor::Variant::Regular.font_bytes()).into(),
    );
    let fallback = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let family = |face: &str| {
        let mut keys = vec![face.to_owned(), "phosphor".to_owned()];
        keys.extend(fallback.iter().cloned());
        keys
    };
    fonts
        .families
        .insert(FontFamily::Proportional, family("inter"));
    fonts.families.insert(semibold(), family("inter-semibold"));
    fonts.families.insert(bold_family(), family("inter-bold"));
    let mono = fonts.families.entry(FontFamily::Monospace).or_default();
    // The browser client has no font of egui's own (they would add a
    // megabyte to its download): its monospace text is Inter.
    if mono.is_empty() {
        mono.push("inter".into());
    }
    mono.push("phosphor".into());
    fonts
}

/// Installs the fonts once per context. egui binds them at its next pass:
/// until [`fonts_ready`] says so, nothing may draw with the named weights.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(fonts());
}

/// Makes sure a context has the fonts and `palette`: false on the first
/// pass, while the fonts wait to be bound (draw nothing then; egui passes
/// again at once).
pub fn ready(ctx: &egui::Context, palette: Palette) -> bool {
    if !fonts_ready(ctx) {
        install_fonts(ctx);
        ctx.request_repaint();
        return false;
    }
    if palette_of(ctx) != palette {
        apply(ctx, palette);
    }
    true
}

/// Whether the context has the theme's fonts bound.
pub fn fonts_ready(ctx: &egui::Context) -> bool {
    ctx.fonts(|f| f.families().contains(&semibold()))
}

/// Applies a palette: visuals, text styles and spacing; the palette is kept
/// in the context for screens to read.
pub fn apply(ctx: &egui::Context, palette: Palette) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::NULL, palette));
    let mut visuals = if palette.dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    let radius = CornerRadius::same(space::RADIUS);
    visuals.override_text_color = Some(palette.text);
    visuals.panel_fill = palette.bg;
    visuals.window_fill = palette.surface;
    visuals.window_stroke = Stroke::new(1.0, palette.border);
    visuals.extreme_bg_color = palette.surface;
    visuals.faint_bg_color = palette.panel;
    visuals.code_bg_color = palette.panel;
    visuals.hyperlink_color = palette.accent;
    visuals.weak_text_color = Some(palette.muted);
    visuals.selection.bg_fill = palette.accent_soft;
    visuals.error_fg_color = palette.breach;
    visuals.warn_fg_color = palette.caution;
    visuals.window_corner_radius = radius;
    let widgets = &mut visuals.widgets;
    widgets.noninteractive.bg_stroke = Stroke::new(1.0, palette.border);
    widgets.noninteractive.fg_stroke = Stroke::new(1.0, palette.text);
    widgets.noninteractive.corner_radius = radius;
    for (state, fill, stroke) in [
        (&mut widgets.inactive, palette.button, palette.border),
        (&mut widgets.hovered, palette.accent_soft, palette.accent),
        (&mut widgets.active, palette.accent_soft, palette.accent),
        (&mut widgets.open, palette.accent_soft, palette.accent),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.bg_stroke = Stroke::new(1.0, stroke);
        state.fg_stroke = Stroke::new(1.5, palette.text);
        state.corner_radius = radius;
    }
    widgets.hovered.bg_stroke = Stroke::new(1.5, palette.accent);
    // egui draws a focused control (keyboard) in the "active" style: a thick
    // ring in the focus colour. Buttons with their own stroke get it from
    // [`ring`].
    widgets.active.bg_stroke = Stroke::new(2.5, palette.focus);
    // A focused control (keyboard) draws a thick ring in the focus colour.
    visuals.selection.stroke = Stroke::new(2.0, palette.accent);
    // Both of egui's light and dark styles get the palette: the person's
    // setting decides, not the system's theme.
    ctx.all_styles_mut(|style| {
        style.visuals = visuals.clone();
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(size::SMALL)),
            (TextStyle::Body, FontId::proportional(size::BODY)),
            (TextStyle::Button, FontId::proportional(size::BODY)),
            (TextStyle::Heading, FontId::new(size::HEADING, semibold())),
            (TextStyle::Monospace, FontId::monospace(size::SMALL)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(space::ITEM, space::ITEM * 0.75);
        style.spacing.button_padding = egui::vec2(12.0, 6.0);
        style.spacing.interact_size.y = 30.0;
        style.spacing.icon_width = 20.0;
        style.spacing.icon_width_inner = 12.0;
        style.spacing.window_margin = Margin::same(space::CARD);
        style.visuals.widgets.inactive.expansion = 0.0;
    });
}

/// The palette applied to this context (light until one is applied).
pub fn palette(ui: &egui::Ui) -> Palette {
    palette_of(ui.ctx())
}

/// The palette applied to a context.
pub fn palette_of(ctx: &egui::Context) -> Palette {
    ctx.data(|d| d.get_temp::<Palette>(egui::Id::NULL))
        .unwrap_or(LIGHT)
}

/// Text in the semi-bold weight.
pub fn strong(text: impl Into<String>) -> RichText {
    RichText::new(text).family(semibold())
}

/// A screen's title.
pub fn title(text: impl Into<String>) -> RichText {
    RichText::new(text).family(bold_family()).size(size::TITLE)
}

/// A section heading, with an optional icon.
pub fn heading(ui: &mut egui::Ui, icon: Option<&str>, text: impl Into<String>) {
    let text = text.into();
    let text = match icon {
        Some(icon) => format!("{icon}  {text}"),
        None => text,
    };
    ui.add_space(space::ITEM);
    ui.label(
        RichText::new(text)
            .family(semibold())
            .size(size::HEADING)
            .color(palette(ui).accent),
    );
    ui.add_space(2.0);
}

/// Secondary text.
pub fn muted(ui: &egui::Ui, text: impl Into<String>) -> RichText {
    RichText::new(text)
        .size(size::SMALL)
        .color(palette(ui).muted)
}

/// Keeps what follows at most `width` wide, never wider than the room there is:
/// `Ui::set_max_width` alone widens a narrow window's content past its edge
/// (a 1366-pixel laptop with text at 125 % is 1093 points wide).
pub fn max_width(ui: &mut egui::Ui, width: f32) {
    ui.set_max_width(ui.available_width().min(width));
}

/// A column at most `width` wide, centred in the room there is: lines a
/// reader can follow on a projector-sized screen, no wasted edge on a laptop.
pub fn column<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let room = ui.available_width();
    let width = room.min(width);
    let margin = ((room - width) / 2.0).floor();
    let spacing = ui.spacing().item_spacing;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing = spacing;
            ui.set_width(width);
            add(ui)
        })
        .inner
    })
    .inner
}

/// A white card with a border, the width of its container.
pub fn card<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    card_with(ui, None, add)
}

/// A card with a coloured edge on its left (a verdict, a new item).
pub fn card_with<R>(
    ui: &mut egui::Ui,
    edge: Option<Color32>,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let palette = palette(ui);
    let frame = egui::Frame::new()
        .fill(palette.surface)
        .stroke(Stroke::new(1.0, edge.unwrap_or(palette.border)))
        .corner_radius(CornerRadius::same(space::RADIUS))
        .inner_margin(Margin::same(space::CARD));
    let response = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        add(ui)
    });
    if let Some(edge) = edge {
        let rect = response.response.rect;
        ui.painter().rect_filled(
            egui::Rect::from_min_size(rect.min, egui::vec2(5.0, rect.height())),
            CornerRadius {
                nw: space::RADIUS,
                sw: space::RADIUS,
                ne: 0,
                se: 0,
            },
            edge,
        );
    }
    ui.add_space(space::ITEM * 0.75);
    response.inner
}

/// A "new" badge.
pub fn new_badge(ui: &mut egui::Ui, word: &str) {
    let palette = palette(ui);
    egui::Frame::new()
        .fill(palette.new)
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(
                RichText::new(word)
                    .family(semibold())
                    .size(size::SMALL)
                    .color(palette.on_new),
            );
        });
}

/// An unread counter, drawn only when there is something unread.
pub fn counter(ui: &mut egui::Ui, count: usize) {
    if count == 0 {
        return;
    }
    new_badge(ui, &count.to_string());
}

/// Draws the keyboard focus ring around a control that has the focus.
pub fn ring(ui: &egui::Ui, response: egui::Response) -> egui::Response {
    if response.has_focus() {
        ui.painter().rect_stroke(
            response.rect.expand(3.0),
            CornerRadius::same(space::RADIUS + 2),
            Stroke::new(2.5, palette(ui).focus),
            egui::StrokeKind::Outside,
        );
    }
    response
}

/// A chip: a small rounded toggle. Selected chips are filled with the accent.
pub fn chip(ui: &mut egui::Ui, label: &str, selected: bool) -> egui::Response {
    let palette = palette(ui);
    let text = if selected {
        RichText::new(format!("{}  {label}", icon::CHECK))
            .color(palette.on_accent)
            .size(size::SMALL + 1.0)
    } else {
        RichText::new(format!("{}  {label}", icon::PLUS))
            .color(palette.text)
            .size(size::SMALL + 1.0)
    };
    let response = ui.add(toggle(text, selected, palette).corner_radius(CornerRadius::same(14)));
    ring(ui, response)
}

/// A button that is on or off: filled with the accent colour when on.
fn toggle(text: RichText, selected: bool, palette: Palette) -> egui::Button<'static> {
    let (fill, border) = if selected {
        (palette.accent, palette.accent)
    } else {
        (palette.surface, palette.border)
    };
    egui::Button::new(text)
        .fill(fill)
        .stroke(Stroke::new(1.0, border))
}

/// The paper under a case's map in the author preview: white in both
/// themes, as the map is printed.
pub const PAPER: Color32 = Color32::WHITE;

/// A colour of the printed map (`map::draw`'s inks, dark on white, the
/// same on the page and in the preview).
pub fn print_ink([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// A tab of a row of tabs: the selected one filled with the accent colour.
pub fn tab(ui: &mut egui::Ui, glyph: &str, label: &str, selected: bool) -> egui::Response {
    let palette = palette(ui);
    let text = RichText::new(format!("{glyph}  {label}"))
        .size(size::BODY)
        .color(if selected {
            palette.on_accent
        } else {
            palette.text
        });
    let response = ui.add(toggle(text, selected, palette).min_size(egui::vec2(0.0, 34.0)));
    ring(ui, response)
}

/// The main button of a screen: filled with the accent colour.
pub fn primary(ui: &mut egui::Ui, enabled: bool, label: impl Into<String>) -> egui::Response {
    let palette = palette(ui);
    let (fill, fg) = if enabled {
        (palette.accent, palette.on_accent)
    } else {
        (palette.button, palette.disabled)
    };
    let response = ui.add_enabled(
        enabled,
        egui::Button::new(RichText::new(label).family(semibold()).color(fg))
            .fill(fill)
            .min_size(egui::vec2(0.0, 36.0)),
    );
    ring(ui, response)
}

/// A button that ends or skips something: outlined in the breach colour.
pub fn danger(ui: &mut egui::Ui, enabled: bool, label: impl Into<String>) -> egui::Response {
    let palette = palette(ui);
    let response = ui.add_enabled(
        enabled,
        egui::Button::new(RichText::new(label).family(semibold()).color(if enabled {
            palette.breach
        } else {
            palette.disabled
        }))
        .fill(palette.surface)
        .stroke(Stroke::new(1.5, palette.breach))
        .min_size(egui::vec2(0.0, 36.0)),
    );
    ring(ui, response)
}

/// A plain button with an icon.
pub fn button(ui: &mut egui::Ui, enabled: bool, icon: &str, label: &str) -> egui::Response {
    let palette = palette(ui);
    let response = ui.add_enabled(
        enabled,
        egui::Button::new(RichText::new(format!("{icon}  {label}")).color(if enabled {
            palette.text
        } else {
            palette.disabled
        }))
        .min_size(egui::vec2(0.0, 32.0)),
    );
    ring(ui, response)
}

/// What the person answered in a confirmation dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Not yet: the dialog stays open.
    Open,
    /// Cancel, Escape, or a click outside.
    Cancel,
    /// The action the dialog names.
    Yes,
}

/// A modal confirmation: a title, what will happen, Cancel on the left and
/// the action, in the breach colour, on the right.
pub fn confirm(
    ui: &mut egui::Ui,
    id: &str,
    title: impl Into<String>,
    body: impl Into<String>,
    cancel: &str,
    yes: impl Into<String>,
) -> Answer {
    let mut answer = Answer::Open;
    let modal = egui::Modal::new(egui::Id::new(id)).show(ui.ctx(), |ui| {
        max_width(ui, 480.0);
        ui.label(strong(title).size(size::HEADING));
        ui.add_space(space::ITEM);
        ui.label(body.into());
        ui.add_space(space::SECTION);
        ui.horizontal(|ui| {
            if button(ui, true, icon::X, cancel).clicked() {
                answer = Answer::Cancel;
            }
            ui.add_space(space::SECTION * 2.0);
            if danger(ui, true, yes).clicked() {
                answer = Answer::Yes;
            }
        });
    });
    if answer == Answer::Open
        && (modal.should_close() || ui.input(|i| i.key_pressed(egui::Key::Escape)))
    {
        answer = Answer::Cancel;
    }
    answer
}

/// A verdict's symbol: a word always goes with it.
pub fn verdict_icon(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Allowed => icon::CHECK_CIRCLE,
        Verdict::Caution => icon::WARNING,
        Verdict::Breach => icon::PROHIBIT,
    }
}

/// A band across the width: the next step, a refusal, a confirmation.
pub fn band(ui: &mut egui::Ui, fill: Color32, fg: Color32, text: impl Into<String>) {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(CornerRadius::same(space::RADIUS))
        .inner_margin(Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text).family(semibold()).color(fg));
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character a trainee can be shown (the interface's strings in
    /// both languages, every case and rulebook) has a glyph in Inter or
    /// Phosphor alone: the browser client carries no other font, and a
    /// missing glyph would show as an empty box.
    #[test]
    fn inter_and_phosphor_alone_draw_every_character_of_the_texts() {
        use skrifa::MetadataProvider;
        let own = fonts();
        let faces: Vec<skrifa::FontRef<'_>> = ["inter", "inter-semibold", "inter-bold", "phosphor"]
            .iter()
            .map(|name| skrifa::FontRef::new(own.font_data[*name].font.as_ref()).unwrap())
            .collect();
        // Inter's three weights cover the same characters.
        let drawn = |c: char| faces.iter().any(|face| face.charmap().map(c).is_some());
        assert!(
            drawn('é') && !drawn('\u{1F642}'),
            "the check tells a glyph from none"
        );
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![
            root.join("assets/i18n/fr.ftl"),
            root.join("assets/i18n/en.ftl"),
        ];
        for dir in ["scenarios", "scenarios/rulebooks"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
                if entry.path().extension().is_some_and(|e| e == "ron") {
                    files.push(entry.path());
                }
            }
        }
        assert!(files.len() > 8, "{files:?}");
        let mut missing = std::collections::BTreeMap::new();
        for file in &files {
            for c in std::fs::read_to_string(file).unwrap().chars() {
                if !c.is_whitespace() && !drawn(c) {
                    missing
                        .entry(c)
                        .or_insert_with(|| file.display().to_string());
                }
            }
        }
        assert!(
            missing.is_empty(),
            "characters without a glyph: {missing:?}"
        );
    }

    #[test]
    fn every_text_colour_meets_wcag_aa_on_every_background_of_both_themes() {
        let mut failures = Vec::new();
        for (theme, palette) in [("light", LIGHT), ("high contrast", HIGH_CONTRAST)] {
            for (pair, fg, bg) in palette.text_pairs() {
                let ratio = contrast_ratio(fg, bg);
                if ratio < 4.5 {
                    failures.push(format!("{theme}: {pair} is {ratio:.2}:1"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_colour_and_text_size_comes_from_the_theme() {
        fn walk(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, files);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut found = Vec::new();
        for file in files {
            let name = file.display().to_string();
            if name.ends_with("theme.rs") || name.ends_with("tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                let literal_size = line
                    .split(".size(")
                    .skip(1)
                    .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
                if line.contains("Color32::") || literal_size {
                    found.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
        assert!(found.is_empty(), "outside the theme:\n{}", found.join("\n"));
    }

    #[test]
    fn the_ratio_matches_known_values() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        // The review's grey provenance lines: #AAAAAA on #F8F8F8.
        let old = contrast_ratio(
            Color32::from_rgb(0xAA, 0xAA, 0xAA),
            Color32::from_rgb(0xF8, 0xF8, 0xF8),
        );
        assert!((old - 2.2).abs() < 0.1, "{old}");
    }

    #[test]
    fn the_high_contrast_setting_changes_every_colour() {
        let (light, dark) = (LIGHT.text_pairs(), HIGH_CONTRAST.text_pairs());
        for ((name, fg, bg), (_, dfg, dbg)) in light.iter().zip(&dark) {
            assert!(fg != dfg || bg != dbg, "{name} is the same in both themes");
        }
        let all = |p: &Palette| {
            [
                p.bg,
                p.panel,
                p.surface,
                p.text,
                p.muted,
                p.accent,
                p.on_accent,
                p.accent_soft,
                p.border,
                p.focus,
                p.allowed,
                p.caution,
                p.breach,
                p.new,
                p.on_new,
                p.disabled,
                p.button,
            ]
        };
        for (a, b) in all(&LIGHT).iter().zip(all(&HIGH_CONTRAST).iter()) {
            assert_ne!(a, b);
        }
    }

    #[test]
    fn the_fonts_cover_french_and_the_icons() {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        // The fonts bind at the next pass.
        for _ in 0..2 {
            ctx.run_ui(egui::RawInput::default(), |_| {})
                .textures_delta
                .clear();
        }
        let text = "Éléonore a déjà reçu l'aînée ; où ça ? « Œuvre » — ÂÊÎÔÛ àèìòù çÇ ëïüÿ";
        ctx.fonts_mut(|fonts| {
            for family in [FontFamily::Proportional, semibold(), bold_family()] {
                let font = FontId::new(16.0, family.clone());
                for c in text.chars().chain(icon::CHECK_CIRCLE.chars()) {
                    assert!(
                        fonts.has_glyph(&font, c),
                        "{family:?} has no glyph for {c:?}"
                    );
                }
            }
        });
    }
}
