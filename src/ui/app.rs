//! The app's state, its screens, and the one place actions are applied.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::domain::{
    Attempt, Case, CaseFilter, CaseId, Confidence, FactorId, Feedback, Model, PassageId, Verdict,
};
use crate::io::{self, FileError, LoadReport, LoadedCase};

use crate::domain::progress::{Place, Progress, ReviewQuestion};
use crate::domain::seminar::{AgendaItem, RoomFactor, Timer};
use crate::domain::autosave::{Autosave, Moment};
use crate::io::record_writer::{Outcome, RecordWriter};
use crate::io::store::Store;
use crate::io::watch::CaseWatcher;

use super::loader::{Finished, LoadFn, Loader, Purpose};
use super::record::RecordView;
use super::review::{ReviewState, ReviewView};
use super::seminar::{Seminar, SeminarView, Stage};
use super::settings::Settings;
use super::theme::ThemeChoice;
use super::{
    feedback, library, marking, matrix, problems, record, reference, review, seminar, settings,
    theme, top_bar,
};

/// How many reviews make one sitting.
const REVIEW_SESSION: usize = 10;

/// What the app is showing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The library of cases.
    Library,
    /// A case open for marking.
    Case {
        /// The case.
        case: CaseId,
        /// The factor being marked, by position in the model.
        factor: usize,
        /// Set after "Check your answers" when some factors are unmarked.
        confirm_unmarked: bool,
    },
    /// Feedback on a checked attempt.
    Feedback {
        /// The case.
        case: CaseId,
        /// The factor whose evidence is highlighted in the text.
        focus: FactorId,
    },
    /// Factors down, cases across: which cases teach which factor.
    Matrix {
        /// Which cases to show.
        filter: CaseFilter,
    },
    /// Seminar mode: the facilitator's console, with the room view in its own window.
    Seminar,
    /// "My record": history, agreement over time, review, deleting the record.
    Record {
        /// Set when the user asked to delete the record and must confirm: the files that
        /// hold it, which deleting will remove.
        confirm_delete: Option<Vec<PathBuf>>,
    },
    /// Spaced review of misjudged factors.
    Review(ReviewState),
    /// Display settings and keyboard shortcuts, over another screen.
    Settings {
        /// Where "Close" returns to.
        back: Box<Screen>,
    },
    /// The model reference, over another screen.
    Reference {
        /// The factor to show first, if any.
        factor: Option<FactorId>,
        /// Where "Back" returns to.
        back: Box<Screen>,
    },
}

/// Something the user asked for. Screens return these; [`CasebookApp::apply`] carries them out.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Go to the library.
    ShowLibrary,
    /// Open a case for marking.
    OpenCase(CaseId),
    /// Open a case for marking at a factor, by position in the model.
    OpenCaseAt(CaseId, usize),
    /// Show the casebook matrix.
    ShowMatrix,
    /// Change which cases the matrix shows.
    SetMatrixFilter(CaseFilter),
    /// Mark a different factor, by position in the model.
    SelectFactor(usize),
    /// Set or clear a verdict.
    SetVerdict(FactorId, Option<Verdict>),
    /// Set or clear a confidence.
    SetConfidence(FactorId, Option<Confidence>),
    /// Cite a passage as evidence, or stop citing it.
    ToggleEvidence(FactorId, PassageId),
    /// Replace a note.
    SetNote(FactorId, String),
    /// Check the answers: asks first if factors are unmarked.
    Check,
    /// Go back to marking from the unmarked-factors question.
    CancelCheck,
    /// Show feedback, marked or not.
    ShowFeedback,
    /// Highlight a factor's evidence on the feedback screen.
    FocusFeedback(FactorId),
    /// Return from feedback to marking, at a factor.
    ChangeAnswers(FactorId),
    /// Open the model reference, at a factor if given.
    ShowReference(Option<FactorId>),
    /// Close the model reference.
    CloseReference,
    /// Start a seminar on a case.
    StartSeminar(CaseId),
    /// Go back to the seminar in progress.
    ShowSeminar,
    /// Go to a stage of the seminar.
    SeminarGo(Stage),
    /// Move on (1) or back (-1) through the seminar.
    SeminarStep(i32),
    /// Set the show-of-hands count for a verdict on a factor.
    SetTally(FactorId, Verdict, u32),
    /// Count attempt files.
    ImportAttempts(Vec<PathBuf>),
    /// Show the room the model's answer for a factor.
    Reveal(FactorId),
    /// Show the room the model's answer for every factor.
    RevealAll,
    /// Hide the model's answer for a factor again.
    Hide(FactorId),
    /// Open or close the room view window.
    SetRoomView(bool),
    /// Start the timer.
    TimerStart {
        /// Its length.
        minutes: u32,
        /// The time now, in seconds.
        now: f64,
    },
    /// Pause the timer.
    TimerPause {
        /// The time now, in seconds.
        now: f64,
    },
    /// Resume the timer.
    TimerResume {
        /// The time now, in seconds.
        now: f64,
    },
    /// Add time to the timer.
    TimerExtend {
        /// How much.
        minutes: u32,
    },
    /// Stop and hide the timer.
    TimerStop,
    /// Save the session record into a folder.
    ExportSession(PathBuf),
    /// End the seminar and go back to the library.
    EndSeminar,
    /// Hide a message about saved work.
    DismissNotice(usize),
    /// Show the display and keyboard page.
    ShowSettings,
    /// Close the display and keyboard page.
    CloseSettings,
    /// Choose a theme.
    SetTheme(ThemeChoice),
    /// Choose a text size, as a zoom factor.
    SetZoom(f32),
    /// Show "My record".
    ShowRecord,
    /// Ask to delete the record (a confirmation follows).
    AskDeleteRecord,
    /// Delete the record, after confirmation.
    DeleteRecord,
    /// Show the next review due.
    ShowReview,
    /// Choose an answer in a review.
    ChooseReview {
        /// The factor chosen.
        factor: Option<FactorId>,
        /// The verdict chosen.
        verdict: Option<Verdict>,
    },
    /// Check a review answer and schedule the next review.
    AnswerReview,
    /// Clear the marks on the open case and start again (checked attempts stay in the record).
    StartAgainBlank,
    /// Save the attempt file for the open case.
    ExportAttempt(PathBuf),
    /// Save a feedback report for the open case into a folder.
    ExportReport(PathBuf),
    /// Open a native file dialog; what the user picks becomes the next action.
    Ask(Dialog),
    /// Load cases from files and folders.
    LoadPaths(Vec<PathBuf>),
    /// Show or hide the problems panel.
    SetProblemsVisible(bool),
    /// Show the lines of a file around a problem.
    ShowProblemSource {
        /// The file, as the problem names it.
        file: String,
        /// Where the problem is.
        position: io::Position,
    },
    /// Hide the lines shown for a problem.
    HideProblemSource,
}

