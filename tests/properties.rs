//! Property tests for the domain: scoring stays in bounds, feedback order holds, and
//! attempt files and the progress store round-trip, for any marks at all.

use std::collections::BTreeMap;

use crate::common::{bundled, model};
use collab_casebook::domain::feedback::compare;
use collab_casebook::domain::progress::Progress;
use collab_casebook::domain::seminar::{self, Tally};
use collab_casebook::domain::{Agreement, Attempt, Case, Confidence, Feedback, Verdict};
use collab_casebook::io::{attempt_file, store};
use proptest::prelude::*;

fn verdict() -> impl Strategy<Value = Verdict> {
    prop::sample::select(Verdict::ALL.to_vec())
}

fn confidence() -> impl Strategy<Value = Option<Confidence>> {
    prop::option::of(prop::sample::select(Confidence::ALL.to_vec()))
}

/// Any marks on the case: per factor an optional verdict and confidence, some evidence and
/// a note of any text.
fn attempt_on(case: Case) -> impl Strategy<Value = Attempt> {
    let factors = case.answers.len();
    let passages: Vec<_> = case.passages().map(|p| p.id.clone()).collect();
    let count = passages.len();
    prop::collection::vec(
        (
            prop::option::of(verdict()),
            confidence(),
            prop::collection::vec(0..count, 0..4),
            ".{0,40}",
        ),
        factors,
    )
    .prop_map(move |marks| {
        let mut attempt = Attempt::new(&case);
        for (answer, (verdict, confidence, evidence, note)) in case.answers.iter().zip(marks) {
            attempt.set_verdict(&answer.factor, verdict);
            attempt.set_confidence(&answer.factor, confidence);
            for passage in evidence.into_iter().filter_map(|index| passages.get(index)) {
                attempt.toggle_evidence(&answer.factor, passage);
            }
            attempt.set_note(&answer.factor, note);
        }
        attempt
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn agreement_is_symmetric_and_credit_is_zero_half_or_one(a in verdict(), b in verdict()) {
        prop_assert_eq!(compare(a, b), compare(b, a));
        let credit = compare(a, b).credit().unwrap();
        prop_assert!(credit == 0.0 || credit == 0.5 || credit == 1.0);
        prop_assert_eq!(credit == 1.0, a == b);
    }

    #[test]
    fn overall_agreement_stays_between_zero_and_one_and_order_puts_sure_mistakes_first(
        attempt in attempt_on(bundled("universal-credit"))
    ) {
        let model = model();
        let case = bundled("universal-credit");
        let feedback = Feedback::new(&model, &case, &attempt);
        prop_assert_eq!(feedback.factors.len(), model.factors.len());
        let agreement = feedback.agreement.unwrap();
        prop_assert!((0.0..=1.0).contains(&agreement));
        // Everything sure-and-wrong comes before everything else.
        let first_other = feedback.factors.iter().position(|f| !f.confident_and_wrong()).unwrap_or(feedback.factors.len());
        prop_assert!(feedback.factors[first_other..].iter().all(|f| !f.confident_and_wrong()));
        // Full agreement comes last.
        let first_agree = feedback.factors.iter().position(|f| f.agreement == Agreement::Agree).unwrap_or(feedback.factors.len());
        prop_assert!(feedback.factors[first_agree..].iter().all(|f| f.agreement == Agreement::Agree));
        // Found and missed evidence are exactly the model's evidence.
        for item in &feedback.factors {
            let answer = case.answer(&item.factor).unwrap();
            prop_assert_eq!(item.found.len() + item.missed.len(), answer.evidence.len());
        }
    }

    #[test]
    fn attempt_files_round_trip(attempt in attempt_on(bundled("hospital-discharge-short")), label in prop::option::of("[a-zA-Z0-9 ]{1,20}")) {
        let model = model();
        let text = attempt_file::to_text(&attempt, label.as_deref()).unwrap();
        let record = attempt_file::parse(&text, "a.ron", &model).unwrap();
        let mut expected = attempt.clone();
        expected.marks.retain(|_, mark| !mark.is_blank());
        prop_assert_eq!(record.attempt, expected);
        let trimmed = label.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty());
        prop_assert_eq!(record.participant, trimmed);
    }

    #[test]
    fn the_progress_store_round_trips(attempt in attempt_on(bundled("total-place"))) {
        let model = model();
        let case = bundled("total-place");
        let mut progress = Progress::default();
        progress.attempts.insert(case.id.clone(), attempt.clone());
        let feedback = Feedback::new(&model, &case, &attempt);
        let when = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap();
        progress.record_check(&case, &attempt, &feedback, when);
        let dir = tempfile::tempdir().unwrap();
        let (mut handle, _, _) = store::Store::open(dir.path(), "t").unwrap();
        handle.save(&progress).unwrap();
        drop(handle);
        let (_handle, loaded, notice) = store::Store::open(dir.path(), "t").unwrap();
        prop_assert!(notice.is_none());
        prop_assert_eq!(loaded, progress);
    }

    #[test]
    fn split_and_departure_stay_in_bounds_and_the_agenda_is_sorted(
        counts in prop::collection::vec((0u32..30, 0u32..30, 0u32..30, 0u32..30), 9)
    ) {
        let model = model();
        let case = bundled("universal-credit");
        let hands: BTreeMap<_, _> = case
            .answers
            .iter()
            .zip(&counts)
            .map(|(a, &(present, partly, missing, cant_tell))| (a.factor.clone(), Tally { present, partly, missing, cant_tell }))
            .collect();
        for (answer, tally) in case.answers.iter().map(|a| (a, &hands[&a.factor])) {
            let split = seminar::split(tally);
            let departure = seminar::departure(tally, answer.verdict);
            prop_assert!((0.0..=1.0 + 1e-6).contains(&split), "split {split}");
            prop_assert!((0.0..=1.0 + 1e-6).contains(&departure), "departure {departure}");
        }
        let room = seminar::aggregate(&case, &hands, &[]);
        let agenda = seminar::agenda(&model, &case, &room);
        prop_assert!(agenda.windows(2).all(|w| w[0].priority >= w[1].priority));
        let marked = hands.values().filter(|t| t.total() > 0).count();
        prop_assert_eq!(agenda.len(), marked);

        // The room's agenda: with nothing revealed it holds no model answer and says
        // nothing of the model; with everything revealed it is the facilitator's.
        let hidden = seminar::room_agenda(&model, &case, &room, &std::collections::BTreeSet::new());
        prop_assert_eq!(hidden.len(), marked);
        for item in &hidden {
            prop_assert!(item.model.is_none());
            let words = item.words();
            prop_assert!(!words.contains("model") && !words.contains("sure"), "{}", words);
        }
        let all = case.answers.iter().map(|a| a.factor.clone()).collect();
        prop_assert_eq!(seminar::room_agenda(&model, &case, &room, &all), agenda.clone());
        // A show of hands gives no confidence, so no item says who was sure.
        prop_assert!(agenda.iter().all(|i| !i.words().contains("sure")));
    }
}
