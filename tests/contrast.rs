//! Colour contrast in every theme, computed from the theme's colour tokens: text at least
//! 4.5:1 against every background it is drawn on, and the parts of controls at least 3:1
//! (WCAG 2.2 AA, 1.4.3 and 1.4.11).

use collab_casebook::ui::SettingsAction;
use collab_casebook::ui::theme::{Palette, ThemeChoice, contrast_ratio};
use collab_casebook::ui::{Action, CasebookApp};

fn text_pairs(p: &Palette) -> Vec<(&'static str, egui::Color32, egui::Color32)> {
    vec![
        ("text on background", p.text, p.background),
        ("text on panels", p.text, p.panel),
        ("text on buttons", p.text, p.button),
        (
            "secondary text on background",
            p.secondary_text,
            p.background,
        ),
        ("secondary text on panels", p.secondary_text, p.panel),
        ("links on background", p.blue, p.background),
        ("error text on background", p.error, p.background),
        ("green text on background", p.green, p.background),
        ("text on cited evidence", p.text, p.cited_fill),
        ("text on found evidence", p.text, p.found_fill),
        ("text on missed evidence", p.text, p.missed_fill),
        ("text on extra evidence", p.text, p.extra_fill),
        ("text on missing cells", p.text, p.missing_fill),
        ("tag text on green", p.on_strong, p.green),
        ("tag text on red", p.on_strong, p.error),
        ("tag text on orange", p.on_strong, p.orange),
    ]
}

fn component_pairs(p: &Palette) -> Vec<(&'static str, egui::Color32, egui::Color32)> {
    vec![
        (
            "control borders on background",
            p.control_border,
            p.background,
        ),
        ("control borders on buttons", p.control_border, p.button),
        ("focus ring against its outline", p.focus, p.focus_outline),
        ("orange borders on background", p.orange, p.background),
        ("selected item on background", p.blue, p.background),
    ]
}

/// Each palette the app paints with: the three console themes and the room view's three
/// projector palettes, which the facilitator chooses apart from the console's theme.
fn palettes() -> Vec<(&'static str, Palette)> {
    ThemeChoice::ALL
        .iter()
        .flat_map(|t| [(t.label(), t.palette()), (t.room_label(), t.room_palette())])
        .collect()
}

#[test]
fn every_theme_meets_aa_contrast() {
    let mut failures = Vec::new();
    for (name, palette) in palettes() {
        for (what, fg, bg) in text_pairs(&palette) {
            let ratio = contrast_ratio(fg, bg);
            if ratio < 4.5 {
                failures.push(format!("{name}: {what} is {ratio:.2}:1, needs 4.5:1"));
            }
        }
        for (what, fg, bg) in component_pairs(&palette) {
            let ratio = contrast_ratio(fg, bg);
            if ratio < 3.0 {
                failures.push(format!("{name}: {what} is {ratio:.2}:1, needs 3:1"));
            }
        }
    }
    for (name, p) in palettes() {
        // The focus indicator is two bands: whichever stands out more against the page
        // must reach 3:1.
        let indicator = contrast_ratio(p.focus, p.background)
            .max(contrast_ratio(p.focus_outline, p.background));
        if indicator < 3.0 {
            failures.push(format!(
                "{name}: the focus indicator is {indicator:.2}:1 on the page, needs 3:1"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The room view has its own palettes, so a dark console never projects light grey on
/// white, and each differs from the console theme of the same name where a projector
/// needs it (light: darker secondary text and links).
#[test]
fn the_room_view_has_projector_palettes_of_its_own() {
    assert_eq!(
        ThemeChoice::default().room_palette().background,
        egui::Color32::WHITE
    );
    assert_ne!(
        ThemeChoice::Light.room_palette(),
        ThemeChoice::Light.palette()
    );
    assert_ne!(
        ThemeChoice::Dark.room_palette(),
        ThemeChoice::Dark.palette()
    );
    let light = ThemeChoice::Light.room_palette();
    assert!(
        contrast_ratio(light.secondary_text, light.background)
            > contrast_ratio(
                ThemeChoice::Light.palette().secondary_text,
                light.background
            )
    );
}

#[test]
fn the_contrast_formula_matches_known_values() {
    let black = egui::Color32::BLACK;
    let white = egui::Color32::WHITE;
    assert!((contrast_ratio(black, white) - 21.0).abs() < 0.01);
    assert!((contrast_ratio(white, white) - 1.0).abs() < 0.001);
    // GOV.UK's secondary text on white is documented as about 7:1.
    let secondary = egui::Color32::from_rgb(0x50, 0x5a, 0x5f);
    assert!((contrast_ratio(secondary, white) - 7.0).abs() < 0.2);
}

/// The pairs above assume text sits on the palette's background. The window is cleared to
/// that colour, and panels are see-through so that it is painted once, not twice: check
/// both, in every theme, after choosing the theme as a user would.
#[test]
fn the_window_is_cleared_to_the_themes_background() {
    let model = collab_casebook::io::builtin_model().expect("the built-in model loads");
    for theme in ThemeChoice::ALL {
        let mut app = CasebookApp::with_model(model.clone());
        app.apply(Action::Settings(SettingsAction::SetTheme(theme)));
        let ctx = egui::Context::default();
        collab_casebook::ui::theme::apply(&ctx, theme);
        let visuals = ctx.global_style().visuals.clone();
        assert_eq!(
            eframe::App::clear_color(&app, &visuals),
            theme.palette().background.to_normalized_gamma_f32(),
            "{}",
            theme.label()
        );
        assert_eq!(
            visuals.panel_fill,
            egui::Color32::TRANSPARENT,
            "{}: panels paint over the background",
            theme.label()
        );
    }
}
