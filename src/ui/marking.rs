//! The case screen: the text beside a marking panel. For the factor being marked, the
//! trainee chooses a verdict, a confidence, the evidence and an optional note.

use crate::ui::CaseAction;
use crate::ui::FeedbackAction;
use crate::ui::SettingsAction;
use egui::RichText;

use crate::domain::{Attempt, Case, Confidence, FactorId, Model, Verdict};

use super::Action;
use super::a11y;
use super::case_text::{Highlight, case_text_ui};
use super::lazy::Lazy;
use super::theme;

/// What the case screen shows.
#[derive(Clone, Copy)]
pub struct MarkingView<'a> {
    /// The model.
    pub model: &'a Model,
    /// The case being marked.
    pub case: &'a Case,
    /// The trainee's marks so far.
    pub attempt: Option<&'a Attempt>,
    /// The factor being marked, by position in the model.
    pub factor_index: usize,
    /// Whether to list unmarked factors before feedback.
    pub confirm_unmarked: bool,
}

/// Draws the case screen.
pub fn case_screen_ui(ui: &mut egui::Ui, view: &MarkingView<'_>, actions: &mut Vec<Action>) {
    let Some(factor) = view.model.factors.get(view.factor_index) else {
        return;
    };
    let mark = view.attempt.and_then(|a| a.mark(&factor.id));
    super::two_panes_ui(
        ui,
        "marking",
        0.42,
        actions,
        |ui, actions| marking_panel_ui(ui, view, actions),
        |ui, actions| {
            let cited = |id: &crate::domain::PassageId| {
                if mark.is_some_and(|m| m.evidence.contains(id)) {
                    Highlight::Cited
                } else {
                    Highlight::None
                }
            };
            if let Some(passage) = case_text_ui(ui, view.case, &cited, true, None) {
                actions.push(Action::Case(CaseAction::ToggleEvidence(
                    factor.id.clone(),
                    passage,
                )));
            }
        },
    );
}

