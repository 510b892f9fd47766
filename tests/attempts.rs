//! Attempt files and the session record: every reason an attempt is set aside, round trips,
//! and escaping in reports.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{bundled, model};
use collab_casebook::domain::{Attempt, Confidence, Verdict};
use collab_casebook::io::attempt_file::{self, Gathered, Rejection};
use collab_casebook::io::session_record::{self, Session};

fn sample(case: &collab_casebook::domain::Case) -> Attempt {
    let mut attempt = Attempt::new(case);
    let Some(first) = case.answers.first() else {
        return attempt;
    };
    attempt.set_verdict(&first.factor, Some(Verdict::Partly));
    attempt.set_confidence(&first.factor, Some(Confidence::Medium));
    if let Some(passage) = first.evidence.first() {
        attempt.toggle_evidence(&first.factor, passage);
    }
    attempt.set_note(
        &first.factor,
        "A note with \"quotes\" and a \\ backslash".to_owned(),
    );
    attempt
}

#[test]
fn an_attempt_file_round_trips() {
    let model = model();
    let case = bundled("universal-credit");
    let attempt = sample(&case);
    let text = attempt_file::to_text(&attempt, Some("Table 2")).unwrap();
    let record = attempt_file::parse(&text, "a.ron", &model).unwrap();
    assert_eq!(record.attempt, attempt);
    assert_eq!(record.participant.as_deref(), Some("Table 2"));
}

#[test]
fn each_reason_for_setting_an_attempt_aside() {
    let model = model();
    let case = bundled("universal-credit");
    let other = bundled("virginia-childrens-services");
    let mut gathered = Gathered::default();
    let good = attempt_file::to_text(&sample(&case), None).unwrap();

    gathered.offer(attempt_file::parse(&good, "good.ron", &model), &case);
    // The same marks again, in another file.
    gathered.offer(attempt_file::parse(&good, "copy.ron", &model), &case);
    // Another case.
    gathered.offer(
        attempt_file::parse(
            &attempt_file::to_text(&sample(&other), None).unwrap(),
            "other.ron",
            &model,
        ),
        &case,
    );
    // Another version.
    let mut old = sample(&case);
    old.case_version = case.version + 1;
    gathered.offer(
        attempt_file::parse(
            &attempt_file::to_text(&old, None).unwrap(),
            "old.ron",
            &model,
        ),
        &case,
    );
    // Broken: a syntax error, with its position.
    gathered.offer(
        attempt_file::parse("Attempt(format: 1, case: \"x\"", "broken.ron", &model),
        &case,
    );
    // Broken: a factor the model does not have.
    let unknown = good.replace("\"common-purpose\"", "\"no-such-factor\"");
    gathered.offer(attempt_file::parse(&unknown, "unknown.ron", &model), &case);

    assert_eq!(gathered.accepted.len(), 1);
    assert_eq!(gathered.accepted[0].file, "good.ron");
    let messages: Vec<String> = gathered.rejected.iter().map(ToString::to_string).collect();
    assert!(
        matches!(&gathered.rejected[0], Rejection::Duplicate { other, .. } if other == "good.ron"),
        "{messages:?}"
    );
    assert!(matches!(&gathered.rejected[1], Rejection::OtherCase { .. }));
    assert!(
        messages[1]
            .contains("is for the case \"virginia-childrens-services\", not \"universal-credit\"")
    );
    assert!(matches!(
        &gathered.rejected[2],
        Rejection::OtherVersion { .. }
    ));
    assert!(
        matches!(&gathered.rejected[3], Rejection::Broken(e) if e.lines()[0].starts_with("broken.ron:1:")),
        "{messages:?}"
    );
    assert!(messages[4].contains("\"no-such-factor\" is not a factor of the model"));
}

#[test]
fn two_different_anonymous_attempts_are_both_counted() {
    let model = model();
    let case = bundled("universal-credit");
    let mut second = sample(&case);
    second.set_verdict(&case.answers[1].factor, Some(Verdict::Missing));
    let mut gathered = Gathered::default();
    gathered.offer(
        attempt_file::parse(
            &attempt_file::to_text(&sample(&case), None).unwrap(),
            "1.ron",
            &model,
        ),
        &case,
    );
    gathered.offer(
        attempt_file::parse(
            &attempt_file::to_text(&second, None).unwrap(),
            "2.ron",
            &model,
        ),
        &case,
    );
    assert_eq!((gathered.accepted.len(), gathered.rejected.len()), (2, 0));
}

#[test]
fn reports_escape_case_text_and_list_every_factor() {
    let model = model();
    let mut case = bundled("hospital-discharge-short");
    case.title = "<script>alert('x')</script> & *bold* [link](http://x)".to_owned();
    case.questions = vec!["<img src=x onerror=alert(1)>".to_owned()];
    let room = BTreeMap::new();
    let session = Session {
        model: &model,
        case: &case,
        room: &room,
        agenda: &[],
        revealed: &BTreeSet::new(),
        files_counted: 0,
        rejected: &[],
        date: "2026-11-28",
    };
    let html = session_record::html(&session);
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "markup from the case is escaped"
    );
    assert!(html.contains("&lt;script&gt;"));
    let markdown = session_record::markdown(&session);
    assert!(
        markdown.contains("\\<script\\>")
            && markdown.contains("\\*bold\\*")
            && markdown.contains("\\[link\\]")
    );
    for factor in &model.factors {
        assert!(html.contains(&factor.name), "{} in the HTML", factor.name);
        assert!(
            markdown.contains(&factor.name),
            "{} in the Markdown",
            factor.name
        );
    }
    let csv = session_record::csv(&session).unwrap();
    assert_eq!(csv.lines().count(), 1 + model.factors.len());
    assert!(csv.lines().nth(1).unwrap().starts_with(&format!(
        "hospital-discharge-short,{},2026-11-28,common-purpose,",
        case.version
    )));
}

#[test]
fn saving_a_record_twice_never_overwrites() {
    let model = model();
    let case = bundled("hospital-discharge-short");
    let room = BTreeMap::new();
    let revealed = BTreeSet::new();
    let session = Session {
        model: &model,
        case: &case,
        room: &room,
        agenda: &[],
        revealed: &revealed,
        files_counted: 0,
        rejected: &[],
        date: "2026-11-28",
    };
    let dir = tempfile::tempdir().unwrap();
    let first = session_record::write(dir.path(), &session).unwrap();
    let second = session_record::write(dir.path(), &session).unwrap();
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|p| !second.contains(p)));
    assert!(second[0].to_string_lossy().ends_with("-2.md"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 6);
}
