//! Colours, sizes and the focus style: the only place the app defines them.
//!
//! Three themes (light, in the GOV.UK palette; dark; high contrast), each a [`Palette`] of
//! named colours. Every screen takes its colours from the palette in use, so a test can
//! check the contrast of every pair. The focus ring is GOV.UK yellow with a dark outline,
//! drawn on top of everything. Meaning is never carried by colour alone: every highlight
//! also has a word.

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, Visuals};

/// The themes a user can choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    /// Dark text on white, in the GOV.UK palette.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
    /// White text on black, with yellow for links and focus.
    HighContrast,
}

impl ThemeChoice {
    /// Every theme, in the order offered.
    pub const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::HighContrast];

    /// The theme's name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Light => "Light theme",
            Self::Dark => "Dark theme",
            Self::HighContrast => "High-contrast theme",
        }
    }

    /// The theme's colours.
    pub fn palette(self) -> Palette {
        match self {
            Self::Light => LIGHT,
            Self::Dark => DARK,
            Self::HighContrast => HIGH_CONTRAST,
        }
    }

    /// The room view's colours in this choice: the projector palette, which the room view
    /// uses whatever the console's theme is.
    pub fn room_palette(self) -> Palette {
        match self {
            Self::Light => PROJECTOR_LIGHT,
            Self::Dark => PROJECTOR_DARK,
            Self::HighContrast => HIGH_CONTRAST,
        }
    }

    /// The choice's name for the room view's colours, which the facilitator picks.
    pub fn room_label(self) -> &'static str {
        match self {
            Self::Light => "Room view: dark text on white",
            Self::Dark => "Room view: light text on black",
            Self::HighContrast => "Room view: high contrast",
        }
    }
}

/// Every colour the app uses, for one theme. A test checks the contrast of every pair that
/// carries text or marks a control.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Text.
    pub text: Color32,
    /// Secondary text: hints, counts, metadata.
    pub secondary_text: Color32,
    /// The window background.
    pub background: Color32,
    /// Background of grey panels and boxes.
    pub panel: Color32,
    /// Borders of cards and boxes (decorative).
    pub border: Color32,
    /// Borders of controls: buttons, radio buttons, text fields.
    pub control_border: Color32,
    /// Button background.
    pub button: Color32,
    /// Links and the selected item.
    pub blue: Color32,
    /// The focus highlight.
    pub focus: Color32,
    /// The outline drawn outside the focus highlight.
    pub focus_outline: Color32,
    /// Errors and "differs from the model".
    pub error: Color32,
    /// Agreement.
    pub green: Color32,
    /// Needs attention; contested.
    pub orange: Color32,
    /// Text on the error, green, orange and blue fills of tags.
    pub on_strong: Color32,
    /// Background of a passage cited as evidence while marking.
    pub cited_fill: Color32,
    /// Background of evidence the trainee found.
    pub found_fill: Color32,
    /// Background of evidence the trainee missed.
    pub missed_fill: Color32,
    /// Background of passages the trainee cited that the model does not.
    pub extra_fill: Color32,
    /// Background of a factor read as missing, in the matrix.
    pub missing_fill: Color32,
}

const fn rgb(r: u8, g: u8, b: u8) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// The GOV.UK palette on white.
pub const LIGHT: Palette = Palette {
    text: rgb(0x0b, 0x0c, 0x0c),
    secondary_text: rgb(0x50, 0x5a, 0x5f),
    background: rgb(0xff, 0xff, 0xff),
    panel: rgb(0xf3, 0xf2, 0xf1),
    border: rgb(0xb1, 0xb4, 0xb6),
    control_border: rgb(0x50, 0x5a, 0x5f),
    button: rgb(0xf3, 0xf2, 0xf1),
    blue: rgb(0x1d, 0x70, 0xb8),
    focus: rgb(0xff, 0xdd, 0x00),
    focus_outline: rgb(0x0b, 0x0c, 0x0c),
    error: rgb(0xd4, 0x35, 0x1c),
    green: rgb(0x00, 0x70, 0x3c),
    orange: rgb(0xb5, 0x4d, 0x00),
    on_strong: rgb(0xff, 0xff, 0xff),
    cited_fill: rgb(0xd2, 0xe2, 0xf1),
    found_fill: rgb(0xcc, 0xe2, 0xd8),
    missed_fill: rgb(0xff, 0xe6, 0xb3),
    extra_fill: rgb(0xe8, 0xe8, 0xe8),
    missing_fill: rgb(0xf6, 0xd7, 0xd2),
};

