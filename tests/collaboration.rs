//! Your own collaboration under `egui_kittest`, driven by accessible label: a whole
//! assessment to a plan, a look-back a month later with the date fixed, the team's import
//! with one file set aside, and a course team's import and summary.

use std::path::{Path, PathBuf};

use crate::common::{model, press, shows};
use collab_casebook::CasebookApp;
use collab_casebook::domain::assessment::{
    Assessment, ChangeReport, FactorReading, History, ShareChoices,
};
use collab_casebook::domain::{FactorId, Verdict};
use collab_casebook::io::assessment_file::{self, Export};
use collab_casebook::ui::action::Picked;
use collab_casebook::ui::effect::Effect;
use collab_casebook::ui::features::assess::{AssessAction, AssessPage};
use collab_casebook::ui::features::assess_share::{CollabDialog, CollabFiles, ShareAction};
use collab_casebook::ui::state::Now;
use collab_casebook::ui::{Action, Dialog, Screen};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

type App = Harness<'static, CasebookApp>;

fn day(d: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

fn now(today: &str) -> Now {
    Now {
        utc: day(today).and_hms_opt(9, 30, 0).unwrap().and_utc(),
        today: today.to_owned(),
    }
}

/// The app on `today`, with its record kept in `folder` if given.
fn app_on(today: &str, folder: Option<&Path>) -> App {
    let folder = folder.map(Path::to_path_buf);
    let now = now(today);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(8)
        .build_eframe(move |cc| {
            let mut app = CasebookApp::new(cc, model(), &[], folder.as_deref());
            app.fix_now(now.clone());
            app
        });
    harness.run();
    harness
}

fn type_into(harness: &mut App, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Answers every file dialog by choosing `path` (a dialog of your own collaboration).
fn choose(harness: &mut App, path: PathBuf) {
    harness.state_mut().set_dialogs(Box::new(
        move |dialog: &Dialog, _name, _folder| match dialog {
            Dialog::Collab(dialog) => Picked::Chosen(dialog.chosen(path.clone())),
            _ => Picked::Cancelled,
        },
    ));
}

/// Assesses a partnership through the screens: the first foundation Missing, the rest
/// Present, power struggles at work; then a plan of one action on the first suggestion.
fn assess_to_a_plan(harness: &mut App, name: &str) {
    let model = model();
    press(harness, "Assess your own collaboration");
    type_into(harness, "Name of the partnership", name);
    press(harness, "Start assessment");
    for (index, factor) in model.factors.iter().enumerate() {
        assert!(
            shows(harness, &factor.summary),
            "the model's words for {}",
            factor.id
        );
        // The first foundation Missing; an external witness hard to tell; the rest Present.
        let verdict = match index {
            0 => "Missing",
            5 => "Can't tell",
            _ => "Present",
        };
        press(harness, verdict);
        press(harness, "High confidence");
        type_into(harness, "Your evidence", "Seen at the board.");
        press(
            harness,
            if index + 1 < model.factors.len() {
                "Next factor"
            } else {
                "Next: barriers"
            },
        );
    }
    press(harness, "Power struggles");
    type_into(harness, "How power struggles shows", "Who chairs.");
    press(harness, "Next: your plan");
}

#[test]
fn a_whole_assessment_to_a_plan() {
    let model = model();
    let mut harness = app_on("2026-12-01", None);
    assess_to_a_plan(&mut harness, "Riverside");
    let first = &model.factors[0];
    // Where to start: the missing foundation, then the way in that answers power struggles.
    assert!(shows(&harness, "A foundation you marked Missing."));
    assert!(shows(&harness, "A way in that answers: Power struggles."));
    assert!(
        harness
            .query_all_by_label_contains("(for Shared common purpose)")
            .next()
            .is_some()
    );

    // A plan with an empty action is not kept, and says why.
    press(&mut harness, &format!("Add an action on {}", first.name));
    press(&mut harness, "Save your plan");
    assert!(shows(&harness, "There is a problem"));
    assert!(shows(&harness, "Action 1: say what you will do."));

    type_into(
        &mut harness,
        "Action 1: what you will do",
        "Agree one target",
    );
    type_into(&mut harness, "Action 1: with whom", "The council's lead");
    press(&mut harness, "Save your plan");
    assert!(matches!(
        harness.state().screen(),
        Screen::Assess(AssessPage::Home)
    ));
    assert!(
        harness
            .query_by_label_contains("it will ask how your actions went")
            .is_some()
    );
    let history = &harness.state().progress().collaboration;
    let assessment = history.latest().unwrap();
    assert_eq!(assessment.partnership, "Riverside");
    assert_eq!(assessment.verdict(&first.id), Some(Verdict::Missing));
    assert_eq!(
        assessment
            .factors
            .get(&first.id)
            .map(|r| r.evidence.as_str()),
        Some("Seen at the board.")
    );
    assert_eq!(assessment.barriers.len(), 1);
    let action = &assessment.plan[0];
    assert_eq!(action.factor.as_ref(), Some(&first.id));
    assert_eq!(action.what, "Agree one target");
    assert_eq!(action.look_back, day("2026-12-29"));

    // A case to read next opens from the plan.
    press(&mut harness, "Plan for assessment 1");
    let link = harness
        .query_all_by_label_contains("(for Shared common purpose)")
        .next()
        .unwrap()
        .accesskit_node()
        .label()
        .unwrap();
    press(&mut harness, &link);
    assert!(matches!(harness.state().screen(), Screen::Case { .. }));
}

#[test]
fn feedback_leads_to_your_own_work() {
    let mut harness = app_on("2026-12-01", None);
    let case = crate::common::bundled("hospital-discharge-short");
    crate::common::open_case(&mut harness, &case);
    press(&mut harness, "Check your answers");
    press(&mut harness, "See feedback anyway");
    press(&mut harness, "Apply this to your own work");
    assert!(shows(&harness, "Your own collaboration"));
    assert!(shows(&harness, "Name of the partnership"));
}

#[test]
fn a_look_back_a_month_later_and_what_moved() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = app_on("2026-12-01", Some(dir.path()));
        assess_to_a_plan(&mut harness, "Riverside");
        press(&mut harness, "Add an action of your own");
        type_into(&mut harness, "Action 1: what you will do", "Meet monthly");
        harness.get_by_label("Action 1: look-back date").focus();
        harness.run();
        harness.key_press(egui::Key::End);
        for _ in 0..10 {
            harness.key_press(egui::Key::Backspace);
        }
        harness.run();
        // Not yet a date: the plan is not kept, and says why.
        harness
            .get_by_label("Action 1: look-back date")
            .type_text("2027-01");
        harness.run();
        press(&mut harness, "Save your plan");
        assert!(
            harness
                .query_by_label_contains("enter the look-back date as year-month-day")
                .is_some()
        );
        harness.get_by_label("Action 1: look-back date").focus();
        harness.key_press(egui::Key::End);
        harness
            .get_by_label("Action 1: look-back date")
            .type_text("-05");
        harness.run();
        press(&mut harness, "Save your plan");
        assert!(matches!(
            harness.state().screen(),
            Screen::Assess(AssessPage::Home)
        ));
        harness.state_mut().flush_saves();
    }
    {
        // Before the date, nothing is asked.
        let harness = app_on("2027-01-04", Some(dir.path()));
        let plan = &harness.state().progress().collaboration.assessments[0].plan;
        assert_eq!(
            plan[0].look_back,
            day("2027-01-05"),
            "the date typed is kept"
        );
        assert!(matches!(harness.state().screen(), Screen::Library));
    }
    let mut harness = app_on("2027-01-10", Some(dir.path()));
    assert!(
        matches!(
            harness.state().screen(),
            Screen::Assess(AssessPage::LookBack)
        ),
        "the app asks when opened after the date"
    );
    assert!(shows(&harness, "Action 1: Meet monthly"));
    press(&mut harness, "Save your answer on action 1");
    assert!(shows(
        &harness,
        "Action 1: choose done, partly or not done."
    ));
    press(&mut harness, "Action 1: Done");
    type_into(&mut harness, "Action 1: what changed", "We talk weekly.");
    type_into(&mut harness, "Action 1: what got in the way", "Winter.");
    press(&mut harness, "Save your answer on action 1");
    assert!(shows(&harness, "Nothing is due for look-back."));
    let answer = harness.state().progress().collaboration.assessments[0].plan[0]
        .answer
        .clone()
        .unwrap();
    assert_eq!(answer.answered_on, day("2027-01-10"));
    assert_eq!(answer.changed, "We talk weekly.");

    // Assessed again: the first foundation is now Partly.
    press(&mut harness, "Assess Riverside again");
    press(&mut harness, "Partly");
    harness
        .state_mut()
        .apply(Action::Assess(AssessAction::Show(AssessPage::Plan {
            index: 1,
        })));
    harness.run();
    assert!(shows(&harness, "What moved since 2026-12-01"));
    assert!(
        harness
            .query_by_label_contains(
                "Shared common purpose: Missing to Partly (towards Present, 1 step)"
            )
            .is_some()
    );
    assert!(shows(&harness, "Barriers gone: Power struggles."));

    // The history is in My record.
    press(&mut harness, "My record");
    assert!(shows(&harness, "Riverside, 2026-12-01"));
    assert!(shows(&harness, "• Meet monthly (Done: We talk weekly.)"));
    harness.state_mut().flush_saves();
    let text = std::fs::read_to_string(dir.path().join("progress.ron")).unwrap();
    assert!(text.contains("format: 3") && text.contains("We talk weekly."));
}

