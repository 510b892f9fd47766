//! Issue 15, a seminar a facilitator can lean on: the room view's own palette, the room
//! view staying open off the console, contested factors in the room, tallies typed at
//! speed, saving with no file dialog.

use crate::common::{app_harness, bundled, model, press};
use collab_casebook::CasebookApp;
use collab_casebook::domain::Verdict;
use collab_casebook::ui::seminar::Stage;
use collab_casebook::ui::theme::{ThemeChoice, contrast_ratio};
use collab_casebook::ui::{Action, Screen};
use collab_casebook::ui::{SeminarAction, SettingsAction};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// A seminar on Universal Credit, at the factor `factor`.
fn seminar_at(factor: &str) -> (Harness<'static, CasebookApp>, usize) {
    let model = model();
    let case = bundled("universal-credit");
    let index = model
        .factors
        .iter()
        .position(|f| f.id.as_str() == factor)
        .expect("the factor is in the model");
    let mut harness = app_harness();
    press(&mut harness, &format!("Run a seminar: {}", case.title));
    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::Go(Stage::Factor(index))));
    harness.run();
    (harness, index)
}

fn hands(harness: &Harness<'static, CasebookApp>, factor: &str, verdict: Verdict) -> u32 {
    let seminar = harness.state().seminar().expect("a seminar is running");
    seminar
        .hands
        .iter()
        .find(|(id, _)| id.as_str() == factor)
        .map_or(0, |(_, tally)| tally.count(verdict))
}

/// One frame of keys, all arriving together, as winit delivers them when the window is
/// busy: each digit as a key press and its text, `\t` as a Tab press and release.
fn keys_in_one_frame(harness: &mut Harness<'static, CasebookApp>, typed: &str) {
    for c in typed.chars() {
        let key = if c == '\t' {
            egui::Key::Tab
        } else {
            egui::Key::from_name(&c.to_string()).expect("a digit")
        };
        for pressed in [true, false] {
            harness.input_mut().events.push(egui::Event::Key {
                key,
                physical_key: Some(key),
                pressed,
                repeat: false,
                modifiers: egui::Modifiers::NONE,
            });
            if pressed && c != '\t' {
                harness
                    .input_mut()
                    .events
                    .push(egui::Event::Text(c.to_string()));
            }
        }
    }
    harness.step();
}

/// Digits and Tabs arriving together in one frame, as they do when a facilitator types
/// tallies at normal speed while the room view is open: each box keeps every digit typed
/// into it ("12" stays 12, not 1 with the 2 in the next box).
#[test]
fn tallies_typed_fast_with_tab_between_boxes_keep_every_digit() {
    let (mut harness, _) = seminar_at("senior-vision");
    harness.get_by_label("Hands for Present").focus();
    harness.run();
    // "1" in one frame; "2" and Tab in the next; "34" and Tab in a third.
    keys_in_one_frame(&mut harness, "1");
    keys_in_one_frame(&mut harness, "2\t");
    keys_in_one_frame(&mut harness, "34\t");
    harness.run();
    assert_eq!(hands(&harness, "senior-vision", Verdict::Present), 12);
    assert_eq!(hands(&harness, "senior-vision", Verdict::Partly), 34);
    // All in one frame: digits, Tab, digits, Tab.
    keys_in_one_frame(&mut harness, "5\t67\t");
    harness.run();
    assert_eq!(hands(&harness, "senior-vision", Verdict::Missing), 5);
    assert_eq!(hands(&harness, "senior-vision", Verdict::CantTell), 67);
    assert!(matches!(harness.state().screen(), Screen::Seminar));
}

/// What was painted this frame, in painting order (later covers earlier).
enum Painted {
    /// Text: where, what, and each colour it is drawn in.
    Text(egui::Pos2, String, Vec<egui::Color32>),
    /// A filled rectangle.
    Fill(egui::Rect, egui::Color32),
}

