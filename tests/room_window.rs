//! The room view in a window of its own page (the browser's second window): what the
//! console asks of the platform, the snapshot it sends the room window, the keys the room
//! window sends back, and the room window drawing the snapshot with the desktop's code.
//! The two windows talking in a real browser: web-tests/seminar.test.js.

use collab_casebook::io;
use collab_casebook::ui::app::update;
use collab_casebook::ui::effect::Effect;
use collab_casebook::ui::seminar::room_link::{RoomMessage, RoomSnapshot};
use collab_casebook::ui::seminar::{Stage, room_window_ui};
use collab_casebook::ui::state::State;
use collab_casebook::ui::{Action, SeminarAction, theme};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common::{bundled, model};

fn seminar() -> State {
    let model = model();
    let bundled_cases = io::bundled_cases(&model);
    let mut state = State::new(model, bundled_cases);
    update(
        &mut state,
        SeminarAction::Start(bundled("universal-credit").id).into(),
    );
    state
}

#[test]
fn opening_and_closing_the_room_view_ask_the_platform_for_its_window() {
    let mut state = seminar();
    let effects = update(&mut state, SeminarAction::SetRoomView(true).into());
    assert!(effects.contains(&Effect::OpenRoomWindow), "{effects:?}");
    let effects = update(&mut state, SeminarAction::SetRoomView(false).into());
    assert!(effects.contains(&Effect::CloseRoomWindow), "{effects:?}");
    update(&mut state, SeminarAction::SetRoomView(true).into());
    let effects = update(&mut state, SeminarAction::End.into());
    assert!(effects.contains(&Effect::CloseRoomWindow), "{effects:?}");
}

#[test]
fn a_blocked_room_window_closes_the_room_view_and_says_how_to_allow_it() {
    let mut state = seminar();
    update(&mut state, SeminarAction::SetRoomView(true).into());
    update(
        &mut state,
        SeminarAction::RoomWindowFailed("Allow pop-ups for this site.".to_owned()).into(),
    );
    let seminar = state.seminar.as_ref().unwrap();
    assert!(!seminar.room_view);
    assert_eq!(
        seminar.status.as_deref(),
        Some("Allow pop-ups for this site.")
    );
}

#[test]
fn the_snapshot_carries_what_the_room_sees_and_no_facilitator_notes() {
    let mut state = seminar();
    let factor = state.model.factors[0].id.clone();
    update(&mut state, SeminarAction::Go(Stage::Factor(0)).into());
    update(&mut state, SeminarAction::Reveal(factor.clone()).into());
    update(
        &mut state,
        SeminarAction::TimerStart {
            minutes: 5,
            now: 10.0,
        }
        .into(),
    );
    let snapshot = RoomSnapshot::of(&state, 70.5).unwrap();
    assert_eq!(snapshot.stage, Stage::Factor(0));
    assert!(snapshot.revealed.contains(&factor));
    assert!(snapshot.case.facilitator_notes.is_empty());
    assert!(!bundled("universal-credit").facilitator_notes.is_empty());
    let timer = snapshot.timer.unwrap();
    assert_eq!(
        (timer.length, timer.elapsed, timer.running),
        (300.0, 60.5, true)
    );
    // Sent as text and read back whole.
    let message = RoomMessage::Show(Box::new(snapshot.clone()));
    let text = message.to_text().unwrap();
    assert_eq!(RoomMessage::from_text(&text), Some(message));
    assert_eq!(RoomMessage::from_text("not a message"), None);
    // Within the same second, the room sees the same thing: nothing is sent again.
    let later = RoomSnapshot::of(&state, 70.9).unwrap();
    assert_eq!(later.to_the_second(), snapshot.to_the_second());
    assert_ne!(
        RoomSnapshot::of(&state, 71.5).unwrap().to_the_second(),
        snapshot.to_the_second()
    );
    // The room window's timer counts on from when it received the snapshot.
    let seminar = snapshot.seminar(1000.0);
    assert_eq!(
        seminar.timer.unwrap().remaining(1010.0),
        300.0 - 60.5 - 10.0
    );
}

#[test]
fn keys_pressed_in_the_room_window_become_the_consoles_actions() {
    let factor = model().factors[3].id.clone();
    for (pressed, sent) in [
        (SeminarAction::Step(1), RoomMessage::Step(1)),
        (SeminarAction::Step(-1), RoomMessage::Step(-1)),
        (
            SeminarAction::Reveal(factor.clone()),
            RoomMessage::Reveal(factor.clone()),
        ),
    ] {
        let action = Action::Seminar(pressed);
        let message = RoomMessage::for_console(&action).unwrap();
        assert_eq!(message, sent);
        assert_eq!(message.console_action(), Some(action));
    }
    assert_eq!(
        RoomMessage::Gone.console_action(),
        Some(Action::Seminar(SeminarAction::SetRoomView(false)))
    );
    assert_eq!(RoomMessage::Ready.console_action(), None);
    assert_eq!(
        RoomMessage::for_console(&Action::Seminar(SeminarAction::End)),
        None
    );
}

#[test]
fn the_room_window_draws_the_snapshot_with_the_room_views_code_and_its_keys() {
    let mut state = seminar();
    update(&mut state, SeminarAction::Go(Stage::Section(1)).into());
    let snapshot = RoomSnapshot::of(&state, 0.0).unwrap();
    let model = model();
    let seminar = snapshot.seminar(0.0);
    let sent = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let keys = std::rc::Rc::clone(&sent);
    let mut fonts = false;
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .build_ui(move |ui| {
            if !fonts {
                theme::apply(ui.ctx(), theme::ThemeChoice::default());
                fonts = true;
                return;
            }
            let mut actions = Vec::new();
            room_window_ui(ui, &snapshot.view(&model, &seminar, 0.0), &mut actions);
            keys.borrow_mut()
                .extend(actions.iter().filter_map(RoomMessage::for_console));
        });
    harness.run();
    let heading = &bundled("universal-credit").sections[1].heading;
    assert!(harness.query_by_label_contains(heading).is_some());
    assert!(harness.query_by_label_contains("Section 2 of").is_some());
    harness.key_press(egui::Key::PageDown);
    harness.run();
    assert_eq!(sent.borrow().as_slice(), [RoomMessage::Step(1)]);
}