fn member(verdicts: &[(usize, Verdict)]) -> Assessment {
    let model = model();
    let mut a = Assessment::new("Riverside", day("2026-12-01"));
    for (i, verdict) in verdicts {
        a.factors.insert(
            model.factors[*i].id.clone(),
            FactorReading {
                verdict: Some(*verdict),
                ..FactorReading::default()
            },
        );
    }
    a
}

#[test]
fn the_team_import_shows_the_spread_and_a_file_set_aside() {
    let model = model();
    let team = tempfile::tempdir().unwrap();
    let files = [
        (
            "sam.ron",
            member(&[(0, Verdict::Present), (1, Verdict::Present)]),
            "1",
        ),
        (
            "kim.ron",
            member(&[(0, Verdict::Missing), (1, Verdict::Present)]),
            "2",
        ),
    ];
    for (name, assessment, id) in &files {
        let export = Export {
            participant: None,
            partnership: false,
            export_id: Some(id),
        };
        let text = assessment_file::to_text(assessment, export).unwrap();
        std::fs::write(team.path().join(name), text).unwrap();
    }
    std::fs::write(
        team.path().join("broken.ron"),
        "Assessment(format: 1, made_on: \"2026-13-01\")",
    )
    .unwrap();

    let mut harness = app_on("2026-12-01", None);
    press(&mut harness, "Assess your own collaboration");
    press(&mut harness, "The team's view");
    choose(&mut harness, team.path().to_path_buf());
    press(&mut harness, "Import a folder of team files");
    assert!(shows(&harness, "Counted 2 files; set aside 1."));
    // The factor the team splits on comes first.
    let first = format!(
        "1. {}: Present 1, Partly 0, Missing 1, Can't tell 0.",
        model.factors[0].name
    );
    assert!(shows(&harness, &first), "{first}");
    assert!(shows(&harness, "Files set aside"));
    assert!(harness.query_by_label_contains("broken.ron").is_some());

    // Your own assessment saved as a file: anonymous, no partnership, no notes.
    press(&mut harness, "Library");
    assess_to_a_plan(&mut harness, "Riverside secret");
    press(&mut harness, "Back to the barriers");
    harness
        .state_mut()
        .apply(AssessAction::Show(AssessPage::Team).into());
    harness.run();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("mine.ron");
    choose(&mut harness, path.clone());
    press(&mut harness, "Save your assessment file");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Assessment("));
    assert!(!text.contains("Riverside secret") && !text.contains("participant"));
    assert!(
        harness
            .query_by_label_contains("Your assessment file was saved as mine.ron")
            .is_some()
    );
    let read = assessment_file::parse(&text, "mine.ron", &model).unwrap();
    assert_eq!(
        read.assessment.verdict(&model.factors[0].id),
        Some(Verdict::Missing)
    );
}

fn change_file(history: &History, name: Option<&str>) -> String {
    let report =
        ChangeReport::from_history(&model(), history, name, ShareChoices::default()).unwrap();
    assessment_file::changes_to_text(&report).unwrap()
}

#[test]
fn a_course_team_imports_what_changed_and_saves_the_summary() {
    let model = model();
    let mut assessment = member(&[(0, Verdict::Missing)]);
    assessment
        .plan
        .push(collab_casebook::domain::assessment::Action {
            factor: Some(FactorId::new(model.factors[0].id.as_str())),
            what: "Agree one target".to_owned(),
            with_whom: "Private person".to_owned(),
            look_back: day("2027-01-05"),
            answer: None,
        });
    let history = History {
        assessments: vec![assessment],
    };
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("a.ron"),
        change_file(&history, Some("Sam")),
    )
    .unwrap();
    std::fs::write(
        folder.path().join("b.ron"),
        change_file(&history, Some("Kim")),
    )
    .unwrap();
    std::fs::write(
        folder.path().join("c.ron"),
        change_file(&history, Some("Kim")),
    )
    .unwrap();

    let mut harness = app_on("2027-02-01", None);
    press(&mut harness, "Assess your own collaboration");
    press(&mut harness, "Say what changed");
    choose(&mut harness, folder.path().to_path_buf());
    press(&mut harness, "Import a folder of \"what changed\" files");
    assert!(shows(&harness, "Counted 2 reports; set aside 1."));
    assert!(
        harness
            .query_by_label_contains(&format!("{}: 2 leaders, 2 actions", model.factors[0].name))
            .is_some()
    );
    assert!(harness.query_by_label_contains("already counted").is_some());

    let out = tempfile::tempdir().unwrap();
    choose(&mut harness, out.path().to_path_buf());
    press(&mut harness, "Save the cohort summary");
    for ext in ["md", "html", "csv"] {
        let path = out.path().join(format!("what-changed-2027-02-01.{ext}"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&model.factors[0].name), "{ext}");
        assert!(!text.contains("Private person"), "{ext}");
    }
    let csv = std::fs::read_to_string(out.path().join("what-changed-2027-02-01.csv")).unwrap();
    assert!(csv.contains("Agree one target"));
    assert!(
        harness
            .query_by_label_contains("The cohort summary was saved as")
            .is_some()
    );

    // With no assessment of your own, there is nothing of yours to say yet.
    harness
        .state_mut()
        .apply(Action::Assess(AssessAction::Share(
            ShareAction::SaveChanges,
        )));
    harness.run();
    assert!(shows(
        &harness,
        "Assess a partnership and make a plan first."
    ));
}

