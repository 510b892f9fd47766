//! A seminar as a file: the running seminar, saved so it survives closing the app or a
//! crash, and each ended seminar, kept beside its session record.
//!
//! The text is RON with a format number, like every file the app writes; this build writes
//! and reads format 1. What it holds is [`SavedSeminar`] (see "Saving a seminar" in
//! [`crate::domain::seminar`]): the timer is its length and the seconds counted, never a
//! clock reading.
//!
//! ```ron
//! Seminar(
//!     format: 1,
//!     case: "universal-credit",
//!     case_version: 2,
//!     stage: Factor(4),
//!     hands: {
//!         "senior-vision": Tally(present: 6, partly: 0, missing: 4, cant_tell: 0),
//!     },
//!     counted: [
//!         CountedAttempt(
//!             attempt: Attempt(
//!                 case_id: "universal-credit",
//!                 case_version: 2,
//!                 marks: {
//!                     "senior-vision": Mark(
//!                         verdict: Some(Present),
//!                         confidence: Some(High),
//!                         evidence: [],
//!                         note: "",
//!                     ),
//!                 },
//!             ),
//!             participant: Some("Table 1"),
//!             file: "a.ron",
//!         ),
//!     ],
//!     set_aside: [
//!         OtherVersion(file: "c.ron", found: 4, expected: 2),
//!     ],
//!     revealed: ["senior-vision"],
//!     timer: Some(TimerState(length: 600.0, elapsed: 90.0, running: true)),
//!     room_view: true,
//! )
//! ```
//!
//! An ended seminar is kept in the `seminars` folder of the data folder
//! ([`ended_folder`]), as `seminar-CASE-vVERSION-DATE.seminar.ron` beside the session
//! record's Markdown, HTML and CSV of the same name ([`keep_ended`]).
//!
//! The attempt files of a seminar are held in the app as a [`Gathered`]; the conversions
//! here turn each counted file into a [`CountedAttempt`] and each file set aside into a
//! [`SetAside`] and back, keeping every word of each reason. A reason restored from a file
//! keeps its words and its line and column, but not its kind.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::seminar::{
    CountedAttempt, SavedProblem, SavedSeminar, SetAside, Stage, Tally, TimerState,
};
use crate::domain::{CaseId, FactorId, Verdict};

use super::attempt_file::{AttemptRecord, Gathered, Rejection};
use super::error::{FileError, Position, Problem, ProblemKind};
use super::ron_text;
use super::session_record::{self, Session};

/// The seminar format this build writes and reads.
pub const FORMAT: u32 = 1;

/// The folder, inside the data folder, where ended seminars are kept.
pub const ENDED_FOLDER: &str = "seminars";

/// The ending of a seminar file's name.
pub const EXTENSION: &str = "seminar.ron";

/// The largest seminar file read. A seminar of 40 attempt files is well under 1 MB.
pub const MAX_SEMINAR_BYTES: u64 = 16 * 1024 * 1024;

/// The largest count of hands accepted for one verdict.
pub const MAX_HANDS: u32 = 10_000;

/// A seminar file as written, format 1.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename = "Seminar", deny_unknown_fields)]
struct SeminarFile {
    format: u32,
    case: CaseId,
    case_version: u32,
    stage: Stage,
    #[serde(default)]
    hands: BTreeMap<FactorId, Tally>,
    #[serde(default)]
    counted: Vec<CountedAttempt>,
    #[serde(default)]
    set_aside: Vec<SetAside>,
    #[serde(default)]
    revealed: BTreeSet<FactorId>,
    #[serde(default)]
    timer: Option<TimerState>,
    #[serde(default = "room_view_open")]
    room_view: bool,
}

fn room_view_open() -> bool {
    true
}

/// Just the format number, read first so that a newer file is named as newer.
#[derive(serde::Deserialize)]
#[serde(rename = "Seminar")]
struct FormatOnly {
    format: u32,
}

/// The seminar as the text of a seminar file.
pub fn to_text(seminar: &SavedSeminar) -> Result<String, ron::Error> {
    let file = SeminarFile {
        format: FORMAT,
        case: seminar.case.clone(),
        case_version: seminar.case_version,
        stage: seminar.stage,
        hands: seminar.hands.clone(),
        counted: seminar.counted.clone(),
        set_aside: seminar.set_aside.clone(),
        revealed: seminar.revealed.clone(),
        timer: seminar.timer,
        room_view: seminar.room_view,
    };
    ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::new().struct_names(true))
}