fn painted(harness: &Harness<'static, CasebookApp>) -> Vec<Painted> {
    fn walk(shape: &egui::Shape, out: &mut Vec<Painted>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Rect(rect) => out.push(Painted::Fill(rect.rect, rect.fill)),
            egui::Shape::Text(text) => {
                let colours = text
                    .galley
                    .job
                    .sections
                    .iter()
                    .map(|section| {
                        text.override_text_color.unwrap_or(
                            if section.format.color == egui::Color32::PLACEHOLDER {
                                text.fallback_color
                            } else {
                                section.format.color
                            },
                        )
                    })
                    .collect();
                out.push(Painted::Text(
                    text.pos,
                    text.galley.text().to_owned(),
                    colours,
                ));
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// Every text shape painted this frame: where, its text and its colours.
fn painted_text(
    harness: &Harness<'static, CasebookApp>,
) -> Vec<(egui::Pos2, String, Vec<egui::Color32>)> {
    painted(harness)
        .into_iter()
        .filter_map(|p| match p {
            Painted::Text(pos, text, colours) => Some((pos, text, colours)),
            Painted::Fill(..) => None,
        })
        .collect()
}

/// The room view's text, found by the first section's heading (the console names it
/// "Section 1: ..."), is drawn on the room palette's background in the room palette's
/// text colour, and every piece of text on that background reaches 4.5:1, whatever theme
/// the console uses and whichever room colours the facilitator picks.
#[test]
fn the_room_view_has_its_own_readable_palette_in_every_console_theme() {
    let case = bundled("universal-credit");
    let heading = &case.sections[0].heading;
    for console in ThemeChoice::ALL {
        for room in ThemeChoice::ALL {
            let mut harness = app_harness();
            harness
                .state_mut()
                .apply(Action::Settings(SettingsAction::SetTheme(console)));
            press(&mut harness, &format!("Run a seminar: {}", case.title));
            if room != ThemeChoice::default() {
                press(&mut harness, room.room_label());
            }
            assert_eq!(harness.state().settings().room_theme, room);
            harness.step();
            let palette = room.room_palette();
            let shapes = painted(&harness);
            let (at, colours) = shapes
                .iter()
                .find_map(|p| match p {
                    Painted::Text(at, t, colours) if t == heading => Some((*at, colours)),
                    _ => None,
                })
                .expect("the room view shows the first section's heading");
            assert_eq!(
                colours,
                &vec![palette.text],
                "{console:?} console, {room:?} room"
            );
            // The largest fill in the room's background under the heading, and what is
            // painted over it.
            let (first, background) = shapes
                .iter()
                .enumerate()
                .filter_map(|(n, p)| match p {
                    Painted::Fill(rect, fill) if *fill == palette.background && rect.contains(at) => {
                        Some((n, *rect))
                    }
                    _ => None,
                })
                .max_by(|a, b| a.1.area().total_cmp(&b.1.area()))
                .unwrap_or_else(|| {
                    panic!("{console:?} console, {room:?} room: the room's background is painted under its text")
                });
            for shape in shapes.iter().skip(first) {
                let Painted::Text(pos, what, colours) = shape else {
                    continue;
                };
                if !background.contains(*pos) {
                    continue;
                }
                for colour in colours {
                    let ratio = contrast_ratio(*colour, palette.background);
                    assert!(
                        ratio >= 4.5,
                        "{console:?} console, {room:?} room: {what:?} is {ratio:.2}:1 on the room's background"
                    );
                }
            }
        }
    }
}

/// The facilitator leaves the console for each of the other screens: the room view stays
/// open on what the room last saw, and closes only when the seminar ends.
#[test]
fn the_room_view_stays_open_while_the_facilitator_leaves_the_console() {
    let case = bundled("universal-credit");
    let mut harness = app_harness();
    press(&mut harness, &format!("Run a seminar: {}", case.title));
    harness.key_press(egui::Key::PageDown);
    harness.run();
    let second = &case.sections[1].heading;
    let on_screen = |harness: &Harness<'static, CasebookApp>| {
        painted_text(harness).iter().any(|(_, t, _)| t == second)
    };
    assert!(on_screen(&harness), "the room sees the second section");
    for (leave, screen) in [
        ("Display and keyboard", "settings"),
        ("Model reference", "the model reference"),
        ("Library", "the library"),
        ("My record", "my record"),
        ("Cases by factor", "cases by factor"),
    ] {
        press(&mut harness, leave);
        assert!(!matches!(harness.state().screen(), Screen::Seminar));
        assert!(
            on_screen(&harness),
            "the room view closed when the facilitator went to {screen}"
        );
        assert!(harness.state().seminar().unwrap().room_view);
        if leave == "Model reference" {
            press(&mut harness, "Close model reference");
        } else {
            press(&mut harness, "Back to the seminar");
        }
        assert!(matches!(harness.state().screen(), Screen::Seminar));
    }
    press(&mut harness, "End the seminar");
    press(&mut harness, "Yes, end the seminar");
    assert!(harness.state().seminar().is_none());
    assert!(
        !on_screen(&harness),
        "the room view closes when the seminar ends"
    );
}

/// A contested factor, revealed, shows the room both readings and no single answer: no
/// "The model: Partly" and no bar marked as the answer, in the room view or the console.
#[test]
fn a_contested_factor_shows_both_readings_and_no_answer() {
    let (mut harness, _) = seminar_at("common-purpose");
    let model = model();
    let case = bundled("universal-credit");
    let factor = model
        .factors
        .iter()
        .find(|f| f.id.as_str() == "common-purpose")
        .unwrap();
    let answer = case.answer(&factor.id).unwrap();
    let contested = answer
        .contested
        .as_ref()
        .expect("common purpose is contested");
    harness
        .get_by_label("Hands for Missing")
        .set_value_accesskit(3.0);
    harness.run();
    press(
        &mut harness,
        &format!("Reveal the model's answer for {}", factor.name),
    );
    harness.step();
    let text = painted_text(&harness);
    assert!(
        !text.iter().any(|(_, t, _)| t.contains("The model:")),
        "a contested factor has no single answer"
    );
    assert_eq!(harness.query_all_by_label_contains("The model:").count(), 0);
    // Once in the room view, once in the console.
    for reading in [
        format!("One reading: {}", answer.verdict),
        format!("The other reading: {}", contested.other_verdict),
    ] {
        assert_eq!(harness.query_all_by_label(&reading).count(), 2, "{reading}");
    }
    // No bar is painted in the answer's green.
    for theme in [
        ThemeChoice::Light.room_palette(),
        ThemeChoice::Light.palette(),
    ] {
        assert!(
            !painted(&harness)
                .iter()
                .any(|p| matches!(p, Painted::Fill(_, fill) if *fill == theme.green)),
            "a bar is marked as the answer"
        );
    }
}

/// The room view's body size for `case` at `stage` in a room view of `width` by `height`
/// points (the window less its margins), with the longest text it must fit, laid out at
/// that size.
fn room_fit(
    ctx: &egui::Context,
    case: &collab_casebook::domain::Case,
    stage: Stage,
    revealed: bool,
    width: f32,
    height: f32,
) -> (f32, f32) {
    use collab_casebook::ui::seminar::{Seminar, SeminarView, room_body_size};
    let model = model();
    let mut seminar = Seminar::new(case);
    seminar.stage = stage;
    if revealed {
        seminar.revealed = model.factors.iter().map(|f| f.id.clone()).collect();
    }
    let room = std::collections::BTreeMap::new();
    let view = SeminarView {
        model: &model,
        case,
        seminar: &seminar,
        room: &room,
        agenda: &[],
        room_agenda: &[],
        now: 0.0,
        room_theme: ThemeChoice::Light,
        room_text: 0,
        saved_folder: None,
    };
    let mut result = (0.0, 0.0);
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let area = egui::vec2(width, height);
        let size = room_body_size(ui.ctx(), area, &view);
        let mut texts: Vec<String> = match stage {
            Stage::Section(i) => case.sections[i]
                .passages
                .iter()
                .map(|p| p.text.clone())
                .collect(),
            Stage::Factor(i) => {
                let factor = &model.factors[i];
                let answer = case.answer(&factor.id).unwrap();
                let mut t = vec![factor.summary.clone(), answer.rationale.clone()];
                if let Some(c) = &answer.contested {
                    t.push(c.other_rationale.clone());
                    t.push(c.why.clone());
                }
                t
            }
            Stage::Debrief => Vec::new(),
        };
        texts.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let tallest = ui.ctx().fonts_mut(|fonts| {
            texts
                .iter()
                .map(|t| {
                    fonts
                        .layout(
                            t.clone(),
                            egui::FontId::proportional(size),
                            egui::Color32::WHITE,
                            width.min(1500.0) - 60.0,
                        )
                        .size()
                        .y
                })
                .fold(0.0, f32::max)
        });
        result = (size, tallest);
    });
    output.textures_delta.clear();
    result
}

