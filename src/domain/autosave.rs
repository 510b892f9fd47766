//! When to save the self-study record: the rule, with the time passed in.
//!
//! Saving on every change would write the whole record on every keystroke in a note. The
//! rule, the way eframe saves its own state:
//!
//! - after a change, save once nothing more has changed for [`QUIET`] seconds (1 s);
//! - while changes keep coming, save at least every [`LONGEST_WAIT`] seconds (5 s) after the
//!   first unsaved one, so steady typing is never held back for long;
//! - save straight away on leaving a screen, when the window loses focus, and on exit.
//!
//! So a hard power-off loses at most the last second of work after a pause, and never more
//! than five seconds of steady typing. Times are seconds on any clock that only goes
//! forward; the caller passes them in.

/// Seconds without a change before the record is saved.
pub const QUIET: f64 = 1.0;

/// The longest a change waits to be saved while further changes keep coming.
pub const LONGEST_WAIT: f64 = 5.0;

/// What prompts a look at whether to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// An ordinary frame.
    Frame,
    /// The user moved to another screen.
    LeftScreen,
    /// The window lost the keyboard focus.
    LostFocus,
    /// The app is closing.
    Exit,
}

impl Moment {
    /// The moment at the end of a frame: the user left a screen, or the window had the
    /// focus last frame (`was_focused`) and has lost it now, or an ordinary frame.
    pub fn after_frame(left_screen: bool, was_focused: bool, focused: bool) -> Self {
        if left_screen {
            Self::LeftScreen
        } else if was_focused && !focused {
            Self::LostFocus
        } else {
            Self::Frame
        }
    }
}

/// Unsaved changes and when they were made.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Autosave {
    /// When the oldest unsaved change was made; `None` when everything is saved.
    first_unsaved: Option<f64>,
    /// When the newest change was made.
    last_change: f64,
}

impl Autosave {
    /// Notes a change made at `now`.
    pub fn changed(&mut self, now: f64) {
        self.first_unsaved.get_or_insert(now);
        self.last_change = now;
    }

    /// Whether anything is unsaved.
    pub fn is_unsaved(&self) -> bool {
        self.first_unsaved.is_some()
    }

    /// Whether to save now.
    pub fn due(&self, now: f64, moment: Moment) -> bool {
        let Some(first) = self.first_unsaved else {
            return false;
        };
        match moment {
            Moment::LeftScreen | Moment::LostFocus | Moment::Exit => true,
            Moment::Frame => now - self.last_change >= QUIET || now - first >= LONGEST_WAIT,
        }
    }

    /// Seconds from `now` until a save would be due with no further change, so the caller
    /// can wake then; `None` when nothing is unsaved.
    pub fn wake_in(&self, now: f64) -> Option<f64> {
        let first = self.first_unsaved?;
        let quiet = self.last_change + QUIET;
        let longest = first + LONGEST_WAIT;
        Some((quiet.min(longest) - now).max(0.0))
    }

    /// Notes that everything was handed over to be saved.
    pub fn saved(&mut self) {
        self.first_unsaved = None;
    }
}

#[cfg(test)]
mod tests {
    use super::{Autosave, Moment};

    #[test]
    fn the_moment_after_a_frame_is_leaving_a_screen_then_losing_the_focus() {
        assert_eq!(Moment::after_frame(true, true, false), Moment::LeftScreen);
        assert_eq!(Moment::after_frame(false, true, false), Moment::LostFocus);
        assert_eq!(Moment::after_frame(false, false, false), Moment::Frame);
        assert_eq!(Moment::after_frame(false, false, true), Moment::Frame);
        assert_eq!(Moment::after_frame(false, true, true), Moment::Frame);
    }

    #[test]
    fn nothing_unsaved_is_never_due() {
        let autosave = Autosave::default();
        assert!(!autosave.due(100.0, Moment::Exit));
        assert_eq!(autosave.wake_in(100.0), None);
    }

    #[test]
    fn a_change_saves_after_one_quiet_second() {
        let mut autosave = Autosave::default();
        autosave.changed(10.0);
        assert!(!autosave.due(10.5, Moment::Frame));
        assert!(!autosave.due(10.999, Moment::Frame));
        assert!(autosave.due(11.0, Moment::Frame));
        assert_eq!(autosave.wake_in(10.25), Some(0.75));
    }

    #[test]
    fn steady_typing_saves_every_five_seconds_at_most() {
        let mut autosave = Autosave::default();
        let mut saves = 0;
        // 200 keystrokes, one every 0.1 s: 20 seconds of typing.
        for key in 0..200 {
            let now = f64::from(key) * 0.1;
            autosave.changed(now);
            if autosave.due(now, Moment::Frame) {
                autosave.saved();
                saves += 1;
            }
        }
        assert_eq!(saves, 3, "at 5.0, 10.1 and 15.2 seconds");
        assert!(
            autosave.is_unsaved(),
            "the last keys wait for a quiet second"
        );
        assert!(autosave.due(20.9, Moment::Frame));
    }

    #[test]
    fn leaving_a_screen_losing_focus_or_closing_saves_at_once() {
        for moment in [Moment::LeftScreen, Moment::LostFocus, Moment::Exit] {
            let mut autosave = Autosave::default();
            autosave.changed(3.0);
            assert!(autosave.due(3.0, moment), "{moment:?}");
            autosave.saved();
            assert!(!autosave.due(3.0, moment), "{moment:?} after saving");
        }
    }
}
