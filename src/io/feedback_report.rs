//! A printable feedback report for one attempt: the case, your marks, the model's answers
//! and the feedback, as Markdown and as a self-contained HTML page with print styles.
//! Every piece of case text and every note is escaped.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::domain::{Attempt, Case, Feedback, Model, PassageId};

use super::session_record::md;

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

/// The report as Markdown.
pub fn markdown(report: &Report<'_>) -> String {
    let case = report.case;
    let mut out = String::new();
    let _ = writeln!(out, "# Feedback: {}\n", md(&case.title));
    let _ = writeln!(out, "- Case id `{}`, version {}", case.id, case.version);
    let _ = writeln!(out, "- Date: {}\n", md(report.date));
    let _ = writeln!(out, "{}\n", md(&summary(report)));
    let _ = writeln!(out, "{}\n", md(&report.feedback.calibration.summary()));
    for row in rows(report) {
        let _ = writeln!(out, "## {}\n", md(&row.name));
        let _ = writeln!(out, "- You: {}", md(&row.yours));
        let _ = writeln!(out, "- The model: {}", md(&row.model));
        let _ = writeln!(out, "- {}\n", md(row.agreement));
        let _ = writeln!(out, "{}\n", md(&row.rationale));
        if let Some((verdict, rationale, why)) = &row.other {
            let _ = writeln!(
                out,
                "The other reading, {}: {}\n",
                md(verdict),
                md(rationale)
            );
            let _ = writeln!(out, "Why people disagree: {}\n", md(why));
        }
        for (heading, list) in [
            ("Evidence you found", &row.found),
            ("Evidence you missed", &row.missed),
        ] {
            if !list.is_empty() {
                let _ = writeln!(out, "{heading}:\n");
                for line in list {
                    let _ = writeln!(out, "- {}", md(line));
                }
                out.push('\n');
            }
        }
        if let Some(changed) = &row.changed {
            let _ = writeln!(
                out,
                "What working collaboratively would have changed: {}\n",
                md(changed)
            );
        }
        if let Some(note) = &row.note {
            let _ = writeln!(out, "Your note: {}\n", md(note));
        }
    }
    out
}

/// The report as a self-contained HTML page with print styles.
pub fn html(report: &Report<'_>) -> String {
    use html_escape::encode_text as esc;
    let case = report.case;
    let title = format!("Feedback: {}", case.title);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>",
        esc(&title),
        STYLE
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&title));
    let _ = writeln!(
        out,
        "<p>Case id <code>{}</code>, version {}. Date: {}.</p>",
        esc(case.id.as_str()),
        case.version,
        esc(report.date)
    );
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>\n<p>{}</p>",
        esc(&summary(report)),
        esc(&report.feedback.calibration.summary())
    );
    for row in rows(report) {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(&row.name));
        let _ = writeln!(
            out,
            "<dl><dt>You</dt><dd>{}</dd><dt>The model</dt><dd>{}</dd><dt>Agreement</dt><dd>{}</dd></dl>",
            esc(&row.yours),
            esc(&row.model),
            esc(row.agreement)
        );
        let _ = writeln!(out, "<p>{}</p>", esc(&row.rationale));
        if let Some((verdict, rationale, why)) = &row.other {
            let _ = writeln!(
                out,
                "<p><strong>The other reading, {}:</strong> {}</p>",
                esc(verdict),
                esc(rationale)
            );
            let _ = writeln!(
                out,
                "<p><strong>Why people disagree:</strong> {}</p>",
                esc(why)
            );
        }
        for (heading, list) in [
            ("Evidence you found", &row.found),
            ("Evidence you missed", &row.missed),
        ] {
            if !list.is_empty() {
                let _ = writeln!(out, "<h3>{heading}</h3>\n<ul>");
                for line in list {
                    let _ = writeln!(out, "<li>{}</li>", esc(line));
                }
                let _ = writeln!(out, "</ul>");
            }
        }
        if let Some(changed) = &row.changed {
            let _ = writeln!(
                out,
                "<p><strong>What working collaboratively would have changed:</strong> {}</p>",
                esc(changed)
            );
        }
        if let Some(note) = &row.note {
            let _ = writeln!(out, "<p><strong>Your note:</strong> {}</p>", esc(note));
        }
        let _ = writeln!(out, "</section>");
    }
    let _ = writeln!(out, "</body>\n</html>");
    out
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
