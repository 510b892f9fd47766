//! The debrief agenda: the three measures, the order and the words (see the module above).

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::case::{Case, Verdict};
use crate::domain::feedback::{Agreement, compare};
use crate::domain::model::{FactorId, Model};

use super::{RoomFactor, Tally};

/// The order of the agenda, in a sentence for facilitators and records.
pub const AGENDA_ORDER: &str = "Factors are listed by their strongest reason, strongest first: how divided the room was, how far it was from the model, or how many of those who were sure read it differently.";

/// Why a factor is on the agenda: its strongest measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Reason {
    /// The room was divided.
    Split,
    /// The room read it differently from the model.
    Departure,
    /// People were sure and the model reads it differently.
    ConfidentAndWrong,
    /// Every measure is 0: the room was of one mind and, where the model is shown, agreed
    /// with it.
    Agreed,
}

impl Reason {
    /// Words for the reason, as a sentence without its full stop.
    pub fn label(self) -> &'static str {
        match self {
            Self::Split => "The room was divided",
            Self::Departure => "The room differs from the model",
            Self::ConfidentAndWrong => "People were sure, and the model reads it differently",
            Self::Agreed => "The room agreed",
        }
    }
}

/// The model's reading of a factor, as an agenda item may show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Reading {
    /// One right answer.
    Verdict(Verdict),
    /// The case marks the factor contested: two defensible readings, no right answer.
    Contested {
        /// The case's first reading.
        one: Verdict,
        /// The other reading.
        other: Verdict,
    },
}

/// One item of the debrief agenda.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AgendaItem {
    /// The factor.
    pub factor: FactorId,
    /// The room's verdicts on it, hands and files together.
    pub tally: Tally,
    /// How divided the room was, 0 to 1.
    pub split: f32,
    /// How far the room was from the model, 0 to 1 (0 on the room's agenda while the
    /// model's answer is hidden).
    pub departure: f32,
    /// Share of High-confidence attempt marks that earned no credit, 0 to 1 (0 on the
    /// room's agenda while the model's answer is hidden).
    pub confident_and_wrong: f32,
    /// The strongest of the three measures: what the agenda is ordered by.
    pub priority: f32,
    /// The strongest measure.
    pub reason: Reason,
    /// Whether the case marks the factor contested (false on the room's agenda while the
    /// model's answer is hidden).
    pub contested: bool,
    /// The model's reading, when this agenda may show it: `None` on the room's agenda for
    /// a factor not yet revealed.
    pub model: Option<Reading>,
    /// How many attempt files marked it with High confidence.
    pub sure: u32,
    /// Of those, how many earned no credit (0 when the model's answer is hidden).
    pub sure_and_wrong: u32,
}

impl AgendaItem {
    /// The item as a facilitator would say it: what the room said, then, where it may be
    /// shown, what the model says and how many of those who were sure read it differently.
    /// The rules are in the module documentation.
    pub fn words(&self) -> String {
        let mut words = room_said(&self.tally);
        let total = self.tally.total();
        match self.model {
            None => {}
            Some(Reading::Contested { one, other }) => words.push_str(&format!(
                " The case gives two readings, {one} and {other}, so there is no right answer."
            )),
            Some(Reading::Verdict(model)) => {
                let agreed = self.tally.count(model);
                let as_room = if agreed == total {
                    ", as everyone did".to_owned()
                } else if agreed == 0 {
                    ", which nobody said".to_owned()
                } else {
                    format!(", as {agreed} of {total} did")
                };
                words.push_str(&format!(" The model says {model}{as_room}."));
                if self.sure > 0 && self.sure_and_wrong > 0 {
                    let who = match (self.sure_and_wrong == self.sure, self.sure) {
                        (true, 1) => "The 1 person who was sure".to_owned(),
                        (true, sure) => format!("All {sure} people who were sure"),
                        (false, sure) => {
                            format!("{} of the {sure} people who were sure", self.sure_and_wrong)
                        }
                    };
                    words.push_str(&format!(" {who} read it differently from the model."));
                }
            }
        }
        words
    }
}

