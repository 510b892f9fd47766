//! The feedback screen: overall agreement and calibration, the profile of the case
//! against your marks, and per factor your verdict beside the model's, why, the evidence
//! you found and missed (highlighted in the text), and what collaboration would have
//! changed. Confident-and-wrong comes first.

use crate::ui::CaseAction;
use crate::ui::FeedbackAction;
use crate::ui::LibraryAction;
use egui::{RichText, Stroke};

use crate::domain::{
    Attempt, Case, FactorFeedback, FactorId, Feedback, FeedbackTone, Model, PassageId,
};

use super::a11y;
use super::case_text::{Highlight, case_text_ui};
use super::feedback_profile::profile_ui;
use super::lazy::Lazy;
use super::marking::excerpt;
use super::marking::in_sentence;
use super::theme;
use super::{Action, Dialog};

/// What the feedback screen shows.
#[derive(Clone, Copy)]
pub struct FeedbackView<'a> {
    /// The model.
    pub model: &'a Model,
    /// The case.
    pub case: &'a Case,
    /// The trainee's marks.
    pub attempt: &'a Attempt,
    /// Feedback computed from them.
    pub feedback: &'a Feedback,
    /// The factor whose evidence is highlighted.
    pub focus: &'a FactorId,
    /// Agreement at each check of this case, oldest first.
    pub history: &'a [Option<f32>],
}

/// Draws the feedback screen.
pub fn feedback_screen_ui(ui: &mut egui::Ui, view: &FeedbackView<'_>, actions: &mut Vec<Action>) {
    let FeedbackView {
        model,
        case,
        feedback,
        focus,
        ..
    } = *view;
    let focused = feedback.factor(focus);
    super::two_panes_ui(
        ui,
        "feedback",
        0.5,
        actions,
        |ui, actions| feedback_panel_ui(ui, view, actions),
        |ui, _| {
            if let Some(f) = focused {
                ui.label(
                    RichText::new(format!(
                        "Evidence for {} is highlighted below.",
                        model.factor_name(&f.factor)
                    ))
                    .family(theme::bold())
                    .color(theme::colors(ui).blue),
                );
            }
            let highlight = |id: &PassageId| match focused {
                Some(f) if f.found.contains(id) => Highlight::Found,
                Some(f) if f.missed.contains(id) => Highlight::Missed,
                Some(f) if f.extra.contains(id) => Highlight::Extra,
                _ => Highlight::None,
            };
            // Bring the evidence into view once each time the focus changes.
            let memory = scrolled_to_id();
            let last: Option<FactorId> = ui.ctx().data(|d| d.get_temp(memory));
            let wanted: Option<PassageId> = ui.ctx().data_mut(|d| {
                let wanted = d.get_temp(passage_wanted_id());
                d.remove::<PassageId>(passage_wanted_id());
                wanted
            });
            let scroll_to = match focused {
                _ if wanted.is_some() => wanted.as_ref(),
                Some(f) if last.as_ref() != Some(&f.factor) => {
                    ui.ctx()
                        .data_mut(|d| d.insert_temp(memory, f.factor.clone()));
                    case.passages().map(|p| &p.id).find(|id| {
                        f.found.contains(id) || f.missed.contains(id) || f.extra.contains(id)
                    })
                }
                _ => None,
            };
            let _ = case_text_ui(ui, case, &highlight, false, scroll_to);
        },
    );
}