/// Reads the text of a seminar file. The error says what is wrong, in words, with the line
/// and column when there is one.
pub fn parse(text: &str) -> Result<SavedSeminar, String> {
    let words = |p: Problem| match p.position {
        Some(at) => format!("line {}, column {}: {}", at.line, at.column, p.kind),
        None => p.kind.to_string(),
    };
    let head: FormatOnly = ron_text::parse(text).map_err(words)?;
    if head.format != FORMAT {
        return Err(format!(
            "it is format {}, and this version reads seminar format {FORMAT}. If a newer version of the app saved it, open it there.",
            head.format
        ));
    }
    let file: SeminarFile = ron_text::parse(text).map_err(words)?;
    for (factor, tally) in &file.hands {
        if let Some(verdict) = Verdict::ALL
            .into_iter()
            .find(|&v| tally.count(v) > MAX_HANDS)
        {
            return Err(format!(
                "the show of hands for \"{factor}\" counts {} for {verdict}, more than the {MAX_HANDS} this app accepts",
                tally.count(verdict)
            ));
        }
    }
    Ok(SavedSeminar {
        case: file.case,
        case_version: file.case_version,
        stage: file.stage,
        hands: file.hands,
        counted: file.counted,
        set_aside: file.set_aside,
        revealed: file.revealed,
        timer: file.timer,
        room_view: file.room_view,
    })
}