/// What the room said about a factor, largest group first, as a facilitator would say it
/// (the rules are in the module documentation).
pub fn room_said(tally: &Tally) -> String {
    let total = tally.total();
    let mut groups: Vec<(Verdict, u32)> = Verdict::ALL
        .iter()
        .map(|&v| (v, tally.count(v)))
        .filter(|&(_, count)| count > 0)
        .collect();
    // Largest first; a stable sort keeps equal groups in the order of the verdicts.
    groups.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    let Some((&(top_verdict, top), rest)) = groups.split_first() else {
        return "Nobody has marked it yet.".to_owned();
    };
    let named = |&(verdict, count): &(Verdict, u32)| match (count, fraction(count, total)) {
        (1, _) => format!("1 person said {verdict}"),
        (_, Some(share)) => format!("{share} said {verdict} ({count})"),
        (_, None) => format!("{count} said {verdict}"),
    };
    let counted = |&(verdict, count): &(Verdict, u32)| format!("{count} said {verdict}");
    if rest.is_empty() {
        return if total == 1 {
            format!("1 person said {top_verdict}.")
        } else {
            format!("All {total} said {top_verdict}.")
        };
    }
    if groups.iter().all(|&(_, count)| count == top) {
        let all: Vec<String> = groups.iter().map(counted).collect();
        return format!("The room split evenly: {}.", and_list(&all));
    }
    let others: Vec<String> = rest.iter().map(named).collect();
    let lead = if u64::from(top) * 2 > u64::from(total) {
        match fraction(top, total) {
            Some(share) => format!("{} of the room", capitalise(share)),
            None => "Most of the room".to_owned(),
        }
    } else if u64::from(top) * 2 == u64::from(total) {
        "Half the room".to_owned()
    } else {
        let all: Vec<String> = groups.iter().map(counted).collect();
        return format!("The room was divided: {}.", and_list(&all));
    };
    format!(
        "{lead} said {top_verdict} ({top} of {total}); {}.",
        and_list(&others)
    )
}

/// The words for `count` of `total` when it is exactly a half, a third, two thirds, a
/// quarter or three quarters.
fn fraction(count: u32, total: u32) -> Option<&'static str> {
    let (count, total) = (u64::from(count), u64::from(total));
    [
        (1, 2, "half"),
        (1, 3, "a third"),
        (2, 3, "two thirds"),
        (1, 4, "a quarter"),
        (3, 4, "three quarters"),
    ]
    .into_iter()
    .find(|&(n, d, _)| count * d == total * n)
    .map(|(_, _, words)| words)
}

fn capitalise(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} and {last}", init.join(", ")),
    }
}

/// A share as an exact fraction of whole counts, so that shares compare without rounding.
#[derive(Clone, Copy, Debug)]
struct Share {
    num: u64,
    den: u64,
}

impl Share {
    const ZERO: Self = Self { num: 0, den: 1 };

    fn new(num: u64, den: u64) -> Self {
        if den == 0 {
            Self::ZERO
        } else {
            Self { num, den }
        }
    }

    fn as_f32(self) -> f32 {
        (self.num as f64 / self.den as f64) as f32
    }
}

