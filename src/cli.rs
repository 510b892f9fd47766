//! The command line: no subcommand opens the app; `check PATH...` validates case files.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::domain::Model;
use crate::io::{FileError, load_paths};

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
    /// Check case files for authors: prints each problem with its file, line and column.
    ///
    /// Exits 0 when every file is valid, 1 when any is not, 2 on wrong usage.
    Check {
        /// Case files or folders of case files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Runs `check` on the paths, writing problems and a summary to `out`.
pub fn check(paths: &[PathBuf], model: &Model, out: &mut impl Write) -> ExitCode {
    let report = load_paths(paths, model);
    let problem_count: usize = report.errors.iter().map(|e| e.problems.len()).sum();
    let mut lines: Vec<String> = report.errors.iter().flat_map(FileError::lines).collect();
    let files = report.files_read;
    let valid = report.cases.len();
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    if report.errors.is_empty() {
        lines.push(format!("Checked {}: all valid.", plural(files, "file")));
    } else {
        lines.push(format!(
            "Checked {}: {} valid, {} found.",
            plural(files, "file"),
            valid,
            plural(problem_count, "problem")
        ));
    }
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