/// A native file dialog. rfd is called in one place, [`CasebookApp::ask`]; tests skip the
/// dialog and apply the action it would lead to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Pick case files to open.
    OpenCaseFiles,
    /// Pick a folder of cases to open.
    OpenCaseFolder,
    /// Pick attempt files to count in the seminar.
    ImportAttemptFiles,
    /// Pick a folder of attempt files to count in the seminar.
    ImportAttemptFolder,
    /// Choose where to save the attempt file for the open case.
    SaveAttemptFile,
    /// Choose a folder for a feedback report.
    ReportFolder,
    /// Choose a folder for the seminar record.
    SessionRecordFolder,
}

/// The seminar in progress with what is derived from it each frame.
struct SeminarRoom<'a> {
    seminar: &'a Seminar,
    case: &'a Case,
    room: BTreeMap<FactorId, RoomFactor>,
    agenda: Vec<AgendaItem>,
}

/// The cases the app knows, in library order.
#[derive(Default)]
pub struct Library {
    cases: Vec<LoadedCase>,
}

impl Library {
    /// Every case, in order.
    pub fn cases(&self) -> &[LoadedCase] {
        &self.cases
    }

    /// Every case, in order.
    pub fn all(&self) -> Vec<&Case> {
        self.cases.iter().map(|c| &c.case).collect()
    }

    /// A case by id.
    pub fn get(&self, id: &CaseId) -> Option<&LoadedCase> {
        self.cases.iter().find(|c| &c.case.id == id)
    }

    /// Adds cases; a case with the id of one already held replaces it.
    fn add(&mut self, cases: Vec<LoadedCase>) {
        for loaded in cases {
            match self.cases.iter_mut().find(|c| c.case.id == loaded.case.id) {
                Some(slot) => *slot = loaded,
                None => self.cases.push(loaded),
            }
        }
    }
}

/// The app.
pub struct CasebookApp {
    model: Model,
    library: Library,
    problems: Vec<FileError>,
    problems_visible: bool,
    /// The self-study record: work in progress, checked attempts, review.
    progress: Progress,
    /// Where the record is saved, on its own thread; `None` when it is not (tests, or a
    /// refused second copy).
    writer: Option<RecordWriter>,
    /// Unsaved changes to the record, and when they were made.
    autosave: Autosave,
    /// The time egui gave this frame, in seconds: when changes are noted as made.
    now: f64,
    /// Whether the window had the keyboard focus last frame.
    focused: bool,
    /// Messages for the user about their saved work, shown until dismissed.
    notices: Vec<String>,
    /// Display settings, kept between runs.
    settings: Settings,
    /// The zoom factor last given to egui, to tell the user's keyboard zoom from ours.
    applied_zoom: f32,
    /// Frames drawn, and after how many to close (for start-up benchmarks).
    frames: u32,
    close_after: Option<u32>,
    /// The lines of a file shown around a problem, if the user asked to see them.
    problem_source: Option<problems::Source>,
    /// Watches the case files and folders the user opened, to reload them when saved.
    watcher: Option<CaseWatcher>,
    screen: Screen,
    /// The seminar in progress, if any; it survives visits to other screens.
    seminar: Option<Seminar>,
    /// Loaded-files message for the status line.
    status: Option<String>,
    /// The feedback the feedback screen shows, worked out once per change rather than
    /// once per frame: by [`Self::refresh_feedback`] after every action and every load.
    feedback: Option<(CaseId, Feedback)>,
    /// Files being opened off the UI thread.
    loader: Loader,
    /// The context to wake when a load finishes; `None` before the window exists.
    wake: Option<egui::Context>,
}

impl CasebookApp {
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

    /// As [`Self::new`], with the bundled cases already read: the binary reads them on
    /// another thread while the window and its graphics context are being made.
    pub fn with_bundled(
        cc: &eframe::CreationContext<'_>,
        model: Model,
        bundled: LoadReport,
        paths: &[PathBuf],
        store_folder: Option<&std::path::Path>,
    ) -> Self {
        let mut app = Self::from_parts(model, bundled);
        app.wake = Some(cc.egui_ctx.clone());
        let ctx = cc.egui_ctx.clone();
        // Without a watcher (some file systems cannot be watched) cases still open; they
        // just do not reload by themselves, and the user is told.
        match CaseWatcher::new(move || ctx.request_repaint()) {
            Ok(watcher) => app.watcher = Some(watcher),
            Err(error) => app.watch_problem(&error.to_string()),
        }
        if let Some(folder) = store_folder {
            app.open_store(folder);
        }
        theme::apply(&cc.egui_ctx, app.settings.theme);
        cc.egui_ctx.set_zoom_factor(app.settings.zoom);
        app.applied_zoom = app.settings.zoom;
        if !paths.is_empty() {
            app.apply(Action::LoadPaths(paths.to_vec()));
        }
        app
    }

    /// Opens the record and returns to where the trainee was.
    fn open_store(&mut self, folder: &std::path::Path) {
        match Store::open(folder, &crate::clock::stamp()) {
            Ok((store, progress, notice)) => {
                let settings: Settings = store.load_settings();
                self.settings = Settings {
                    zoom: settings.zoom.clamp(0.5, 3.0),
                    ..settings
                };
                self.writer = Some(RecordWriter::new(store));
                self.progress = progress;
                if let Some(notice) = notice {
                    self.notices.push(notice.message());
                }
                if let Some(place) = self.progress.place.clone()
                    && self.library.get(&place.case).is_some()
                    && place.factor < self.model.factors.len()
                {
                    self.screen = Screen::Case {
                        case: place.case,
                        factor: place.factor,
                        confirm_unmarked: false,
                    };
                }
            }
            Err(error) => self.notices.push(error.to_string()),
        }
        self.refresh_feedback();
    }

