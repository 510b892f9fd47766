//! The command line: no subcommand opens the app; `check PATH...` validates case files,
//! attempt files, assessment files and "what changed" files.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::domain::Model;
use crate::io::lint::{built_in_id, lint};
use crate::io::{CaseOrigin, bundled_cases, load_paths};

/// The command line, as clap reads it.
#[derive(Debug, clap::Parser)]
#[command(
    name = "collab-casebook",
    version,
    about = "Teach collaborative working through cases: read, mark, get feedback.",
    after_help = "With no command, opens the app. Any case files or folders you name are opened too."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Case files or folders to open in the app.
    pub paths: Vec<PathBuf>,
    /// Open the window at this size in points, such as 1920x1080 for a projector.
    #[arg(long, value_name = "WIDTHxHEIGHT", value_parser = parse_size)]
    pub size: Option<(f32, f32)>,
    /// Start full screen, for projecting. F11 switches full screen on and off.
    #[arg(long)]
    pub fullscreen: bool,
    /// Keep your self-study record in this folder instead of the usual data folder.
    #[arg(long, value_name = "FOLDER")]
    pub data_dir: Option<PathBuf>,
}

impl Cli {
    /// Where the self-study record is kept: `--data-dir`, or the platform's data folder
    /// (on Linux `~/.local/share/collab-casebook`).
    pub fn store_folder(&self) -> Option<PathBuf> {
        self.data_dir.clone().or_else(|| {
            directories::ProjectDirs::from("", "", "collab-casebook")
                .map(|dirs| dirs.data_dir().to_path_buf())
        })
    }
}

/// Reads a window size such as `1920x1080`.
fn parse_size(text: &str) -> Result<(f32, f32), String> {
    let (width, height) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| "write the size as WIDTHxHEIGHT, such as 1920x1080".to_owned())?;
    let number = |part: &str| {
        part.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (320..=8192).contains(n))
            .map(f32::from)
            .ok_or_else(|| format!("'{part}' is not a size between 320 and 8192"))
    };
    Ok((number(width)?, number(height)?))
}

/// A subcommand.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Check case files (and attempt, assessment and "what changed" files) for authors:
    /// prints each problem with its file, line and column, warnings first and errors last,
    /// then a summary.
    ///
    /// Exits 0 when every file is valid, 1 when any is not, 2 on wrong usage.
    Check {
        /// How to print the results: text for people, json for scripts.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Print only errors, not warnings (the summary still counts the warnings).
        #[arg(long)]
        errors_only: bool,
        /// Case files or folders of case files (attempt, assessment and "what changed"
        /// files are recognised by how they start).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// How `check` prints its results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `FILE:LINE:COL: message` lines and a summary.
    Text,
    /// One JSON object, for scripts.
    Json,
}

/// One finding, for printing.
struct Finding {
    file: String,
    position: Option<crate::io::Position>,
    warning: bool,
    message: String,
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The kinds of valid file found, when there is more than cases: " (2 cases and 1
/// attempt file)". Cases are always named; other kinds only when there are some.
fn kinds(counts: &[(usize, &str)]) -> String {
    let named: Vec<String> = counts
        .iter()
        .enumerate()
        .filter(|(i, (n, _))| *i == 0 || *n > 0)
        .map(|(_, (n, word))| plural(*n, word))
        .collect();
    match named.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!(" ({} and {last})", rest.join(", ")),
        _ => String::new(),
    }
}

