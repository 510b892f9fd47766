//! What the browser build shares with the desktop, tested natively: links that open a
//! case or a seminar, and picked files checked in slices as the desktop checks files.

use collab_casebook::CasebookApp;
use collab_casebook::io::load::{self, TextLoad};
use collab_casebook::io::{CaseOrigin, FileError, Problem, ProblemKind};
use collab_casebook::ui::Screen;
use collab_casebook::ui::launch::Launch;

use crate::common::model;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn a_case_link_opens_the_case_for_marking() {
    let mut app = CasebookApp::with_model(model());
    app.launch(&Launch::from_pairs(pairs(&[("case", "universal-credit")])));
    match app.screen() {
        Screen::Case { case, factor, .. } => {
            assert_eq!(case.as_str(), "universal-credit");
            assert_eq!(*factor, 0);
        }
        other => panic!("expected the case screen, got {other:?}"),
    }
}

#[test]
fn a_seminar_link_starts_a_seminar_and_wins_over_a_case() {
    let mut app = CasebookApp::with_model(model());
    app.launch(&Launch::from_pairs(pairs(&[
        ("case", "test-and-trace"),
        ("seminar", "universal-credit"),
    ])));
    assert!(
        matches!(app.screen(), Screen::Seminar),
        "{:?}",
        app.screen()
    );
    assert!(app.seminar().is_some());
}

#[test]
fn a_link_to_a_case_the_library_lacks_is_said_and_nothing_opens() {
    let mut app = CasebookApp::with_model(model());
    let long = "x".repeat(500);
    app.launch(&Launch::from_pairs(pairs(&[("case", &long)])));
    assert!(matches!(app.screen(), Screen::Library));
    let status = app.state().status.clone().unwrap();
    assert!(status.contains("does not have"), "{status}");
    assert!(status.len() < 300, "the id is cut short: {status}");
}

#[test]
fn link_parameters_keep_the_first_of_each_and_skip_empty_and_unknown_ones() {
    let launch = Launch::from_pairs(pairs(&[
        ("case", "  "),
        ("other", "x"),
        ("case", " school-move "),
        ("case", "later"),
    ]));
    assert_eq!(launch.case.as_deref(), Some("school-move"));
    assert_eq!(launch.seminar, None);
    let mut app = CasebookApp::with_model(model());
    app.launch(&Launch::default());
    assert!(matches!(app.screen(), Screen::Library));
    assert_eq!(app.state().status, None);
}

fn bundled_text(name: &str) -> Vec<u8> {
    std::fs::read(format!("scenarios/{name}")).unwrap()
}

#[test]
fn picked_files_are_checked_in_slices_with_the_desktop_rules() {
    let model = model();
    let files = vec![
        (
            "school-move.ron".to_owned(),
            Ok(bundled_text("school-move.ron")),
        ),
        ("broken.ron".to_owned(), Ok(b"Case(id: \"x\",".to_vec())),
        ("latin1.ron".to_owned(), Ok(vec![b'C', 0xe9, b'('])),
        ("again.ron".to_owned(), Ok(bundled_text("school-move.ron"))),
        (
            "huge.ron".to_owned(),
            Ok(vec![
                b' ';
                usize::try_from(load::MAX_CASE_BYTES).unwrap() + 1
            ]),
        ),
        (
            "unreadable.ron".to_owned(),
            Err(FileError::single(
                "unreadable.ron",
                Problem::whole_file(ProblemKind::Read {
                    reason: "NotReadableError".to_owned(),
                }),
            )),
        ),
    ];
    let mut slices = TextLoad::new(files.clone());
    assert_eq!(slices.remaining(), 6);
    assert!(!slices.step(&model, 2));
    assert_eq!(slices.remaining(), 4);
    let sliced = slices.finish(&model);
    assert_eq!(
        sliced,
        load::load_bytes(files, &model),
        "slices change nothing"
    );

    assert_eq!(sliced.files_read, 6);
    assert_eq!(sliced.cases.len(), 1);
    assert_eq!(
        sliced.cases[0].origin,
        CaseOrigin::File("school-move.ron".into()),
        "the first file to give the id keeps it"
    );
    let problem = |file: &str| {
        sliced
            .errors
            .iter()
            .find(|e| e.file == file)
            .unwrap_or_else(|| panic!("no problem for {file}: {:?}", sliced.errors))
    };
    let broken = &problem("broken.ron").problems[0];
    assert!(
        broken.position.is_some(),
        "a parse problem has a line and column"
    );
    assert!(matches!(
        problem("latin1.ron").problems[0].kind,
        ProblemKind::NotText
    ));
    assert!(matches!(
        problem("again.ron").problems[0].kind,
        ProblemKind::CaseIdTaken { .. }
    ));
    assert!(matches!(
        problem("huge.ron").problems[0].kind,
        ProblemKind::TooLarge { .. }
    ));
    assert!(matches!(
        problem("unreadable.ron").problems[0].kind,
        ProblemKind::Read { .. }
    ));
    // The problems view shows lines from the text as it was checked.
    assert!(sliced.problem_texts.iter().any(|(f, _)| f == "broken.ron"));
}