    /// Saves the display settings, if the record is kept.
    fn save_settings(&mut self) {
        if let Some(writer) = &self.writer
            && let Err(error) = io::store::save_settings(writer.folder(), &self.settings)
        {
            self.notices.push(format!(
                "Your display settings could not be saved ({error})."
            ));
        }
    }

    /// Keeps egui's theme and zoom in step with the settings, and the settings in step with
    /// zoom changed from the keyboard.
    fn sync_display(&mut self, ctx: &egui::Context) {
        if theme::current(ctx) != self.settings.theme {
            theme::set_theme(ctx, self.settings.theme);
        }
        let changed_here = (self.settings.zoom - self.applied_zoom).abs() > 0.001;
        let changed_by_keys = (ctx.zoom_factor() - self.applied_zoom).abs() > 0.001;
        if changed_here {
            ctx.set_zoom_factor(self.settings.zoom);
            self.applied_zoom = self.settings.zoom;
        } else if changed_by_keys {
            self.settings.zoom = ctx.zoom_factor();
            self.applied_zoom = self.settings.zoom;
            self.save_settings();
        }
    }

    /// The display settings.
    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// Notes that the record changed; [`Self::save_if_due`] saves it when the rule in
    /// `domain::autosave` says so.
    fn changed(&mut self) {
        self.autosave.changed(self.now);
    }

    /// Hands the record to the writer thread if the autosave rule says it is time.
    fn save_if_due(&mut self, moment: Moment) {
        if !self.autosave.due(self.now, moment) {
            return;
        }
        self.autosave.saved();
        let Some(writer) = &mut self.writer else {
            return;
        };
        match io::store::to_text(&self.progress) {
            Ok(text) => writer.save(text),
            Err(error) => self.notices.push(format!(
                "Your latest changes could not be saved ({error}). They are still open here."
            )),
        }
    }

