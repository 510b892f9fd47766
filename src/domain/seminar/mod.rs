//! Seminar mode: the room's marks, gathered from a show of hands and from attempt files,
//! set beside the model; the order and the words of the debrief; the facilitator's timer;
//! and a running seminar as plain data, so it can be saved and resumed.
//!
//! # The debrief order
//!
//! For each factor the room marked, three measures, each from 0 to 1:
//!
//! - **split**: how divided the room is. One minus the share of the most common verdict,
//!   scaled so that a room split evenly across all four verdicts scores 1 and a unanimous
//!   room scores 0: `split = (1 - top / total) / (1 - 1/4)`.
//! - **departure**: how far the room is from the model: one minus the room's mean credit
//!   against the model's verdict, by the same ordinal rules as feedback (same verdict 1,
//!   one step 0.5, otherwise 0). Contested factors have no right answer, so their
//!   departure is 0.
//! - **confident and wrong**: of the attempt files that marked the factor with High
//!   confidence, the share that earned no credit (0 when none did). Show-of-hands tallies
//!   carry no confidence, so only attempt files count here.
//!
//! Each factor is on the agenda for its **strongest** measure, its **reason**. Confident
//! and wrong wins a tie (when above 0), then departure, then split. When all three are 0
//! the reason is that the room agreed.
//!
//! The agenda lists factors the room marked by their strongest measure, highest first.
//! When two factors' strongest measures are equal, the larger second strongest comes first,
//! then the larger third; then the model's order. Measures are compared as exact fractions
//! of whole counts, so equal shares are equal and rounding never changes the order.
//!
//! Why the strongest and not the sum: each item says why it is there, and the order must
//! agree with it. Ranked by the sum, a room split 73% that also differed from the model 42%
//! came above a room split 75%, and both items said only that the room split. Ranked by
//! the strongest measure, a factor is listed by the reason it gives: a 75% split comes
//! above a 73% one, and a factor where everyone who was sure read it differently from the
//! model still comes first.
//!
//! # What the room sees
//!
//! The room must not learn the model's answer from the agenda before it is revealed.
//! [`room_agenda`] counts departure and confident and wrong only for revealed factors
//! (for the others both are 0, and the item holds no model answer), so neither its words
//! nor its order give an answer away. With every factor revealed it is the same as
//! [`agenda`], the facilitator's.
//!
//! # The words
//!
//! [`AgendaItem::words`] says each item as a facilitator would:
//!
//! - What the room said, largest group first ([`room_said`]): "All 12 said Missing.",
//!   "Most of the room said Missing (8 of 12); a third said Present (4).", "Half the room
//!   said ...", "The room split evenly: ..." or "The room was divided: 5 said Missing, 4
//!   said Present and 3 said Partly." Majorities and other groups of 2 or more are named
//!   as a half, a third, two thirds, a quarter or three quarters when they are exactly
//!   that; otherwise by their count.
//! - Where the model can be shown: "The model says Present, as 4 of 12 did." (or "as
//!   everyone did", "which nobody said"), or, for a contested factor, "The case gives two
//!   readings, Partly and Missing, so there is no right answer."
//! - Only when attempt files gave a High confidence and some of them earned no credit: "2
//!   of the 3 people who were sure read it differently from the model." A show of hands
//!   gives no confidence, so it never says this.
//!
//! # Saving a seminar
//!
//! [`SavedSeminar`] is everything a running seminar holds that must survive a restart: the
//! case and its version, the stage, the show of hands, the attempt files counted (their
//! marks, label and file name) and those set aside (with their reasons), the revealed
//! factors, the timer and whether the room view is open. The timer is kept as its length
//! and the time counted, never a clock reading; a restored timer is paused, because the
//! app cannot know how long it was closed, and the facilitator resumes it with one press.
//! [`SavedSeminar::resume_on`] checks it against the case as now open.

mod agenda;
mod saved;
mod timer;