/// The marking panel: the controls for the current factor, then the list of all factors.
pub fn marking_panel_ui(ui: &mut egui::Ui, view: &MarkingView<'_>, actions: &mut Vec<Action>) {
    let MarkingView {
        model,
        case,
        attempt,
        factor_index,
        confirm_unmarked,
    } = *view;
    let Some(factor) = model.factors.get(factor_index) else {
        return;
    };
    let mark = attempt.and_then(|a| a.mark(&factor.id));
    let marked = attempt.map_or(0, |a| a.marked_count(model));
    let total = model.factors.len();

    a11y::region(ui, "Marking");
    ui.add_space(6.0);
    // Bring the warning into view once, when it first appears.
    let scrolled = egui::Id::unique("unmarked_warning_scrolled");
    if confirm_unmarked {
        let warning = unmarked_warning_ui(ui, model, attempt, actions);
        if !ui
            .ctx()
            .data(|d| d.get_temp::<bool>(scrolled))
            .unwrap_or(false)
        {
            warning.scroll_to_me(Some(egui::Align::TOP));
            ui.ctx().data_mut(|d| d.insert_temp(scrolled, true));
        }
    } else {
        ui.ctx().data_mut(|d| d.remove::<bool>(scrolled));
    }
    ui.label(
        RichText::new(format!(
            "Factor {} of {total} · {marked} of {total} factors marked",
            factor_index + 1
        ))
        .color(theme::colors(ui).secondary_text),
    );
    ui.horizontal_wrapped(|ui| {
        if factor_index > 0 && ui.button("Previous factor").clicked() {
            actions.push(Action::Case(CaseAction::SelectFactor(factor_index - 1)));
        }
        if factor_index + 1 < total && ui.button("Next factor").clicked() {
            actions.push(Action::Case(CaseAction::SelectFactor(factor_index + 1)));
        }
    });
    ui.separator();
    // The factor's name, summary and link take the height of the tallest factor's, so the
    // controls below stay in place from factor to factor: a long name that wraps never
    // moves them under the pointer.
    let width = ui.available_width();
    let tallest = model
        .factors
        .iter()
        .map(|f| factor_intro_height(ui, f, width))
        .fold(0.0, f32::max);
    ui.allocate_ui_with_layout(
        egui::vec2(width, tallest),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_min_size(egui::vec2(width, tallest));
            a11y::heading(
                ui,
                2,
                RichText::new(format!("{}: {}", factor.group.singular(), factor.name)).heading(),
            );
            ui.label(&factor.summary);
            if ui
                .link(format!(
                    "What {} means, with questions to ask",
                    in_sentence(&factor.name)
                ))
                .clicked()
            {
                actions.push(Action::Settings(SettingsAction::ShowReference(Some(
                    factor.id.clone(),
                ))));
            }
        },
    );

    ui.add_space(6.0);
    ui.label(RichText::new("Was it there in this case?").family(theme::bold()));
    ui.horizontal_wrapped(|ui| {
        for verdict in Verdict::ALL {
            let selected = mark.and_then(|m| m.verdict) == Some(verdict);
            let response = ui.radio(selected, verdict.label());
            if response.clicked() {
                let next = if selected { None } else { Some(verdict) };
                actions.push(Action::Case(CaseAction::SetVerdict(
                    factor.id.clone(),
                    next,
                )));
            }
        }
    });

    ui.label(RichText::new("How sure are you?").family(theme::bold()));
    ui.horizontal_wrapped(|ui| {
        for confidence in Confidence::ALL {
            let selected = mark.and_then(|m| m.confidence) == Some(confidence);
            let response = ui.radio(selected, format!("{} confidence", confidence.label()));
            if response.clicked() {
                let next = if selected { None } else { Some(confidence) };
                actions.push(Action::Case(CaseAction::SetConfidence(
                    factor.id.clone(),
                    next,
                )));
            }
        }
    });

    evidence_ui(ui, case, attempt, &factor.id, &factor.name, actions);

    ui.label(
        RichText::new(format!("Your note on {}", in_sentence(&factor.name))).family(theme::bold()),
    );
    let mut note = mark.map(|m| m.note.clone()).unwrap_or_default();
    let label = ui.label(
        RichText::new("Optional. Shown with your feedback.")
            .small()
            .color(theme::colors(ui).secondary_text),
    );
    let response = ui.add(
        egui::TextEdit::multiline(&mut note)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text("What you noticed"),
    );
    let response = response.labelled_by(label.id);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::MultilineTextInput,
            true,
            format!("Note on {}", in_sentence(&factor.name)),
        )
    });
    if response.changed() {
        actions.push(Action::Case(CaseAction::SetNote(factor.id.clone(), note)));
    }

    ui.add_space(8.0);
    if !confirm_unmarked {
        let check = egui::Button::new(
            RichText::new("Check your answers")
                .family(theme::bold())
                .color(theme::colors(ui).on_strong),
        )
        .fill(theme::colors(ui).green);
        let response = ui.add(check);
        if response.clicked() {
            actions.push(Action::Case(CaseAction::Check));
        }
    }
    ui.add_space(12.0);
    ui.separator();
    a11y::heading(ui, 2, theme::subheading("All factors"));
    // Mostly below the fold beside a long case: rows out of view are not laid out.
    let mut rows = Lazy::begin(ui, "all factors", model.factors.len());
    for (index, f) in model.factors.iter().enumerate() {
        let verdict = attempt.and_then(|a| a.verdict(&f.id));
        let selected = index == factor_index;
        rows.block(ui, (index, verdict, selected), false, 36.0, |ui| {
            let status = verdict.map_or("not marked", Verdict::label);
            let text = format!("{}. {} ({status})", index + 1, f.name);
            let response = ui.add(egui::Button::selectable(selected, text).wrap());
            if response.clicked() && !selected {
                actions.push(Action::Case(CaseAction::SelectFactor(index)));
            }
            response.rect
        });
    }
    rows.end(ui);

    ui.add_space(12.0);
}