    /// Takes in what the writer thread reports: failed saves are said once and tried again
    /// after the next quiet spell; a deleted record says which files went.
    fn take_save_outcomes(&mut self) {
        let Some(writer) = &self.writer else { return };
        for outcome in writer.outcomes() {
            let message = match outcome {
                Outcome::SaveFailed(error) => {
                    self.autosave.changed(self.now);
                    format!(
                        "Your latest changes could not be saved ({error}). They are still open here; the app will keep trying."
                    )
                }
                Outcome::Deleted(files) if files.is_empty() => {
                    "Your record was deleted. No file held it yet.".to_owned()
                }
                Outcome::Deleted(files) => format!(
                    "Your record was deleted. Removed {}: {}.",
                    if files.len() == 1 {
                        "1 file".to_owned()
                    } else {
                        format!("{} files", files.len())
                    },
                    files
                        .iter()
                        .map(|f| f.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Outcome::DeleteFailed(error) => format!(
                    "Your record was not fully deleted: {error}. Delete that file yourself, or try again."
                ),
            };
            if !self.notices.contains(&message) {
                self.notices.push(message);
            }
        }
    }

    /// Saves anything unsaved and waits until it is on disk: on exit, and for tests.
    pub fn flush_saves(&mut self) {
        self.save_if_due(Moment::Exit);
        if let Some(writer) = &mut self.writer {
            writer.flush();
        }
        self.take_save_outcomes();
    }

    /// How many saves of the record have reached the disk this run.
    pub fn saves_written(&self) -> usize {
        self.writer.as_ref().map_or(0, RecordWriter::saves_written)
    }

    /// Builds the app state without a window, with the bundled cases.
    pub fn with_model(model: Model) -> Self {
        let bundled = io::bundled_cases(&model);
        Self::from_parts(model, bundled)
    }

    fn from_parts(model: Model, bundled: LoadReport) -> Self {
        let mut app = Self {
            model,
            library: Library::default(),
            problems: Vec::new(),
            problems_visible: false,
            progress: Progress::default(),
            writer: None,
            autosave: Autosave::default(),
            now: 0.0,
            focused: true,
            notices: Vec::new(),
            settings: Settings::default(),
            applied_zoom: 1.0,
            frames: 0,
            close_after: None,
            watcher: None,
            problem_source: None,
            screen: Screen::Library,
            seminar: None,
            status: None,
            feedback: None,
            loader: Loader::default(),
            wake: None,
        };
        app.take_report(bundled);
        // The status line is for files the user opens, not the built-in cases.
        app.status = None;
        app
    }

    /// Closes the window after this many frames: used by the start-up benchmark, which
    /// sets `CASEBOOK_EXIT_AFTER_FRAMES`.
    pub fn close_after_frames(&mut self, frames: u32) {
        self.close_after = Some(frames);
    }

    /// Adds a case to the library, as if it had been opened from a file (for benchmarks and
    /// tests that build cases in code).
    pub fn add_case(&mut self, case: Case) {
        self.library.add(vec![LoadedCase {
            case,
            origin: io::CaseOrigin::Bundled("generated"),
        }]);
        self.refresh_feedback();
    }

    /// The screen shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The problems found in files so far.
    pub fn problems(&self) -> &[FileError] {
        &self.problems
    }

    /// The library.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The seminar in progress, if any.
    pub fn seminar(&self) -> Option<&Seminar> {
        self.seminar.as_ref()
    }

    /// The attempt on a case, if one was started.
    pub fn attempt(&self, case: &CaseId) -> Option<&Attempt> {
        self.progress.attempts.get(case)
    }

    /// The self-study record.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Messages shown to the user about their saved work.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    fn take_report(&mut self, report: LoadReport) {
        let LoadReport {
            cases,
            errors,
            attempts,
            files_read,
        } = report;
        if !errors.is_empty() {
            self.problems_visible = true;
        }
        let files = if files_read == 1 { "file" } else { "files" };
        let mut status = match (cases.len(), errors.len()) {
            (loaded, 0) => format!("Opened {loaded} of {files_read} {files}."),
            (loaded, bad) => {
                format!("Opened {loaded} of {files_read} {files}. {bad} had problems.")
            }
        };
        if !attempts.is_empty() {
            status.push_str(&format!(
                " {} attempt {} not opened as cases: import attempt files in a seminar.",
                attempts.len(),
                if attempts.len() == 1 { "file was" } else { "files were" }
            ));
        }
        self.status = Some(status);
        // A case from a file with a built-in case's id replaces it: say which replaced which.
        for loaded in &cases {
            if let (io::CaseOrigin::File(path), Some(built_in)) =
                (&loaded.origin, self.library.get(&loaded.case.id))
                && let io::CaseOrigin::Bundled(_) = built_in.origin
            {
                let message = format!(
                    "\"{}\" from {} has the id \"{}\", the same as the built-in case \"{}\", so it replaces that case until you close the app. To keep both, give your case its own id.",
                    loaded.case.title,
                    path.display(),
                    loaded.case.id,
                    built_in.case.title
                );
                if !self.notices.contains(&message) {
                    self.notices.push(message);
                }
            }
        }
        // A file that loads now replaces any old problem reported for it.
        for loaded in &cases {
            if let io::CaseOrigin::File(path) = &loaded.origin {
                let label = path.display().to_string();
                self.problems.retain(|p| p.file != label);
            }
        }
        for error in errors {
            self.problems.retain(|p| p.file != error.file);
            self.problems.push(error);
        }
        self.library.add(cases);
        self.refresh_feedback();
    }

    fn case(&self, id: &CaseId) -> Option<&Case> {
        self.library.get(id).map(|l| &l.case)
    }

    fn factor_id(&self, index: usize) -> Option<FactorId> {
        self.model.factors.get(index).map(|f| f.id.clone())
    }

    fn current_case_id(&self) -> Option<CaseId> {
        match &self.screen {
            Screen::Case { case, .. } | Screen::Feedback { case, .. } => Some(case.clone()),
            Screen::Library
            | Screen::Matrix { .. }
            | Screen::Seminar
            | Screen::Record { .. }
            | Screen::Review(_)
            | Screen::Settings { .. }
            | Screen::Reference { .. } => None,
        }
    }

    fn attempt_mut(&mut self, case: &CaseId) -> Option<&mut Attempt> {
        let known = self.library.get(case)?;
        let attempt = self
            .progress
            .attempts
            .entry(case.clone())
            .or_insert_with(|| Attempt::new(&known.case));
        Some(attempt)
    }

    /// Carries out one action. The only place state changes.
    pub fn apply(&mut self, action: Action) {
        self.apply_one(action);
        self.remember_place();
        self.refresh_feedback();
    }

    /// Works out the feedback for the feedback screen, if that is the screen shown.
    fn refresh_feedback(&mut self) {
        self.feedback = match &self.screen {
            Screen::Feedback { case, .. } => self.library.get(case).map(|loaded| {
                let blank = Attempt::new(&loaded.case);
                let attempt = self.progress.attempts.get(case).unwrap_or(&blank);
                let feedback = Feedback::new(&self.model, &loaded.case, attempt);
                (case.clone(), feedback)
            }),
            _ => None,
        };
    }

    /// Keeps the record of where the trainee is, so reopening the app returns there.
    fn remember_place(&mut self) {
        let place = match &self.screen {
            Screen::Case { case, factor, .. } => Some(Place {
                case: case.clone(),
                factor: *factor,
            }),
            Screen::Library => None,
            _ => return,
        };
        if self.progress.place != place {
            self.progress.place = place;
            self.changed();
        }
    }

    fn apply_one(&mut self, action: Action) {
        match action {
            Action::ShowLibrary => self.screen = Screen::Library,
            Action::OpenCase(id) => self.apply(Action::OpenCaseAt(id, 0)),
            Action::OpenCaseAt(id, factor) => {
                if self.library.get(&id).is_some() && factor < self.model.factors.len() {
                    self.screen = Screen::Case {
                        case: id,
                        factor,
                        confirm_unmarked: false,
                    };
                }
            }
            Action::ShowMatrix => {
                self.screen = Screen::Matrix {
                    filter: CaseFilter::default(),
                };
            }
            Action::SetMatrixFilter(new_filter) => {
                if let Screen::Matrix { filter } = &mut self.screen {
                    *filter = new_filter;
                }
            }
            Action::SelectFactor(index) => {
                if let Screen::Case {
                    factor,
                    confirm_unmarked,
                    ..
                } = &mut self.screen
                    && index < self.model.factors.len()
                {
                    *factor = index;
                    *confirm_unmarked = false;
                }
            }
            Action::SetVerdict(factor, verdict) => self.edit(|a| a.set_verdict(&factor, verdict)),
            Action::SetConfidence(factor, confidence) => {
                self.edit(|a| a.set_confidence(&factor, confidence));
            }
            Action::ToggleEvidence(factor, passage) => {
                self.edit(|a| a.toggle_evidence(&factor, &passage));
            }
            Action::SetNote(factor, note) => self.edit(|a| a.set_note(&factor, note)),
            Action::Check => {
                let Some(case) = self.current_case_id() else {
                    return;
                };
                let unmarked = self
                    .progress
                    .attempts
                    .get(&case)
                    .map_or(self.model.factors.len(), |a| a.unmarked(&self.model).len());
                if unmarked == 0 {
                    self.apply(Action::ShowFeedback);
                } else if let Screen::Case {
                    confirm_unmarked, ..
                } = &mut self.screen
                {
                    *confirm_unmarked = true;
                }
            }
            Action::CancelCheck => {
                let first_unmarked = self.current_case_id().and_then(|case| {
                    let attempt = self.progress.attempts.get(&case)?;
                    let first = attempt.unmarked(&self.model).into_iter().next()?;
                    self.model.factors.iter().position(|f| &f.id == first)
                });
                if let Screen::Case {
                    factor,
                    confirm_unmarked,
                    ..
                } = &mut self.screen
                {
                    *confirm_unmarked = false;
                    *factor = first_unmarked.unwrap_or(*factor);
                }
            }
            Action::ShowFeedback => {
                let Some((case, attempt)) = self.open_case_and_attempt() else {
                    return;
                };
                let case_id = case.id.clone();
                let result = Feedback::new(&self.model, &case, &attempt);
                let focus = result
                    .factors
                    .first()
                    .map(|f| f.factor.clone())
                    .or_else(|| self.factor_id(0));
                self.progress
                    .record_check(&case, &attempt, &result, crate::clock::now());
                self.changed();
                if let Some(focus) = focus {
                    self.screen = Screen::Feedback {
                        case: case_id,
                        focus,
                    };
                }
            }
            Action::FocusFeedback(factor) => {
                if let Screen::Feedback { focus, .. } = &mut self.screen {
                    *focus = factor;
                }
            }
            Action::ChangeAnswers(factor) => {
                if let Some(case) = self.current_case_id() {
                    let index = self
                        .model
                        .factors
                        .iter()
                        .position(|f| f.id == factor)
                        .unwrap_or(0);
                    self.screen = Screen::Case {
                        case,
                        factor: index,
                        confirm_unmarked: false,
                    };
                }
            }
            Action::ShowReference(factor) => {
                let back = match &self.screen {
                    Screen::Reference { back, .. } => back.clone(),
                    other => Box::new(other.clone()),
                };
                self.screen = Screen::Reference { factor, back };
            }
            Action::CloseReference => {
                if let Screen::Reference { back, .. } = &self.screen {
                    self.screen = (**back).clone();
                }
            }
            Action::Ask(dialog) => {
                if let Some(next) = self.ask(&dialog) {
                    self.apply(next);
                }
            }
            Action::LoadPaths(paths) => {
                // Absolute paths, so a file reloaded after a save is recognised as the same.
                let paths: Vec<PathBuf> = paths
                    .into_iter()
                    .map(|p| p.canonicalize().unwrap_or(p))
                    .collect();
                self.loader
                    .start(paths, Purpose::Open, &self.model, self.wake.clone());
                self.status = Some("Opening files…".to_owned());
            }
            Action::SetProblemsVisible(visible) => self.problems_visible = visible,
            Action::ShowProblemSource { file, position } => {
                // Read through the same guarded reader as the cases: a file that is now a
                // pipe or too large is refused, and the reason shown, never lost.
                let (lines, unreadable) = match io::load::read_text(std::path::Path::new(&file)) {
                    Ok(text) => (io::error::excerpt(&text, position, 2), None),
                    Err(error) => (
                        Vec::new(),
                        Some(
                            error
                                .problems
                                .iter()
                                .map(|p| p.kind.to_string())
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                    ),
                };
                self.problem_source = Some(problems::Source {
                    file,
                    position,
                    lines,
                    unreadable,
                });
            }
            Action::HideProblemSource => self.problem_source = None,
            Action::StartSeminar(id) => {
                if let Some(loaded) = self.library.get(&id) {
                    self.seminar = Some(Seminar::new(&loaded.case));
                    self.screen = Screen::Seminar;
                }
            }
            Action::ShowSeminar => {
                if self.seminar.is_some() {
                    self.screen = Screen::Seminar;
                }
            }
            Action::EndSeminar => {
                self.seminar = None;
                self.screen = Screen::Library;
            }
            Action::ExportSession(folder) => self.export_session(&folder),
            Action::ShowSettings => {
                let back = match &self.screen {
                    Screen::Settings { back } => back.clone(),
                    other => Box::new(other.clone()),
                };
                self.screen = Screen::Settings { back };
            }
            Action::CloseSettings => {
                if let Screen::Settings { back } = &self.screen {
                    self.screen = (**back).clone();
                }
            }
            Action::SetTheme(choice) => {
                self.settings.theme = choice;
                self.save_settings();
            }
            Action::SetZoom(zoom) => {
                self.settings.zoom = zoom.clamp(0.5, 3.0);
                self.save_settings();
            }
            Action::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Action::ShowRecord => {
                self.screen = Screen::Record {
                    confirm_delete: None,
                };
            }
            Action::AskDeleteRecord => {
                let files = self
                    .writer
                    .as_ref()
                    .map(|w| io::store::record_files(w.folder()))
                    .unwrap_or_default();
                self.screen = Screen::Record {
                    confirm_delete: Some(files),
                };
            }
            Action::DeleteRecord => {
                self.progress.clear();
                // Nothing of the old record is saved again: the writer deletes after any
                // save already handed over, and the pending change is dropped.
                self.autosave.saved();
                match &mut self.writer {
                    Some(writer) => writer.delete(),
                    None => self.notices.push("Your record was deleted.".to_owned()),
                }
                self.screen = Screen::Record {
                    confirm_delete: None,
                };
            }
            Action::ShowReview => {
                let item = self
                    .progress
                    .due(crate::clock::now(), REVIEW_SESSION)
                    .into_iter()
                    .find(|r| self.library.get(&r.case).is_some())
                    .map(|r| (r.case.clone(), r.factor.clone()));
                self.screen = Screen::Review(ReviewState {
                    item,
                    ..ReviewState::default()
                });
            }
            Action::ChooseReview { factor, verdict } => {
                if let Screen::Review(state) = &mut self.screen
                    && state.outcome.is_none()
                {
                    state.factor = factor;
                    state.verdict = verdict;
                }
            }
            Action::AnswerReview => self.answer_review(),
            Action::StartAgainBlank => {
                if let Some(case) = self.current_case_id() {
                    self.progress.attempts.remove(&case);
                    self.changed();
                    self.screen = Screen::Case {
                        case,
                        factor: 0,
                        confirm_unmarked: false,
                    };
                }
            }
            Action::ExportAttempt(path) => self.export_attempt(&path),
            Action::ExportReport(folder) => self.export_report(&folder),
            other => self.apply_to_seminar(other),
        }
    }

    /// Applies an action that changes the seminar in progress.
    fn apply_to_seminar(&mut self, action: Action) {
        let Some(seminar) = self.seminar.as_mut() else {
            return;
        };
        let Some(loaded) = self.library.get(&seminar.case) else {
            return;
        };
        let case = &loaded.case;
        match action {
            Action::SeminarGo(stage) => seminar.stage = stage,
            Action::SeminarStep(step) => {
                seminar.stage = seminar.stepped(case, self.model.factors.len(), step);
            }
            Action::SetTally(factor, verdict, count) => {
                *seminar.hands.entry(factor).or_default().count_mut(verdict) = count;
            }
            Action::ImportAttempts(paths) => {
                let before = (
                    seminar.gathered.accepted.len(),
                    seminar.gathered.rejected.len(),
                );
                io::attempt_file::gather(&paths, case, &self.model, &mut seminar.gathered);
                let counted = seminar.gathered.accepted.len() - before.0;
                let aside = seminar.gathered.rejected.len() - before.1;
                seminar.status = Some(format!(
                    "Counted {counted} attempt {}; set aside {aside}.",
                    if counted == 1 { "file" } else { "files" }
                ));
            }
            Action::Reveal(factor) => {
                seminar.revealed.insert(factor);
            }
            Action::RevealAll => {
                seminar
                    .revealed
                    .extend(self.model.factors.iter().map(|f| f.id.clone()));
            }
            Action::Hide(factor) => {
                seminar.revealed.remove(&factor);
            }
            Action::SetRoomView(open) => seminar.room_view = open,
            Action::TimerStart { minutes, now } => {
                seminar.timer = Some(Timer::start(f64::from(minutes) * 60.0, now));
            }
            Action::TimerPause { now } => {
                if let Some(timer) = &mut seminar.timer {
                    timer.pause(now);
                }
            }
            Action::TimerResume { now } => {
                if let Some(timer) = &mut seminar.timer {
                    timer.resume(now);
                }
            }
            Action::TimerExtend { minutes } => {
                if let Some(timer) = &mut seminar.timer {
                    timer.extend(f64::from(minutes) * 60.0);
                }
            }
            Action::TimerStop => seminar.timer = None,
            _ => {}
        }
    }

    /// The room's marks and the agenda for the seminar in progress.
    fn seminar_room(&self) -> Option<SeminarRoom<'_>> {
        let seminar = self.seminar.as_ref()?;
        let case = &self.library.get(&seminar.case)?.case;
        let attempts: Vec<&Attempt> = seminar
            .gathered
            .accepted
            .iter()
            .map(|r| &r.attempt)
            .collect();
        let room = crate::domain::seminar::aggregate(case, &seminar.hands, &attempts);
        let agenda = crate::domain::seminar::agenda(&self.model, case, &room);
        Some(SeminarRoom {
            seminar,
            case,
            room,
            agenda,
        })
    }

    /// The case on screen and the trainee's marks on it (blank if none yet).
    fn open_case_and_attempt(&self) -> Option<(Case, Attempt)> {
        let case = self.case(&self.current_case_id()?)?.clone();
        let attempt = self
            .progress
            .attempts
            .get(&case.id)
            .cloned()
            .unwrap_or_else(|| Attempt::new(&case));
        Some((case, attempt))
    }

    /// Shows a native file dialog and turns what the user picked into the next action.
    /// The only place the app calls rfd.
    fn ask(&self, dialog: &Dialog) -> Option<Action> {
        use rfd::FileDialog;
        let ron = |d: FileDialog, what: &str| d.add_filter(what, &["ron"]);
        match dialog {
            Dialog::OpenCaseFiles => {
                ron(FileDialog::new().set_title("Open case files"), "Case files")
                    .pick_files()
                    .map(Action::LoadPaths)
            }
            Dialog::OpenCaseFolder => FileDialog::new()
                .set_title("Open a folder of cases")
                .pick_folder()
                .map(|folder| Action::LoadPaths(vec![folder])),
            Dialog::ImportAttemptFiles => ron(
                FileDialog::new().set_title("Import attempt files"),
                "Attempt files",
            )
            .pick_files()
            .map(Action::ImportAttempts),
            Dialog::ImportAttemptFolder => FileDialog::new()
                .set_title("Import a folder of attempt files")
                .pick_folder()
                .map(|folder| Action::ImportAttempts(vec![folder])),
            Dialog::SaveAttemptFile => {
                let case = self.current_case_id().and_then(|c| self.case(&c))?;
                ron(
                    FileDialog::new().set_title("Save your attempt file"),
                    "Attempt files",
                )
                .set_file_name(format!("attempt-{}-v{}.ron", case.id, case.version))
                .save_file()
                .map(Action::ExportAttempt)
            }
            Dialog::ReportFolder => FileDialog::new()
                .set_title("Choose a folder for your feedback report")
                .pick_folder()
                .map(Action::ExportReport),
            Dialog::SessionRecordFolder => FileDialog::new()
                .set_title("Choose a folder for the session record")
                .pick_folder()
                .map(Action::ExportSession),
        }
    }

    /// Checks the review answer on screen and schedules the next review.
    fn answer_review(&mut self) {
        let Screen::Review(state) = &mut self.screen else {
            return;
        };
        let (Some((case_id, factor)), Some(chosen), Some(verdict)) =
            (state.item.clone(), state.factor.clone(), state.verdict)
        else {
            return;
        };
        let Some(case) = self.library.get(&case_id).map(|l| &l.case) else {
            return;
        };
        let Some(question) = ReviewQuestion::for_item(case, &factor) else {
            return;
        };
        let right = question.is_right(&chosen, verdict);
        state.outcome = Some(right);
        self.progress
            .answer_review(&case_id, &factor, right, crate::clock::now());
        self.changed();
    }

    /// Saves the open case's attempt as an attempt file and says where.
    fn export_attempt(&mut self, path: &std::path::Path) {
        let Some((_, attempt)) = self.open_case_and_attempt() else {
            return;
        };
        let text = match io::attempt_file::to_text(&attempt, None) {
            Ok(text) => text,
            Err(error) => {
                self.notices.push(format!(
                    "Your attempt file could not be written ({error}), so nothing was saved as {}. Please report this.",
                    path.display()
                ));
                return;
            }
        };
        self.notices
            .push(match io::atomic::replace(path, text.as_bytes()) {
                Ok(()) => format!(
                    "Your attempt file was saved as {}. Give it to your facilitator.",
                    path.display()
                ),
                Err(error) => format!(
                    "Your attempt file could not be saved as {} ({error}). Choose another place.",
                    path.display()
                ),
            });
    }

    /// Saves a feedback report for the open case and says where.
    fn export_report(&mut self, folder: &std::path::Path) {
        let Some((case, attempt)) = self.open_case_and_attempt() else {
            return;
        };
        let feedback = Feedback::new(&self.model, &case, &attempt);
        let date = crate::clock::today();
        let report = io::feedback_report::Report {
            model: &self.model,
            case: &case,
            attempt: &attempt,
            feedback: &feedback,
            date: &date,
        };
        let message = match io::feedback_report::write(folder, &report) {
            Ok(paths) => {
                let names: Vec<String> = paths
                    .iter()
                    .filter_map(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .collect();
                format!(
                    "Your feedback report was saved as {} in {}.",
                    names.join(" and "),
                    folder.display()
                )
            }
            Err(error) => format!(
                "Your feedback report could not be saved in {} ({error}). Choose another folder.",
                folder.display()
            ),
        };
        self.notices.push(message);
    }

    /// Saves the session record into a folder and says where.
    fn export_session(&mut self, folder: &std::path::Path) {
        let date = crate::clock::today();
        let result = self.seminar_room().map(
            |SeminarRoom {
                 seminar,
                 case,
                 room,
                 agenda,
             }| {
                let session = io::session_record::Session {
                    model: &self.model,
                    case,
                    room: &room,
                    agenda: &agenda,
                    revealed: &seminar.revealed,
                    files_counted: seminar.gathered.accepted.len(),
                    rejected: &seminar.gathered.rejected,
                    date: &date,
                };
                io::session_record::write(folder, &session)
            },
        );
        let message = match result {
            Some(Ok(paths)) => {
                let names: Vec<String> = paths
                    .iter()
                    .filter_map(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .collect();
                format!("Saved {} in {}.", names.join(", "), folder.display())
            }
            Some(Err(error)) => format!(
                "The session record could not be saved in {} ({error}). Choose another folder.",
                folder.display()
            ),
            None => return,
        };
        if let Some(seminar) = &mut self.seminar {
            seminar.status = Some(message);
        }
    }

    /// Applies an edit to the attempt on the open case.
    fn edit(&mut self, change: impl FnOnce(&mut Attempt)) {
        if let Some(case) = self.current_case_id()
            && let Some(attempt) = self.attempt_mut(&case)
        {
            change(attempt);
            self.changed();
        }
    }

    /// The keyboard shortcuts outside seminars, from the one table in [`super::keymap`]
    /// (seminar keys are read by the seminar screens, from the same table).
    fn shortcuts(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        use super::keymap::{Command, Scope};
        let marking = match &self.screen {
            Screen::Case { factor, .. } => Some(*factor),
            _ => None,
        };
        let scopes: &[Scope] = if marking.is_some() {
            &[Scope::Anywhere, Scope::Marking]
        } else {
            &[Scope::Anywhere]
        };
        let factor = marking.unwrap_or(0);
        let id = self.factor_id(factor);
        for command in super::keymap::commands(ctx, scopes) {
            match command {
                Command::Help => actions.push(Action::ShowSettings),
                Command::Close => match &self.screen {
                    Screen::Reference { .. } => actions.push(Action::CloseReference),
                    Screen::Settings { .. } => actions.push(Action::CloseSettings),
                    _ => {}
                },
                Command::NextFactor => {
                    if factor + 1 < self.model.factors.len() {
                        actions.push(Action::SelectFactor(factor + 1));
                    }
                }
                Command::PreviousFactor => {
                    if factor > 0 {
                        actions.push(Action::SelectFactor(factor - 1));
                    }
                }
                Command::Verdict(verdict) => {
                    if let Some(id) = &id {
                        actions.push(Action::SetVerdict(id.clone(), Some(verdict)));
                    }
                }
                Command::Confidence(confidence) => {
                    if let Some(id) = &id {
                        actions.push(Action::SetConfidence(id.clone(), Some(confidence)));
                    }
                }
                Command::Check => actions.push(Action::Check),
                Command::FullScreen => {
                    let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
                }
                // Read by the seminar screens; egui handles its own keys.
                Command::SeminarNext
                | Command::SeminarPrevious
                | Command::Reveal
                | Command::Egui => {}
            }
        }
    }

    /// Draws one frame and returns what the user asked for.
    pub fn draw(&self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::Panel::top("top_bar").show(ui, |ui| {
            top_bar::top_bar_ui(
                ui,
                &self.screen,
                self.seminar.is_some(),
                self.problems.len(),
                self.problems_visible,
                &mut actions,
            );
        });
        if !self.notices.is_empty() {
            egui::Panel::top("notices").show(ui, |ui| {
                for (index, notice) in self.notices.iter().enumerate() {
                    egui::Frame::new()
                        .stroke(egui::Stroke::new(3.0, theme::colors(ui).blue))
                        .inner_margin(8.0)
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.horizontal_wrapped(|ui| {
                                ui.label(
                                    egui::RichText::new("Your saved work").family(theme::bold()),
                                );
                                ui.label(notice);
                                let name = format!("Dismiss message {}", index + 1);
                                let response = ui.button("Dismiss");
                                response.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                                });
                                if response.clicked() {
                                    actions.push(Action::DismissNotice(index));
                                }
                            });
                        });
                }
            });
        }
        if self.problems_visible && !self.problems.is_empty() {
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    problems::problems_ui(
                        ui,
                        &self.problems,
                        self.problem_source.as_ref(),
                        &mut actions,
                    );
                });
        }
        if let Some(status) = &self.status
            && !matches!(self.screen, Screen::Seminar)
        {
            egui::Panel::bottom("status").show(ui, |ui| {
                ui.label(
                    egui::RichText::new(status)
                        .small()
                        .color(theme::colors(ui).secondary_text),
                );
            });
        }
        match &self.screen {
            Screen::Library => {
                egui::CentralPanel::default().show(ui, |ui| {
                    library::library_ui(
                        ui,
                        &self.model,
                        self.library.cases(),
                        &self.progress,
                        &mut actions,
                    );
                });
            }
            Screen::Case {
                case,
                factor,
                confirm_unmarked,
            } => {
                if let Some(loaded) = self.library.get(case) {
                    let attempt = self.progress.attempts.get(case);
                    let view = marking::MarkingView {
                        model: &self.model,
                        case: &loaded.case,
                        attempt,
                        factor_index: *factor,
                        confirm_unmarked: *confirm_unmarked,
                    };
                    marking::case_screen_ui(ui, &view, &mut actions);
                }
            }
            Screen::Feedback { case, focus } => {
                // `refresh_feedback` keeps this in step with every change of state.
                if let Some(loaded) = self.library.get(case)
                    && let Some((_, result)) = self.feedback.as_ref().filter(|(id, _)| id == case)
                {
                    let blank = Attempt::new(&loaded.case);
                    let attempt = self.progress.attempts.get(case).unwrap_or(&blank);
                    let history: Vec<Option<f32>> = self
                        .progress
                        .history
                        .iter()
                        .filter(|h| &h.attempt.case_id == case)
                        .map(|h| h.agreement)
                        .collect();
                    let view = feedback::FeedbackView {
                        model: &self.model,
                        case: &loaded.case,
                        attempt,
                        feedback: result,
                        focus,
                        history: &history,
                    };
                    feedback::feedback_screen_ui(ui, &view, &mut actions);
                }
            }
            Screen::Seminar => {
                if let Some(SeminarRoom {
                    seminar,
                    case,
                    room,
                    agenda,
                }) = self.seminar_room()
                {
                    let view = SeminarView {
                        model: &self.model,
                        case,
                        seminar,
                        room: &room,
                        agenda: &agenda,
                        now: ui.input(|i| i.time),
                    };
                    seminar::seminar_keys(ui, &view, &mut actions);
                    seminar::console_ui(ui, &view, &mut actions);
                    if seminar.room_view {
                        seminar::show_room_view(ui.ctx(), &view, &mut actions);
                    }
                }
            }
            Screen::Settings { .. } => {
                egui::CentralPanel::default().show(ui, |ui| {
                    settings::settings_ui(ui, self.settings, &mut actions);
                });
            }
            Screen::Record { confirm_delete } => {
                egui::CentralPanel::default().show(ui, |ui| {
                    let cases = self.library.all();
                    let view = RecordView {
                        model: &self.model,
                        cases: &cases,
                        progress: &self.progress,
                        due: self.progress.due(crate::clock::now(), usize::MAX).len(),
                        folder: self
                            .writer
                            .as_ref()
                            .map(|w| w.folder().display().to_string()),
                        confirm_delete: confirm_delete.as_deref(),
                    };
                    record::record_ui(ui, &view, &mut actions);
                });
            }
            Screen::Review(state) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    let case = state
                        .item
                        .as_ref()
                        .and_then(|(case, _)| self.library.get(case))
                        .map(|l| &l.case);
                    let view = ReviewView {
                        model: &self.model,
                        case,
                        state,
                        due: self.progress.due(crate::clock::now(), usize::MAX).len(),
                    };
                    review::review_ui(ui, &view, &mut actions);
                });
            }
            Screen::Matrix { filter } => {
                egui::CentralPanel::default().show(ui, |ui| {
                    matrix::matrix_ui(ui, &self.model, &self.library.all(), *filter, &mut actions);
                });
            }
            Screen::Reference { factor, .. } => {
                egui::CentralPanel::default().show(ui, |ui| {
                    reference::reference_ui(
                        ui,
                        &self.model,
                        &self.library.all(),
                        factor.as_ref(),
                        &mut actions,
                    );
                });
            }
        }
        self.shortcuts(ui.ctx(), &mut actions);
        theme::paint_focus_ring(ui.ctx());
        // Panes in the order they sit on screen, for screen readers.
        super::a11y::finish(ui.ctx());
        // Files dropped on the window go through the same loader as the dialog.
        let dropped: Vec<PathBuf> = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            actions.push(Action::LoadPaths(dropped));
        }
        actions
    }
}

