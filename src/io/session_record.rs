//! The seminar's record: a readable report (Markdown, and a printable, self-contained HTML
//! page) and a CSV of the per-factor counts, each with the case id, version and date.
//!
//! Every piece of case text is escaped for the format it goes into, so a case file cannot
//! inject markup into a report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::domain::seminar::{AGENDA_ORDER, AgendaItem, RoomFactor};
use crate::domain::{Case, FactorId, Model, Verdict};

use super::attempt_file::Rejection;
use super::document::{self, Block, Document, Span};

/// Everything the record says about one session.
pub struct Session<'a> {
    /// The model.
    pub model: &'a Model,
    /// The case discussed.
    pub case: &'a Case,
    /// The room's marks by factor.
    pub room: &'a BTreeMap<FactorId, RoomFactor>,
    /// The debrief agenda, in order.
    pub agenda: &'a [AgendaItem],
    /// Factors whose model answer was revealed.
    pub revealed: &'a BTreeSet<FactorId>,
    /// Attempt files counted.
    pub files_counted: usize,
    /// Attempt files set aside, with reasons.
    pub rejected: &'a [Rejection],
    /// The date of the session, such as "2026-11-28".
    pub date: &'a str,
}

impl Session<'_> {
    fn title(&self) -> String {
        format!("Seminar record: {}", self.case.title)
    }

    /// The name the record's files share, before the extension.
    pub fn file_stem(&self) -> String {
        format!(
            "seminar-{}-v{}-{}",
            self.case.id, self.case.version, self.date
        )
    }

    fn rows(
        &self,
    ) -> impl Iterator<Item = (&crate::domain::Factor, &crate::domain::Answer, RoomFactor)> {
        self.model.factors.iter().filter_map(|factor| {
            let answer = self.case.answer(&factor.id)?;
            let room = self.room.get(&factor.id).cloned().unwrap_or_default();
            Some((factor, answer, room))
        })
    }
}

/// One row of the table of the room beside the model, as plain text.
struct TableRow {
    name: String,
    counts: [u32; 4],
    model: String,
    revealed: &'static str,
}

/// One agenda item, as plain text.
struct AgendaLine {
    name: String,
    detail: String,
    prompt: Option<String>,
}

impl Session<'_> {
    fn table(&self) -> Vec<TableRow> {
        self.rows()
            .map(|(factor, answer, room)| {
                let t = room.tally;
                TableRow {
                    name: factor.name.clone(),
                    counts: [t.present, t.partly, t.missing, t.cant_tell],
                    model: if answer.contested.is_some() {
                        format!("{} (contested)", answer.verdict)
                    } else {
                        answer.verdict.to_string()
                    },
                    revealed: if self.revealed.contains(&factor.id) {
                        "yes"
                    } else {
                        "no"
                    },
                }
            })
            .collect()
    }

    fn agenda_lines(&self) -> Vec<AgendaLine> {
        self.agenda
            .iter()
            .map(|item| AgendaLine {
                name: self.model.factor_name(&item.factor).to_owned(),
                detail: format!("{}. {}", item.reason.label(), item.words()),
                prompt: prompt(self, &item.factor),
            })
            .collect()
    }
}