#[test]
fn no_more_than_the_folder_limit_of_picked_files_is_taken() {
    let files = (0..=load::MAX_FILES)
        .map(|n| (format!("{n}.ron"), Ok(Vec::new())))
        .collect();
    let report = load::load_bytes(files, &model());
    assert_eq!(report.files_read, load::MAX_FILES);
    assert!(
        report
            .errors
            .iter()
            .any(|e| matches!(e.problems[0].kind, ProblemKind::TooManyFiles { .. }))
    );
}

#[test]
fn a_case_link_leaves_a_trainee_where_the_record_left_them_in_that_case() {
    let mut app = CasebookApp::with_model(model());
    let launch = Launch::from_pairs(pairs(&[("case", "universal-credit")]));
    app.launch(&launch);
    app.apply(collab_casebook::ui::CaseAction::SelectFactor(3).into());
    // As after a reload that restored the place: the link changes nothing.
    app.launch(&launch);
    assert!(
        matches!(app.screen(), Screen::Case { factor: 3, .. }),
        "{:?}",
        app.screen()
    );
}

/// The SCORM package's suspend data for the real library, marked as fully as a trainee
/// could mark it: every bundled case, every factor with a verdict, High confidence, the
/// model's evidence and three more paragraphs, and a check on each. It fits SCORM 1.2's
/// 4,096 characters with nothing left out (the figure is in README, "Put it in your LMS").
#[test]
fn the_whole_library_marked_in_full_fits_the_suspend_data_limit() {
    use collab_casebook::domain::lms::{SUSPEND_DATA_LIMIT, SuspendData};
    use collab_casebook::domain::progress::{CheckedAttempt, Progress};
    use collab_casebook::domain::{Attempt, Case, Confidence, Verdict};

    let model = model();
    let report = collab_casebook::io::bundled_cases(&model);
    let cases: Vec<&Case> = report.cases.iter().map(|c| &c.case).collect();
    let mut progress = Progress::default();
    for case in &cases {
        let mut attempt = Attempt::new(case);
        let passages: Vec<_> = case.passages().map(|p| p.id.clone()).collect();
        for (i, factor) in model.factors.iter().enumerate() {
            attempt.set_verdict(&factor.id, Some(Verdict::Partly));
            attempt.set_confidence(&factor.id, Some(Confidence::High));
            let cited = case
                .answer(&factor.id)
                .map(|a| a.evidence.clone())
                .unwrap_or_default();
            for passage in cited.iter().chain(passages.iter().skip(i * 3).take(3)) {
                if attempt
                    .mark(&factor.id)
                    .is_none_or(|m| !m.evidence.contains(passage))
                {
                    attempt.toggle_evidence(&factor.id, passage);
                }
            }
        }
        progress.history.push(CheckedAttempt {
            when: chrono::DateTime::UNIX_EPOCH,
            attempt: attempt.clone(),
            agreement: Some(0.5),
            confident_and_wrong: 0,
            misjudged: Vec::new(),
        });
        progress.attempts.insert(case.id.clone(), attempt);
    }
    let data = SuspendData::of(&model, &cases, &[], &progress);
    let encoded = data.encode(model.factors.len(), &[]);
    assert_eq!(data.cases.len(), cases.len());
    assert!(encoded.evidence_left_out.is_empty() && encoded.cases_left_out.is_empty());
    assert!(encoded.text.len() <= SUSPEND_DATA_LIMIT);
    let per_case = encoded.text.len() / cases.len();
    println!(
        "{} cases: {} characters of suspend data, {per_case} a case",
        cases.len(),
        encoded.text.len()
    );
    // Read back, every mark is there.
    let back = SuspendData::decode(&encoded.text, model.factors.len()).unwrap();
    assert_eq!(back, data);
}