/// At 1280 by 720 and at 1920 by 1080 (less the room view's 32-point margins), every
/// paragraph of every bundled case, and every factor's readings once revealed (contested
/// ones included), fits on the room view under its heading; the type is never below 20
/// points, and grows with the window.
#[test]
fn the_room_views_type_fits_the_longest_paragraph_and_grows_with_the_window() {
    let model = model();
    let mut grew = 0;
    let mut stages = 0;
    let ctx = egui::Context::default();
    collab_casebook::ui::theme::apply(&ctx, ThemeChoice::Light);
    for loaded in collab_casebook::io::bundled_cases(&model).cases {
        let case = &loaded.case;
        let mut all: Vec<(Stage, bool)> = (0..case.sections.len())
            .map(|i| (Stage::Section(i), false))
            .collect();
        all.extend((0..model.factors.len()).map(|i| (Stage::Factor(i), true)));
        for (stage, revealed) in all {
            let small = room_fit(&ctx, case, stage, revealed, 1280.0 - 64.0, 720.0 - 64.0);
            let large = room_fit(&ctx, case, stage, revealed, 1920.0 - 64.0, 1080.0 - 64.0);
            for ((size, tallest), height) in [(small, 720.0 - 64.0), (large, 1080.0 - 64.0)] {
                assert!(size >= 20.0, "{}: {stage:?} at {size} points", case.id);
                assert!(
                    tallest + size * 6.0 <= height,
                    "{}: {stage:?}: the longest text is {tallest} points tall at {size} points, in {height}",
                    case.id
                );
            }
            assert!(large.0 >= small.0, "{}: {stage:?}", case.id);
            stages += 1;
            if large.0 > small.0 * 1.2 {
                grew += 1;
            }
        }
    }
    assert!(
        grew * 10 >= stages * 9,
        "the type grew on {grew} of {stages} stages"
    );
}

