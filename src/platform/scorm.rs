//! The casebook inside a learning management system (LMS), through SCORM 1.2: the thin
//! glue between the page and the LMS's API object. What is sent is worked out in
//! [`crate::domain::lms`] (pure and tested); this file only finds the API, passes the
//! values, and commits and finishes at the right moments.
//!
//! - **Finding the API**: the standard search, an object named `API` on this window or up
//!   the chain of parent windows (at most [`MAX_DEPTH`] steps), then the same from the
//!   window that opened this one. A window the page may not read (another site's) is
//!   passed over. No API: the app is the plain web build and this does nothing.
//! - **On launch**: `LMSInitialize`, the score's range (0 to 100), the status
//!   (`incomplete` unless the LMS already holds it completed), and, when the LMS hands
//!   back `cmi.suspend_data` (`cmi.core.entry` is `resume`), the trainee's marks and place.
//! - **While working**: each change to the record sets the status, score and suspend data;
//!   checking answers commits (`LMSCommit`).
//! - **On leaving** (`pagehide` or `beforeunload`, whichever comes first): the session time,
//!   `cmi.core.exit` as `suspend` (so the LMS offers the place back next time), a commit
//!   and `LMSFinish`. A page hidden without leaving (another tab) commits.
//!
//! Nothing is sent anywhere but to the API object in the page; what the LMS does with it
//! is the LMS's business (see README, "Put it in your LMS").

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::JsCast as _;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;

use crate::domain::CaseId;
use crate::domain::lms::{self, LessonStatus, SuspendData};
use crate::ui::state::State;

/// How far up the chain of parent windows the API is looked for (the usual bound, as in
/// ADL's own search).
pub const MAX_DEPTH: usize = 7;

/// A connection to the LMS's API object.
pub struct Lms {
    api: JsValue,
    /// When the session started (JavaScript's milliseconds).
    started: f64,
    /// The cases the package asks for (none: the whole library).
    chosen: Vec<CaseId>,
    /// The status the LMS held at launch.
    held: String,
    /// The last values set, so only changes are sent.
    status: Option<LessonStatus>,
    score: Option<u8>,
    suspend: Option<String>,
    /// Checks in the record when last updated: one more means answers were checked.
    checks: usize,
    /// `LMSFinish` was called: nothing more is sent.
    finished: bool,
    /// What had to be left out of the suspend data, last said (to say it once).
    left_out: Option<String>,
}

/// The value of `name` on `target`, or `None` if it is missing or may not be read (a
/// window of another site).
fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The `API` object on `window` or up its parents, at most [`MAX_DEPTH`] steps.
fn search(window: &JsValue) -> Option<JsValue> {
    let mut window = window.clone();
    for _ in 0..=MAX_DEPTH {
        if let Some(api) = property(&window, "API").filter(JsValue::is_object) {
            return Some(api);
        }
        let parent = property(&window, "parent")?;
        if parent == window {
            return None;
        }
        window = parent;
    }
    None
}

impl Lms {
    /// Finds the LMS's API and initialises a session; `None` outside an LMS (or when the
    /// LMS refuses to start one).
    pub fn connect(chosen: Vec<CaseId>) -> Option<Self> {
        let window: JsValue = web_sys::window()?.into();
        let api = search(&window).or_else(|| {
            let opener = property(&window, "opener")?;
            search(&opener)
        })?;
        let mut lms = Self {
            api,
            started: js_sys::Date::now(),
            chosen,
            held: String::new(),
            status: None,
            score: None,
            suspend: None,
            checks: 0,
            finished: false,
            left_out: None,
        };
        if lms.call("LMSInitialize", &[""]).as_deref() != Some("true") {
            log::warn!("The learning platform would not start a session; carrying on without it.");
            return None;
        }
        lms.held = lms.get("cmi.core.lesson_status");
        lms.set("cmi.core.score.min", "0");
        lms.set("cmi.core.score.max", "100");
        Some(lms)
    }

    /// Calls a method of the API with string arguments; its answer as text, or `None` if
    /// the method is missing or threw.
    fn call(&self, method: &str, args: &[&str]) -> Option<String> {
        let function: Function = property(&self.api, method)?.dyn_into().ok()?;
        let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        let answer = function.apply(&self.api, &args).ok()?;
        Some(answer.as_string().unwrap_or_else(|| {
            if answer.is_truthy() {
                "true".to_owned()
            } else {
                String::new()
            }
        }))
    }

    fn get(&self, element: &str) -> String {
        self.call("LMSGetValue", &[element]).unwrap_or_default()
    }

    fn set(&self, element: &str, value: &str) {
        if self.call("LMSSetValue", &[element, value]).as_deref() != Some("true") {
            let code = self.call("LMSGetLastError", &[]).unwrap_or_default();
            log::warn!("The learning platform did not take {element} (error {code}).");
        }
    }

