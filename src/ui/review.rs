//! Review: a short spaced-review queue of the factors you misjudged. A paragraph from a
//! case is shown; you say which factor it shows and how present it was.

use crate::ui::RecordAction;
use egui::RichText;

use crate::domain::progress::ReviewQuestion;
use crate::domain::{Case, CaseId, FactorId, Model, Verdict};

use super::Action;
use super::a11y;
use super::theme;

/// The review in progress.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewState {
    /// The item being reviewed.
    pub item: Option<(CaseId, FactorId)>,
    /// The factor chosen.
    pub factor: Option<FactorId>,
    /// The verdict chosen.
    pub verdict: Option<Verdict>,
    /// Set once checked: whether the answer was right.
    pub outcome: Option<bool>,
}

/// What the review screen draws from.
pub struct ReviewView<'a> {
    /// The model.
    pub model: &'a Model,
    /// The case of the item under review, if any is due.
    pub case: Option<&'a Case>,
    /// The state.
    pub state: &'a ReviewState,
    /// How many are due, including this one.
    pub due: usize,
}

/// Draws the review screen.
pub fn review_ui(ui: &mut egui::Ui, view: &ReviewView<'_>, actions: &mut Vec<Action>) {
    let state = view.state;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        a11y::with_focus_in_view(ui, |ui| {
        ui.set_max_width(ui.available_width().min(860.0));
        let title = a11y::heading(ui, 1, RichText::new("Review").heading());
        a11y::titled_region(ui, &title);
        let (Some((_, factor_id)), Some(case)) = (&state.item, view.case) else {
            ui.label("Nothing is due for review. Check a case, and the factors you misjudge will come back here to practise.");
            if ui.button("Back to my record").clicked() {
                actions.push(Action::Record(RecordAction::Show));
            }
            return;
        };
        let Some(question) = ReviewQuestion::for_item(case, factor_id) else { return };
        let Some(passage) = case.passage(&question.passage) else { return };
        ui.label(RichText::new(format!("{} due. From {}:", view.due, case.title)).color(theme::colors(ui).secondary_text));
        egui::Frame::new().fill(theme::colors(ui).panel).inner_margin(12.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("Paragraph {}", passage.number)).family(theme::bold()));
            ui.label(&passage.text);
        });

        let answered = state.outcome.is_some();
        ui.add_space(8.0);
        ui.label(RichText::new("Which factor does this paragraph show?").family(theme::bold()));
        for factor in &view.model.factors {
            let selected = state.factor.as_ref() == Some(&factor.id);
            let response = ui.add_enabled(!answered, egui::RadioButton::new(selected, &factor.name));
            if response.clicked() {
                actions.push(Action::Record(RecordAction::ChooseReview { factor: Some(factor.id.clone()), verdict: state.verdict }));
            }
        }
        ui.add_space(6.0);
        ui.label(RichText::new("How present was it in this case?").family(theme::bold()));
        ui.horizontal_wrapped(|ui| {
            for verdict in [Verdict::Present, Verdict::Partly, Verdict::Missing] {
                let selected = state.verdict == Some(verdict);
                let response = ui.add_enabled(!answered, egui::RadioButton::new(selected, review_choice(verdict)));
                if response.clicked() {
                    actions.push(Action::Record(RecordAction::ChooseReview { factor: state.factor.clone(), verdict: Some(verdict) }));
                }
            }
        });
        ui.add_space(8.0);
        match state.outcome {
            None => {
                let ready = state.factor.is_some() && state.verdict.is_some();
                if ui.add_enabled(ready, egui::Button::new("Check my review answer")).clicked() {
                    actions.push(Action::Record(RecordAction::AnswerReview));
                }
                if !ready {
                    ui.label(RichText::new("Choose a factor and how present it was.").small().color(theme::colors(ui).secondary_text));
                }
            }
            Some(right) => {
                let (edge, heading) = if right { (theme::colors(ui).green, "Right") } else { (theme::colors(ui).error, "Not quite") };
                egui::Frame::new().stroke(egui::Stroke::new(3.0, edge)).inner_margin(10.0).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    a11y::heading(ui, 2, RichText::new(heading).size(22.0).family(theme::bold()));
                    for (factor, verdict) in &question.accepted {
                        let name = view.model.factor_name(factor);
                        ui.label(format!("This paragraph shows {name}: the model reads it as {} in this case.", verdict.label().to_lowercase()));
                        if let Some(answer) = case.answer(factor) {
                            ui.label(RichText::new(&answer.rationale).italics());
                        }
                    }
                    ui.label(if right {
                        "It will come back later, further apart each time you get it right."
                    } else {
                        "It will come back soon."
                    });
                });
                if ui.button("Next review").clicked() {
                    actions.push(Action::Record(RecordAction::ShowReview));
                }
            }
        }
    });
    });
}

/// The words for a verdict choice in a review, such as "It was partly present".
pub fn review_choice(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Present => "It was present",
        Verdict::Partly => "It was partly present",
        Verdict::Missing => "It was missing",
        Verdict::CantTell => "The case does not say",
    }
}
