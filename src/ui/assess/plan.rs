//! The plan (what moved since last time, where to start with the cases to read next, and
//! one to three actions), the look-back, and the history shown in My record.

use egui::RichText;

use crate::domain::assessment::{
    Assessment, History, Movement, Outcome, Why, moved, partnership_key, suggest,
};
use crate::domain::{Model, Verdict};
use crate::ui::CaseAction;
use crate::ui::features::assess::{
    ActionField, AnswerField, AssessAction, AssessPage, plan_problems, today,
};
use crate::ui::marking::in_sentence;

use super::super::Action;
use super::super::state::State;
use super::super::theme;
use super::{button, hint, problems_ui, radio, section, text_box, title};

/// The assessment of the same partnership before `index`, if there is one.
fn before(history: &History, index: usize) -> Option<&Assessment> {
    let key = partnership_key(&history.assessments.get(index)?.partnership);
    history
        .assessments
        .iter()
        .take(index)
        .rev()
        .find(|a| partnership_key(&a.partnership) == key)
}

fn verdict_word(verdict: Option<Verdict>) -> &'static str {
    verdict.map_or("not marked", Verdict::label)
}

/// What moved since the assessment before, factor by factor.
fn moved_ui(ui: &mut egui::Ui, model: &Model, before: &Assessment, now: &Assessment) {
    let what = moved(model, before, now);
    section(ui, &format!("What moved since {}", before.made_on));
    let mut any = false;
    for m in what.changed() {
        any = true;
        let how = match m.movement() {
            Movement::Up(1) => "towards Present, 1 step".to_owned(),
            Movement::Up(n) => format!("towards Present, {n} steps"),
            Movement::Down(1) => "towards Missing, 1 step".to_owned(),
            Movement::Down(n) => format!("towards Missing, {n} steps"),
            Movement::Same => "the same".to_owned(),
            Movement::CannotCompare => "cannot be compared".to_owned(),
        };
        ui.label(format!(
            "{}: {} to {} ({how}).",
            model.factor_name(&m.factor),
            verdict_word(m.before),
            verdict_word(m.after)
        ));
    }
    if !any {
        ui.label("No verdict moved.");
    }
    let names = |ids: &[crate::domain::BarrierId]| {
        ids.iter()
            .map(|b| model.barrier(b).map_or(b.to_string(), |b| b.name.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !what.barriers_gone.is_empty() {
        ui.label(format!("Barriers gone: {}.", names(&what.barriers_gone)));
    }
    if !what.barriers_new.is_empty() {
        ui.label(format!("New barriers: {}.", names(&what.barriers_new)));
    }
}

/// The plan page.
pub(super) fn plan_ui(ui: &mut egui::Ui, state: &State, index: usize, actions: &mut Vec<Action>) {
    let history = &state.progress.collaboration;
    let Some(assessment) = history.assessments.get(index) else {
        return;
    };
    let model = &state.model;
    title(ui, &format!("Your plan: {}", assessment.partnership));
    problems_ui(ui, &state.assess.problems);
    if let Some(before) = before(history, index) {
        moved_ui(ui, model, before, assessment);
    }

    section(ui, "Where to start");
    let cases = state.library.all();
    let suggestions = suggest(model, assessment, &cases);
    if suggestions.is_empty() {
        ui.label(
            "The model suggests nothing: you found no foundation missing, partly there or hard to tell, \
             and named no barrier that a way in answers. Choose your own action below.",
        );
    }
    let full = assessment.plan.len() >= crate::domain::assessment::MAX_ACTIONS;
    for suggestion in &suggestions {
        let name = model.factor_name(&suggestion.factor);
        let in_text = in_sentence(name);
        ui.add_space(4.0);
        ui.label(RichText::new(name).family(theme::bold()));
        let why = match &suggestion.why {
            Why::Foundation(verdict) => {
                format!("A foundation you marked {}.", verdict.label())
            }
            Why::Barriers(barriers) => format!(
                "A way in that answers: {}.",
                barriers
                    .iter()
                    .map(|b| model.barrier(b).map_or(b.to_string(), |b| b.name.clone()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        ui.label(why);
        if suggestion.read_next.is_empty() {
            hint(ui, "No case in the casebook shows it present.");
        } else {
            // One link a line: a link that wraps in a row of links splits in two.
            ui.label("Cases to read next:");
            for case in &suggestion.read_next {
                let shown = format!("Read {}", case.title);
                let response = ui.link(&shown);
                let label = format!("{shown} (for {in_text})");
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::accesskit::Role::Link, true, &label)
                });
                if response.clicked() {
                    actions.push(Action::Case(CaseAction::Open(case.id.clone())));
                }
            }
        }
        if !full
            && button(
                ui,
                "Add an action on this",
                &format!("Add an action on {in_text}"),
            )
        {
            actions.push(AssessAction::AddAction(index, Some(suggestion.factor.clone())).into());
        }
    }

    section(ui, "Your actions");
    hint(ui, "Choose one to three. Each is saved as you type.");
    for (number, action) in assessment.plan.iter().enumerate() {
        let n = number + 1;
        ui.add_space(6.0);
        let on = action
            .factor
            .as_ref()
            .map(|f| format!(" (on {})", in_sentence(model.factor_name(f))))
            .unwrap_or_default();
        ui.label(RichText::new(format!("Action {n}{on}")).family(theme::bold()));
        let field = |ui: &mut egui::Ui, label: &str, hint: &str, value: &str, which| {
            text_box(ui, label, hint, value, 1)
                .map(|text| AssessAction::SetActionField(index, number, which, text))
        };
        let fields = [
            field(
                ui,
                &format!("Action {n}: what you will do"),
                "For example, meet the council's lead every month",
                &action.what,
                ActionField::What,
            ),
            field(
                ui,
                &format!("Action {n}: with whom"),
                "Who you will do it with",
                &action.with_whom,
                ActionField::WithWhom,
            ),
            field(
                ui,
                &format!("Action {n}: look-back date"),
                "Year-month-day, such as 2027-01-05",
                state
                    .assess
                    .dates
                    .get(&(index, number))
                    .map_or(&action.look_back.to_string(), |typed| typed),
                ActionField::LookBack,
            ),
        ];
        actions.extend(fields.into_iter().flatten().map(Action::from));
        if button(ui, "Remove this action", &format!("Remove action {n}")) {
            actions.push(AssessAction::RemoveAction(index, number).into());
        }
    }
    if !full && ui.button("Add an action of your own").clicked() {
        actions.push(AssessAction::AddAction(index, None).into());
    }
    if let Some(text) = text_box(
        ui,
        "Your notes (optional)",
        "Private to you unless you choose to share them",
        &assessment.notes,
        3,
    ) {
        actions.push(AssessAction::SetNotes(index, text).into());
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button("Back to the barriers").clicked() {
            actions.push(AssessAction::Show(AssessPage::Barriers { index }).into());
        }
        if ui.button("Save your plan").clicked() {
            actions.push(AssessAction::FinishPlan(index).into());
        }
    });
    if plan_problems(state, index).is_empty() {
        hint(ui, "Your plan can be kept as it is.");
    }
}

/// The look-back page: each action due, with how it went.
pub(super) fn look_back_ui(ui: &mut egui::Ui, state: &State, actions: &mut Vec<Action>) {
    let history = &state.progress.collaboration;
    let today = today(state);
    title(ui, "Look back");
    problems_ui(ui, &state.assess.problems);
    let due = history.due(today);
    if due.is_empty() {
        ui.label("Nothing is due for look-back.");
        if let Some(next) = history.next_look_back(today) {
            ui.label(format!("Your next look-back is on {next}."));
        }
    } else {
        ui.label("How did your actions go? Your answers are kept in your record.");
    }
    for (shown, d) in due.iter().enumerate() {
        let Some(assessment) = history.assessments.get(d.assessment) else {
            continue;
        };
        let Some(action) = assessment.plan.get(d.action) else {
            continue;
        };
        let n = shown + 1;
        section(ui, &format!("Action {n}: {}", action.what));
        hint(
            ui,
            &format!(
                "{}, planned on {}, to look back on {}{}.",
                assessment.partnership,
                assessment.made_on,
                action.look_back,
                if action.with_whom.trim().is_empty() {
                    String::new()
                } else {
                    format!(", with {}", action.with_whom.trim())
                }
            ),
        );
        let key = (d.assessment, d.action);
        let draft = state.assess.answers.get(&key).cloned().unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            for outcome in Outcome::ALL {
                let name = format!("Action {n}: {}", outcome.label());
                if radio(ui, draft.outcome == Some(outcome), outcome.label(), &name) {
                    actions.push(AssessAction::SetOutcome(key.0, key.1, outcome).into());
                }
            }
        });
        let field = |ui: &mut egui::Ui, label: String, value: &str, which| {
            text_box(ui, &label, "In your own words", value, 2)
                .map(|text| AssessAction::SetAnswerField(key.0, key.1, which, text))
        };
        let typed = [
            field(
                ui,
                format!("Action {n}: what changed"),
                &draft.changed,
                AnswerField::Changed,
            ),
            field(
                ui,
                format!("Action {n}: what got in the way"),
                &draft.in_the_way,
                AnswerField::InTheWay,
            ),
        ];
        actions.extend(typed.into_iter().flatten().map(Action::from));
        if button(
            ui,
            "Save this answer",
            &format!("Save your answer on action {n}"),
        ) {
            actions.push(AssessAction::SaveAnswer(key.0, key.1).into());
        }
    }
    if let Some(latest) = history.latest() {
        section(ui, "Assess again");
        ui.label(
            "Assess the partnership again to see, factor by factor, what moved since last time.",
        );
        if button(
            ui,
            "Assess again",
            &format!("Assess {} again", latest.partnership),
        ) {
            actions.push(AssessAction::AssessAgain(history.assessments.len() - 1).into());
        }
    }
}

/// Your own collaboration in My record: each assessment, its actions and how they went.
pub fn record_section_ui(
    ui: &mut egui::Ui,
    model: &Model,
    history: &History,
    actions: &mut Vec<Action>,
) {
    section(ui, "Your own collaboration");
    if history.assessments.is_empty() {
        ui.label("Assess a partnership you work in to start this part of your record.");
    }
    for assessment in history.assessments.iter().rev() {
        ui.label(
            RichText::new(format!(
                "{}, {}",
                assessment.partnership, assessment.made_on
            ))
            .family(theme::bold()),
        );
        ui.label(super::marked(model, assessment));
        for action in &assessment.plan {
            let how = action.answer.as_ref().map_or_else(
                || format!("look back on {}", action.look_back),
                |answer| {
                    let changed = answer.changed.trim();
                    if changed.is_empty() {
                        answer.outcome.label().to_owned()
                    } else {
                        format!("{}: {changed}", answer.outcome.label())
                    }
                },
            );
            ui.label(format!("• {} ({how})", action.what));
        }
    }
    if ui.button("Your own collaboration").clicked() {
        actions.push(AssessAction::Show(AssessPage::Home).into());
    }
}