#[test]
fn share_actions_ask_the_platform_as_values() {
    let mut app_state = collab_casebook::ui::state::State::new(
        model(),
        collab_casebook::io::bundled_cases(&model()),
    );
    let effects = collab_casebook::ui::app::update(
        &mut app_state,
        ShareAction::ReadTeam(vec![PathBuf::from("team")]).into(),
    );
    assert_eq!(
        effects,
        [Effect::ReadCollabFiles {
            kind: CollabFiles::Team,
            paths: vec![PathBuf::from("team")],
        }]
    );
    let effects =
        collab_casebook::ui::app::update(&mut app_state, ShareAction::ImportChanges.into());
    assert_eq!(
        effects,
        [Effect::Ask {
            dialog: Dialog::Collab(CollabDialog::ImportChanges),
            file_name: None,
            folder: None,
        }]
    );
    // Typing into an assessment is a change to the record, saved as the user goes.
    app_state.assess.new_name = "Riverside".to_owned();
    let effects = collab_casebook::ui::app::update(&mut app_state, AssessAction::Start.into());
    assert!(effects.contains(&Effect::RecordChanged));
    assert_eq!(app_state.progress.collaboration.assessments.len(), 1);
}

/// Every page of your own collaboration, each in a state that shows its controls, from the
/// library: `each` is called on each page with its name. The accessibility, headings and
/// keyboard tests walk the same list.
pub(crate) fn visit_pages(harness: &mut App, mut each: impl FnMut(&mut App, &str)) {
    if harness.query_by_label("Library").is_some() {
        press(harness, "Library");
    }
    press(harness, "Assess your own collaboration");
    each(harness, "your own collaboration");
    type_into(harness, "Name of the partnership", "Riverside");
    press(harness, "Start assessment");
    press(harness, "Missing");
    each(harness, "assessing a factor");
    harness
        .state_mut()
        .apply(AssessAction::Show(AssessPage::Barriers { index: 0 }).into());
    harness.run();
    press(harness, "Power struggles");
    each(harness, "barriers");
    press(harness, "Next: your plan");
    press(harness, "Add an action of your own");
    each(harness, "the plan");
    // An action due today, to look back on.
    let today = harness.state().state().now.today.clone();
    harness.state_mut().apply(
        AssessAction::SetActionField(
            0,
            0,
            collab_casebook::ui::features::assess::ActionField::LookBack,
            today,
        )
        .into(),
    );
    harness
        .state_mut()
        .apply(AssessAction::Show(AssessPage::LookBack).into());
    harness.run();
    each(harness, "look back");
    harness
        .state_mut()
        .apply(AssessAction::Show(AssessPage::Team).into());
    harness.run();
    each(harness, "the team's view");
    press(harness, "Back to your own collaboration");
    press(harness, "Say what changed");
    each(harness, "say what changed");
    press(harness, "Back to your own collaboration");
}