impl CasebookApp {
    /// Says once that saved cases will not reload by themselves, and why.
    fn watch_problem(&mut self, reason: &str) {
        let message = format!(
            "Cases you open will not reload by themselves when you save them ({reason}). Open a case again to see your changes."
        );
        if self.status.as_deref() != Some(message.as_str()) {
            self.status = Some(message);
        }
    }

    /// Takes in the files that finished loading since the last frame.
    fn take_loaded(&mut self, loaded: Vec<Finished>) {
        let any = !loaded.is_empty();
        for Finished {
            paths,
            purpose,
            report,
        } in loaded
        {
            let names: Vec<String> = paths
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            let bad = report.errors.len();
            self.take_report(report);
            if purpose == Purpose::Reload {
                self.status = Some(if bad == 0 {
                    format!("Reloaded {} after it was saved.", names.join(", "))
                } else {
                    format!(
                        "{} changed and has problems; the last good version is still open.",
                        names.join(", ")
                    )
                });
                continue;
            }
            let mut unwatched = None;
            if let Some(watcher) = &mut self.watcher {
                for path in &paths {
                    // A path that cannot be watched still loaded; it just will not reload.
                    if let Err(error) = watcher.watch(path) {
                        unwatched = Some(error.to_string());
                    }
                }
            }
            if let Some(reason) = unwatched {
                self.watch_problem(&reason);
            }
        }
        if any && self.loader.is_busy() {
            // Another load is still going: say so rather than that everything is open.
            self.status = Some("Opening files…".to_owned());
        }
    }