/// The feedback list: summary, profile, then a card per factor.
pub fn feedback_panel_ui(ui: &mut egui::Ui, view: &FeedbackView<'_>, actions: &mut Vec<Action>) {
    let FeedbackView {
        model,
        case,
        attempt,
        feedback,
        focus,
        history,
    } = *view;
    a11y::region(ui, "Feedback");
    ui.add_space(6.0);
    a11y::heading(ui, 1, RichText::new("Feedback from the model").heading());
    let summary = match feedback.agreement_percent() {
        Some(percent) => agreement_summary(feedback, percent),
        None => "Every factor in this case is contested, so nothing is scored.".to_owned(),
    };
    let response = ui.label(RichText::new(summary).family(theme::bold()).size(20.0));
    // A live region: screen readers announce the result when feedback appears.
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
    let contested = model.factors.len().saturating_sub(feedback.scored);
    if contested > 0 {
        ui.label(format!(
            "{contested} contested {} not scored: {} for discussion.",
            if contested == 1 {
                "factor is"
            } else {
                "factors are"
            },
            if contested == 1 { "it is" } else { "they are" }
        ));
    }
    ui.label(feedback.calibration.summary());
    ui.label(RichText::new("Credit: the same verdict is full credit; one step apart (such as Present and Partly) is half.").small().color(theme::colors(ui).secondary_text));

    ui.add_space(8.0);
    a11y::heading(ui, 2, theme::subheading("The case at a glance"));
    profile_ui(ui, model, feedback);

    ui.add_space(8.0);
    a11y::heading(ui, 2, theme::subheading("Factor by factor"));
    ui.label(
        RichText::new("Answers you were sure of but differ from the model come first.")
            .color(theme::colors(ui).secondary_text),
    );
    // The cards are most of the panel: those out of view are not laid out.
    let mut lazy = Lazy::begin(ui, "feedback cards", (case.id.as_str(), case.version));
    for item in &feedback.factors {
        let focused = &item.factor == focus;
        let note = attempt.mark(&item.factor).map(|m| m.note.as_str());
        ui.add_space(6.0);
        lazy.block(ui, (item, note, focused), false, 400.0, |ui| {
            factor_card_ui(ui, model, case, attempt, item, focused, actions)
        });
    }
    lazy.end(ui);
    ui.add_space(8.0);
    if history.len() > 1 {
        let checks: Vec<String> = history
            .iter()
            .map(|a| a.map_or("not scored".to_owned(), |a| format!("{:.0}%", a * 100.0)))
            .collect();
        ui.label(format!(
            "Your agreement on this case, check by check: {}.",
            checks.join(", then ")
        ));
    }
    a11y::heading(ui, 2, theme::subheading("What next"));
    ui.horizontal_wrapped(|ui| {
        if let Some(first) = feedback.factors.first()
            && ui.button("Change your answers").clicked()
        {
            actions.push(Action::Feedback(FeedbackAction::ChangeAnswers(
                first.factor.clone(),
            )));
        }
        if ui.button("Start again from a blank sheet").clicked() {
            actions.push(Action::Case(CaseAction::StartAgainBlank));
        }
        if ui.button("Back to the library").clicked() {
            actions.push(Action::Library(LibraryAction::Show));
        }
    });
    ui.label(
        RichText::new(
            "Starting again clears your marks on this case. Every check stays in your record.",
        )
        .small()
        .color(theme::colors(ui).secondary_text),
    );
    ui.horizontal_wrapped(|ui| {
        if ui.button("Save your attempt file").clicked() {
            actions.push(Action::Ask(Dialog::SaveAttemptFile));
        }
        if ui.button("Save a feedback report").clicked() {
            actions.push(Action::Ask(Dialog::ReportFolder));
        }
        if ui.button("Apply this to your own work").clicked() {
            actions.push(
                crate::ui::features::assess::AssessAction::Show(
                    crate::ui::features::assess::AssessPage::Home,
                )
                .into(),
            );
        }
    });
    ui.label(
        RichText::new("An attempt file is what a facilitator imports in a seminar. The report prints well and can be kept.")
            .small()
            .color(theme::colors(ui).secondary_text),
    );
    ui.add_space(12.0);
}

/// The result in counts a trainee can check against the list below: "You agreed with the
/// model on 3 of the 7 scored factors and were one step away on 2 (half credit each): 57%
/// in all."
pub fn agreement_summary(feedback: &Feedback, percent: u32) -> String {
    let count = |kind: crate::domain::Agreement| {
        feedback
            .factors
            .iter()
            .filter(|f| f.agreement == kind)
            .count()
    };
    let agreed = count(crate::domain::Agreement::Agree);
    let near = count(crate::domain::Agreement::Near);
    let scored = feedback.scored;
    let factors = if scored == 1 { "factor" } else { "factors" };
    if near == 0 {
        format!("You agreed with the model on {agreed} of the {scored} scored {factors}.")
    } else {
        format!(
            "You agreed with the model on {agreed} of the {scored} scored {factors} and were one step away on {near} (half credit each): {percent}% in all."
        )
    }
}

pub(super) fn contested_note(item: &FactorFeedback) -> &'static str {
    if item.agreement == crate::domain::Agreement::Contested {
        " Contested."
    } else {
        ""
    }
}

