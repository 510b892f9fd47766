//! Your own collaboration, on screen: the home page (start, continue, look back, share),
//! each factor with the model's signs and questions, and the barriers; the plan and the
//! look-back are in `plan`, the team's and the course team's views in `share`.
//! Pages draw from the state and push actions; they change nothing.

use egui::RichText;
use egui::accesskit::Role;

use crate::domain::assessment::Assessment;
use crate::domain::{Confidence, Model, Verdict};
use crate::ui::features::assess::{AssessAction, AssessPage, today};

use super::Action;
use super::a11y;
use super::state::State;
use super::theme;

mod plan;
mod share;

pub use plan::record_section_ui;

/// Draws a page of your own collaboration.
pub fn assess_ui(ui: &mut egui::Ui, state: &State, page: AssessPage, actions: &mut Vec<Action>) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            a11y::with_focus_in_view(ui, |ui| {
                ui.set_max_width(ui.available_width().min(900.0));
                let history = &state.progress.collaboration.assessments;
                match page {
                    AssessPage::Home => home_ui(ui, state, actions),
                    AssessPage::Factor { index, factor } => {
                        if let Some(assessment) = history.get(index) {
                            factor_ui(ui, &state.model, assessment, index, factor, actions);
                        }
                    }
                    AssessPage::Barriers { index } => {
                        if let Some(assessment) = history.get(index) {
                            barriers_ui(ui, &state.model, assessment, index, actions);
                        }
                    }
                    AssessPage::Plan { index } => plan::plan_ui(ui, state, index, actions),
                    AssessPage::LookBack => plan::look_back_ui(ui, state, actions),
                    AssessPage::Team => share::team_ui(ui, state, actions),
                    AssessPage::Changes => share::changes_ui(ui, state, actions),
                }
            });
        });
}

/// The screen's title, as a level 1 heading that names the screen's region.
fn title(ui: &mut egui::Ui, text: &str) {
    let title = a11y::heading(ui, 1, RichText::new(text).heading());
    a11y::titled_region(ui, &title);
}

/// A section heading.
fn section(ui: &mut egui::Ui, text: &str) {
    ui.add_space(8.0);
    a11y::heading(ui, 2, theme::subheading(text));
}

/// Quieter text: hints and explanations.
fn hint(ui: &mut egui::Ui, text: &str) {
    ui.label(
        RichText::new(text)
            .small()
            .color(theme::colors(ui).secondary_text),
    );
}

/// A button shown as `shown` and named `name` for screen readers (and tests).
fn button(ui: &mut egui::Ui, shown: &str, name: &str) -> bool {
    let response = ui.button(shown);
    if shown != name {
        response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, name));
    }
    response.clicked()
}

/// A radio button shown as `shown` and named `name`.
fn radio(ui: &mut egui::Ui, selected: bool, shown: &str, name: &str) -> bool {
    let response = ui.radio(selected, shown);
    if shown != name {
        response
            .widget_info(|| egui::WidgetInfo::selected(Role::RadioButton, true, selected, name));
    }
    response.clicked()
}

/// A text box under a bold label that names it. Returns the new text when it changed.
fn text_box(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    value: &str,
    rows: usize,
) -> Option<String> {
    let shown = ui.label(RichText::new(label).family(theme::bold()));
    let mut text = value.to_owned();
    let edit = if rows > 1 {
        egui::TextEdit::multiline(&mut text).desired_rows(rows)
    } else {
        egui::TextEdit::singleline(&mut text)
    };
    let response = ui
        .add(edit.desired_width(f32::INFINITY).hint_text(hint))
        .labelled_by(shown.id);
    let role = if rows > 1 {
        Role::MultilineTextInput
    } else {
        Role::TextInput
    };
    response.widget_info(|| egui::WidgetInfo::labeled(role, true, label));
    response.changed().then_some(text)
}

/// What was wrong when the user last tried to go on, in an error box.
fn problems_ui(ui: &mut egui::Ui, problems: &[String]) {
    if problems.is_empty() {
        return;
    }
    egui::Frame::new()
        .stroke(egui::Stroke::new(3.0, theme::colors(ui).error))
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            a11y::heading(ui, 2, theme::subheading("There is a problem"));
            for problem in problems {
                ui.label(problem);
            }
        });
}

