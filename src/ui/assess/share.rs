//! The team's view (your assessment as a file; the team's files, most divided factor
//! first, with files set aside and why) and "Say what changed" (your file for a course
//! team; a course team's import and summary).

use crate::domain::Verdict;
use crate::domain::assessment::{ShareChoices, cohort, spread, team_order};
use crate::io::assessment_file::Rejection;
use crate::ui::features::assess::{AssessAction, AssessPage};
use crate::ui::features::assess_share::ShareAction;

use super::super::Action;
use super::super::state::State;
use super::{hint, problems_ui, section, text_box, title};

fn name_box(ui: &mut egui::Ui, state: &State, actions: &mut Vec<Action>) {
    if let Some(name) = text_box(
        ui,
        "Your name (optional)",
        "Leave blank to stay anonymous",
        &state.assess.share.participant,
        1,
    ) {
        actions.push(ShareAction::SetParticipant(name).into());
    }
}

fn problem(ui: &mut egui::Ui, state: &State) {
    if let Some(problem) = &state.assess.share.problem {
        problems_ui(ui, std::slice::from_ref(problem));
    }
}

fn set_aside_ui(ui: &mut egui::Ui, rejected: &[Rejection]) {
    if rejected.is_empty() {
        return;
    }
    section(ui, "Files set aside");
    for rejection in rejected {
        ui.label(rejection.to_string());
    }
}

fn back(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    ui.add_space(8.0);
    if ui.button("Back to your own collaboration").clicked() {
        actions.push(AssessAction::Show(AssessPage::Home).into());
    }
}

/// The team's view.
pub(super) fn team_ui(ui: &mut egui::Ui, state: &State, actions: &mut Vec<Action>) {
    let drafts = &state.assess.share;
    title(ui, "The team's view");
    ui.label(
        "Each member saves their assessment as a file. The lead puts the files in one folder and \
         imports it, to see where the team reads the partnership most differently. That is the \
         conversation to have.",
    );
    problem(ui, state);

    section(ui, "Share your assessment");
    match state.progress.collaboration.latest() {
        Some(latest) => ui.label(format!(
            "Your latest assessment: {}, {}. Your plan and notes are never in the file.",
            latest.partnership, latest.made_on
        )),
        None => ui.label("Assess a partnership first."),
    };
    name_box(ui, state, actions);
    let mut include = drafts.include_partnership;
    if ui
        .checkbox(&mut include, "Include the partnership's name")
        .changed()
    {
        actions.push(ShareAction::SetIncludePartnership(include).into());
    }
    if ui.button("Save your assessment file").clicked() {
        actions.push(ShareAction::SaveAssessment.into());
    }

    section(ui, "See your team's view");
    if ui.button("Import a folder of team files").clicked() {
        actions.push(ShareAction::ImportTeam.into());
    }
    if let Some(team) = &drafts.team {
        let model = &state.model;
        ui.label(format!(
            "Counted {} {}; set aside {}.{}",
            team.accepted.len(),
            if team.accepted.len() == 1 {
                "file"
            } else {
                "files"
            },
            team.rejected.len(),
            team.partnership
                .as_ref()
                .map(|p| format!(" Partnership: {p}."))
                .unwrap_or_default()
        ));
        let assessments = team.assessments();
        let spreads = spread(model, &assessments);
        let order = team_order(&spreads);
        if order.is_empty() && !team.accepted.is_empty() {
            ui.label("Nobody marked any factor.");
        }
        if !order.is_empty() {
            hint(ui, "Where the team differs most comes first.");
        }
        for (n, s) in order.iter().enumerate() {
            let counts = Verdict::ALL
                .iter()
                .map(|v| format!("{} {}", v.label(), s.tally.count(*v)))
                .collect::<Vec<_>>()
                .join(", ");
            let unmarked = if s.unmarked > 0 {
                format!("; not marked {}", s.unmarked)
            } else {
                String::new()
            };
            ui.label(format!(
                "{}. {}: {counts}{unmarked}.",
                n + 1,
                model.factor_name(&s.factor)
            ));
        }
        set_aside_ui(ui, &team.rejected);
    }
    back(ui, actions);
}

/// Say what changed, and a course team's view.
pub(super) fn changes_ui(ui: &mut egui::Ui, state: &State, actions: &mut Vec<Action>) {
    let drafts = &state.assess.share;
    let choices = drafts.choices;
    title(ui, "Say what changed");
    ui.label(
        "Save your actions and what changed as a file to send to your course team. The \
         partnership's name and your personal notes are left out unless you tick them.",
    );
    problem(ui, state);

    section(ui, "Send to your course team");
    name_box(ui, state, actions);
    let mut partnership = choices.partnership;
    if ui
        .checkbox(&mut partnership, "Include the partnership's name")
        .changed()
    {
        actions.push(
            ShareAction::SetChoices(ShareChoices {
                partnership,
                ..choices
            })
            .into(),
        );
    }
    let mut personal = choices.personal_notes;
    if ui
        .checkbox(
            &mut personal,
            "Include your personal notes: with whom, what got in the way, your notes",
        )
        .changed()
    {
        actions.push(
            ShareAction::SetChoices(ShareChoices {
                personal_notes: personal,
                ..choices
            })
            .into(),
        );
    }
    if ui.button("Save your \"what changed\" file").clicked() {
        actions.push(ShareAction::SaveChanges.into());
    }

    section(ui, "For course teams");
    ui.label("Import a folder of \"what changed\" files to see which factors leaders worked on and what they report changed.");
    if ui
        .button("Import a folder of \"what changed\" files")
        .clicked()
    {
        actions.push(ShareAction::ImportChanges.into());
    }
    if let Some(found) = &drafts.cohort {
        let model = &state.model;
        ui.label(format!(
            "Counted {} {}; set aside {}.",
            found.accepted.len(),
            if found.accepted.len() == 1 {
                "report"
            } else {
                "reports"
            },
            found.rejected.len()
        ));
        let reports = found.reports();
        for row in cohort(model, &reports) {
            let name = row
                .factor
                .as_ref()
                .map_or("Not tied to a factor", |f| model.factor_name(f));
            ui.label(format!(
                "{name}: {} {}, {} {}: {} done, {} partly, {} not done, {} not yet looked back on. Moved towards Present in {}, towards Missing in {}.",
                row.leaders,
                if row.leaders == 1 { "leader" } else { "leaders" },
                row.actions,
                if row.actions == 1 { "action" } else { "actions" },
                row.done,
                row.partly,
                row.not_done,
                row.not_yet,
                row.moved_up,
                row.moved_down
            ));
            for changed in &row.changed {
                hint(ui, &format!("What changed: {changed}"));
            }
        }
        if ui.button("Save the cohort summary").clicked() {
            actions.push(ShareAction::SaveCohortSummary.into());
        }
        hint(ui, "Saved as Markdown, a printable web page and a CSV.");
        set_aside_ui(ui, &found.rejected);
    }
    back(ui, actions);
}
