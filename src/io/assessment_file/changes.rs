//! The "what changed" file: written for a course team, read back with positioned errors.

use crate::domain::assessment::{
    ChangeReport, MAX_ACTIONS, MIN_ACTIONS, Moved, Outcome, ReportedAction,
};
use crate::domain::{FactorId, Model, Verdict};
use crate::io::error::{FileError, ProblemKind};
#[cfg(not(target_arch = "wasm32"))]
use crate::io::load;
use crate::io::locate::Place;

use super::{CHANGES_FORMAT, DATE, Problems, label, parse_kind, pretty, unknown_factor};

/// A "what changed" file as written.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename = "Changes", deny_unknown_fields)]
struct ChangesFile {
    format: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    participant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partnership: Option<String>,
    made_on: String,
    actions: Vec<ActionEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    moved: Vec<MovedEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notes: Option<String>,
}

/// One action, as written.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename = "Action", deny_unknown_fields)]
struct ActionEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    factor: Option<String>,
    what: String,
    look_back: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    changed: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    with_whom: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    in_the_way: Option<String>,
}

/// A factor that moved, as written.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename = "Moved", deny_unknown_fields)]
struct MovedEntry {
    factor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before: Option<Verdict>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    after: Option<Verdict>,
}

/// A "what changed" report, read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRecord {
    /// The report.
    pub report: ChangeReport,
    /// Where it came from.
    pub file: String,
}

/// Writes a change report as the text of a "what changed" file. What the report leaves
/// out (see [`ChangeReport::from_history`]) is not written.
pub fn changes_to_text(report: &ChangeReport) -> Result<String, ron::Error> {
    let file = ChangesFile {
        format: CHANGES_FORMAT,
        participant: report.participant.clone(),
        partnership: report.partnership.clone(),
        made_on: report.made_on.format(DATE).to_string(),
        actions: report
            .actions
            .iter()
            .map(|a| ActionEntry {
                factor: a.factor.as_ref().map(ToString::to_string),
                what: a.what.clone(),
                look_back: a.look_back.format(DATE).to_string(),
                outcome: a.outcome,
                changed: a.changed.clone(),
                with_whom: a.with_whom.clone(),
                in_the_way: a.in_the_way.clone(),
            })
            .collect(),
        moved: report
            .moved
            .iter()
            .map(|m| MovedEntry {
                factor: m.factor.to_string(),
                before: m.before,
                after: m.after,
            })
            .collect(),
        notes: report.notes.clone(),
    };
    ron::ser::to_string_pretty(&file, pretty())
}

/// Parses "what changed" text. Factor ids must belong to the model; the plan has one to
/// three actions, each saying what was done.
pub fn parse_changes(text: &str, file: &str, model: &Model) -> Result<ChangeRecord, FileError> {
    let parsed: ChangesFile = parse_kind(text, file, "Changes", CHANGES_FORMAT)?;
    let mut problems = Problems::new(text);
    problems.format(parsed.format, CHANGES_FORMAT);
    let made_on = problems.date(&parsed.made_on, "made_on", &Place::Field("made_on"));
    let count = parsed.actions.len();
    if !(MIN_ACTIONS..=MAX_ACTIONS).contains(&count) {
        problems.add(
            &Place::Field("actions"),
            ProblemKind::ActionCount {
                count,
                max: MAX_ACTIONS,
            },
        );
    }
    let mut actions = Vec::new();
    for (i, entry) in parsed.actions.iter().enumerate() {
        // An action is found by its `what`: the nth of the actions with the same words.
        let nth = parsed
            .actions
            .iter()
            .take(i)
            .filter(|a| a.what == entry.what)
            .count();
        let this = Place::Keyed {
            within: Some("actions"),
            key: "what",
            value: &entry.what,
            nth,
        };
        if entry.what.trim().is_empty() {
            problems.add(&this, ProblemKind::EmptyText { field: "what" });
        }
        let look_back = problems.date(
            &entry.look_back,
            "look_back",
            &Place::FieldOf {
                owner: Box::new(this.clone()),
                field: "look_back",
            },
        );
        let factor = match &entry.factor {
            Some(factor) if model.factor(&FactorId::new(factor.clone())).is_none() => {
                problems.add(
                    &Place::FieldOf {
                        owner: Box::new(this.clone()),
                        field: "factor",
                    },
                    unknown_factor(model, factor),
                );
                None
            }
            Some(factor) => Some(FactorId::new(factor.clone())),
            None => None,
        };
        actions.push(ReportedAction {
            factor,
            what: entry.what.clone(),
            look_back,
            outcome: entry.outcome,
            changed: entry.changed.clone(),
            with_whom: label(entry.with_whom.as_deref()),
            in_the_way: label(entry.in_the_way.as_deref()),
        });
    }
    let mut moved = Vec::new();
    for (i, entry) in parsed.moved.iter().enumerate() {
        let nth = parsed
            .moved
            .iter()
            .take(i)
            .filter(|e| e.factor == entry.factor)
            .count();
        if model.factor(&FactorId::new(entry.factor.clone())).is_none() {
            problems.add(
                &Place::Keyed {
                    within: Some("moved"),
                    key: "factor",
                    value: &entry.factor,
                    nth,
                },
                unknown_factor(model, &entry.factor),
            );
        } else if nth == 0 {
            moved.push(Moved {
                factor: FactorId::new(entry.factor.clone()),
                before: entry.before,
                after: entry.after,
            });
        } else {
            problems.add(
                &Place::Keyed {
                    within: Some("moved"),
                    key: "factor",
                    value: &entry.factor,
                    nth,
                },
                ProblemKind::DuplicateId {
                    what: "moved factor",
                    id: entry.factor.clone(),
                },
            );
        }
    }
    let record = ChangeRecord {
        report: ChangeReport {
            participant: label(parsed.participant.as_deref()),
            partnership: label(parsed.partnership.as_deref()),
            made_on,
            actions,
            moved,
            notes: label(parsed.notes.as_deref()),
        },
        file: file.to_owned(),
    };
    problems.finish(file, record)
}

/// Reads a "what changed" file, bounded in size like case files.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_changes(path: &std::path::Path, model: &Model) -> Result<ChangeRecord, FileError> {
    let text = load::read_text(path)?;
    parse_changes(&text, &path.display().to_string(), model)
}