/// The facilitator steps the room's text and scrolls the room from the console.
#[test]
fn the_facilitator_steps_the_rooms_text_and_scrolls_it_from_the_console() {
    let case = bundled("universal-credit");
    let heading = &case.sections[0].heading;
    let mut harness = app_harness();
    press(&mut harness, &format!("Run a seminar: {}", case.title));
    harness.step();
    fn find(shape: &egui::Shape, heading: &str, found: &mut Option<(f32, f32)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| find(s, heading, found)),
            egui::Shape::Text(text) if text.galley.text() == heading => {
                *found = Some((text.pos.y, text.galley.job.sections[0].format.font_id.size));
            }
            _ => {}
        }
    }
    let painted_heading = |harness: &Harness<'static, CasebookApp>| {
        let mut found = None;
        for clipped in &harness.output().shapes {
            find(&clipped.shape, heading, &mut found);
        }
        found
    };
    let room_heading = |harness: &Harness<'static, CasebookApp>| {
        painted_heading(harness).expect("the room shows the section's heading")
    };
    let (_, size) = room_heading(&harness);
    press(&mut harness, "Room text larger");
    harness.step();
    let (_, larger) = room_heading(&harness);
    assert!(
        (larger / size - 1.15).abs() < 0.01,
        "{size} became {larger}"
    );
    press(&mut harness, "Room text smaller");
    press(&mut harness, "Room text smaller");
    harness.step();
    let (_, smaller) = room_heading(&harness);
    assert!(
        (size / smaller - 1.15).abs() < 0.01,
        "{size} became {smaller}"
    );
    // The room always sees the case and where the discussion is.
    assert!(
        painted_text(&harness)
            .iter()
            .any(|(_, t, _)| *t == format!("{}: Section 1 of {}", case.title, case.sections.len()))
    );
    let (top, _) = room_heading(&harness);
    press(&mut harness, "Scroll the room down");
    harness.step();
    // Scrolled most of a screen: the heading has gone out of the room's sight.
    assert_eq!(
        painted_heading(&harness),
        None,
        "the room view did not scroll"
    );
    press(&mut harness, "Scroll the room up");
    harness.step();
    assert!((room_heading(&harness).0 - top).abs() < 1.0);
    // Moving on starts the next stage at its top, and coming back finds it there too.
    press(&mut harness, "Scroll the room down");
    harness.key_press(egui::Key::PageDown);
    harness.run();
    harness.key_press(egui::Key::PageUp);
    harness.run();
    harness.step();
    assert_eq!(
        painted_heading(&harness),
        None,
        "the room keeps its place at a stage"
    );
    press(&mut harness, "Scroll the room up");
    harness.step();
    assert!(painted_heading(&harness).is_some());
    assert_eq!(harness.state().settings().room_text, -1);
    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::Go(Stage::Factor(1))));
    harness.run();
    harness.step();
    let model = model();
    assert!(
        painted_text(&harness)
            .iter()
            .any(|(_, t, _)| *t == format!("{}: Factor 2 of {}", case.title, model.factors.len())),
        "the room sees \"Factor 2 of 9\""
    );
}