/// Light text on a dark background.
pub const DARK: Palette = Palette {
    text: rgb(0xf3, 0xf2, 0xf1),
    secondary_text: rgb(0xb1, 0xb4, 0xb6),
    background: rgb(0x1b, 0x1c, 0x1d),
    panel: rgb(0x2a, 0x2c, 0x2e),
    border: rgb(0x50, 0x5a, 0x5f),
    control_border: rgb(0x9a, 0xa0, 0xa3),
    button: rgb(0x32, 0x35, 0x38),
    blue: rgb(0x8e, 0xbd, 0xeb),
    focus: rgb(0xff, 0xdd, 0x00),
    focus_outline: rgb(0x0b, 0x0c, 0x0c),
    error: rgb(0xff, 0x8a, 0x78),
    green: rgb(0x6f, 0xcf, 0x97),
    orange: rgb(0xff, 0xb0, 0x66),
    on_strong: rgb(0x0b, 0x0c, 0x0c),
    cited_fill: rgb(0x0f, 0x3a, 0x63),
    found_fill: rgb(0x0d, 0x40, 0x26),
    missed_fill: rgb(0x5a, 0x3d, 0x00),
    extra_fill: rgb(0x3a, 0x3c, 0x3e),
    missing_fill: rgb(0x5c, 0x1e, 0x16),
};

/// White on black, with yellow for links and the focus.
pub const HIGH_CONTRAST: Palette = Palette {
    text: rgb(0xff, 0xff, 0xff),
    secondary_text: rgb(0xff, 0xff, 0xff),
    background: rgb(0x00, 0x00, 0x00),
    panel: rgb(0x00, 0x00, 0x00),
    border: rgb(0xff, 0xff, 0xff),
    control_border: rgb(0xff, 0xff, 0xff),
    button: rgb(0x00, 0x00, 0x00),
    blue: rgb(0xff, 0xff, 0x00),
    focus: rgb(0xff, 0xff, 0x00),
    focus_outline: rgb(0x00, 0x00, 0x00),
    error: rgb(0xff, 0x80, 0x80),
    green: rgb(0x80, 0xff, 0x80),
    orange: rgb(0xff, 0xc0, 0x40),
    on_strong: rgb(0x00, 0x00, 0x00),
    cited_fill: rgb(0x00, 0x00, 0x80),
    found_fill: rgb(0x00, 0x4d, 0x00),
    missed_fill: rgb(0x4d, 0x33, 0x00),
    extra_fill: rgb(0x33, 0x33, 0x33),
    missing_fill: rgb(0x66, 0x00, 0x00),
};

/// The projector's light palette, the room view's default: the GOV.UK palette with darker
/// secondary text and links, as a projector washes colours out in a lit room.
pub const PROJECTOR_LIGHT: Palette = Palette {
    secondary_text: rgb(0x38, 0x3f, 0x43),
    blue: rgb(0x14, 0x4e, 0x81),
    panel: rgb(0xff, 0xff, 0xff),
    button: rgb(0xff, 0xff, 0xff),
    border: rgb(0x50, 0x5a, 0x5f),
    control_border: rgb(0x0b, 0x0c, 0x0c),
    ..LIGHT
};

/// The projector's dark palette: white on near black, for a dimmed room.
pub const PROJECTOR_DARK: Palette = Palette {
    text: rgb(0xff, 0xff, 0xff),
    secondary_text: rgb(0xd0, 0xd4, 0xd6),
    background: rgb(0x0b, 0x0c, 0x0c),
    panel: rgb(0x0b, 0x0c, 0x0c),
    button: rgb(0x1b, 0x1c, 0x1d),
    ..DARK
};

/// The WCAG 2.2 contrast ratio of two colours, from 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    fn channel(c: u8) -> f32 {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Color32) -> f32 {
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (x, y) = (luminance(a), luminance(b));
    let (light, dark) = if x > y { (x, y) } else { (y, x) };
    (light + 0.05) / (dark + 0.05)
}

/// The colours of the theme in use: the room view's palette while the room view is drawn
/// (see [`with_room_palette`]), otherwise the console's theme.
pub fn colors(ui: &egui::Ui) -> Palette {
    ui.ctx()
        .data(|d| d.get_temp::<Palette>(room_palette_id()))
        .unwrap_or_else(|| current(ui.ctx()).palette())
}

fn room_palette_id() -> egui::Id {
    egui::Id::unique("casebook_room_palette")
}

/// Draws `add` in the room view's palette, whatever the console's theme: its own
/// background, text and widget colours, and [`colors`] answering with the room's palette.
pub fn with_room_palette<R>(
    ui: &mut egui::Ui,
    choice: ThemeChoice,
    margin: f32,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let palette = choice.room_palette();
    ui.style_mut().visuals = visuals(&palette, choice);
    ui.ctx()
        .data_mut(|d| d.insert_temp(room_palette_id(), palette));
    let inner = egui::Frame::new()
        .fill(palette.background)
        .inner_margin(margin)
        .show(ui, |ui| {
            ui.set_min_size(ui.available_size());
            add(ui)
        })
        .inner;
    ui.ctx()
        .data_mut(|d| d.remove::<Palette>(room_palette_id()));
    inner
}