/// Reads a seminar file, bounded in size. The error names the file and says what is wrong.
pub fn read(path: &Path) -> Result<SavedSeminar, String> {
    let name = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_SEMINAR_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > MAX_SEMINAR_BYTES {
        return Err(format!(
            "{name}: it is larger than {} MB, the most this app reads",
            MAX_SEMINAR_BYTES / (1024 * 1024)
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| format!("{name}: it is not text"))?;
    parse(&text).map_err(|problem| format!("{name}: {problem}"))
}

/// Where ended seminars are kept, inside the data folder.
pub fn ended_folder(data_folder: &Path) -> PathBuf {
    data_folder.join(ENDED_FOLDER)
}

/// Keeps an ended seminar: writes its session record (Markdown, HTML and CSV) and the
/// seminar file, all four with one name, into the ended-seminars folder of the data folder,
/// which is made if need be. Never overwrites a file. Returns the paths written.
pub fn keep_ended(
    data_folder: &Path,
    session: &Session<'_>,
    seminar: &SavedSeminar,
) -> std::io::Result<Vec<PathBuf>> {
    let folder = ended_folder(data_folder);
    std::fs::create_dir_all(&folder)?;
    let mut files = session_record::files(session).map_err(std::io::Error::other)?;
    files.push((EXTENSION, to_text(seminar).map_err(std::io::Error::other)?));
    session_record::write_files(&folder, &session.file_stem(), &files)
}

/// The attempt files of a saved seminar, as the app holds them.
pub fn gathered(seminar: &SavedSeminar) -> Gathered {
    Gathered {
        accepted: seminar
            .counted
            .iter()
            .cloned()
            .map(AttemptRecord::from)
            .collect(),
        rejected: seminar
            .set_aside
            .iter()
            .cloned()
            .map(Rejection::from)
            .collect(),
    }
}

/// The attempt files the app holds, as a saved seminar keeps them: (counted, set aside).
pub fn saved_files(gathered: &Gathered) -> (Vec<CountedAttempt>, Vec<SetAside>) {
    (
        gathered.accepted.iter().map(CountedAttempt::from).collect(),
        gathered.rejected.iter().map(SetAside::from).collect(),
    )
}

impl From<&AttemptRecord> for CountedAttempt {
    fn from(record: &AttemptRecord) -> Self {
        Self {
            attempt: record.attempt.clone(),
            participant: record.participant.clone(),
            file: record.file.clone(),
        }
    }
}

impl From<CountedAttempt> for AttemptRecord {
    fn from(counted: CountedAttempt) -> Self {
        Self {
            attempt: counted.attempt,
            participant: counted.participant,
            file: counted.file,
        }
    }
}

impl From<&Rejection> for SetAside {
    fn from(rejection: &Rejection) -> Self {
        match rejection {
            Rejection::Broken(error) => Self::Unreadable {
                file: error.file.clone(),
                problems: error
                    .problems
                    .iter()
                    .map(|p| SavedProblem {
                        at: p.position.map(|at| (at.line, at.column)),
                        message: p.kind.to_string(),
                    })
                    .collect(),
            },
            Rejection::OtherCase {
                file,
                found,
                expected,
            } => Self::OtherCase {
                file: file.clone(),
                found: found.clone(),
                expected: expected.clone(),
            },
            Rejection::OtherVersion {
                file,
                found,
                expected,
            } => Self::OtherVersion {
                file: file.clone(),
                found: *found,
                expected: *expected,
            },
            Rejection::Duplicate { file, other } => Self::Duplicate {
                file: file.clone(),
                other: other.clone(),
            },
        }
    }
}

impl From<SetAside> for Rejection {
    fn from(set_aside: SetAside) -> Self {
        match set_aside {
            SetAside::Unreadable { file, problems } => Self::Broken(FileError {
                file,
                problems: problems
                    .into_iter()
                    .map(|p| {
                        Problem::new(
                            p.at.map(|(line, column)| Position { line, column }),
                            ProblemKind::Syntax { message: p.message },
                        )
                    })
                    .collect(),
            }),
            SetAside::OtherCase {
                file,
                found,
                expected,
            } => Self::OtherCase {
                file,
                found,
                expected,
            },
            SetAside::OtherVersion {
                file,
                found,
                expected,
            } => Self::OtherVersion {
                file,
                found,
                expected,
            },
            SetAside::Duplicate { file, other } => Self::Duplicate { file, other },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::seminar::{Timer, agenda, room_agenda};
    use crate::domain::{Attempt, Case, Confidence, Model};
    use crate::io::attempt_file;

    fn model() -> Model {
        crate::io::builtin_model().unwrap()
    }

    fn case() -> Case {
        crate::io::bundled_cases(&model())
            .cases
            .into_iter()
            .find(|c| c.case.id.as_str() == "universal-credit")
            .map(|c| c.case)
            .unwrap()
    }

    /// Attempt files as a seminar gathers them: one counted, one of each reason set aside.
    fn gathered_files(case: &Case) -> Gathered {
        let model = model();
        let vision = FactorId::new("senior-vision");
        let mut attempt = Attempt::new(case);
        attempt.set_verdict(&vision, Some(Verdict::Present));
        attempt.set_confidence(&vision, Some(Confidence::High));
        let text = attempt_file::to_text(&attempt, Some("Table 1")).unwrap();
        let mut other_version = attempt.clone();
        other_version.case_version += 1;
        let mut other_case = attempt.clone();
        other_case.case_id = CaseId::new("total-place");
        let mut gathered = Gathered::default();
        for (name, text) in [
            ("a.ron", text.clone()),
            ("b.ron", text),
            (
                "c.ron",
                attempt_file::to_text(&other_version, None).unwrap(),
            ),
            ("d.ron", attempt_file::to_text(&other_case, None).unwrap()),
            ("e.ron", "Attempt(format: 1,\n  case: 'x',".to_owned()),
        ] {
            gathered.offer(attempt_file::parse(&text, name, &model), case);
        }
        assert_eq!((gathered.accepted.len(), gathered.rejected.len()), (1, 4));
        gathered
    }

    fn running(case: &Case) -> SavedSeminar {
        let mut saved = SavedSeminar::new(case);
        saved.stage = Stage::Factor(4);
        saved.hands.insert(
            FactorId::new("senior-vision"),
            Tally {
                present: 6,
                partly: 0,
                missing: 4,
                cant_tell: 0,
            },
        );
        (saved.counted, saved.set_aside) = saved_files(&gathered_files(case));
        saved.revealed.insert(FactorId::new("senior-vision"));
        let mut timer = Timer::start(600.0, 1000.0);
        timer.pause(1090.0);
        saved.timer = Some(timer.state(5000.0));
        saved
    }

    #[test]
    fn a_running_seminar_is_read_back_as_it_was_written() {
        let case = case();
        let saved = running(&case);
        let text = to_text(&saved).unwrap();
        assert!(text.starts_with("Seminar(\n    format: 1,\n"), "{text}");
        assert!(text.contains("stage: Factor(4),"), "{text}");
        assert!(
            text.contains("timer: Some(TimerState(\n        length: 600.0,\n        elapsed: 90.0,\n        running: false,\n    )),"),
            "{text}"
        );
        let read = parse(&text).unwrap();
        assert_eq!(read, saved);
        // The room's marks, and so the agenda, are the same after the restart.
        let model = model();
        assert_eq!(
            agenda(&model, &case, &read.room(&case)),
            agenda(&model, &case, &saved.room(&case))
        );
        assert_eq!(
            room_agenda(&model, &case, &read.room(&case), &read.revealed),
            room_agenda(&model, &case, &saved.room(&case), &saved.revealed)
        );
    }

    #[test]
    fn attempt_files_come_back_counted_or_set_aside_with_the_same_words() {
        let case = case();
        let before = gathered_files(&case);
        let (counted, set_aside) = saved_files(&before);
        let mut saved = SavedSeminar::new(&case);
        (saved.counted, saved.set_aside) = (counted, set_aside);
        let after = gathered(&parse(&to_text(&saved).unwrap()).unwrap());
        assert_eq!(after.accepted, before.accepted);
        let words =
            |g: &Gathered| -> Vec<String> { g.rejected.iter().map(ToString::to_string).collect() };
        assert_eq!(words(&after), words(&before));
        assert!(
            words(&after)[3].starts_with("e.ron:2:9: "),
            "{:?}",
            words(&after)
        );
        assert_eq!(after.rejected[..3], before.rejected[..3]);
        // An attempt counted before the restart is still a duplicate after it.
        let mut again = after;
        let copy = AttemptRecord {
            file: "f.ron".to_owned(),
            ..before.accepted[0].clone()
        };
        again.offer(Ok(copy), &case);
        assert_eq!(again.accepted.len(), 1);
        assert!(
            matches!(&again.rejected[4], Rejection::Duplicate { other, .. } if other == "a.ron")
        );
    }

    #[test]
    fn a_seminar_file_that_cannot_be_used_says_why() {
        let case = case();
        let text = to_text(&running(&case)).unwrap();
        assert_eq!(
            parse(&text.replacen("format: 1", "format: 2", 1)).unwrap_err(),
            "it is format 2, and this version reads seminar format 1. If a newer version of \
             the app saved it, open it there."
        );
        let error =
            parse(&text.replacen("stage: Factor(4)", "stage: Factor(four)", 1)).unwrap_err();
        assert!(error.starts_with("line 5, column "), "{error}");
        let error = parse(&text.replacen("present: 6", "present: 20000", 1)).unwrap_err();
        assert_eq!(
            error,
            "the show of hands for \"senior-vision\" counts 20000 for Present, more than the \
             10000 this app accepts"
        );
        assert_eq!(parse("").unwrap_err(), ProblemKind::EmptyFile.to_string());
    }

    #[test]
    fn an_ended_seminar_is_kept_beside_its_session_record() {
        let case = case();
        let model = model();
        let saved = running(&case);
        let room = saved.room(&case);
        let items = agenda(&model, &case, &room);
        let rejected = gathered(&saved).rejected;
        let session = Session {
            model: &model,
            case: &case,
            room: &room,
            agenda: &items,
            revealed: &saved.revealed,
            files_counted: saved.counted.len(),
            rejected: &rejected,
            date: "2026-12-01",
        };
        let dir = tempfile::tempdir().unwrap();
        let first = keep_ended(dir.path(), &session, &saved).unwrap();
        let second = keep_ended(dir.path(), &session, &saved).unwrap();
        let names = |paths: &[PathBuf]| -> Vec<String> {
            paths
                .iter()
                .map(|p| {
                    assert_eq!(p.parent(), Some(ended_folder(dir.path()).as_path()));
                    p.file_name().unwrap().to_string_lossy().into_owned()
                })
                .collect()
        };
        let stem = format!("seminar-universal-credit-v{}-2026-12-01", case.version);
        assert_eq!(
            names(&first),
            ["md", "html", "csv", "seminar.ron"].map(|e| format!("{stem}.{e}"))
        );
        assert_eq!(
            names(&second),
            ["md", "html", "csv", "seminar.ron"].map(|e| format!("{stem}-2.{e}"))
        );
        assert_eq!(read(&first[3]).unwrap(), saved);
    }

    #[test]
    fn the_example_in_the_documentation_reads() {
        let example: String = include_str!("seminar_file.rs")
            .lines()
            .skip_while(|l| *l != "//! ```ron")
            .skip(1)
            .take_while(|l| *l != "//! ```")
            .map(|l| format!("{}\n", l.trim_start_matches("//!").trim_start_matches(' ')))
            .collect();
        let saved = parse(&example).unwrap();
        assert_eq!(saved.stage, Stage::Factor(4));
        assert_eq!(saved.counted[0].participant.as_deref(), Some("Table 1"));
        assert_eq!(saved.timer.map(|t| t.remaining()), Some(510.0));
        assert_eq!(saved.set_aside.len(), 1);
    }
}