#[test]
fn with_no_file_dialog_your_files_go_to_the_exports_folder_and_the_message_names_them() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = crate::common::app_harness_with_store(data.path());
    harness
        .state_mut()
        .set_dialogs(Box::new(|_: &Dialog, _, _| Picked::Unavailable));
    press(&mut harness, "Assess your own collaboration");
    type_into(&mut harness, "Name of the partnership", "Riverside");
    press(&mut harness, "Start assessment");
    press(&mut harness, "Partly");
    harness
        .state_mut()
        .apply(AssessAction::Show(AssessPage::Team).into());
    harness.run();
    press(&mut harness, "Save your assessment file");
    let today = harness.state().state().now.today.clone();
    let exports = data.path().join("exports");
    let name = format!("assessment-{today}.ron");
    assert!(
        exports.join(&name).exists(),
        "saved in {}",
        exports.display()
    );
    let said = format!(
        "Your assessment file was saved as {name} in {}. Give it to your team lead.",
        exports.display()
    );
    assert!(shows(&harness, &said), "{said}");
    assert!(shows(&harness, "Open the folder for message 1"));

    press(&mut harness, "Back to your own collaboration");
    press(&mut harness, "Say what changed");
    press(&mut harness, "Save your \"what changed\" file");
    assert!(exports.join(format!("what-changed-{today}.ron")).exists());
}

