//! Colours, sizes and the focus style: the only place the app defines them.
//!
//! Colours follow the GOV.UK palette: near-black text on white, blue for links and the
//! selected factor, the yellow focus ring with a dark outline, and green, orange and grey
//! tints for evidence that is found, missed or extra. Meaning is never carried by colour
//! alone: every highlight also has a word.

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle, Visuals};

/// GOV.UK text colour.
pub const TEXT: Color32 = Color32::from_rgb(0x0b, 0x0c, 0x0c);
/// Secondary text.
pub const SECONDARY_TEXT: Color32 = Color32::from_rgb(0x50, 0x5a, 0x5f);
/// GOV.UK blue, for links and the selected item.
pub const BLUE: Color32 = Color32::from_rgb(0x1d, 0x70, 0xb8);
/// The focus yellow.
pub const FOCUS: Color32 = Color32::from_rgb(0xff, 0xdd, 0x00);
/// GOV.UK red, for errors.
pub const ERROR: Color32 = Color32::from_rgb(0xd4, 0x35, 0x1c);
/// GOV.UK green, for agreement.
pub const GREEN: Color32 = Color32::from_rgb(0x00, 0x70, 0x3c);
/// Light grey background for panels.
pub const PANEL: Color32 = Color32::from_rgb(0xf3, 0xf2, 0xf1);
/// Borders.
pub const BORDER: Color32 = Color32::from_rgb(0xb1, 0xb4, 0xb6);
/// Background of a passage cited as evidence while marking.
pub const CITED_FILL: Color32 = Color32::from_rgb(0xd2, 0xe2, 0xf1);
/// Background of evidence the trainee found.
pub const FOUND_FILL: Color32 = Color32::from_rgb(0xcc, 0xe2, 0xd8);
/// Background of evidence the trainee missed.
pub const MISSED_FILL: Color32 = Color32::from_rgb(0xff, 0xe6, 0xb3);
/// Background of passages the trainee cited that the model does not.
pub const EXTRA_FILL: Color32 = Color32::from_rgb(0xe8, 0xe8, 0xe8);
/// Background of a factor the model reads as missing, in the matrix.
pub const MISSING_FILL: Color32 = Color32::from_rgb(0xf6, 0xd7, 0xd2);
/// The orange used for "needs attention".
pub const ORANGE: Color32 = Color32::from_rgb(0xb5, 0x4d, 0x00);

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

/// Installs DejaVu Sans (regular and bold) in front of egui's own fonts. DejaVu covers far
/// more of Unicode than egui's default font, so case text in other scripts or with
/// symbols still shows, and it gives the app a real bold.
fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "DejaVuSans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
    );
    fonts.font_data.insert(
        "DejaVuSans-Bold".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans-Bold.ttf"
        ))),
    );
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut regular = vec!["DejaVuSans".to_owned()];
    regular.extend(fallbacks.iter().cloned());
    let mut bold_faces = vec!["DejaVuSans-Bold".to_owned(), "DejaVuSans".to_owned()];
    bold_faces.extend(fallbacks);
    fonts.families.insert(FontFamily::Proportional, regular);
    fonts.families.insert(bold(), bold_faces);
    ctx.set_fonts(fonts);
}

/// Applies the fonts, the light theme, text sizes and the GOV.UK focus style to a context.
pub fn apply(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.set_theme(egui::Theme::Light);
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
        style.visuals = visuals();
    });
}

fn visuals() -> Visuals {
    let mut visuals = Visuals::light();
    visuals.override_text_color = Some(TEXT);
    visuals.hyperlink_color = BLUE;
    visuals.selection.bg_fill = CITED_FILL;
    visuals.selection.stroke = Stroke::new(2.0, BLUE);
    visuals.widgets.noninteractive.fg_stroke = Stroke::new(1.0, TEXT);
    visuals.widgets.inactive.fg_stroke = Stroke::new(1.0, TEXT);
    visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, SECONDARY_TEXT);
    visuals.widgets.hovered.fg_stroke = Stroke::new(1.5, TEXT);
    visuals.widgets.hovered.bg_stroke = Stroke::new(2.0, TEXT);
    visuals.widgets.active.fg_stroke = Stroke::new(2.0, TEXT);
    visuals.panel_fill = Color32::WHITE;
    visuals.window_fill = Color32::WHITE;
    visuals.extreme_bg_color = Color32::WHITE;
    visuals.faint_bg_color = PANEL;
    visuals
}

/// Paints the GOV.UK focus style (yellow fill edge with a thick dark outline) around a
/// focused widget.
pub fn paint_focus(ui: &egui::Ui, response: &egui::Response) {
    if response.has_focus() {
        let rect = response.rect.expand(2.0);
        ui.painter().rect_stroke(
            rect,
            2.0,
            Stroke::new(3.0, FOCUS),
            egui::StrokeKind::Outside,
        );
        ui.painter().rect_stroke(
            rect.expand(3.0),
            2.0,
            Stroke::new(2.0, TEXT),
            egui::StrokeKind::Outside,
        );
    }
}

/// Text in the subheading style.
pub fn subheading(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text)
        .text_style(TextStyle::Name("Subheading".into()))
        .family(bold())
}