pub use agenda::{
    AGENDA_ORDER, AgendaItem, Reading, Reason, agenda, departure, room_agenda, room_said, split,
};
pub use saved::{CountedAttempt, ResumeProblem, SavedProblem, SavedSeminar, SetAside, Stage};
pub use timer::{Timer, TimerState};

use std::collections::{BTreeMap, BTreeSet};

use super::attempt::{Attempt, Confidence};
use super::case::{Case, PassageId, Verdict};
use super::feedback::{Agreement, compare};
use super::model::FactorId;

/// Counts of each verdict for one factor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    /// How many said Present.
    pub present: u32,
    /// How many said Partly.
    pub partly: u32,
    /// How many said Missing.
    pub missing: u32,
    /// How many said Can't tell.
    pub cant_tell: u32,
}

impl Tally {
    /// The count for one verdict.
    pub fn count(&self, verdict: Verdict) -> u32 {
        match verdict {
            Verdict::Present => self.present,
            Verdict::Partly => self.partly,
            Verdict::Missing => self.missing,
            Verdict::CantTell => self.cant_tell,
        }
    }

    /// The count for one verdict, to change.
    pub fn count_mut(&mut self, verdict: Verdict) -> &mut u32 {
        match verdict {
            Verdict::Present => &mut self.present,
            Verdict::Partly => &mut self.partly,
            Verdict::Missing => &mut self.missing,
            Verdict::CantTell => &mut self.cant_tell,
        }
    }

    /// Everyone counted.
    pub fn total(&self) -> u32 {
        Verdict::ALL
            .iter()
            .fold(0u32, |sum, &v| sum.saturating_add(self.count(v)))
    }

    /// Adds another tally to this one.
    pub fn add(&mut self, other: &Self) {
        for verdict in Verdict::ALL {
            let count = self.count_mut(verdict);
            *count = count.saturating_add(other.count(verdict));
        }
    }
}

/// The room's marks for one factor, from hands and files together.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RoomFactor {
    /// Verdicts counted.
    pub tally: Tally,
    /// How many attempt files marked it with High confidence.
    pub high_confidence: u32,
    /// Of those, how many earned no credit against the model.
    pub high_confidence_wrong: u32,
    /// How many attempt files cited each passage as evidence for it.
    pub evidence: BTreeMap<PassageId, u32>,
}

