//! What the app holds: the cases, the record, the screen and the seminar. Features change
//! it in their `apply`; screens only read it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::progress::{Place, Progress};
use crate::domain::seminar::{AgendaItem, RoomFactor};
use crate::domain::{Attempt, Case, CaseFilter, CaseId, FactorId, Feedback, Model};
use crate::io::{self, FileError, LoadReport, LoadedCase};

use super::features::assess::{AssessDrafts, AssessPage};
use super::problems;
use super::review::ReviewState;
use super::seminar::Seminar;
use super::settings::Settings;

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
    /// Your own collaboration.
    Assess(AssessPage),
    /// The model reference, over another screen.
    Reference {
        /// The factor to show first, if any.
        factor: Option<FactorId>,
        /// Where "Back" returns to.
        back: Box<Screen>,
    },
}

/// The time, read by the platform and handed in, so nothing in the app reads a clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Now {
    /// The moment.
    pub utc: DateTime<Utc>,
    /// The local date, as reports name it (`2026-12-01`).
    pub today: String,
}

impl Default for Now {
    fn default() -> Self {
        Self {
            utc: DateTime::<Utc>::UNIX_EPOCH,
            today: "1970-01-01".to_owned(),
        }
    }
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
    pub(crate) fn add(&mut self, cases: Vec<LoadedCase>) {
        for loaded in cases {
            match self.cases.iter_mut().find(|c| c.case.id == loaded.case.id) {
                Some(slot) => *slot = loaded,
                None => self.cases.push(loaded),
            }
        }
    }
}

/// The seminar in progress with what is derived from it.
pub struct SeminarRoom<'a> {
    /// The seminar.
    pub seminar: &'a Seminar,
    /// Its case.
    pub case: &'a Case,
    /// The room's marks, per factor.
    pub room: BTreeMap<FactorId, RoomFactor>,
    /// The debrief agenda, for the console.
    pub agenda: Vec<AgendaItem>,
    /// The agenda as the room may see it: nothing in its words or order gives away an
    /// answer not yet revealed.
    pub room_agenda: Vec<AgendaItem>,
}

/// Everything the app holds.
pub struct State {
    /// The model.
    pub model: Model,
    /// The cases.
    pub library: Library,
    /// Problems found in files, one entry per file.
    pub problems: Vec<FileError>,
    /// Whether the problems panel is open.
    pub problems_visible: bool,
    /// The lines of a file shown around a problem, if the user asked to see them.
    pub problem_source: Option<problems::Source>,
    /// The text of each file listed under the problems, as it was read, so the lines
    /// around a problem come from what was checked, without reading the file again.
    pub problem_texts: BTreeMap<String, Arc<str>>,
    /// The self-study record: work in progress, checked attempts, review.
    pub progress: Progress,
    /// Where the record is kept, as the user should read it; `None` when it is not kept.
    pub record_folder: Option<String>,
    /// Whether a learning platform is told of the record through SCORM (the browser build
    /// launched from an LMS): My record says what it is told.
    pub learning_platform: bool,
    /// Messages for the user about their saved work, shown until dismissed.
    pub notices: Vec<String>,
    /// Folders files were saved into, each with the message that said so: the message
    /// (a notice, or the seminar's status line) offers to open its folder.
    pub saved_in: Vec<(String, PathBuf)>,
    /// Display settings, kept between runs.
    pub settings: Settings,
    /// What is on screen.
    pub screen: Screen,
    /// The seminar in progress, if any; it survives visits to other screens.
    pub seminar: Option<Seminar>,
    /// The status line: what was opened or reloaded.
    pub status: Option<String>,
    /// The feedback the feedback screen shows, worked out once per change by
    /// [`Self::refresh_feedback`] rather than once per frame.
    pub feedback: Option<(CaseId, Feedback)>,
    /// The time, as the platform last read it.
    pub now: Now,
    /// Your own collaboration: what is being typed, and what the share pages read.
    pub assess: AssessDrafts,
}

