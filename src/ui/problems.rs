//! The problems panel, in the GOV.UK error summary pattern: "There is a problem", then
//! each broken file and each problem in it, with where it is and what to fix. Choosing a
//! problem shows the lines of the file around it, with the spot marked.

use crate::ui::LoadingAction;
use egui::RichText;

use crate::io::{FileError, Position};

use super::Action;
use super::a11y;
use super::theme;

/// The lines of a file shown around one problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The file.
    pub file: String,
    /// The problem's position.
    pub position: Position,
    /// Numbered lines around it; empty if the file could not be read again.
    pub lines: Vec<(usize, String)>,
    /// Why the file could not be read again, when it could not.
    pub unreadable: Option<String>,
}

/// Draws the problems panel.
pub fn problems_ui(
    ui: &mut egui::Ui,
    problems: &[FileError],
    source: Option<&Source>,
    actions: &mut Vec<Action>,
) {
    let colors = theme::colors(ui);
    let frame = egui::Frame::new()
        .stroke(egui::Stroke::new(4.0, colors.error))
        .inner_margin(12.0)
        .outer_margin(egui::Margin::symmetric(0, 6));
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let title = a11y::heading(ui, 2, theme::subheading("There is a problem"));
            a11y::titled_region(ui, &title);
            if ui.button("Hide problems").clicked() {
                actions.push(Action::Loading(LoadingAction::SetProblemsVisible(false)));
            }
        });
        let files = problems.len();
        let count: usize = problems.iter().map(|p| p.problems.len()).sum();
        // A browser cannot see a file change: there, the user opens it again.
        let then = if crate::platform::OPENS_FOLDERS {
            "it reloads when you save it"
        } else {
            "then open it again"
        };
        ui.label(format!(
            "{count} {} in {files} {}. The other cases still loaded. Fix each file in a text editor; {then}.",
            if count == 1 { "problem" } else { "problems" },
            if files == 1 { "file" } else { "files" },
        ));
        egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
        a11y::with_focus_in_view(ui, |ui| {
            if let Some(source) = source {
                source_ui(ui, source, actions);
            }
            for error in problems {
                ui.label(RichText::new(&error.file).family(theme::bold()).color(colors.error));
                for problem in &error.problems {
                    match problem.position {
                        Some(at) => {
                            ui.horizontal_wrapped(|ui| {
                                let name = std::path::Path::new(&error.file)
                                    .file_name()
                                    .map_or(error.file.clone(), |n| n.to_string_lossy().into_owned());
                                let label = format!("Line {}, column {}", at.line, at.column);
                                let response = ui.link(&label);
                                let accessible = format!("Show line {}, column {} of {name}: {}", at.line, at.column, problem.kind);
                                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &accessible));
                                if response.clicked() {
                                    actions.push(Action::Loading(LoadingAction::ShowProblemSource { file: error.file.clone(), position: at }));
                                }
                                ui.label(problem.kind.to_string());
                            });
                        }
                        None => {
                            ui.label(problem.kind.to_string());
                        }
                    }
                }
            }
        });
    });
    });
}

/// The lines around a problem, numbered, with a marker under the column.
fn source_ui(ui: &mut egui::Ui, source: &Source, actions: &mut Vec<Action>) {
    let colors = theme::colors(ui);
    egui::Frame::new()
        .fill(colors.panel)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{}, line {}, column {}",
                        source.file, source.position.line, source.position.column
                    ))
                    .family(theme::bold()),
                );
                if ui.button("Hide the lines").clicked() {
                    actions.push(Action::Loading(LoadingAction::HideProblemSource));
                }
            });
            if let Some(reason) = &source.unreadable {
                ui.label(format!(
                    "The file could not be read again to show this line. {reason}"
                ));
            } else if source.lines.is_empty() {
                ui.label(
                    "The file no longer has this line. It may have changed since it was read.",
                );
            }
            for (number, line) in &source.lines {
                let text = format!("{number:>5} | {line}");
                ui.label(RichText::new(text).monospace());
                if *number == source.position.line {
                    let marker = format!(
                        "{:>5} | {}^ here",
                        "",
                        " ".repeat(source.position.column.saturating_sub(1))
                    );
                    ui.label(RichText::new(marker).monospace().color(colors.error));
                }
            }
        });
}
