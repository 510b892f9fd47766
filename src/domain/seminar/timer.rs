//! The facilitator's timer, on a clock the caller passes in.

/// The facilitator's optional timer. Times are seconds on any steady clock the caller
/// passes in, so the timer itself never reads a clock. Nothing is ever timed on a
/// trainee: when it reaches zero it says so and waits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timer {
    /// How long the timer was set for, including extensions.
    pub length: f64,
    /// Time counted before the current run.
    elapsed_before: f64,
    /// When the current run started, if running.
    running_since: Option<f64>,
}

impl Timer {
    /// A running timer of `length` seconds, started at `now`.
    pub fn start(length: f64, now: f64) -> Self {
        Self {
            length,
            elapsed_before: 0.0,
            running_since: Some(now),
        }
    }

    /// Seconds counted so far.
    pub fn elapsed(&self, now: f64) -> f64 {
        self.elapsed_before
            + self
                .running_since
                .map_or(0.0, |since| (now - since).max(0.0))
    }

    /// Seconds left, never below zero.
    pub fn remaining(&self, now: f64) -> f64 {
        (self.length - self.elapsed(now)).max(0.0)
    }

    /// Whether it is counting.
    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Stops counting, keeping the time left.
    pub fn pause(&mut self, now: f64) {
        self.elapsed_before = self.elapsed(now);
        self.running_since = None;
    }

    /// Counts again from `now`.
    pub fn resume(&mut self, now: f64) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
        }
    }

    /// Adds time.
    pub fn extend(&mut self, seconds: f64) {
        self.length += seconds;
    }

    /// The time left as minutes and seconds, such as "4:05".
    pub fn display(&self, now: f64) -> String {
        let total = self.remaining(now).ceil() as u64;
        format!("{}:{:02}", total / 60, total % 60)
    }
}

/// A timer as saved: how long it was set for and how much of that had been counted. Never
/// a clock reading, so it means the same after a restart.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TimerState {
    /// How long the timer was set for, including extensions, in seconds.
    pub length: f64,
    /// Seconds counted when it was saved.
    pub elapsed: f64,
    /// Whether it was counting when it was saved.
    pub running: bool,
}

impl TimerState {
    /// Seconds left when it was saved, never below zero.
    pub fn remaining(&self) -> f64 {
        (self.length - self.elapsed).max(0.0)
    }
}

impl Timer {
    /// The timer as it stands at `now`, to save.
    pub fn state(&self, now: f64) -> TimerState {
        TimerState {
            length: self.length,
            elapsed: self.elapsed(now),
            running: self.is_running(),
        }
    }

    /// A saved timer, paused with the time it had left: the app cannot know how long it
    /// was closed, so the facilitator resumes it. Times that are not a number of seconds
    /// (negative, or not finite, as only a hand-edited file could hold) count as 0.
    pub fn restore(state: TimerState) -> Self {
        let seconds = |s: f64| if s.is_finite() { s.max(0.0) } else { 0.0 };
        Self {
            length: seconds(state.length),
            elapsed_before: seconds(state.elapsed),
            running_since: None,
        }
    }
}
