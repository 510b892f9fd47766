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
