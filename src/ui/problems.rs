//! The problems panel, in the GOV.UK error summary pattern: "There is a problem", then
//! each broken file and each problem in it, with where it is and what to fix.

use crate::io::FileError;

use super::app::Action;
use super::theme;

/// Draws the problems panel.
pub fn problems_ui(ui: &mut egui::Ui, problems: &[FileError], actions: &mut Vec<Action>) {
    let frame = egui::Frame::new()
        .stroke(egui::Stroke::new(4.0, theme::colors(ui).error))
        .inner_margin(12.0)
        .outer_margin(egui::Margin::symmetric(0, 6));
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(theme::subheading("There is a problem"));
            if ui.button("Hide problems").clicked() {
                actions.push(Action::SetProblemsVisible(false));
            }
        });
        let files = problems.len();
        let count: usize = problems.iter().map(|p| p.problems.len()).sum();
        ui.label(format!(
            "{count} {} in {files} {}. The other cases still loaded. Fix each file in a text editor, then open it again.",
            if count == 1 { "problem" } else { "problems" },
            if files == 1 { "file" } else { "files" },
        ));
        egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
            for error in problems {
                ui.label(egui::RichText::new(&error.file).family(theme::bold()).color(theme::colors(ui).error));
                for problem in &error.problems {
                    let text = match problem.position {
                        Some(at) => format!("Line {}, column {}: {}", at.line, at.column, problem.kind),
                        None => problem.kind.to_string(),
                    };
                    ui.label(text);
                }
            }
        });
    });
}
