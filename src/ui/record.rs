//! "My record": the cases started and checked, agreement across attempts, how often sure
//! answers differed from the model, the factors most often misjudged, the review queue,
//! and a way to delete the record.

use crate::ui::CaseAction;
use crate::ui::RecordAction;
use crate::ui::SettingsAction;
use egui::RichText;
use egui_plot::{Line, Plot, PlotPoints, Points};

use crate::domain::casebook::short_title;
use crate::domain::progress::Progress;
use crate::domain::{Case, Model};

use super::Action;
use super::a11y;
use super::theme;

/// What the record screen draws from.
pub struct RecordView<'a> {
    /// The model.
    pub model: &'a Model,
    /// Every case the app knows.
    pub cases: &'a [&'a Case],
    /// The record.
    pub progress: &'a Progress,
    /// Reviews due now.
    pub due: usize,
    /// Where the record is kept, if it is kept.
    pub folder: Option<String>,
    /// Whether a learning platform is told of the record (SCORM).
    pub learning_platform: bool,
    /// Set when the user asked to delete it and must confirm: the files that will go.
    pub confirm_delete: Option<&'a [std::path::PathBuf]>,
}

/// Draws "My record".
pub fn record_ui(ui: &mut egui::Ui, view: &RecordView<'_>, actions: &mut Vec<Action>) {
    let progress = view.progress;
    let summary = progress.summary(view.model);
    let title = |id: &crate::domain::CaseId| {
        view.cases
            .iter()
            .find(|c| &c.id == id)
            .map_or(id.to_string(), |c| short_title(c).to_owned())
    };
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        a11y::with_focus_in_view(ui, |ui| {
        ui.set_max_width(ui.available_width().min(900.0));
        let screen_title = a11y::heading(ui, 1, RichText::new("My record").heading());
        a11y::titled_region(ui, &screen_title);
        ui.label(format!(
            "{} {} checked, {} started and not yet checked, {} {} in all.",
            summary.finished.len(),
            if summary.finished.len() == 1 { "case" } else { "cases" },
            summary.started.len(),
            progress.history.len(),
            if progress.history.len() == 1 { "check" } else { "checks" }
        ));

        ui.add_space(8.0);
        a11y::heading(ui, 2, theme::subheading("Review"));
        if view.due == 0 {
            ui.label("Nothing is due for review. Factors you misjudge are added when you check a case.");
        } else {
            ui.label(format!("{} {} due for review.", view.due, if view.due == 1 { "factor is" } else { "factors are" }));
            if ui.button("Start review").clicked() {
                actions.push(Action::Record(RecordAction::ShowReview));
            }
        }

        ui.add_space(8.0);
        a11y::heading(ui, 2, theme::subheading("Agreement with the model, attempt by attempt"));
        if progress.history.is_empty() {
            ui.label("Check a case to start your record.");
        }
        for case in &summary.finished {
            let checks: Vec<String> = progress
                .history
                .iter()
                .filter(|h| &h.attempt.case_id == case)
                .map(|h| h.agreement.map_or("not scored".to_owned(), |a| format!("{:.0}%", a * 100.0)))
                .collect();
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(title(case)).family(theme::bold()));
                ui.label(checks.join(", then "));
                let name = format!("Open {} again", title(case));
                let response = ui.link("Open again");
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
                if response.clicked() {
                    actions.push(Action::Case(CaseAction::Open(case.clone())));
                }
            });
        }
        if progress.history.len() >= 2 {
            let points: Vec<[f64; 2]> = progress
                .history
                .iter()
                .enumerate()
                .filter_map(|(i, h)| h.agreement.map(|a| [(i + 1) as f64, f64::from(a) * 100.0]))
                .collect();
            let blue = theme::colors(ui).blue;
            let chart = Plot::new(egui::Id::unique("agreement_over_time"))
                .height(160.0)
                .include_y(0.0)
                .include_y(100.0)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .show(ui, |plot| {
                    plot.line(Line::new("Agreement", PlotPoints::from(points.clone())).color(blue));
                    plot.points(Points::new("Checks", PlotPoints::from(points)).radius(4.0).color(blue));
                });
            a11y::image(&chart.response, "Line chart of your agreement with the model at each check");
            ui.label(RichText::new("Each point is one check, oldest on the left; the height is your agreement with the model.").small().color(theme::colors(ui).secondary_text));
        }

        ui.add_space(8.0);
        a11y::heading(ui, 2, theme::subheading("When you were sure"));
        if summary.high_confidence.iter().all(|(sure, _)| *sure == 0) {
            ui.label("You have not marked any answer with high confidence yet.");
        } else {
            let parts: Vec<String> = summary
                .high_confidence
                .iter()
                .map(|(sure, wrong)| format!("{wrong} of {sure} differed"))
                .collect();
            ui.label(format!("Answers marked high confidence that differed from the model, check by check: {}.", parts.join("; ")));
        }

        ui.add_space(8.0);
        a11y::heading(ui, 2, theme::subheading("Factors you most often misjudge"));
        if summary.most_misjudged.is_empty() {
            ui.label("None yet.");
        }
        for (factor, count) in summary.most_misjudged.iter().take(5) {
            ui.horizontal_wrapped(|ui| {
                let name = view.model.factor_name(factor);
                ui.label(format!("{name}: {count} {}", if *count == 1 { "time" } else { "times" }));
                let label = format!("Read about {name}");
                if ui.link(&label).clicked() {
                    actions.push(Action::Settings(SettingsAction::ShowReference(Some(factor.clone()))));
                }
            });
        }

        ui.add_space(12.0);
        super::assess::record_section_ui(ui, view.model, &progress.collaboration, actions);

        ui.add_space(8.0);
        a11y::heading(ui, 2, theme::subheading("Your data"));
        match &view.folder {
            Some(folder) if view.learning_platform => ui.label(format!("Your record stays on this computer, in {folder}. Your learning platform is told whether you have checked your answers, your agreement with the model, how long you spent, and your place and marks, never your notes; nothing else is sent anywhere.")),
            Some(folder) => ui.label(format!("Your record stays on this computer, in {folder}. Nothing is sent anywhere unless you save a file and share it.")),
            None => ui.label("Your record is not being saved, so it will go when you close the app."),
        };
        if let Some(files) = view.confirm_delete {
            egui::Frame::new().stroke(egui::Stroke::new(3.0, theme::colors(ui).error)).inner_margin(10.0).show(ui, |ui| {
                ui.label(RichText::new("Delete your whole record? Your marks, checked attempts and review queue will be gone. This cannot be undone.").family(theme::bold()));
                if files.is_empty() {
                    ui.label("No file holds your record yet: it is only in this window.");
                } else {
                    ui.label(if files.len() == 1 {
                        "This file will be deleted:".to_owned()
                    } else {
                        format!("These {} files will be deleted:", files.len())
                    });
                    for file in files {
                        ui.label(file.display().to_string());
                    }
                }
                ui.horizontal_wrapped(|ui| {
                    if ui.button("Yes, delete my record").clicked() {
                        actions.push(Action::Record(RecordAction::Delete));
                    }
                    if ui.button("No, keep my record").clicked() {
                        actions.push(Action::Record(RecordAction::Show));
                    }
                });
            });
        } else {
            ui.horizontal_wrapped(|ui| {
                // The browser's record is in the site's storage: moved as a file.
                if crate::platform::MOVES_RECORD_AS_FILE {
                    if ui.button("Download my record").clicked() {
                        actions.push(Action::Record(RecordAction::Download));
                    }
                    if ui.button("Load a record").clicked() {
                        actions.push(Action::Record(RecordAction::Load));
                    }
                }
                if ui.button("Delete my record").clicked() {
                    actions.push(Action::Record(RecordAction::AskDelete));
                }
            });
        }
    });
    });
}