/// The theme in use.
pub fn current(ctx: &egui::Context) -> ThemeChoice {
    ctx.data(|d| d.get_temp::<ThemeChoice>(egui::Id::NULL))
        .unwrap_or_default()
}

/// Size of body text, in points: large enough to read on a laptop at arm's length.
pub const BODY_SIZE: f32 = 16.0;
/// Size of headings.
pub const HEADING_SIZE: f32 = 24.0;
/// Smallest target for anything clickable, in points (WCAG 2.2 target size).
pub const MIN_TARGET: f32 = 28.0;

/// The name of the bold font family.
const BOLD: &str = "Bold";

/// The bold font family, for headings and emphasis.
pub fn bold() -> FontFamily {
    FontFamily::Name(BOLD.into())
}

/// DejaVu Sans, regular and bold. The desktop app has them in full. The browser build,
/// which the browser downloads whole, has them cut down to the scripts and symbols a case
/// uses (`scripts/subset-fonts.sh`), and not egui's own fonts besides (Cargo.toml turns
/// them on for the desktop only).
#[cfg(not(target_arch = "wasm32"))]
const DEJAVU: (&[u8], &[u8]) = (
    include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
);
#[cfg(target_arch = "wasm32")]
const DEJAVU: (&[u8], &[u8]) = (
    include_bytes!("../../assets/fonts/web/DejaVuSans.ttf"),
    include_bytes!("../../assets/fonts/web/DejaVuSans-Bold.ttf"),
);

/// How the browser build draws its cut-down fonts: without hinting, and at whole pixels.
/// The cut-down fonts carry no hinting instructions, so egui would work out hints for every
/// glyph itself; and at whole pixels it draws each glyph once, not at up to four
/// quarter-pixel offsets. Together they took the browser's first pass over the library
/// from 257 ms to 105 ms (docs/performance.md); side by side the text looks the same.
#[cfg(any(target_arch = "wasm32", test))]
fn web_tweak() -> egui::FontTweak {
    egui::FontTweak {
        hinting: Some(false),
        subpixel_binning: Some(false),
        ..egui::FontTweak::default()
    }
}

/// `base` (egui's own fonts, or none) with DejaVu Sans in front for text and bold, and
/// behind egui's monospace font, so that every family has a face.
fn font_definitions(
    mut fonts: egui::FontDefinitions,
    (regular, bold_face): (&'static [u8], &'static [u8]),
    tweak: egui::FontTweak,
) -> egui::FontDefinitions {
    fonts.font_data.insert(
        "DejaVuSans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(regular).tweak(tweak.clone())),
    );
    fonts.font_data.insert(
        "DejaVuSans-Bold".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(bold_face).tweak(tweak)),
    );
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut regular_faces = vec!["DejaVuSans".to_owned()];
    regular_faces.extend(fallbacks.iter().cloned());
    let mut bold_faces = vec!["DejaVuSans-Bold".to_owned(), "DejaVuSans".to_owned()];
    bold_faces.extend(fallbacks);
    fonts
        .families
        .insert(FontFamily::Proportional, regular_faces);
    fonts.families.insert(bold(), bold_faces);
    fonts
        .families
        .entry(FontFamily::Monospace)
        .or_default()
        .push("DejaVuSans".to_owned());
    fonts
}

/// Installs DejaVu Sans (regular and bold) in front of egui's own fonts. DejaVu covers far
/// more of Unicode than egui's default font, so case text in other scripts or with
/// symbols still shows, and it gives the app a real bold.
fn install_fonts(ctx: &egui::Context) {
    #[cfg(target_arch = "wasm32")]
    let tweak = web_tweak();
    #[cfg(not(target_arch = "wasm32"))]
    let tweak = egui::FontTweak::default();
    ctx.set_fonts(font_definitions(
        egui::FontDefinitions::default(),
        DEJAVU,
        tweak,
    ));
}

/// Applies the fonts, a theme, text sizes and spacing to a context.
pub fn apply(ctx: &egui::Context, choice: ThemeChoice) {
    install_fonts(ctx);
    set_theme(ctx, choice);
}