/// Runs `check` on the paths, writing problems and a summary to `out`: warnings first,
/// then errors, so the errors are never lost above a long list of warnings. With
/// `errors_only`, warnings are counted but not listed.
pub fn check(
    paths: &[PathBuf],
    model: &Model,
    format: Format,
    errors_only: bool,
    out: &mut impl Write,
) -> ExitCode {
    // Assessment and "what changed" files are checked by their own loaders; the rest by
    // the case loader, as before.
    let sorted = crate::io::check_kinds::sort(paths, model);
    let mut report = load_paths(&sorted.others, model);
    let mut path_errors = sorted.path_errors;
    path_errors.append(&mut report.errors);
    path_errors.extend(sorted.errors);
    report.errors = path_errors;
    let built_in = bundled_cases(model);
    let mut findings: Vec<Finding> = Vec::new();
    for loaded in &report.cases {
        let CaseOrigin::File(path) = &loaded.origin else {
            continue;
        };
        let file = path.display().to_string();
        let text = &loaded.text;
        let mut warnings = lint(&loaded.case, model, text);
        warnings.extend(built_in_id(&loaded.case, path, text, &built_in.cases));
        warnings.sort_by_key(|w| w.position);
        findings.extend(warnings.into_iter().map(|warning| Finding {
            file: file.clone(),
            position: warning.position,
            warning: true,
            message: warning.kind.to_string(),
        }));
    }
    let mut not_checked = 0;
    for error in &report.errors {
        if error.problems.iter().all(|p| p.kind.is_passed_over()) {
            not_checked += 1;
        }
        findings.extend(error.problems.iter().map(|p| Finding {
            file: error.file.clone(),
            position: p.position,
            warning: false,
            message: p.kind.to_string(),
        }));
    }
    let errors = findings.iter().filter(|f| !f.warning).count();
    let warnings = findings.len() - errors;
    let valid = report.cases.len()
        + report.attempts.len()
        + sorted.assessments.len()
        + sorted.changes.len();
    // Files checked: the valid ones and those with something wrong inside. A file that
    // could not be read at all is not counted as checked.
    let files = valid
        + report
            .errors
            .iter()
            .filter(|e| !e.problems.iter().all(|p| p.kind.is_passed_over()))
            .count();
    let kinds = kinds(&[
        (report.cases.len(), "case"),
        (report.attempts.len(), "attempt file"),
        (sorted.assessments.len(), "assessment file"),
        (sorted.changes.len(), "\"what changed\" file"),
    ]);
    let problems_in_files = errors
        - report
            .errors
            .iter()
            .filter(|e| e.problems.iter().all(|p| p.kind.is_passed_over()))
            .map(|e| e.problems.len())
            .sum::<usize>();
    let why = if not_checked == 1 {
        "the message above says why"
    } else {
        "the messages above say why"
    };
    let mut summary = if files == 0 {
        format!("Nothing was checked: {why}.")
    } else if problems_in_files == 0 {
        format!("Checked {}{kinds}: all valid.", plural(files, "file"))
    } else {
        format!(
            "Checked {}{kinds}: {} valid, {} found.",
            plural(files, "file"),
            valid,
            plural(problems_in_files, "problem")
        )
    };
    if files > 0 && not_checked > 0 {
        summary.push_str(&format!(
            " {} not checked: {why}.",
            if not_checked == 1 {
                "1 path was".to_owned()
            } else {
                format!("{not_checked} paths were")
            },
        ));
    }
    if warnings > 0 {
        summary.push_str(&format!(" {} to consider", plural(warnings, "warning")));
        summary.push_str(if errors_only {
            " (not shown: --errors-only)."
        } else {
            "."
        });
    }
    let shown = findings.iter().filter(|f| !(errors_only && f.warning));
    let text = match format {
        Format::Text => {
            let mut lines: Vec<String> = shown
                .map(|f| {
                    let at = f.position.map_or(String::new(), |p| format!("{p}:"));
                    let kind = if f.warning { " warning:" } else { "" };
                    format!("{}:{at}{kind} {}", f.file, f.message)
                })
                .collect();
            lines.push(summary);
            lines.join("\n") + "\n"
        }
        Format::Json => {
            let items: Vec<serde_json::Value> = shown
                .map(|f| {
                    serde_json::json!({
                        "file": f.file,
                        "line": f.position.map(|p| p.line),
                        "column": f.position.map(|p| p.column),
                        "severity": if f.warning { "warning" } else { "error" },
                        "message": f.message,
                    })
                })
                .collect();
            let value = serde_json::json!({
                "files": files,
                "cases": report.cases.len(),
                "attempt_files": report.attempts.len(),
                "assessment_files": sorted.assessments.len(),
                "change_files": sorted.changes.len(),
                "valid": valid,
                "errors": errors,
                "warnings": warnings,
                "not_checked": not_checked,
                "problems": items,
                "summary": summary,
            });
            format!("{value:#}\n")
        }
    };
    // A closed pipe is not an error worth reporting; the exit code still says the result.
    out.write_all(text.as_bytes()).ok();
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