/// "3 of 9 factors marked".
fn marked(model: &Model, assessment: &Assessment) -> String {
    let total = model.factors.len();
    let left = assessment.unmarked(model).len();
    format!("{} of {total} factors marked", total - left)
}

fn home_ui(ui: &mut egui::Ui, state: &State, actions: &mut Vec<Action>) {
    let history = &state.progress.collaboration;
    title(ui, "Your own collaboration");
    ui.label(
        "Use the model on a partnership you work in. Mark each factor, name the barriers, then plan \
         one to three actions and look back on them. Everything stays on this computer unless you \
         save a file to share.",
    );
    problems_ui(ui, &state.assess.problems);

    let due = history.due(today(state)).len();
    if due > 0 {
        section(ui, "Look back");
        ui.label(format!(
            "{due} {} due for look-back.",
            if due == 1 { "action is" } else { "actions are" }
        ));
        if ui.button("Look back now").clicked() {
            actions.push(AssessAction::Show(AssessPage::LookBack).into());
        }
    } else if let Some(next) = history.next_look_back(today(state)) {
        ui.label(format!("Your next look-back is on {next}."));
    }

    section(ui, "Start an assessment");
    if let Some(name) = text_box(
        ui,
        "Name of the partnership",
        "For example, the hospital discharge partnership",
        &state.assess.new_name,
        1,
    ) {
        actions.push(AssessAction::SetNewName(name).into());
    }
    hint(
        ui,
        "Kept on this computer. Left out of files you share unless you choose.",
    );
    if ui.button("Start assessment").clicked() {
        actions.push(AssessAction::Start.into());
    }

    if !history.assessments.is_empty() {
        section(ui, "Your assessments");
        for (index, assessment) in history.assessments.iter().enumerate().rev() {
            let number = index + 1;
            ui.label(format!(
                "{number}. {}, {}: {}, {} {}.",
                assessment.partnership,
                assessment.made_on,
                marked(&state.model, assessment),
                assessment.plan.len(),
                if assessment.plan.len() == 1 {
                    "action"
                } else {
                    "actions"
                }
            ));
            ui.horizontal_wrapped(|ui| {
                if button(ui, "Continue", &format!("Continue assessment {number}")) {
                    // At the first factor not yet marked; at the barriers when all are.
                    let page = state
                        .model
                        .factors
                        .iter()
                        .position(|f| assessment.verdict(&f.id).is_none())
                        .map_or(AssessPage::Barriers { index }, |factor| {
                            AssessPage::Factor { index, factor }
                        });
                    actions.push(AssessAction::Show(page).into());
                }
                if button(ui, "Plan", &format!("Plan for assessment {number}")) {
                    actions.push(AssessAction::Show(AssessPage::Plan { index }).into());
                }
                if button(
                    ui,
                    "Assess again",
                    &format!("Assess again: assessment {number}"),
                ) {
                    actions.push(AssessAction::AssessAgain(index).into());
                }
            });
        }
    }

    section(ui, "Share");
    ui.horizontal_wrapped(|ui| {
        if ui.button("The team's view").clicked() {
            actions.push(AssessAction::Show(AssessPage::Team).into());
        }
        if ui.button("Say what changed").clicked() {
            actions.push(AssessAction::Show(AssessPage::Changes).into());
        }
    });
}

/// A list of the model's words under a bold heading.
fn listed(ui: &mut egui::Ui, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    ui.label(RichText::new(heading).family(theme::bold()));
    for item in items {
        ui.label(format!("• {item}"));
    }
}