    /// Whether files are still being opened.
    pub fn is_loading(&self) -> bool {
        self.loader.is_busy()
    }

    /// Waits until every file being opened has loaded, and takes them in. For tests and
    /// benchmarks; the window never waits.
    pub fn wait_for_loading(&mut self) {
        let loaded = self.loader.wait();
        self.take_loaded(loaded);
    }

    /// Reloads case files saved since the last frame, through the background loader. A
    /// case that still validates replaces the old one and the trainee stays where they
    /// were; one that does not is listed under the problems and the last good version
    /// stays open. Problems the watcher meets are said on the status line.
    fn reload_changed(&mut self) {
        let Some(watcher) = &self.watcher else { return };
        let changes = watcher.changed();
        if let Some(error) = changes.errors.first() {
            let error = error.clone();
            self.watch_problem(&error);
        }
        if changes.paths.is_empty() {
            return;
        }
        self.loader.start(
            changes.paths,
            Purpose::Reload,
            &self.model,
            self.wake.clone(),
        );
    }

    /// Runs `load` instead of the real loader: tests use it to see where loads run.
    #[doc(hidden)]
    pub fn set_load(&mut self, load: LoadFn) {
        self.loader.set_load(load);
    }
}

impl eframe::App for CasebookApp {
    /// The window's background. Panels are see-through (see `theme::visuals`), so this is
    /// the one place the background is painted.
    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.settings
            .theme
            .palette()
            .background
            .to_normalized_gamma_f32()
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let loaded = self.loader.finished();
        self.take_loaded(loaded);
        if self.loader.is_busy() {
            // The loader wakes the window when it is done; this is in case it cannot.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.now = ui.input(|i| i.time);
        self.take_save_outcomes();
        self.reload_changed();
        let actions = self.draw(ui);
        let changed = !actions.is_empty();
        let screen_before = std::mem::discriminant(&self.screen);
        for action in actions {
            self.apply(action);
        }
        let focused = ui.input(|i| i.viewport().focused.unwrap_or(true));
        let moment = if std::mem::discriminant(&self.screen) != screen_before {
            Moment::LeftScreen
        } else if self.focused && !focused {
            Moment::LostFocus
        } else {
            Moment::Frame
        };
        self.focused = focused;
        self.save_if_due(moment);
        if let Some(wait) = self.autosave.wake_in(self.now) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        self.sync_display(ui.ctx());
        self.frames = self.frames.saturating_add(1);
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
        self.flush_saves();
    }
}
