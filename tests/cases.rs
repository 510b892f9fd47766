//! The bundled model and cases: every file in scenarios/ is built in and valid, and the
//! content meets what trainers were promised.

use std::collections::BTreeSet;
use std::fs;

use crate::common::{bundled, model};
use collab_casebook::domain::{Audience, CaseKind, FactorGroup};
use collab_casebook::io::{self, load::bundled_file_names};

#[test]
fn the_model_has_five_foundations_and_four_ways_in_with_the_design_ids() {
    let model = model();
    let ids = |group| {
        model
            .group(group)
            .map(|f| f.id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(FactorGroup::Foundation),
        [
            "common-purpose",
            "user-at-the-heart",
            "relationships",
            "sharing-power",
            "senior-vision"
        ]
    );
    assert_eq!(
        ids(FactorGroup::WayIn),
        [
            "external-witness",
            "change-resources",
            "single-data-source",
            "leadership-beyond-powers"
        ]
    );
    for factor in &model.factors {
        assert!(
            (2..=4).contains(&factor.questions.len()),
            "{} has 2 to 4 questions",
            factor.id
        );
        assert!(
            !factor.present_signs.is_empty() && !factor.absent_signs.is_empty(),
            "{}",
            factor.id
        );
        assert!(!factor.summary.trim().is_empty());
    }
    let barriers: BTreeSet<&str> = model.barriers.iter().map(|b| b.id.0.as_str()).collect();
    assert_eq!(
        barriers,
        BTreeSet::from([
            "changes-in-leadership",
            "impatience",
            "institutional-inertia",
            "lack-of-passion-and-time",
            "power-struggles"
        ])
    );
}

#[test]
fn every_file_in_scenarios_is_bundled_and_valid() {
    let model = model();
    let on_disk: BTreeSet<String> = fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ron"))
        .collect();
    let built_in: BTreeSet<String> = bundled_file_names().map(str::to_owned).collect();
    assert_eq!(
        on_disk, built_in,
        "scenarios/ and the bundled list must match"
    );

    let report = io::bundled_cases(&model);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    assert_eq!(report.cases.len(), on_disk.len());
    for loaded in &report.cases {
        let case = &loaded.case;
        assert_eq!(
            case.answers.len(),
            model.factors.len(),
            "{} answers every factor",
            case.id
        );
        assert!(
            !case.sources.is_empty()
                && !case.questions.is_empty()
                && !case.facilitator_notes.is_empty()
        );
        for answer in &case.answers {
            if answer.verdict != collab_casebook::domain::Verdict::CantTell {
                assert!(
                    !answer.evidence.is_empty(),
                    "{}: {} cites evidence",
                    case.id,
                    answer.factor
                );
            }
        }
    }
}

#[test]
fn universal_credit_is_the_full_critique_case() {
    let case = bundled("universal-credit");
    assert_eq!(case.kind, CaseKind::Critique);
    assert!(case.audience.contains(&Audience::SeniorLeaders));
    assert!(case.sections.len() >= 6);
    assert!(
        case.sections.iter().all(|s| s.period.is_some()),
        "every section is dated"
    );
    assert!(case.passage_count() >= 25);
    for answer in &case.answers {
        assert!(
            !answer.evidence.is_empty(),
            "{} cites evidence",
            answer.factor
        );
        assert!(
            answer.would_have_changed.is_some(),
            "{} says what collaboration would have changed",
            answer.factor
        );
    }
    assert!(
        case.sources
            .iter()
            .any(|s| s.reference.as_deref() == Some("HC 621"))
    );
    // Every source is cited by a passage, and every passage names a source.
    assert!(
        uncited_sources(&case).is_empty(),
        "{:?}",
        uncited_sources(&case)
    );
    assert!(case.passages().all(|p| !p.sources.is_empty()));
}

#[test]
fn there_is_a_short_success_case_for_all_grades() {
    let report = io::bundled_cases(&model());
    assert!(report.cases.iter().any(|c| c.case.kind == CaseKind::Success
        && c.case.audience.contains(&Audience::AllGrades)
        && c.case.minutes <= 30));
}

#[test]
fn the_authoring_guide_example_loads_first_time() {
    let text = fs::read_to_string("docs/example-case.ron").unwrap();
    let case = io::parse_case(&text, "docs/example-case.ron", &model()).unwrap();
    assert_eq!(case.id.as_str(), "hospital-discharge");
    assert!(case.composite_note.is_some());
    // The guide shows the example in full, so the two cannot drift apart.
    let guide = fs::read_to_string("docs/authoring.md").unwrap();
    assert!(
        guide.contains(text.trim()),
        "docs/authoring.md includes docs/example-case.ron verbatim"
    );
}

#[test]
fn optional_fields_may_be_written_with_or_without_some() {
    let text = fs::read_to_string("docs/example-case.ron")
        .unwrap()
        .replace(r#"period: "Week 1","#, r#"period: Some("Week 1"),"#);
    let case = io::parse_case(&text, "with-some.ron", &model()).unwrap();
    assert_eq!(case.sections[0].period.as_deref(), Some("Week 1"));
}

#[test]
fn every_case_meets_the_casebook_standard() {
    let model = model();
    for loaded in io::bundled_cases(&model).cases {
        let case = &loaded.case;
        let id = case.id.as_str();
        assert!(case.sections.len() >= 4, "{id}: at least four sections");
        assert!(case.passage_count() >= 12, "{id}: at least twelve passages");
        assert!(
            case.questions.len() >= 3,
            "{id}: three or more discussion questions"
        );
        assert!(
            !case.facilitator_notes.is_empty(),
            "{id}: facilitator notes"
        );
        assert_eq!(
            case.answers.len(),
            model.factors.len(),
            "{id}: every factor answered"
        );
        for answer in &case.answers {
            let wrong = matches!(
                answer.verdict,
                collab_casebook::domain::Verdict::Missing
                    | collab_casebook::domain::Verdict::Partly
            );
            if case.kind == CaseKind::Critique && wrong {
                assert!(
                    answer.would_have_changed.is_some(),
                    "{id}: {} says what collaboration would have changed",
                    answer.factor
                );
            }
        }
        let uncited = uncited_sources(case);
        assert!(
            uncited.is_empty(),
            "{id}: sources not cited by any passage: {uncited:?}"
        );
    }
}

#[test]
fn the_library_shows_every_factor_both_present_and_missing() {
    let model = model();
    let report = io::bundled_cases(&model);
    let cases: Vec<&collab_casebook::domain::Case> = report.cases.iter().map(|c| &c.case).collect();
    for row in collab_casebook::domain::casebook::coverage(&model, &cases) {
        assert!(
            !row.present.is_empty(),
            "some case shows {} present",
            row.factor
        );
        assert!(
            !row.missing.is_empty(),
            "some case shows {} missing",
            row.factor
        );
    }
}

#[test]
fn short_cases_for_junior_grades_exist_and_composites_say_so() {
    let report = io::bundled_cases(&model());
    let short: Vec<_> = report
        .cases
        .iter()
        .filter(|c| c.case.minutes <= 15 && c.case.audience.contains(&Audience::AllGrades))
        .collect();
    assert!(
        short.len() >= 2,
        "two short cases for seminars at junior grades"
    );
    for loaded in &short {
        assert!(
            loaded.case.composite_note.is_some(),
            "{} is a composite and says so",
            loaded.case.id
        );
    }
}

/// The ids of sources that no passage of the case cites.
fn uncited_sources(case: &collab_casebook::domain::Case) -> Vec<&str> {
    let cited: BTreeSet<&str> = case
        .passages()
        .flat_map(|p| {
            p.sources
                .iter()
                .map(collab_casebook::domain::SourceId::as_str)
        })
        .collect();
    case.sources
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| !cited.contains(id))
        .collect()
}

/// The real cases in the library: those without a `composite` note, which every case with
/// invented details must carry.
fn real_cases(report: &io::LoadReport) -> Vec<&collab_casebook::domain::Case> {
    report
        .cases
        .iter()
        .map(|c| &c.case)
        .filter(|c| c.composite_note.is_none())
        .collect()
}

#[test]
fn real_cases_teach_every_factor_both_missing_and_present() {
    use collab_casebook::domain::Verdict;
    let model = model();
    let report = io::bundled_cases(&model);
    let real = real_cases(&report);
    let mut short = Vec::new();
    for factor in &model.factors {
        let cases_with = |verdict: Verdict, uncontested_only: bool| -> Vec<&str> {
            real.iter()
                .filter(|case| {
                    case.answers.iter().any(|a| {
                        a.factor == factor.id
                            && a.verdict == verdict
                            && (!uncontested_only || a.contested.is_none())
                    })
                })
                .map(|case| case.id.as_str())
                .collect()
        };
        let missing = cases_with(Verdict::Missing, true);
        let present = cases_with(Verdict::Present, false);
        if missing.len() < 2 {
            short.push(format!(
                "{}: Missing (not contested) in {missing:?}",
                factor.id
            ));
        }
        if present.len() < 2 {
            short.push(format!("{}: Present in {present:?}", factor.id));
        }
    }
    assert!(
        short.is_empty(),
        "every factor should be Missing (not contested) in at least two real cases and Present in at least two:\n{}",
        short.join("\n")
    );
}

#[test]
fn no_case_gives_all_nine_factors_the_same_verdict() {
    let report = io::bundled_cases(&model());
    for loaded in &report.cases {
        let case = &loaded.case;
        let first = case.answers[0].verdict;
        assert!(
            case.answers.iter().any(|a| a.verdict != first),
            "{}: all nine verdicts are {first:?}, which leaves a room nothing to decide",
            case.id
        );
    }
}
