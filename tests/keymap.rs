//! One keymap: every shortcut in the table is on the display and keyboard page, and every
//! key listed there does what the page says, pressed in the app.

use collab_casebook::domain::{Confidence, Verdict};
use collab_casebook::ui::CaseAction;
use collab_casebook::ui::SeminarAction;
use collab_casebook::ui::SettingsAction;
use collab_casebook::ui::keymap::{BINDINGS, Binding, Command, help_rows};
use collab_casebook::ui::seminar::Stage;
use collab_casebook::ui::{Action, Screen};
use egui_kittest::Harness;

use crate::common::{app_harness, bundled, model, shows};

type App = Harness<'static, collab_casebook::CasebookApp>;

fn press(harness: &mut App, binding: &Binding) {
    harness.key_press_modifiers(binding.modifiers, binding.key);
    harness.run();
}

/// The factor being marked, and its verdict and confidence.
fn marking(harness: &App) -> (usize, Option<Verdict>, Option<Confidence>) {
    let Screen::Case { case, factor, .. } = harness.state().screen() else {
        panic!("not marking: {:?}", harness.state().screen())
    };
    let id = &model().factors[*factor].id;
    let mark = harness
        .state()
        .attempt(case)
        .and_then(|a| a.marks.get(id).cloned());
    (
        *factor,
        mark.as_ref().and_then(|m| m.verdict),
        mark.and_then(|m| m.confidence),
    )
}

#[test]
fn the_help_page_lists_every_row_of_the_table() {
    let mut harness = app_harness();
    harness.key_press(egui::Key::F1);
    harness.run();
    for (keys, what) in help_rows() {
        assert!(shows(&harness, &keys), "{keys} is on the page");
        assert!(shows(&harness, what), "{what} is on the page");
    }
}

#[test]
fn every_key_in_the_table_does_what_the_help_page_says() {
    let case = bundled("universal-credit");
    let mut checked = 0;
    for binding in BINDINGS {
        let mut harness = app_harness();
        match binding.command {
            Command::Help => {
                press(&mut harness, binding);
                assert!(matches!(harness.state().screen(), Screen::Settings { .. }));
            }
            Command::Close => {
                harness
                    .state_mut()
                    .apply(Action::Settings(SettingsAction::ShowReference(None)));
                harness.run();
                press(&mut harness, binding);
                assert_eq!(harness.state().screen(), &Screen::Library);
            }
            Command::NextFactor | Command::PreviousFactor => {
                harness
                    .state_mut()
                    .apply(Action::Case(CaseAction::OpenAt(case.id.clone(), 4)));
                harness.run();
                press(&mut harness, binding);
                let want = if binding.command == Command::NextFactor {
                    5
                } else {
                    3
                };
                assert_eq!(marking(&harness).0, want, "{}", binding.label);
            }
            Command::Verdict(verdict) => {
                harness
                    .state_mut()
                    .apply(Action::Case(CaseAction::Open(case.id.clone())));
                harness.run();
                press(&mut harness, binding);
                assert_eq!(marking(&harness).1, Some(verdict), "{}", binding.label);
            }
            Command::Confidence(confidence) => {
                harness
                    .state_mut()
                    .apply(Action::Case(CaseAction::Open(case.id.clone())));
                harness.run();
                press(&mut harness, binding);
                assert_eq!(marking(&harness).2, Some(confidence), "{}", binding.label);
            }
            Command::Check => {
                harness
                    .state_mut()
                    .apply(Action::Case(CaseAction::Open(case.id.clone())));
                harness.run();
                press(&mut harness, binding);
                assert!(
                    matches!(
                        harness.state().screen(),
                        Screen::Case {
                            confirm_unmarked: true,
                            ..
                        }
                    ),
                    "asks about the unmarked factors first"
                );
            }
            Command::SeminarNext | Command::SeminarPrevious => {
                harness
                    .state_mut()
                    .apply(Action::Seminar(SeminarAction::Start(case.id.clone())));
                harness
                    .state_mut()
                    .apply(Action::Seminar(SeminarAction::Go(Stage::Section(1))));
                harness.run();
                press(&mut harness, binding);
                let want = if binding.command == Command::SeminarNext {
                    Stage::Section(2)
                } else {
                    Stage::Section(0)
                };
                assert_eq!(
                    harness.state().seminar().unwrap().stage,
                    want,
                    "{}",
                    binding.label
                );
            }
            Command::Reveal => {
                harness
                    .state_mut()
                    .apply(Action::Seminar(SeminarAction::Start(case.id.clone())));
                harness
                    .state_mut()
                    .apply(Action::Seminar(SeminarAction::Go(Stage::Factor(2))));
                harness.run();
                press(&mut harness, binding);
                assert!(
                    harness
                        .state()
                        .seminar()
                        .unwrap()
                        .revealed
                        .contains(&model().factors[2].id)
                );
            }
            Command::FullScreen => {
                // egui_kittest has no window to make full screen: the command is sent to
                // the window, which the smoke test under Xvfb covers. Here, the key is
                // consumed by the keymap and nothing else changes.
                press(&mut harness, binding);
                assert_eq!(harness.state().screen(), &Screen::Library);
            }
            Command::TextLarger | Command::TextSmaller | Command::TextStandard => {
                harness
                    .state_mut()
                    .apply(Action::Settings(SettingsAction::SetZoom(1.5)));
                harness.run();
                press(&mut harness, binding);
                let want = match binding.command {
                    Command::TextLarger => 1.75,
                    Command::TextSmaller => 1.25,
                    _ => 1.0,
                };
                assert_eq!(harness.state().settings().zoom, want, "{}", binding.label);
                assert!(
                    (harness.ctx.zoom_factor() - want).abs() < 0.001,
                    "{}: egui follows the setting",
                    binding.label
                );
            }
            // Tab, Shift+Tab, Enter and Space: the keyboard tests drive the whole flow
            // with them.
            Command::Egui => continue,
        }
        checked += 1;
    }
    assert!(checked >= 18, "checked {checked} keys");
}
