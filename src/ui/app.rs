//! The app: its [`State`], the platform that carries out effects, and the routing between
//! them. Each frame: the platform reports what happened (files loaded, saves), the screens
//! draw and return actions, each action goes to its feature's `apply`, and the effects
//! that come back go to the platform. Nothing else changes state.

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;

use crate::domain::progress::Progress;
use crate::domain::{Attempt, Case, CaseId, Model};
#[cfg(not(target_arch = "wasm32"))]
use crate::io::LoadReport;
use crate::io::{self, FileError, LoadedCase};
use crate::platform::Platform;

use super::action::Action;
use super::effect::{Effect, Effects};
use super::features;
use super::launch::Launch;
#[cfg(not(target_arch = "wasm32"))]
use super::loader::LoadFn;
use super::seminar::Seminar;
use super::settings::Settings;
use super::state::{Library, Screen, State};
use super::{screens, theme};

/// The app.
pub struct CasebookApp {
    state: State,
    /// The desktop or the browser, by how the crate was built.
    platform: Platform,
    /// Frames drawn, and after how many to close (for start-up benchmarks).
    frames: u32,
    close_after: Option<u32>,
    /// The time to use instead of the clock (tests of look-backs a month later).
    fixed_now: Option<super::state::Now>,
}

/// Carries out one action on the state, by the feature that owns it, and returns what it
/// asks of the world. Pure: no disk, no dialog, no clock. Tests use it to see the effects
/// an action produces.
pub fn update(state: &mut State, action: Action) -> Effects {
    let mut effects = Vec::new();
    match action {
        Action::Library(action) => features::library::apply(state, action, &mut effects),
        Action::Case(action) => features::case::apply(state, action, &mut effects),
        Action::Feedback(action) => features::feedback::apply(state, action, &mut effects),
        Action::Record(action) => features::record::apply(state, action, &mut effects),
        Action::Seminar(action) => features::seminar::apply(state, action, &mut effects),
        Action::Settings(action) => features::settings::apply(state, action, &mut effects),
        Action::Loading(action) => features::loading::apply(state, action, &mut effects),
        Action::Assess(action) => features::assess::apply(state, action, &mut effects),
        Action::Ask(dialog) => {
            let file_name = features::case::attempt_file_name(state);
            let folder = match dialog {
                super::Dialog::SaveAttemptFile => state.progress.attempt_folder.clone(),
                _ => None,
            };
            effects.push(Effect::Ask {
                dialog,
                file_name,
                folder,
            });
        }
        Action::DismissNotice(index) => {
            if index < state.notices.len() {
                let message = state.notices.remove(index);
                state.saved_in.retain(|(said, _)| *said != message);
            }
        }
        Action::OpenFolder(folder) => effects.push(Effect::OpenFolder(folder)),
        Action::Written {
            what,
            place,
            result,
        } => features::saved::apply(state, what, &place, result),
    }
    if state.remember_place() {
        effects.push(Effect::RecordChanged);
    }
    state.refresh_feedback();
    effects
}

