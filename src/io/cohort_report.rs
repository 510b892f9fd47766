//! The course team's summary of "what changed" files across a cohort: which factors
//! leaders worked on and what they report changed, as Markdown, a printable HTML page and
//! a CSV of every action.
//!
//! The report is one [`Document`], so every piece of text a leader wrote is escaped for
//! Markdown and HTML in one place. In the CSV, text that a spreadsheet would run as a
//! formula (starting `=`, `+`, `-`, `@`, a tab or a carriage return) is given a leading `'`.

use crate::domain::assessment::{ChangeReport, cohort};
use crate::domain::{FactorId, Model};

use super::assessment_file::Rejection;
use super::document::{self, Block, Document, labelled, text};

/// Everything the summary says about one cohort.
pub struct CohortSummary<'a> {
    /// The model.
    pub model: &'a Model,
    /// The reports counted.
    pub reports: &'a [&'a ChangeReport],
    /// Files set aside, with reasons.
    pub rejected: &'a [Rejection],
    /// The date of the summary, such as "2027-02-01".
    pub date: &'a str,
}

const TITLE: &str = "What changed: across the cohort";

fn factor_name(model: &Model, factor: Option<&FactorId>) -> String {
    factor.map_or_else(
        || "Not tied to a factor".to_owned(),
        |f| model.factor_name(f).to_owned(),
    )
}

/// The summary as one document.
pub fn document(summary: &CohortSummary<'_>) -> Document {
    let rows = cohort(summary.model, summary.reports);
    let mut blocks = vec![Block::Paragraph(text(format!(
        "Date: {}. Reports counted: {}; set aside: {}.",
        summary.date,
        summary.reports.len(),
        summary.rejected.len()
    )))];
    blocks.push(Block::Heading(2, "Factors leaders worked on".to_owned()));
    if rows.is_empty() {
        blocks.push(Block::Paragraph(text("No actions were reported.")));
    } else {
        blocks.push(Block::Table {
            head: [
                "Factor",
                "Leaders",
                "Actions",
                "Done",
                "Partly",
                "Not done",
                "Not yet looked back on",
                "Moved towards present",
                "Moved towards missing",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: rows
                .iter()
                .map(|r| {
                    let mut row = vec![factor_name(summary.model, r.factor.as_ref())];
                    row.extend(
                        [
                            r.leaders,
                            r.actions,
                            r.done,
                            r.partly,
                            r.not_done,
                            r.not_yet,
                            r.moved_up,
                            r.moved_down,
                        ]
                        .map(|n| n.to_string()),
                    );
                    row
                })
                .collect(),
        });
    }
    let said: Vec<_> = rows.iter().filter(|r| !r.changed.is_empty()).collect();
    if !said.is_empty() {
        blocks.push(Block::Heading(2, "What they report changed".to_owned()));
        for row in said {
            blocks.push(Block::Section(vec![
                Block::Heading(3, factor_name(summary.model, row.factor.as_ref())),
                Block::List(row.changed.iter().map(text).collect()),
            ]));
        }
    }
    if !summary.rejected.is_empty() {
        blocks.push(Block::Heading(2, "Files set aside".to_owned()));
        blocks.push(Block::List(
            summary
                .rejected
                .iter()
                .map(|r| labelled(format!("{}: ", r.file()), reason_words(r)))
                .collect(),
        ));
    }
    Document {
        title: TITLE.to_owned(),
        style: STYLE,
        blocks,
    }
}

/// The reason a file was set aside, without the file's name in front.
fn reason_words(rejection: &Rejection) -> String {
    let full = rejection.to_string();
    let file = rejection.file();
    full.lines()
        .map(|line| {
            line.strip_prefix(file)
                .map_or(line, |rest| rest.trim_start_matches(':').trim_start())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

const STYLE: &str = "body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #b1b4b6; padding: 0.3em 0.5em; text-align: left; }
thead th { background: #f3f2f1; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } tr, section { break-inside: avoid; } }";

/// The summary as Markdown.
pub fn markdown(summary: &CohortSummary<'_>) -> String {
    document::markdown(&document(summary))
}

/// The summary as a self-contained HTML page with print styles.
pub fn html(summary: &CohortSummary<'_>) -> String {
    document::html(&document(summary))
}

/// Text for a CSV cell that no spreadsheet will run as a formula.
pub fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Every action as a CSV row, with the summary's date, so rows from several cohorts can be
/// combined. The participant and partnership are empty when the file leaves them out.
pub fn csv(summary: &CohortSummary<'_>) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "date",
        "participant",
        "partnership",
        "assessed_on",
        "factor_id",
        "factor",
        "what",
        "look_back",
        "outcome",
        "changed",
    ])?;
    for report in summary.reports {
        for action in &report.actions {
            writer.write_record([
                summary.date.to_owned(),
                cell(report.participant.as_deref().unwrap_or_default()),
                cell(report.partnership.as_deref().unwrap_or_default()),
                report.made_on.to_string(),
                action
                    .factor
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                factor_name(summary.model, action.factor.as_ref()),
                cell(&action.what),
                action.look_back.to_string(),
                action
                    .outcome
                    .map(|o| o.label().to_owned())
                    .unwrap_or_default(),
                cell(&action.changed),
            ])?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The summary's files as (extension, text): Markdown, HTML and CSV.
pub fn files(summary: &CohortSummary<'_>) -> Result<Vec<(&'static str, String)>, csv::Error> {
    Ok(vec![
        ("md", markdown(summary)),
        ("html", html(summary)),
        ("csv", csv(summary)?),
    ])
}

/// The name the summary's files share, before the extension.
pub fn file_stem(summary: &CohortSummary<'_>) -> String {
    format!("what-changed-{}", summary.date)
}

/// Writes the Markdown, HTML and CSV files into a folder. Never overwrites a file: if a
/// name is taken, a number is added. Returns the paths written.
#[cfg(not(target_arch = "wasm32"))]
pub fn write(
    folder: &std::path::Path,
    summary: &CohortSummary<'_>,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    let stem = file_stem(summary);
    let mut written = Vec::new();
    for (extension, text) in files(summary).map_err(std::io::Error::other)? {
        let path = super::atomic::free_path(folder, &stem, extension);
        super::atomic::write_new(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