impl State {
    /// The app's state with the bundled cases, on the library.
    pub fn new(model: Model, bundled: LoadReport) -> Self {
        let mut state = Self {
            model,
            library: Library::default(),
            problems: Vec::new(),
            problems_visible: false,
            problem_source: None,
            problem_texts: BTreeMap::new(),
            progress: Progress::default(),
            record_folder: None,
            learning_platform: false,
            notices: Vec::new(),
            saved_in: Vec::new(),
            settings: Settings::default(),
            screen: Screen::Library,
            seminar: None,
            status: None,
            feedback: None,
            now: Now::default(),
            assess: AssessDrafts::default(),
        };
        state.take_report(bundled);
        // The status line is for files the user opens, not the built-in cases.
        state.status = None;
        state
    }

    /// A case by id.
    pub fn case(&self, id: &CaseId) -> Option<&Case> {
        self.library.get(id).map(|l| &l.case)
    }

    /// The id of the factor at a position in the model.
    pub fn factor_id(&self, index: usize) -> Option<FactorId> {
        self.model.factors.get(index).map(|f| f.id.clone())
    }

    /// The case on the case or feedback screen.
    pub fn current_case_id(&self) -> Option<CaseId> {
        match &self.screen {
            Screen::Case { case, .. } | Screen::Feedback { case, .. } => Some(case.clone()),
            Screen::Library
            | Screen::Matrix { .. }
            | Screen::Seminar
            | Screen::Record { .. }
            | Screen::Review(_)
            | Screen::Assess(_)
            | Screen::Settings { .. }
            | Screen::Reference { .. } => None,
        }
    }

    /// The trainee's attempt on a case, started if need be.
    pub fn attempt_mut(&mut self, case: &CaseId) -> Option<&mut Attempt> {
        let known = self.library.get(case)?;
        let attempt = self
            .progress
            .attempts
            .entry(case.clone())
            .or_insert_with(|| Attempt::new(&known.case));
        Some(attempt)
    }

    /// The case on screen and the trainee's marks on it (blank if none yet).
    pub fn open_case_and_attempt(&self) -> Option<(Case, Attempt)> {
        let case = self.case(&self.current_case_id()?)?.clone();
        let attempt = self
            .progress
            .attempts
            .get(&case.id)
            .cloned()
            .unwrap_or_else(|| Attempt::new(&case));
        Some((case, attempt))
    }

    /// The room's marks and the agenda for the seminar in progress.
    pub fn seminar_room(&self) -> Option<SeminarRoom<'_>> {
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
        let room_agenda =
            crate::domain::seminar::room_agenda(&self.model, case, &room, &seminar.revealed);
        Some(SeminarRoom {
            seminar,
            case,
            room,
            agenda,
            room_agenda,
        })
    }

    /// Works out the feedback for the feedback screen, if that is the screen shown.
    pub fn refresh_feedback(&mut self) {
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
    /// Returns whether the record changed.
    pub fn remember_place(&mut self) -> bool {
        let place = match &self.screen {
            Screen::Case { case, factor, .. } => Some(Place {
                case: case.clone(),
                factor: *factor,
            }),
            Screen::Library => None,
            _ => return false,
        };
        if self.progress.place == place {
            return false;
        }
        self.progress.place = place;
        true
    }

    /// Adds a message for the user, once.
    pub fn tell(&mut self, message: String) {
        if !self.notices.contains(&message) {
            self.notices.push(message);
        }
    }

    /// Takes in what a load found: cases join the library (replacing any with the same
    /// id, which is said when a built-in case is replaced), problems are listed, and the
    /// status line says how many files opened.
    pub fn take_report(&mut self, report: LoadReport) {
        let LoadReport {
            cases,
            errors,
            attempts,
            files_read,
            problem_texts,
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
                if attempts.len() == 1 {
                    "file was"
                } else {
                    "files were"
                }
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
                self.tell(message);
            }
        }
        // A file that loads now replaces any old problem reported for it.
        for loaded in &cases {
            if let io::CaseOrigin::File(path) = &loaded.origin {
                let label = path.display().to_string();
                self.problems.retain(|p| p.file != label);
                self.problem_texts.remove(&label);
            }
        }
        for error in errors {
            self.problems.retain(|p| p.file != error.file);
            self.problem_texts.remove(&error.file);
            self.problems.push(error);
        }
        self.problem_texts.extend(problem_texts);
        self.library.add(cases);
        self.refresh_feedback();
    }
}