/// Switches the theme.
pub fn set_theme(ctx: &egui::Context, choice: ThemeChoice) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::NULL, choice));
    let palette = choice.palette();
    ctx.set_theme(if choice == ThemeChoice::Light {
        egui::Theme::Light
    } else {
        egui::Theme::Dark
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(HEADING_SIZE, bold())),
            (
                TextStyle::Name("Subheading".into()),
                FontId::new(19.0, bold()),
            ),
            (
                TextStyle::Body,
                FontId::new(BODY_SIZE, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
            (
                TextStyle::Button,
                FontId::new(BODY_SIZE, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(14.0, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.interact_size.y = MIN_TARGET;
        style.spacing.button_padding = egui::vec2(10.0, 5.0);
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.icon_width = 18.0;
        style.visuals = visuals(&palette, choice);
    });
}

fn visuals(p: &Palette, choice: ThemeChoice) -> Visuals {
    let mut visuals = if choice == ThemeChoice::Light {
        Visuals::light()
    } else {
        Visuals::dark()
    };
    visuals.override_text_color = Some(p.text);
    visuals.hyperlink_color = p.blue;
    visuals.selection.bg_fill = p.cited_fill;
    visuals.selection.stroke = Stroke::new(2.0, p.blue);
    // Panels are see-through: the window is cleared to the background colour instead
    // (`CasebookApp::clear_color`). Filling every panel again shades each pixel of the
    // window twice, which a software renderer or an old laptop's graphics pay for.
    visuals.panel_fill = Color32::TRANSPARENT;
    visuals.window_fill = p.background;
    visuals.window_stroke = Stroke::new(1.0, p.border);
    visuals.extreme_bg_color = p.background;
    visuals.faint_bg_color = p.panel;
    visuals.code_bg_color = p.panel;
    let widgets = &mut visuals.widgets;
    widgets.noninteractive.fg_stroke = Stroke::new(1.0, p.text);
    widgets.noninteractive.bg_stroke = Stroke::new(1.0, p.border);
    for state in [
        &mut widgets.inactive,
        &mut widgets.hovered,
        &mut widgets.active,
        &mut widgets.open,
    ] {
        state.bg_fill = p.button;
        state.weak_bg_fill = p.button;
        state.fg_stroke = Stroke::new(1.5, p.text);
        state.bg_stroke = Stroke::new(1.0, p.control_border);
    }
    widgets.hovered.bg_stroke = Stroke::new(2.0, p.text);
    widgets.active.bg_stroke = Stroke::new(2.0, p.text);
    visuals
}

/// Paints the GOV.UK focus style (a yellow ring with a dark outline) around the widget that
/// has keyboard focus, on top of everything, so no panel hides it.
pub fn paint_focus_ring(ctx: &egui::Context) {
    let Some(id) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let rect = response.interact_rect;
    if !rect.is_positive() {
        return;
    }
    let p = current(ctx).palette();
    let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("focus_ring"));
    let painter = ctx.layer_painter(layer);
    let ring = rect.expand(2.0);
    painter.rect_stroke(
        ring,
        3.0,
        Stroke::new(3.0, p.focus),
        egui::StrokeKind::Outside,
    );
    painter.rect_stroke(
        ring.expand(3.0),
        3.0,
        Stroke::new(2.0, p.focus_outline),
        egui::StrokeKind::Outside,
    );
}

/// Text in the subheading style.
pub fn subheading(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text)
        .text_style(TextStyle::Name("Subheading".into()))
        .family(bold())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The browser build's fonts, as `DEJAVU` is there.
    const WEB: (&[u8], &[u8]) = (
        include_bytes!("../../assets/fonts/web/DejaVuSans.ttf"),
        include_bytes!("../../assets/fonts/web/DejaVuSans-Bold.ttf"),
    );

    /// Every character of the bundled cases, the model and the app's own source (its
    /// words on screen are in it), but line breaks and tabs.
    fn casebook_characters() -> std::collections::BTreeSet<char> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut found = std::collections::BTreeSet::new();
        for folder in ["scenarios", "assets", "src"] {
            for entry in walkdir::WalkDir::new(root.join(folder)) {
                let path = entry.expect("the folder can be read").into_path();
                let text = matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("ron" | "rs" | "md" | "txt")
                );
                if text {
                    let content = std::fs::read_to_string(&path).expect("the file is text");
                    found.extend(content.chars().filter(|c| !c.is_control()));
                }
            }
        }
        found
    }

    #[test]
    fn the_browser_builds_fonts_cover_every_character_of_the_casebook() {
        let ctx = egui::Context::default();
        // In the browser build egui has no fonts of its own.
        ctx.set_fonts(font_definitions(
            egui::FontDefinitions::empty(),
            WEB,
            web_tweak(),
        ));
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let characters = casebook_characters();
        assert!(characters.contains(&'£') && characters.contains(&'…'));
        for family in [FontFamily::Proportional, bold(), FontFamily::Monospace] {
            let font = FontId::new(BODY_SIZE, family.clone());
            let missing: String = ctx.fonts_mut(|fonts| {
                characters
                    .iter()
                    .filter(|c| !fonts.has_glyph(&font, **c))
                    .collect()
            });
            assert_eq!(
                missing, "",
                "{family:?} lacks these; add them to scripts/subset-fonts.sh"
            );
        }
    }
}