fn factor_card_ui(
    ui: &mut egui::Ui,
    model: &Model,
    case: &Case,
    attempt: &Attempt,
    item: &FactorFeedback,
    focused: bool,
    actions: &mut Vec<Action>,
) -> egui::Rect {
    let (Some(factor), Some(answer)) = (model.factor(&item.factor), case.answer(&item.factor))
    else {
        return egui::Rect::NOTHING;
    };
    let (edge, word) = match item.tone() {
        FeedbackTone::Good => (theme::colors(ui).green, "Agrees"),
        FeedbackTone::Mixed => (
            theme::colors(ui).orange,
            if item.agreement == crate::domain::Agreement::Contested {
                "Contested"
            } else {
                "Half"
            },
        ),
        FeedbackTone::Attention => (
            theme::colors(ui).error,
            if item.yours.is_none() {
                "Not marked"
            } else {
                "Differs"
            },
        ),
    };
    let stroke = if focused {
        Stroke::new(3.0, theme::colors(ui).blue)
    } else {
        Stroke::new(1.0, theme::colors(ui).border)
    };
    egui::Frame::new()
        .stroke(stroke)
        .inner_margin(12.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                egui::Frame::new()
                    .fill(edge)
                    .inner_margin(egui::Margin::symmetric(6, 2))
                    .corner_radius(2.0)
                    .show(ui, |ui| {
                        ui.label(
                            RichText::new(word)
                                .family(theme::bold())
                                .color(theme::colors(ui).on_strong),
                        );
                    });
                a11y::heading(ui, 3, theme::subheading(&factor.name));
            });
            let other = answer.contested.as_ref().map(|c| c.other_verdict);
            ui.label(RichText::new(item.headline(other)).family(theme::bold()));
            if item.confident_and_wrong() {
                ui.label(
                    RichText::new("You were sure of this one. It is worth a second look.")
                        .color(theme::colors(ui).error),
                );
            }
            a11y::heading(
                ui,
                4,
                RichText::new("Why the model reads it this way").family(theme::bold()),
            );
            ui.label(&answer.rationale);
            if let Some(contested) = &answer.contested {
                a11y::heading(
                    ui,
                    4,
                    RichText::new(format!("The other reading: {}", contested.other_verdict))
                        .family(theme::bold()),
                );
                ui.label(&contested.other_rationale);
                a11y::heading(
                    ui,
                    4,
                    RichText::new("Why people disagree").family(theme::bold()),
                );
                ui.label(&contested.why);
            }
            evidence_lines_ui(
                ui,
                case,
                ("Evidence you found", factor),
                &item.found,
                actions,
            );
            evidence_lines_ui(
                ui,
                case,
                ("Evidence you missed", factor),
                &item.missed,
                actions,
            );
            evidence_lines_ui(
                ui,
                case,
                ("Other paragraphs you cited", factor),
                &item.extra,
                actions,
            );
            if let Some(changed) = &answer.would_have_changed {
                a11y::heading(
                    ui,
                    4,
                    RichText::new("What working collaboratively would have changed")
                        .family(theme::bold()),
                );
                ui.label(changed);
            }
            if let Some(note) = attempt
                .mark(&item.factor)
                .map(|m| m.note.as_str())
                .filter(|n| !n.is_empty())
            {
                a11y::heading(ui, 4, RichText::new("Your note").family(theme::bold()));
                ui.label(note);
            }
            ui.label(RichText::new(format!("What the factor means: {}", factor.summary)).italics());
            ui.horizontal_wrapped(|ui| {
                if !focused
                    && ui
                        .button(format!(
                            "Highlight evidence for {}",
                            in_sentence(&factor.name)
                        ))
                        .clicked()
                {
                    actions.push(Action::Feedback(FeedbackAction::Focus(item.factor.clone())));
                }
                if ui
                    .button(format!(
                        "Change your answer on {}",
                        in_sentence(&factor.name)
                    ))
                    .clicked()
                {
                    actions.push(Action::Feedback(FeedbackAction::ChangeAnswers(
                        item.factor.clone(),
                    )));
                }
            });
        })
        .response
        .rect
}

fn evidence_lines_ui(
    ui: &mut egui::Ui,
    case: &Case,
    (heading, factor): (&str, &crate::domain::Factor),
    passages: &[PassageId],
    actions: &mut Vec<Action>,
) {
    if passages.is_empty() {
        return;
    }
    a11y::heading(ui, 4, RichText::new(heading).family(theme::bold()));
    for id in passages {
        if let Some(passage) = case.passage(id) {
            ui.horizontal_top(|ui| {
                // A link to the paragraph in the case text, highlighted with the factor's
                // other evidence.
                let response = ui.link(format!("¶{}", passage.number));
                let name = format!(
                    "{heading} for {}: paragraph {}",
                    in_sentence(&factor.name),
                    passage.number
                );
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
                if response.clicked() {
                    // This paragraph, not the factor's first, is what to bring into view.
                    ui.ctx().data_mut(|d| {
                        d.insert_temp(passage_wanted_id(), id.clone());
                        d.insert_temp(scrolled_to_id(), factor.id.clone());
                    });
                    actions.push(Action::Feedback(FeedbackAction::Focus(factor.id.clone())));
                }
                ui.add(egui::Label::new(excerpt(&passage.text, 90)).wrap());
            });
        }
    }
}

/// The factor whose evidence the case text last brought into view.
fn scrolled_to_id() -> egui::Id {
    egui::Id::unique("feedback_scrolled_to")
}

/// Where a paragraph link on the feedback list asks the case text to scroll to (the
/// view's own state, like a scroll position).
fn passage_wanted_id() -> egui::Id {
    egui::Id::unique("feedback_passage_wanted")
}