/// The record as one document, for both renderers.
pub fn document(session: &Session<'_>) -> Document {
    let case = session.case;
    let mut blocks = vec![Block::List(vec![
        vec![
            Span::Text(format!("Case: {} (id ", case.title)),
            Span::Code(case.id.to_string()),
            Span::Text(format!(", version {})", case.version)),
        ],
        document::text(format!("Date: {}", session.date)),
        document::text(format!(
            "Attempt files counted: {}; set aside: {}",
            session.files_counted,
            session.rejected.len()
        )),
    ])];
    blocks.push(Block::Heading(2, "The room beside the model".to_owned()));
    blocks.push(Block::Table {
        head: [
            "Factor",
            "Present",
            "Partly",
            "Missing",
            "Can't tell",
            "Model",
            "Revealed",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: session
            .table()
            .into_iter()
            .map(|row| {
                let mut cells = vec![row.name];
                cells.extend(row.counts.iter().map(u32::to_string));
                cells.push(row.model);
                cells.push(row.revealed.to_owned());
                cells
            })
            .collect(),
    });
    blocks.push(Block::Heading(2, "Debrief agenda".to_owned()));
    if session.agenda.is_empty() {
        blocks.push(Block::Paragraph(document::text(
            "The room's marks were not entered, so there is no agenda.",
        )));
    } else {
        blocks.push(Block::Paragraph(document::text(AGENDA_ORDER)));
        blocks.push(Block::Numbered(
            session
                .agenda_lines()
                .into_iter()
                .map(|line| {
                    let mut spans = vec![
                        Span::Strong(line.name),
                        Span::Text(format!(": {}", line.detail)),
                    ];
                    if let Some(prompt) = line.prompt {
                        spans.push(Span::Break);
                        spans.push(Span::Text(format!("Prompt: {prompt}")));
                    }
                    spans
                })
                .collect(),
        ));
    }
    if !session.rejected.is_empty() {
        blocks.push(Block::Heading(2, "Attempt files set aside".to_owned()));
        blocks.push(Block::List(
            session
                .rejected
                .iter()
                .map(|r| document::text(r.to_string()))
                .collect(),
        ));
    }
    if !case.questions.is_empty() {
        blocks.push(Block::Heading(2, "Discussion questions".to_owned()));
        blocks.push(Block::List(
            case.questions.iter().map(document::text).collect(),
        ));
    }
    Document {
        title: session.title(),
        style: STYLE,
        blocks,
    }
}

/// The record as Markdown.
pub fn markdown(session: &Session<'_>) -> String {
    document::markdown(&document(session))
}

/// The debrief prompt for a factor: the case's own, or the model's first question.
pub fn prompt(session: &Session<'_>, factor: &FactorId) -> Option<String> {
    let from_case = session.case.answer(factor).and_then(|a| a.prompt.clone());
    from_case.or_else(|| {
        session
            .model
            .factor(factor)
            .and_then(|f| f.questions.first().cloned())
    })
}

/// The record as a self-contained HTML page with print styles.
pub fn html(session: &Session<'_>) -> String {
    document::html(&document(session))
}

const STYLE: &str = "body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #b1b4b6; padding: 0.3em 0.5em; text-align: left; }
thead th { background: #f3f2f1; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }";

/// The per-factor counts as CSV, one row per factor, with the case id, version and date
/// on every row so rows from several sessions can be combined, and the factor's place on
/// the debrief agenda with its words (both empty when the room did not mark it).
pub fn csv(session: &Session<'_>) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "case_id",
        "case_version",
        "date",
        "factor_id",
        "factor",
        "present",
        "partly",
        "missing",
        "cant_tell",
        "total",
        "model_verdict",
        "contested",
        "revealed",
        "agenda_place",
        "agenda",
    ])?;
    for (factor, answer, room) in session.rows() {
        let t = room.tally;
        let on_agenda = session
            .agenda
            .iter()
            .enumerate()
            .find(|(_, item)| item.factor == factor.id);
        writer.write_record([
            session.case.id.to_string(),
            session.case.version.to_string(),
            session.date.to_owned(),
            factor.id.to_string(),
            factor.name.clone(),
            t.present.to_string(),
            t.partly.to_string(),
            t.missing.to_string(),
            t.cant_tell.to_string(),
            t.total().to_string(),
            verdict_word(answer.verdict).to_owned(),
            answer.contested.is_some().to_string(),
            session.revealed.contains(&factor.id).to_string(),
            on_agenda.map_or_else(String::new, |(place, _)| (place + 1).to_string()),
            on_agenda.map_or_else(String::new, |(_, item)| {
                format!("{}. {}", item.reason.label(), item.words())
            }),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Present => "present",
        Verdict::Partly => "partly",
        Verdict::Missing => "missing",
        Verdict::CantTell => "cant_tell",
    }
}

/// The record's files as (extension, text): Markdown, HTML and CSV.
pub fn files(session: &Session<'_>) -> Result<Vec<(&'static str, String)>, csv::Error> {
    Ok(vec![
        ("md", markdown(session)),
        ("html", html(session)),
        ("csv", csv(session)?),
    ])
}

/// Writes the Markdown, HTML and CSV files into a folder. Never overwrites a file: if a
/// name is taken, a number is added, the same for every file. Returns the paths written.
pub fn write(folder: &Path, session: &Session<'_>) -> std::io::Result<Vec<PathBuf>> {
    let files = files(session).map_err(std::io::Error::other)?;
    write_files(folder, &session.file_stem(), &files)
}

/// Writes files that share a name into a folder, each `STEM.EXTENSION`, or, when any of
/// those names is taken, `STEM-2.EXTENSION` and so on: one number for them all, so the
/// files of one session keep one name. Never overwrites a file.
pub fn write_files(
    folder: &Path,
    stem: &str,
    files: &[(&str, String)],
) -> std::io::Result<Vec<PathBuf>> {
    let taken = |stem: &str| {
        files
            .iter()
            .any(|(extension, _)| folder.join(format!("{stem}.{extension}")).exists())
    };
    let free = std::iter::once(stem.to_owned())
        .chain((2..10_000).map(|n| format!("{stem}-{n}")))
        .find(|candidate| !taken(candidate))
        .ok_or_else(|| {
            std::io::Error::other(format!(
                "{} has too many files named {stem}; move some elsewhere",
                folder.display()
            ))
        })?;
    let mut written = Vec::new();
    for (extension, text) in files {
        let path = folder.join(format!("{free}.{extension}"));
        super::atomic::write_new(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