    /// Brings back the marks and place the LMS kept, into the record; says what could not
    /// come back. Returns whether the record changed.
    pub fn restore(&mut self, state: &mut State) -> bool {
        let entry = self.get("cmi.core.entry");
        let text = self.get("cmi.suspend_data");
        if entry == "ab-initio" || text.is_empty() {
            return false;
        }
        let factors = state.model.factors.len();
        let data = match SuspendData::decode(&text, factors) {
            Ok(data) => data,
            Err(reason) => {
                state.tell(format!(
                    "Your place kept by your learning platform could not be read ({reason}). You start from the record in this browser."
                ));
                return false;
            }
        };
        let cases: Vec<_> = state.library.all().into_iter().cloned().collect();
        let refs: Vec<_> = cases.iter().collect();
        let skipped = data.restore(&state.model, &refs, &mut state.progress, state.now.utc);
        if !skipped.is_empty() {
            let names: Vec<&str> = skipped.iter().map(CaseId::as_str).collect();
            state.tell(format!(
                "Your work on {} could not be brought back from your learning platform: that case has changed since, or is not in this package.",
                names.join(", ")
            ));
        }
        self.suspend = Some(text);
        self.checks = state.progress.history.len();
        true
    }

    /// Sends what changed in the record: the status, the score and the suspend data;
    /// commits when answers were checked since the last update. Returns a message when
    /// something had to be left out of the suspend data (once per change in what).
    pub fn update(&mut self, state: &State) -> Option<String> {
        if self.finished {
            return None;
        }
        let standing = lms::standing(&state.progress, &self.chosen);
        let status = standing.status.at_least(&self.held);
        if self.status != Some(status) {
            self.set("cmi.core.lesson_status", status.as_str());
            self.status = Some(status);
        }
        if let Some(score) = standing.score
            && self.score != Some(score)
        {
            self.set("cmi.core.score.raw", &score.to_string());
            self.score = Some(score);
        }
        let cases = state.library.all();
        let data = SuspendData::of(&state.model, &cases, &self.chosen, &state.progress);
        let encoded = data.encode(state.model.factors.len(), &self.chosen);
        if self.suspend.as_deref() != Some(encoded.text.as_str()) {
            self.set("cmi.suspend_data", &encoded.text);
            self.suspend = Some(encoded.text.clone());
        }
        let checks = state.progress.history.len();
        if checks > self.checks {
            self.commit();
        }
        self.checks = checks;
        let left_out = left_out_message(&encoded);
        if left_out == self.left_out {
            return None;
        }
        self.left_out.clone_from(&left_out);
        left_out
    }

    /// Asks the LMS to keep what was sent.
    pub fn commit(&self) {
        if !self.finished && self.call("LMSCommit", &[""]).as_deref() != Some("true") {
            log::warn!("The learning platform did not keep the latest changes.");
        }
    }

    /// Ends the session: its length, the place kept for next time, a commit, and
    /// `LMSFinish`. Once only.
    pub fn finish(&mut self) {
        if self.finished {
            return;
        }
        let elapsed = (js_sys::Date::now() - self.started).max(0.0) / 10.0;
        // Whole hundredths of a second; a negative or absurd clock gives zero.
        self.set("cmi.core.session_time", &lms::session_time(elapsed as u64));
        self.set("cmi.core.exit", "suspend");
        self.commit();
        self.call("LMSFinish", &[""]);
        self.finished = true;
    }
}

/// What the user is told when the suspend data could not hold everything.
fn left_out_message(encoded: &lms::Encoded) -> Option<String> {
    if encoded.cases_left_out.is_empty() && encoded.evidence_left_out.is_empty() {
        return None;
    }
    let names = |ids: &[CaseId]| {
        ids.iter()
            .map(CaseId::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !encoded.evidence_left_out.is_empty() {
        parts.push(format!(
            "the evidence you picked on {}",
            names(&encoded.evidence_left_out)
        ));
    }
    if !encoded.cases_left_out.is_empty() {
        parts.push(format!("your work on {}", names(&encoded.cases_left_out)));
    }
    Some(format!(
        "Your learning platform keeps only 4,096 characters of your place, so it does not have {}. This browser still keeps it all.",
        parts.join(" or ")
    ))
}

/// Listens for the page being left (finish) or hidden (commit). The listeners live as
/// long as the page.
pub fn listen(lms: &Rc<RefCell<Option<Lms>>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let leaving = Rc::clone(lms);
    let finish = Closure::<dyn FnMut()>::new(move || {
        if let Ok(mut lms) = leaving.try_borrow_mut()
            && let Some(lms) = lms.as_mut()
        {
            lms.finish();
        }
    });
    for event in ["pagehide", "beforeunload"] {
        window
            .add_event_listener_with_callback(event, finish.as_ref().unchecked_ref())
            .ok();
    }
    finish.forget();
    let hiding = Rc::clone(lms);
    let commit = Closure::<dyn FnMut()>::new(move || {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden
            && let Ok(lms) = hiding.try_borrow()
            && let Some(lms) = lms.as_ref()
        {
            lms.commit();
        }
    });
    if let Some(document) = window.document() {
        document
            .add_event_listener_with_callback("visibilitychange", commit.as_ref().unchecked_ref())
            .ok();
    }
    commit.forget();
}