impl CasebookApp {
    #[cfg(not(target_arch = "wasm32"))]
    /// Builds the app inside eframe, with the bundled cases, any paths given on the
    /// command line, and the self-study record kept in `store_folder` (not kept at all when
    /// `None`).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        model: Model,
        paths: &[PathBuf],
        store_folder: Option<&std::path::Path>,
    ) -> Self {
        let bundled = io::bundled_cases(&model);
        Self::with_bundled(cc, model, bundled, paths, store_folder)
    }

    #[cfg(not(target_arch = "wasm32"))]
    /// As [`Self::new`], with the bundled cases already read: the binary reads them on
    /// another thread while the window and its graphics context are being made.
    pub fn with_bundled(
        cc: &eframe::CreationContext<'_>,
        model: Model,
        bundled: LoadReport,
        paths: &[PathBuf],
        store_folder: Option<&std::path::Path>,
    ) -> Self {
        let mut app = Self::from_parts(
            State::new(model, bundled),
            Platform::for_window(&cc.egui_ctx),
        );
        if let Some(folder) = store_folder {
            app.platform.open_store(folder, &mut app.state);
        }
        theme::apply(&cc.egui_ctx, app.state.settings.theme);
        // Text size is the settings' alone: Ctrl+Plus is in the app's keymap, stepping
        // through the sizes the display page offers, not egui's tenths.
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        cc.egui_ctx.set_zoom_factor(app.state.settings.zoom);
        if !paths.is_empty() {
            app.apply(features::loading::LoadingAction::LoadPaths(paths.to_vec()).into());
        }
        app
    }

    /// Builds the app inside a web page, with the bundled cases and the record kept in the
    /// browser's storage for the site. A package limited to `chosen` cases (an LMS
    /// package; none: all of them) offers only those. Inside a learning platform, reports
    /// to it (see `domain::lms`).
    #[cfg(target_arch = "wasm32")]
    pub fn in_browser(cc: &eframe::CreationContext<'_>, model: Model, chosen: &[CaseId]) -> Self {
        let mut bundled = io::bundled_cases(&model);
        // Ids that name no case are ignored; if none names one, the whole library stays.
        let chosen: Vec<CaseId> = chosen
            .iter()
            .filter(|id| bundled.cases.iter().any(|c| &c.case.id == *id))
            .cloned()
            .collect();
        if !chosen.is_empty() {
            bundled.cases.retain(|c| chosen.contains(&c.case.id));
        }
        let mut app = Self::from_parts(
            State::new(model, bundled),
            Platform::for_window(&cc.egui_ctx),
        );
        app.platform.open_store(&mut app.state);
        app.platform.connect_lms(&mut app.state, chosen);
        theme::apply(&cc.egui_ctx, app.state.settings.theme);
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        cc.egui_ctx.set_zoom_factor(app.state.settings.zoom);
        app
    }

    /// Opens what a link asks for (a case, or a seminar on one); says so in the status
    /// line if it names a case the library does not have.
    pub fn launch(&mut self, launch: &Launch) {
        match launch.action(&self.state) {
            Some(Ok(action)) => self.apply(action),
            Some(Err(message)) => self.state.status = Some(message),
            None => {}
        }
    }

    /// Builds the app state without a window, with the bundled cases.
    pub fn with_model(model: Model) -> Self {
        let bundled = io::bundled_cases(&model);
        Self::from_parts(State::new(model, bundled), Platform::headless())
    }

    fn from_parts(mut state: State, platform: Platform) -> Self {
        state.now = Platform::now();
        Self {
            state,
            platform,
            frames: 0,
            close_after: None,
            fixed_now: None,
        }
    }

    /// Carries out one action, and everything that follows from it: the effects it asks
    /// for, and the actions they answer with.
    pub fn apply(&mut self, action: Action) {
        let mut queue = vec![action];
        while let Some(action) = queue.pop() {
            for effect in update(&mut self.state, action) {
                if let Some(reply) = self.platform.perform(effect, &self.state) {
                    queue.push(reply);
                }
            }
        }
    }

    /// Uses this time instead of the clock from the next frame on: tests use it to open the
    /// app a month later.
    #[doc(hidden)]
    pub fn fix_now(&mut self, now: super::state::Now) {
        self.state.now = now.clone();
        self.fixed_now = Some(now);
    }

    /// Closes the window after this many frames: used by the start-up benchmark, which
    /// sets `CASEBOOK_EXIT_AFTER_FRAMES`.
    pub fn close_after_frames(&mut self, frames: u32) {
        self.close_after = Some(frames);
    }

    /// Adds a case to the library, as if it had been opened from a file (for benchmarks and
    /// tests that build cases in code).
    pub fn add_case(&mut self, case: Case) {
        self.state.library.add(vec![LoadedCase {
            case,
            origin: io::CaseOrigin::Bundled("generated"),
            text: std::sync::Arc::from(""),
        }]);
        self.state.refresh_feedback();
    }

    /// Everything the app holds.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The screen shown.
    pub fn screen(&self) -> &Screen {
        &self.state.screen
    }

    /// The problems found in files so far.
    pub fn problems(&self) -> &[FileError] {
        &self.state.problems
    }

    /// The library.
    pub fn library(&self) -> &Library {
        &self.state.library
    }

    /// The seminar in progress, if any.
    pub fn seminar(&self) -> Option<&Seminar> {
        self.state.seminar.as_ref()
    }

    /// The attempt on a case, if one was started.
    pub fn attempt(&self, case: &CaseId) -> Option<&Attempt> {
        self.state.progress.attempts.get(case)
    }

    /// The self-study record.
    pub fn progress(&self) -> &Progress {
        &self.state.progress
    }

    /// Messages shown to the user about their saved work.
    pub fn notices(&self) -> &[String] {
        &self.state.notices
    }

    /// The display settings.
    pub fn settings(&self) -> Settings {
        self.state.settings
    }

    /// Whether files are still being opened.
    pub fn is_loading(&self) -> bool {
        self.platform.is_loading()
    }

    /// Waits until every file being opened has loaded, and takes them in. For tests and
    /// benchmarks; the window never waits.
    pub fn wait_for_loading(&mut self) {
        for action in self.platform.wait_for_loading() {
            self.apply(action);
        }
    }

    /// Saves anything unsaved and waits until it is on disk: on exit, and for tests.
    pub fn flush_saves(&mut self) {
        for action in self.platform.flush(&self.state) {
            self.apply(action);
        }
    }

    /// How many saves of the record have reached the disk this run.
    pub fn saves_written(&self) -> usize {
        self.platform.saves_written()
    }

    /// Runs `load` instead of the real loader: tests use it to see where loads run.
    #[cfg(not(target_arch = "wasm32"))]
    #[doc(hidden)]
    pub fn set_load(&mut self, load: LoadFn) {
        self.platform.set_load(load);
    }

    /// Runs `dialogs` instead of the native file dialogs: tests use it to pick files, or
    /// to act as a computer where no dialog can open.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn set_dialogs(&mut self, dialogs: super::action::DialogFn) {
        self.platform.set_dialogs(dialogs);
    }

    /// Draws one frame and returns what the user asked for.
    pub fn draw(&self, ui: &mut egui::Ui) -> Vec<Action> {
        screens::draw(&self.state, ui)
    }

    /// Keeps egui's theme and text size in step with the settings, which hold them.
    fn sync_display(&self, ctx: &egui::Context) {
        if theme::current(ctx) != self.state.settings.theme {
            theme::set_theme(ctx, self.state.settings.theme);
        }
        if (ctx.zoom_factor() - self.state.settings.zoom).abs() > 0.001 {
            ctx.set_zoom_factor(self.state.settings.zoom);
        }
    }
}