fn factor_ui(
    ui: &mut egui::Ui,
    model: &Model,
    assessment: &Assessment,
    index: usize,
    position: usize,
    actions: &mut Vec<Action>,
) {
    let Some(factor) = model.factors.get(position) else {
        return;
    };
    let total = model.factors.len();
    title(ui, &format!("Assess: {}", assessment.partnership));
    ui.label(
        RichText::new(format!(
            "Factor {} of {total} · {}",
            position + 1,
            marked(model, assessment)
        ))
        .color(theme::colors(ui).secondary_text),
    );
    section(ui, &format!("{}: {}", factor.group.singular(), factor.name));
    ui.label(&factor.summary);
    listed(ui, "Signs it is there", &factor.present_signs);
    listed(ui, "Signs it is missing", &factor.absent_signs);
    listed(ui, "Questions to ask", &factor.questions);

    let reading = assessment.factors.get(&factor.id);
    ui.add_space(6.0);
    ui.label(RichText::new("Is it there in your partnership?").family(theme::bold()));
    ui.horizontal_wrapped(|ui| {
        for verdict in Verdict::ALL {
            let selected = reading.and_then(|r| r.verdict) == Some(verdict);
            if ui.radio(selected, verdict.label()).clicked() {
                let next = (!selected).then_some(verdict);
                actions.push(AssessAction::SetVerdict(index, factor.id.clone(), next).into());
            }
        }
    });
    ui.label(RichText::new("How sure are you?").family(theme::bold()));
    ui.horizontal_wrapped(|ui| {
        for confidence in Confidence::ALL {
            let selected = reading.and_then(|r| r.confidence) == Some(confidence);
            let shown = format!("{} confidence", confidence.label());
            if ui.radio(selected, shown).clicked() {
                let next = (!selected).then_some(confidence);
                actions.push(AssessAction::SetConfidence(index, factor.id.clone(), next).into());
            }
        }
    });
    let evidence = reading.map_or("", |r| r.evidence.as_str());
    if let Some(text) = text_box(
        ui,
        "Your evidence",
        "What you have seen, in your own words",
        evidence,
        3,
    ) {
        actions.push(AssessAction::SetEvidence(index, factor.id.clone(), text).into());
    }

    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if position > 0 && ui.button("Previous factor").clicked() {
            actions.push(
                AssessAction::Show(AssessPage::Factor {
                    index,
                    factor: position - 1,
                })
                .into(),
            );
        }
        if position + 1 < total {
            if ui.button("Next factor").clicked() {
                actions.push(
                    AssessAction::Show(AssessPage::Factor {
                        index,
                        factor: position + 1,
                    })
                    .into(),
                );
            }
        } else if ui.button("Next: barriers").clicked() {
            actions.push(AssessAction::Show(AssessPage::Barriers { index }).into());
        }
    });
    hint(ui, "Your answers are saved as you go.");
    if ui.button("Your own collaboration").clicked() {
        actions.push(AssessAction::Show(AssessPage::Home).into());
    }

    section(ui, "All factors");
    for (n, f) in model.factors.iter().enumerate() {
        let status = assessment
            .verdict(&f.id)
            .map_or("not marked", Verdict::label);
        let text = format!("{}. {} ({status})", n + 1, f.name);
        if ui
            .add(egui::Button::selectable(n == position, text))
            .clicked()
            && n != position
        {
            actions.push(AssessAction::Show(AssessPage::Factor { index, factor: n }).into());
        }
    }
}

fn barriers_ui(
    ui: &mut egui::Ui,
    model: &Model,
    assessment: &Assessment,
    index: usize,
    actions: &mut Vec<Action>,
) {
    title(ui, &format!("Barriers: {}", assessment.partnership));
    ui.label(
        "Which of the barriers Miles names are at work in your partnership, and how do they show?",
    );
    for barrier in &model.barriers {
        ui.add_space(6.0);
        let how = assessment.barriers.get(&barrier.id);
        let mut at_work = how.is_some();
        if ui.checkbox(&mut at_work, &barrier.name).changed() {
            let how = at_work.then(String::new);
            actions.push(AssessAction::SetBarrier(index, barrier.id.clone(), how).into());
        }
        hint(ui, &barrier.summary);
        if let Some(how) = how
            && let Some(text) = text_box(
                ui,
                &format!("How {} shows", barrier.name.to_lowercase()),
                "In your own words",
                how,
                2,
            )
        {
            actions.push(AssessAction::SetBarrier(index, barrier.id.clone(), Some(text)).into());
        }
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Back to the factors").clicked() {
            let last = model.factors.len().saturating_sub(1);
            actions.push(
                AssessAction::Show(AssessPage::Factor {
                    index,
                    factor: last,
                })
                .into(),
            );
        }
        if ui.button("Next: your plan").clicked() {
            actions.push(AssessAction::Show(AssessPage::Plan { index }).into());
        }
    });
    hint(ui, "Your answers are saved as you go.");
    if ui.button("Your own collaboration").clicked() {
        actions.push(AssessAction::Show(AssessPage::Home).into());
    }
}
