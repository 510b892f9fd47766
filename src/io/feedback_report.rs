//! A printable feedback report for one attempt: the case, your marks, the model's answers
//! and the feedback, as Markdown and as a self-contained HTML page with print styles.
//! Every piece of case text and every note is escaped.

use std::path::{Path, PathBuf};

use crate::domain::{Attempt, Case, Feedback, Model, PassageId};

use super::document::{self, Block, Document, Span};

/// What a report is made from.
pub struct Report<'a> {
    /// The model.
    pub model: &'a Model,
    /// The case.
    pub case: &'a Case,
    /// The trainee's marks.
    pub attempt: &'a Attempt,
    /// The feedback on them.
    pub feedback: &'a Feedback,
    /// The date, such as "2026-11-28".
    pub date: &'a str,
}

/// One factor's part of the report, in plain strings.
struct Row {
    name: String,
    yours: String,
    model: String,
    agreement: &'static str,
    rationale: String,
    other: Option<(String, String, String)>,
    found: Vec<String>,
    missed: Vec<String>,
    changed: Option<String>,
    note: Option<String>,
}

fn passages(case: &Case, ids: &[PassageId]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| case.passage(id))
        .map(|p| format!("Paragraph {}: {}", p.number, p.text))
        .collect()
}

fn rows(report: &Report<'_>) -> Vec<Row> {
    report
        .feedback
        .factors
        .iter()
        .filter_map(|item| {
            let factor = report.model.factor(&item.factor)?;
            let answer = report.case.answer(&item.factor)?;
            let mark = report.attempt.mark(&item.factor);
            let yours = match (item.yours, item.confidence) {
                (Some(v), Some(c)) => format!("{v} ({} confidence)", c.label().to_lowercase()),
                (Some(v), None) => v.to_string(),
                (None, _) => "Not marked".to_owned(),
            };
            Some(Row {
                name: factor.name.clone(),
                yours,
                model: answer.verdict.to_string(),
                agreement: item.agreement.label(),
                rationale: answer.rationale.clone(),
                other: answer.contested.as_ref().map(|c| {
                    (
                        c.other_verdict.to_string(),
                        c.other_rationale.clone(),
                        c.why.clone(),
                    )
                }),
                found: passages(report.case, &item.found),
                missed: passages(report.case, &item.missed),
                changed: answer.would_have_changed.clone(),
                note: mark
                    .map(|m| m.note.clone())
                    .filter(|n| !n.trim().is_empty()),
            })
        })
        .collect()
}

fn summary(report: &Report<'_>) -> String {
    match report.feedback.agreement_percent() {
        Some(percent) => format!(
            "You agreed with the model on {percent}% of the {} scored factors.",
            report.feedback.scored
        ),
        None => "Every factor in this case is contested, so nothing is scored.".to_owned(),
    }
}

/// The report as one document, for both renderers.
pub fn document(report: &Report<'_>) -> Document {
    let case = report.case;
    let mut blocks = vec![
        Block::List(vec![
            vec![
                Span::Text("Case id ".to_owned()),
                Span::Code(case.id.to_string()),
                Span::Text(format!(", version {}", case.version)),
            ],
            document::text(format!("Date: {}", report.date)),
        ]),
        Block::Lead(document::text(summary(report))),
        Block::Paragraph(document::text(report.feedback.calibration.summary())),
    ];
    for row in rows(report) {
        let mut section = vec![
            Block::Heading(2, row.name),
            Block::Definitions(vec![
                ("You".to_owned(), row.yours),
                ("The model".to_owned(), row.model),
                ("Agreement".to_owned(), row.agreement.to_owned()),
            ]),
            Block::Paragraph(document::text(row.rationale)),
        ];
        if let Some((verdict, rationale, why)) = row.other {
            section.push(Block::Paragraph(document::labelled(
                format!("The other reading, {verdict}:"),
                rationale,
            )));
            section.push(Block::Paragraph(document::labelled(
                "Why people disagree:",
                why,
            )));
        }
        for (heading, list) in [
            ("Evidence you found", row.found),
            ("Evidence you missed", row.missed),
        ] {
            if !list.is_empty() {
                section.push(Block::Heading(3, heading.to_owned()));
                section.push(Block::List(list.into_iter().map(document::text).collect()));
            }
        }
        if let Some(changed) = row.changed {
            section.push(Block::Paragraph(document::labelled(
                "What working collaboratively would have changed:",
                changed,
            )));
        }
        if let Some(note) = row.note {
            section.push(Block::Paragraph(document::labelled("Your note:", note)));
        }
        blocks.push(Block::Section(section));
    }
    Document {
        title: format!("Feedback: {}", case.title),
        style: STYLE,
        blocks,
    }
}

/// The report as Markdown.
pub fn markdown(report: &Report<'_>) -> String {
    document::markdown(&document(report))
}

/// The report as a self-contained HTML page with print styles.
pub fn html(report: &Report<'_>) -> String {
    document::html(&document(report))
}

const STYLE: &str = "body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
.summary { font-size: 1.3em; font-weight: bold; }
section { border-top: 2px solid #b1b4b6; margin-top: 1.5em; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dt { font-weight: bold; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }";

/// The name the report's files share, before the extension.
pub fn file_stem(report: &Report<'_>) -> String {
    format!(
        "feedback-{}-v{}-{}",
        report.case.id, report.case.version, report.date
    )
}

/// Writes the Markdown and HTML reports into a folder without overwriting anything.
pub fn write(folder: &Path, report: &Report<'_>) -> std::io::Result<Vec<PathBuf>> {
    let stem = file_stem(report);
    let mut written = Vec::new();
    for (extension, text) in [("md", markdown(report)), ("html", html(report))] {
        let path = super::atomic::free_path(folder, &stem, extension);
        super::atomic::write_new(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