/// Combines show-of-hands tallies with attempt files, factor by factor. Attempts must
/// already have been checked against the case (see `crate::io::attempt_file`).
pub fn aggregate(
    case: &Case,
    hands: &BTreeMap<FactorId, Tally>,
    attempts: &[&Attempt],
) -> BTreeMap<FactorId, RoomFactor> {
    let passages: BTreeSet<&PassageId> = case.passages().map(|p| &p.id).collect();
    let mut room: BTreeMap<FactorId, RoomFactor> = BTreeMap::new();
    for answer in &case.answers {
        let entry = room.entry(answer.factor.clone()).or_default();
        if let Some(tally) = hands.get(&answer.factor) {
            entry.tally.add(tally);
        }
        for attempt in attempts {
            let Some(mark) = attempt.mark(&answer.factor) else {
                continue;
            };
            if let Some(verdict) = mark.verdict {
                let count = entry.tally.count_mut(verdict);
                *count = count.saturating_add(1);
                if mark.confidence == Some(Confidence::High) {
                    entry.high_confidence += 1;
                    if answer.contested.is_none()
                        && compare(answer.verdict, verdict) == Agreement::Disagree
                    {
                        entry.high_confidence_wrong += 1;
                    }
                }
            }
            for passage in mark.evidence.iter().filter(|p| passages.contains(p)) {
                *entry.evidence.entry(passage.clone()).or_default() += 1;
            }
        }
    }
    room
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::Audience;
    use crate::domain::case::CaseId;
    use crate::domain::fixtures::{self, answer, contested};
    use crate::domain::model::Model;

    fn model() -> Model {
        fixtures::model(&["a", "b", "c"])
    }

    /// a: Present; b: Missing; c: Partly, contested.
    fn case() -> Case {
        let mut case = fixtures::case(
            "c",
            &["p1", "p2"],
            vec![
                answer("a", Verdict::Present, &["p1"]),
                answer("b", Verdict::Missing, &["p1"]),
                contested(answer("c", Verdict::Partly, &["p1"])),
            ],
        );
        case.version = 2;
        case.audience = vec![Audience::SeniorLeaders];
        case.minutes = 60;
        case
    }

    fn tally(present: u32, partly: u32, missing: u32, cant_tell: u32) -> Tally {
        Tally {
            present,
            partly,
            missing,
            cant_tell,
        }
    }

    fn attempt(case: &Case, marks: &[(&str, Verdict, Confidence, &[&str])]) -> Attempt {
        let mut attempt = Attempt::new(case);
        for (factor, verdict, confidence, evidence) in marks {
            let id = FactorId::new(*factor);
            attempt.set_verdict(&id, Some(*verdict));
            attempt.set_confidence(&id, Some(*confidence));
            for passage in *evidence {
                attempt.toggle_evidence(&id, &PassageId::new(*passage));
            }
        }
        attempt
    }

    #[test]
    fn split_is_zero_when_unanimous_and_one_when_even() {
        assert_eq!(split(&tally(10, 0, 0, 0)), 0.0);
        assert_eq!(split(&tally(3, 3, 3, 3)), 1.0);
        assert_eq!(split(&tally(0, 0, 0, 0)), 0.0);
        // Half the room one way, half another: (1 - 1/2) / 0.75 = 2/3.
        assert!((split(&tally(5, 0, 5, 0)) - 2.0 / 3.0).abs() < 1e-6);
    }

    #[test]
    fn departure_uses_the_ordinal_credit() {
        // Model Present: 2 agree (1 each), 2 say Partly (0.5 each): credit 3 of 4.
        assert_eq!(departure(&tally(2, 2, 0, 0), Verdict::Present), 0.25);
        assert_eq!(departure(&tally(0, 0, 4, 0), Verdict::Present), 1.0);
        assert_eq!(departure(&tally(0, 0, 0, 4), Verdict::CantTell), 0.0);
    }

    #[test]
    fn hands_and_files_are_added_together_with_evidence_counts() {
        let case = case();
        let hands = BTreeMap::from([(FactorId::new("a"), tally(3, 1, 0, 0))]);
        let one = attempt(
            &case,
            &[("a", Verdict::Present, Confidence::High, &["p1", "p2"])],
        );
        let two = attempt(
            &case,
            &[
                ("a", Verdict::Missing, Confidence::High, &["p2"]),
                ("b", Verdict::Missing, Confidence::Low, &[]),
            ],
        );
        let room = aggregate(&case, &hands, &[&one, &two]);
        let a = &room[&FactorId::new("a")];
        assert_eq!(a.tally, tally(4, 1, 1, 0));
        assert_eq!((a.high_confidence, a.high_confidence_wrong), (2, 1));
        assert_eq!(a.evidence.get(&PassageId::new("p1")), Some(&1));
        assert_eq!(a.evidence.get(&PassageId::new("p2")), Some(&2));
        assert_eq!(room[&FactorId::new("b")].tally, tally(0, 0, 1, 0));
        assert_eq!(room[&FactorId::new("c")].tally.total(), 0);
    }

    #[test]
    fn agenda_orders_by_the_strongest_measure() {
        let case = case();
        let hands = BTreeMap::from([
            // a (model Present): unanimous and right: every measure 0.
            (FactorId::new("a"), tally(6, 0, 0, 0)),
            // b (model Missing): 3 Present, 3 Missing: split 2/3, departure 1/2.
            (FactorId::new("b"), tally(3, 0, 3, 0)),
            // c (contested): 2 Partly, 2 Missing: split 2/3, departure 0.
            (FactorId::new("c"), tally(0, 2, 2, 0)),
        ]);
        let sure_and_wrong = attempt(&case, &[("a", Verdict::Missing, Confidence::High, &[])]);
        let room = aggregate(&case, &hands, &[&sure_and_wrong]);
        let items = agenda(&model(), &case, &room);
        let order: Vec<&str> = items.iter().map(|i| i.factor.as_str()).collect();
        // a now: 6 Present + 1 Missing: split 4/21, departure 1/7, confident and wrong 1/1:
        // strongest 1. b: strongest 2/3, then 1/2. c: strongest 2/3, then 0.
        assert_eq!(order, ["a", "b", "c"]);
        assert_eq!(items[0].priority, 1.0);
        assert!((items[0].split - 4.0 / 21.0).abs() < 1e-6);
        assert!((items[0].departure - 1.0 / 7.0).abs() < 1e-6);
        assert_eq!(items[0].reason, Reason::ConfidentAndWrong);
        assert!((items[1].priority - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!(items[1].departure, 0.5);
        assert_eq!(items[1].reason, Reason::Split);
        assert!(items[2].contested);
        assert_eq!(items[2].departure, 0.0);
        assert_eq!(items[2].reason, Reason::Split);
    }

    /// a: Present; b: Partly; c: Missing, contested.
    fn split_case() -> Case {
        fixtures::case(
            "split",
            &["p1"],
            vec![
                answer("a", Verdict::Present, &["p1"]),
                answer("b", Verdict::Partly, &["p1"]),
                contested(answer("c", Verdict::Missing, &["p1"])),
            ],
        )
    }

    #[test]
    fn a_75_percent_split_is_never_listed_below_a_73_percent_split() {
        let case = split_case();
        let hands = BTreeMap::from([
            // a (model Present), 20 people: 9 Present, 5 Partly, 6 Missing.
            // split = (1 - 9/20) / 0.75 = 11/15 (73%); departure = 1 - 23/40 = 17/40 (42.5%).
            (FactorId::new("a"), tally(9, 5, 6, 0)),
            // b (model Partly), 16 people: 5 Present, 4 Partly, 7 Missing.
            // split = (1 - 7/16) / 0.75 = 3/4 (75%); departure = 1 - 20/32 = 3/8 (37.5%).
            (FactorId::new("b"), tally(5, 4, 7, 0)),
        ]);
        let room = aggregate(&case, &hands, &[]);
        let items = agenda(&model(), &case, &room);
        // Summed, a came first: 11/15 + 17/40 = 1.158 against 3/4 + 3/8 = 1.125.
        let order: Vec<&str> = items.iter().map(|i| i.factor.as_str()).collect();
        assert_eq!(order, ["b", "a"]);
        assert_eq!(
            (items[0].reason, items[1].reason),
            (Reason::Split, Reason::Split)
        );
        assert_eq!(items[0].split, 0.75);
        assert_eq!(items[0].priority, 0.75);
        assert_eq!(items[0].departure, 0.375);
        assert!((items[1].split - 11.0 / 15.0).abs() < 1e-6);
        assert_eq!(items[1].priority, items[1].split);
        assert_eq!(items[1].departure, 0.425);
        assert_eq!(
            items[0].words(),
            "The room was divided: 7 said Missing, 5 said Present and 4 said Partly. \
             The model says Partly, as 4 of 16 did."
        );
        assert_eq!(
            items[1].words(),
            "The room was divided: 9 said Present, 6 said Missing and 5 said Partly. \
             The model says Present, as 9 of 20 did."
        );
    }

    #[test]
    fn level_strongest_measures_go_by_the_next_strongest_then_the_model_order() {
        let case = split_case();
        let room = aggregate(
            &case,
            &BTreeMap::from([
                // c (contested, 8 people): split 2/3, departure 0.
                (FactorId::new("c"), tally(0, 4, 4, 0)),
                // b (model Partly, 6 people): split 2/3, departure 1/2.
                (FactorId::new("b"), tally(0, 3, 0, 3)),
                // a (model Present, 4 people): split 2/3, departure 1/2 again.
                (FactorId::new("a"), tally(2, 0, 0, 2)),
            ]),
            &[],
        );
        let items = agenda(&model(), &case, &room);
        let order: Vec<&str> = items.iter().map(|i| i.factor.as_str()).collect();
        assert_eq!(order, ["a", "b", "c"]);
        assert_eq!(items[0].priority, items[2].priority);
        assert_eq!((items[0].departure, items[1].departure), (0.5, 0.5));
    }

    #[test]
    fn the_room_said_it_in_words() {
        let cases = [
            (
                tally(4, 0, 8, 0),
                "Two thirds of the room said Missing (8 of 12); a third said Present (4).",
            ),
            (
                tally(7, 0, 5, 0),
                "Most of the room said Present (7 of 12); 5 said Missing.",
            ),
            (
                tally(9, 0, 2, 1),
                "Three quarters of the room said Present (9 of 12); 2 said Missing and 1 person said Can't tell.",
            ),
            (
                tally(2, 0, 6, 0),
                "Three quarters of the room said Missing (6 of 8); a quarter said Present (2).",
            ),
            (
                tally(4, 2, 6, 0),
                "Half the room said Missing (6 of 12); a third said Present (4) and 2 said Partly.",
            ),
            (
                tally(6, 0, 6, 0),
                "The room split evenly: 6 said Present and 6 said Missing.",
            ),
            (
                tally(2, 2, 2, 2),
                "The room split evenly: 2 said Present, 2 said Partly, 2 said Missing and 2 said Can't tell.",
            ),
            (
                tally(5, 4, 3, 0),
                "The room was divided: 5 said Present, 4 said Partly and 3 said Missing.",
            ),
            (tally(0, 0, 12, 0), "All 12 said Missing."),
            (tally(0, 1, 0, 0), "1 person said Partly."),
            (tally(0, 0, 0, 0), "Nobody has marked it yet."),
        ];
        for (tally, words) in cases {
            assert_eq!(room_said(&tally), words, "{tally:?}");
        }
    }

    #[test]
    fn a_show_of_hands_never_says_who_was_sure() {
        let case = case();
        let hands = BTreeMap::from([(FactorId::new("b"), tally(5, 0, 1, 0))]);
        let room = aggregate(&case, &hands, &[]);
        let item = &agenda(&model(), &case, &room)[0];
        assert_eq!(
            (item.sure, item.sure_and_wrong, item.confident_and_wrong),
            (0, 0, 0.0)
        );
        assert_eq!(
            item.words(),
            "Most of the room said Present (5 of 6); 1 person said Missing. \
             The model says Missing, as 1 of 6 did."
        );
        assert_eq!(item.reason, Reason::Departure);
    }

    #[test]
    fn attempt_files_say_how_many_who_were_sure_read_it_differently() {
        let case = case();
        let sure = |verdict| attempt(&case, &[("b", verdict, Confidence::High, &[])]);
        let (one, two, three) = (
            sure(Verdict::Present),
            sure(Verdict::CantTell),
            sure(Verdict::Missing),
        );
        let room = aggregate(&case, &BTreeMap::new(), &[&one, &two, &three]);
        let item = &agenda(&model(), &case, &room)[0];
        assert_eq!((item.sure, item.sure_and_wrong), (3, 2));
        assert_eq!(
            item.words(),
            "The room split evenly: 1 said Present, 1 said Missing and 1 said Can't tell. \
             The model says Missing, as 1 of 3 did. \
             2 of the 3 people who were sure read it differently from the model."
        );
        let room = aggregate(&case, &BTreeMap::new(), &[&one]);
        assert_eq!(
            agenda(&model(), &case, &room)[0].words(),
            "1 person said Present. The model says Missing, which nobody said. \
             The 1 person who was sure read it differently from the model."
        );
    }

    #[test]
    fn the_room_agenda_keeps_unrevealed_answers_out_of_its_words_and_order() {
        let case = case();
        let hands = BTreeMap::from([
            // a (model Present): unanimous and wrong: split 0, departure 1.
            (FactorId::new("a"), tally(0, 0, 6, 0)),
            // b (model Missing): split 2/3, departure 1/2.
            (FactorId::new("b"), tally(3, 0, 3, 0)),
            // c (contested): split 2/3.
            (FactorId::new("c"), tally(0, 3, 3, 0)),
        ]);
        let sure = attempt(&case, &[("a", Verdict::Missing, Confidence::High, &[])]);
        let room = aggregate(&case, &hands, &[&sure]);
        let order = |items: &[AgendaItem]| -> Vec<String> {
            items.iter().map(|i| i.factor.0.clone()).collect()
        };
        let console = agenda(&model(), &case, &room);
        assert_eq!(order(&console), ["a", "b", "c"]);
        assert_eq!(
            console[0].words(),
            "All 7 said Missing. The model says Present, which nobody said. \
             The 1 person who was sure read it differently from the model."
        );

        let hidden = room_agenda(&model(), &case, &room, &BTreeSet::new());
        assert_eq!(order(&hidden), ["b", "c", "a"]);
        assert_eq!(hidden[2].words(), "All 7 said Missing.");
        assert_eq!(
            (
                hidden[2].departure,
                hidden[2].confident_and_wrong,
                hidden[2].sure_and_wrong
            ),
            (0.0, 0.0, 0)
        );
        assert_eq!(hidden[2].reason, Reason::Agreed);
        assert!(hidden.iter().all(|i| i.model.is_none() && !i.contested));
        assert_eq!(
            hidden[1].words(),
            "The room split evenly: 3 said Partly and 3 said Missing."
        );

        let c_shown = room_agenda(
            &model(),
            &case,
            &room,
            &BTreeSet::from([FactorId::new("c")]),
        );
        assert_eq!(
            c_shown[1].words(),
            "The room split evenly: 3 said Partly and 3 said Missing. \
             The case gives two readings, Partly and Missing, so there is no right answer."
        );
        assert!(c_shown[1].contested);

        let all: BTreeSet<FactorId> = ["a", "b", "c"].into_iter().map(FactorId::new).collect();
        assert_eq!(room_agenda(&model(), &case, &room, &all), console);
    }

    #[test]
    fn agenda_ties_keep_the_model_order_and_skip_unmarked_factors() {
        let case = case();
        let hands = BTreeMap::from([
            (FactorId::new("b"), tally(0, 0, 5, 0)),
            (FactorId::new("a"), tally(5, 0, 0, 0)),
        ]);
        let room = aggregate(&case, &hands, &[]);
        let items = agenda(&model(), &case, &room);
        let order: Vec<&str> = items.iter().map(|i| i.factor.as_str()).collect();
        assert_eq!(order, ["a", "b"]);
        assert_eq!(items[0].reason, Reason::Agreed);
        assert_eq!(
            items[0].words(),
            "All 5 said Present. The model says Present, as everyone did."
        );
    }

    #[test]
    fn the_timer_pauses_resumes_and_extends_with_injected_times() {
        let mut timer = Timer::start(300.0, 1000.0);
        assert_eq!(timer.remaining(1060.0), 240.0);
        assert_eq!(timer.display(1060.0), "4:00");
        timer.pause(1060.0);
        assert!(!timer.is_running());
        assert_eq!(timer.remaining(5000.0), 240.0, "paused time does not count");
        timer.resume(5000.0);
        timer.extend(60.0);
        assert_eq!(timer.remaining(5010.5), 289.5);
        assert_eq!(timer.display(5010.5), "4:50");
        assert_eq!(timer.remaining(99_999.0), 0.0, "it stops at zero");
        assert_eq!(timer.display(99_999.0), "0:00");
    }

    #[test]
    fn a_saved_timer_keeps_its_time_left_and_comes_back_paused() {
        let mut timer = Timer::start(300.0, 1000.0);
        timer.extend(60.0);
        let state = timer.state(1090.0);
        assert_eq!(
            state,
            TimerState {
                length: 360.0,
                elapsed: 90.0,
                running: true
            }
        );
        assert_eq!(state.remaining(), 270.0);
        // A restart: the steady clock starts again from anywhere.
        let restored = Timer::restore(state);
        assert!(!restored.is_running());
        assert_eq!(restored.remaining(5.0), 270.0);
        assert_eq!(restored.display(7_000.0), "4:30");
        let mut resumed = restored;
        resumed.resume(10.0);
        assert_eq!(resumed.remaining(40.0), 240.0);

        let nonsense = Timer::restore(TimerState {
            length: f64::NAN,
            elapsed: -5.0,
            running: false,
        });
        assert_eq!((nonsense.length, nonsense.remaining(0.0)), (0.0, 0.0));
        assert_eq!(nonsense.display(0.0), "0:00");
    }

    fn saved(case: &Case) -> SavedSeminar {
        let mut saved = SavedSeminar::new(case);
        saved.stage = Stage::Factor(1);
        saved.hands.insert(FactorId::new("a"), tally(3, 1, 0, 0));
        saved.counted.push(CountedAttempt {
            attempt: attempt(case, &[("a", Verdict::Missing, Confidence::High, &["p2"])]),
            participant: Some("Table 2".to_owned()),
            file: "t2.ron".to_owned(),
        });
        saved.revealed.insert(FactorId::new("a"));
        saved
    }

    #[test]
    fn a_saved_seminar_gives_the_same_room() {
        let case = case();
        let saved = saved(&case);
        let room = saved.room(&case);
        let a = &room[&FactorId::new("a")];
        assert_eq!(a.tally, tally(3, 1, 1, 0));
        assert_eq!((a.high_confidence, a.high_confidence_wrong), (1, 1));
        assert_eq!(a.evidence.get(&PassageId::new("p2")), Some(&1));
        let attempts: Vec<&Attempt> = saved.counted.iter().map(|c| &c.attempt).collect();
        assert_eq!(room, aggregate(&case, &saved.hands, &attempts));
    }

    #[test]
    fn resuming_checks_the_case_and_its_version_and_keeps_the_stage_within_it() {
        let case = case();
        let resumed = saved(&case).resume_on(&case, 3).unwrap();
        assert_eq!(resumed, saved(&case));

        let mut beyond = saved(&case);
        beyond.stage = Stage::Factor(3);
        assert_eq!(beyond.resume_on(&case, 3).unwrap().stage, Stage::Debrief);
        let mut beyond = saved(&case);
        beyond.stage = Stage::Section(1);
        assert_eq!(beyond.resume_on(&case, 3).unwrap().stage, Stage::Debrief);

        let mut newer = case.clone();
        newer.version = 3;
        newer.title = "The Test Case".to_owned();
        let problem = saved(&case).resume_on(&newer, 3).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "The seminar on The Test Case was run on version 2 of the case, and version 3 is \
             open now. Its marks may not match the text, so it cannot be resumed."
        );
        let mut other = case.clone();
        other.id = CaseId::new("other");
        assert_eq!(
            saved(&case).resume_on(&other, 3).unwrap_err().to_string(),
            "The saved seminar is on the case \"c\", not \"other\"."
        );

        let mut stray = saved(&case);
        stray.counted[0].attempt.case_version = 1;
        let resumed = stray.resume_on(&case, 3).unwrap();
        assert!(resumed.counted.is_empty());
        assert_eq!(
            resumed.set_aside,
            [SetAside::OtherVersion {
                file: "t2.ron".to_owned(),
                found: 1,
                expected: 2
            }]
        );
    }
}