impl PartialEq for Share {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Share {}

impl PartialOrd for Share {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Share {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (u128::from(self.num) * u128::from(other.den))
            .cmp(&(u128::from(other.num) * u128::from(self.den)))
    }
}

/// The split as an exact fraction: `4 (total - top) / (3 total)`.
fn split_share(tally: &Tally) -> Share {
    let total: u64 = Verdict::ALL
        .iter()
        .map(|&v| u64::from(tally.count(v)))
        .sum();
    let top = Verdict::ALL
        .iter()
        .map(|&v| u64::from(tally.count(v)))
        .max()
        .unwrap_or(0);
    Share::new(4 * (total - top), 3 * total)
}

/// The departure as an exact fraction, counting credit in halves.
fn departure_share(tally: &Tally, model: Verdict) -> Share {
    let total: u64 = Verdict::ALL
        .iter()
        .map(|&v| u64::from(tally.count(v)))
        .sum();
    let halves: u64 = Verdict::ALL
        .iter()
        .map(|&v| {
            let count = u64::from(tally.count(v));
            match compare(model, v) {
                Agreement::Agree => 2 * count,
                Agreement::Near => count,
                Agreement::Disagree | Agreement::NotMarked | Agreement::Contested => 0,
            }
        })
        .sum();
    Share::new(2 * total - halves, 2 * total)
}

/// How divided a tally is: 0 when unanimous, 1 when spread evenly over all four verdicts.
pub fn split(tally: &Tally) -> f32 {
    split_share(tally).as_f32()
}

/// How far a tally is from the model's verdict: one minus the mean credit.
pub fn departure(tally: &Tally, model: Verdict) -> f32 {
    departure_share(tally, model).as_f32()
}

/// The facilitator's debrief agenda, ordered by the rule in the module documentation.
/// Factors nobody marked are left out.
pub fn agenda(
    model: &Model,
    case: &Case,
    room: &BTreeMap<FactorId, RoomFactor>,
) -> Vec<AgendaItem> {
    ordered(model, case, room, |_| true)
}

/// The agenda the room may see: as [`agenda`], but for factors not in `revealed` the
/// measures against the model count as 0 and the item holds no model answer, so neither
/// the words nor the order give the answer away.
pub fn room_agenda(
    model: &Model,
    case: &Case,
    room: &BTreeMap<FactorId, RoomFactor>,
    revealed: &BTreeSet<FactorId>,
) -> Vec<AgendaItem> {
    ordered(model, case, room, |factor| revealed.contains(factor))
}

fn ordered(
    model: &Model,
    case: &Case,
    room: &BTreeMap<FactorId, RoomFactor>,
    shown: impl Fn(&FactorId) -> bool,
) -> Vec<AgendaItem> {
    let mut items: Vec<([Share; 3], usize, AgendaItem)> = model
        .factors
        .iter()
        .enumerate()
        .filter_map(|(index, factor)| {
            let answer = case.answer(&factor.id)?;
            let marks = room.get(&factor.id)?;
            if marks.tally.total() == 0 {
                return None;
            }
            let shown = shown(&factor.id);
            let contested = answer.contested.as_ref().map(|c| c.other_verdict);
            let split = split_share(&marks.tally);
            let departure = match (shown, contested) {
                (true, None) => departure_share(&marks.tally, answer.verdict),
                _ => Share::ZERO,
            };
            let sure_and_wrong = if shown {
                marks.high_confidence_wrong
            } else {
                0
            };
            let confident_and_wrong =
                Share::new(u64::from(sure_and_wrong), u64::from(marks.high_confidence));
            let reason = if confident_and_wrong > Share::ZERO
                && confident_and_wrong >= split
                && confident_and_wrong >= departure
            {
                Reason::ConfidentAndWrong
            } else if departure > split {
                Reason::Departure
            } else if split > Share::ZERO {
                Reason::Split
            } else {
                Reason::Agreed
            };
            let mut strongest = [split, departure, confident_and_wrong];
            strongest.sort_by_key(|&share| std::cmp::Reverse(share));
            let model_reading = shown.then_some(match contested {
                Some(other) => Reading::Contested {
                    one: answer.verdict,
                    other,
                },
                None => Reading::Verdict(answer.verdict),
            });
            Some((
                strongest,
                index,
                AgendaItem {
                    factor: factor.id.clone(),
                    tally: marks.tally,
                    split: split.as_f32(),
                    departure: departure.as_f32(),
                    confident_and_wrong: confident_and_wrong.as_f32(),
                    priority: strongest[0].as_f32(),
                    reason,
                    contested: shown && contested.is_some(),
                    model: model_reading,
                    sure: marks.high_confidence,
                    sure_and_wrong,
                },
            ))
        })
        .collect();
    items.sort_by(|(sa, ia, _), (sb, ib, _)| sb.cmp(sa).then(ia.cmp(ib)));
    items.into_iter().map(|(_, _, item)| item).collect()
}