#[test]
fn the_rooms_agenda_gives_away_no_answer_before_it_is_revealed() {
    let case = bundled("universal-credit");
    let model = model();
    let factor = model
        .factors
        .iter()
        .find(|f| {
            case.answer(&f.id)
                .is_some_and(|a| a.contested.is_none() && a.verdict == Verdict::Missing)
        })
        .unwrap()
        .id
        .clone();
    let mut harness = app_harness();
    let app = harness.state_mut();
    app.apply(Action::Seminar(SeminarAction::Start(case.id.clone())));
    app.apply(Action::Seminar(SeminarAction::SetTally(
        factor.clone(),
        Verdict::Present,
        6,
    )));
    app.apply(Action::Seminar(SeminarAction::SetTally(
        factor.clone(),
        Verdict::Missing,
        4,
    )));
    app.apply(Action::Seminar(SeminarAction::Go(Stage::Debrief)));
    harness.run();
    // The console says what the model says; the room, before the reveal, does not.
    let said =
        |h: &Harness<'static, CasebookApp>| h.query_all_by_label_contains("The model says").count();
    assert_eq!(said(&harness), 1, "only the console");
    assert!(
        harness
            .query_all_by_label_contains("Most of the room said Present (6 of 10)")
            .count()
            >= 2,
        "both say what the room said, in words"
    );
    harness
        .state_mut()
        .apply(Action::Seminar(SeminarAction::Reveal(factor)));
    harness.run();
    assert_eq!(said(&harness), 2, "the room too, once revealed");
}