impl eframe::App for CasebookApp {
    /// The window's background. Panels are see-through (see `theme::visuals`), so this is
    /// the one place the background is painted.
    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.state
            .settings
            .theme
            .palette()
            .background
            .to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.state.now = self.fixed_now.clone().unwrap_or_else(Platform::now);
        if self.frames == 0 {
            // When the app opens, it asks about actions due for look-back.
            features::assess::ask_if_due(&mut self.state);
        }
        let mut actions = self.platform.poll(ui.input(|i| i.time));
        actions.extend(self.draw(ui));
        let changed = !actions.is_empty();
        let screen_before = std::mem::discriminant(&self.state.screen);
        for action in actions {
            self.apply(action);
        }
        let left_screen = std::mem::discriminant(&self.state.screen) != screen_before;
        self.platform.end_frame(&self.state, ui.ctx(), left_screen);
        self.sync_display(ui.ctx());
        self.frames = self.frames.saturating_add(1);
        // For the browser benchmark (scripts/bench-web.sh): when the first frame was drawn.
        #[cfg(target_arch = "wasm32")]
        if self.frames == 1 {
            crate::platform::mark("first-frame");
        }
        if self.close_after.is_some_and(|n| self.frames >= n) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            ui.ctx().request_repaint();
        }
        if changed {
            ui.ctx().request_repaint();
        }
    }
}

impl Drop for CasebookApp {
    /// Closing the window saves anything unsaved and waits for it to reach the disk.
    fn drop(&mut self) {
        self.platform.flush(&self.state);
    }
}