#[test]
fn at_200_percent_text_and_in_every_theme_the_pages_keep_their_controls() {
    use collab_casebook::ui::SettingsAction;
    use collab_casebook::ui::theme::ThemeChoice;
    let mut harness = crate::common::app_harness();
    harness
        .state_mut()
        .apply(Action::Settings(SettingsAction::SetZoom(2.0)));
    harness.run();
    let mut seen = 0;
    visit_pages(&mut harness, |_, _| seen += 1);
    assert_eq!(seen, 7, "every page reached by label at 200%");
    for theme in [ThemeChoice::Dark, ThemeChoice::HighContrast] {
        harness
            .state_mut()
            .apply(Action::Settings(SettingsAction::SetTheme(theme)));
        harness.run();
        visit_pages(&mut harness, |harness, page| {
            assert!(
                harness
                    .query_all_by_role(egui::accesskit::Role::Button)
                    .count()
                    > 3,
                "{theme:?}: {page}"
            );
        });
    }
}

#[test]
fn continue_picks_up_at_the_first_factor_not_yet_marked() {
    let mut harness = app_on("2026-12-01", None);
    press(&mut harness, "Assess your own collaboration");
    press(&mut harness, "Start assessment");
    assert!(shows(&harness, "Enter the name of the partnership."));
    type_into(&mut harness, "Name of the partnership", "Riverside");
    press(&mut harness, "Start assessment");
    press(&mut harness, "Missing");
    press(&mut harness, "Next factor");
    press(&mut harness, "Present");
    press(&mut harness, "Your own collaboration");
    assert!(shows(
        &harness,
        "1. Riverside, 2026-12-01: 2 of 9 factors marked, 0 actions."
    ));
    press(&mut harness, "Continue assessment 1");
    assert_eq!(
        harness.state().screen(),
        &Screen::Assess(AssessPage::Factor {
            index: 0,
            factor: 2
        })
    );
}