/// The chosen evidence, and a list of every passage to choose from by keyboard.
fn evidence_ui(
    ui: &mut egui::Ui,
    case: &Case,
    attempt: Option<&Attempt>,
    factor: &FactorId,
    name: &str,
    actions: &mut Vec<Action>,
) {
    let evidence = attempt.and_then(|a| a.mark(factor)).map(|m| &m.evidence);
    let chosen: Vec<_> = case
        .passages()
        .filter(|p| evidence.is_some_and(|e| e.contains(&p.id)))
        .collect();
    ui.label(RichText::new("Your evidence").family(theme::bold()));
    if chosen.is_empty() {
        ui.label(
            RichText::new("None yet. Click paragraphs in the case, or choose from the list below.")
                .color(theme::colors(ui).secondary_text),
        );
    }
    for passage in &chosen {
        ui.horizontal(|ui| {
            if ui
                .button(format!("Remove paragraph {}", passage.number))
                .clicked()
            {
                actions.push(Action::Case(CaseAction::ToggleEvidence(
                    factor.clone(),
                    passage.id.clone(),
                )));
            }
            ui.add(egui::Label::new(excerpt(&passage.text, 70)).truncate());
        });
    }
    // The header cannot wrap, so it is short: a long factor name in it would widen the
    // panel, and the case text beside it would jump as the trainee moves between factors.
    // A screen reader still hears which factor the list is for.
    let list = egui::CollapsingHeader::new("Choose evidence from a list")
        .id_salt(("evidence_list", factor.as_str()))
        .show(ui, |ui| {
            for passage in case.passages() {
                let mut cited = evidence.is_some_and(|e| e.contains(&passage.id));
                let text = format!("¶{} {}", passage.number, excerpt(&passage.text, 60));
                let response = ui.checkbox(&mut cited, text);
                if response.changed() {
                    actions.push(Action::Case(CaseAction::ToggleEvidence(
                        factor.clone(),
                        passage.id.clone(),
                    )));
                }
            }
        });
    list.header_response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::DisclosureTriangle,
            true,
            format!("Choose evidence for {name} from a list"),
        )
    });
}

fn unmarked_warning_ui(
    ui: &mut egui::Ui,
    model: &Model,
    attempt: Option<&Attempt>,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let unmarked: Vec<(usize, &str)> = model
        .factors
        .iter()
        .enumerate()
        .filter(|(_, f)| attempt.is_none_or(|a| a.unmarked(model).contains(&&f.id)))
        .map(|(index, f)| (index, f.name.as_str()))
        .collect();
    egui::Frame::new()
        .stroke(egui::Stroke::new(3.0, theme::colors(ui).orange))
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let count = unmarked.len();
            ui.label(
                RichText::new(format!(
                    "You have not marked {count} {}",
                    if count == 1 { "factor" } else { "factors" }
                ))
                .family(theme::bold()),
            );
            // Each a link to the factor, to mark it.
            for &(index, name) in &unmarked {
                let response = ui.link(format!("• {name}"));
                let label = format!("Mark {}", in_sentence(name));
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
                if response.clicked() {
                    actions.push(Action::Case(CaseAction::CancelCheck));
                    actions.push(Action::Case(CaseAction::SelectFactor(index)));
                }
            }
            ui.label("Unmarked factors count as not agreeing with the model.");
            ui.horizontal_wrapped(|ui| {
                if ui.button("Go back and mark them").clicked() {
                    actions.push(Action::Case(CaseAction::CancelCheck));
                }
                if ui.button("See feedback anyway").clicked() {
                    actions.push(Action::Feedback(FeedbackAction::Show));
                }
            });
        })
        .response
}

/// The height of a factor's name, summary and link wrapped to `width`, as the marking
/// panel lays them out.
fn factor_intro_height(ui: &egui::Ui, factor: &crate::domain::Factor, width: f32) -> f32 {
    let style = ui.style();
    let font = |text_style: egui::TextStyle| text_style.resolve(style);
    let texts = [
        (
            format!("{}: {}", factor.group.singular(), factor.name),
            font(egui::TextStyle::Heading),
        ),
        (factor.summary.clone(), font(egui::TextStyle::Body)),
        (
            format!(
                "What {} means, with questions to ask",
                in_sentence(&factor.name)
            ),
            font(egui::TextStyle::Body),
        ),
    ];
    let heights: f32 = ui.fonts_mut(|fonts| {
        texts
            .into_iter()
            .map(|(text, font)| {
                fonts
                    .layout(text, font, egui::Color32::WHITE, width)
                    .size()
                    .y
            })
            .sum()
    });
    heights + 2.0 * style.spacing.item_spacing.y
}

/// A factor's name as it reads inside a sentence: a leading article in lower case ("What
/// the user at the heart means", not "What The user at the heart means").
pub fn in_sentence(name: &str) -> String {
    for article in ["The ", "An ", "A "] {
        if let Some(rest) = name.strip_prefix(article) {
            return format!("{}{rest}", article.to_lowercase());
        }
    }
    name.to_owned()
}

/// The first `max` characters of a text, cut at a word, with an ellipsis when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}
