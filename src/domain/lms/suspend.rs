//! Writing the suspend data: each case's marks and latest check as text, made to fit
//! SCORM 1.2's limit in the order the module documentation gives.

use std::fmt::Write as _;

use super::{
    CaseData, DIGITS, ENCODING, Encoded, SUSPEND_DATA_LIMIT, SuspendData, latest_checks, percent,
    plain_id,
};
use crate::domain::attempt::Confidence;
use crate::domain::case::{Case, CaseId, PassageId, Verdict};
use crate::domain::model::Model;
use crate::domain::progress::{Place, Progress};

/// The value of a verdict in the mark letter.
fn verdict_code(verdict: Option<Verdict>) -> u8 {
    match verdict {
        None => 0,
        Some(Verdict::Present) => 1,
        Some(Verdict::Partly) => 2,
        Some(Verdict::Missing) => 3,
        Some(Verdict::CantTell) => 4,
    }
}

fn confidence_code(confidence: Option<Confidence>) -> u8 {
    match confidence {
        None => 0,
        Some(Confidence::Low) => 1,
        Some(Confidence::Medium) => 2,
        Some(Confidence::High) => 3,
    }
}

/// Most passages an evidence reference can name (two base-36 digits).
const MAX_PASSAGE: usize = 36 * 36;

/// A base-36 digit (`0` for anything out of range, which the callers never pass).
fn digit(n: usize) -> char {
    DIGITS.get(n).map_or('0', |d| char::from(*d))
}

impl CaseData {
    /// A case's marks and latest check from the record.
    pub fn of(model: &Model, case: &Case, progress: &Progress) -> Self {
        let reading: Vec<&PassageId> = case.passages().map(|p| &p.id).collect();
        let attempt = progress
            .attempts
            .get(&case.id)
            .filter(|a| a.case_version == case.version);
        let marks = model
            .factors
            .iter()
            .map(|factor| {
                let Some(mark) = attempt.and_then(|a| a.mark(&factor.id)) else {
                    return (None, None, Vec::new());
                };
                let evidence = mark
                    .evidence
                    .iter()
                    .filter_map(|id| reading.iter().position(|p| *p == id))
                    .filter(|&i| i < MAX_PASSAGE)
                    .collect();
                (mark.verdict, mark.confidence, evidence)
            })
            .collect();
        let check = latest_checks(&progress.history)
            .get(&case.id)
            .map(|c| c.agreement.map(|a| percent(f64::from(a))));
        Self {
            case: case.id.clone(),
            version: case.version,
            check,
            marks,
        }
    }

    fn write(&self, out: &mut String, evidence: bool) {
        let check = match self.check {
            None => String::new(),
            Some(None) => "n".to_owned(),
            Some(Some(p)) => p.to_string(),
        };
        write!(out, "{},{},{},", self.case, self.version, check).ok();
        let last = self
            .marks
            .iter()
            .rposition(|(v, c, e)| v.is_some() || c.is_some() || (evidence && !e.is_empty()))
            .map_or(0, |i| i + 1);
        for (verdict, confidence, passages) in self.marks.iter().take(last) {
            out.push(char::from(
                b'A' + verdict_code(*verdict) * 4 + confidence_code(*confidence),
            ));
            if evidence {
                for &p in passages {
                    out.push(digit(p / 36));
                    out.push(digit(p % 36));
                }
            }
        }
    }
}

impl SuspendData {
    /// What to keep for the LMS: the chosen cases (none chosen: every case in `cases` with
    /// work in progress or a check), in the order given, and the place if it is on one of
    /// them.
    pub fn of(model: &Model, cases: &[&Case], chosen: &[CaseId], progress: &Progress) -> Self {
        let in_scope = |case: &&&Case| {
            if chosen.is_empty() {
                progress.attempts.contains_key(&case.id)
                    || progress
                        .history
                        .iter()
                        .any(|h| h.attempt.case_id == case.id)
            } else {
                chosen.contains(&case.id)
            }
        };
        let cases: Vec<CaseData> = cases
            .iter()
            .filter(in_scope)
            .filter(|case| plain_id(case.id.as_str()))
            .map(|case| CaseData::of(model, case, progress))
            .collect();
        let place = progress.place.as_ref().and_then(|Place { case, factor }| {
            let at = cases.iter().position(|c| &c.case == case)?;
            Some((at, *factor))
        });
        Self { cases, place }
    }

    /// The text, made to fit [`SUSPEND_DATA_LIMIT`] by the order in the module
    /// documentation. `factors` is the model's number of factors.
    pub fn encode(&self, factors: usize, chosen: &[CaseId]) -> Encoded {
        let placed = self.place.map(|(at, _)| at);
        // Per case: whether it is kept, and whether its evidence is.
        let mut cut = vec![(true, true); self.cases.len()];
        let mut encoded = Encoded {
            text: String::new(),
            evidence_left_out: Vec::new(),
            cases_left_out: Vec::new(),
        };
        // The steps, each a case to cut: its evidence (false) or all of it (true).
        let other = |i: &usize| Some(*i) != placed;
        let not_chosen =
            |i: &usize| other(i) && !self.cases.get(*i).is_some_and(|c| chosen.contains(&c.case));
        let n = self.cases.len();
        let mut steps: Vec<(usize, bool)> = Vec::new();
        steps.extend((0..n).rev().filter(other).map(|i| (i, false)));
        steps.extend((0..n).rev().filter(not_chosen).map(|i| (i, true)));
        steps.extend(placed.map(|i| (i, false)));
        steps.extend(
            (0..n)
                .rev()
                .filter(|i| other(i) && !not_chosen(i))
                .map(|i| (i, true)),
        );
        steps.extend(placed.map(|i| (i, true)));
        let mut steps = steps.into_iter();
        loop {
            encoded.text = self.text(factors, &cut);
            if encoded.text.len() <= SUSPEND_DATA_LIMIT {
                break;
            }
            let Some((i, whole)) = steps.next() else {
                // Nothing left to cut: the header alone always fits.
                encoded.text.truncate(SUSPEND_DATA_LIMIT);
                break;
            };
            if let Some((kept, evidence)) = cut.get_mut(i) {
                if whole {
                    *kept = false;
                } else {
                    *evidence = false;
                }
            }
        }
        for (case, (kept, evidence)) in self.cases.iter().zip(&cut) {
            if !kept {
                encoded.cases_left_out.push(case.case.clone());
            } else if !evidence && case.marks.iter().any(|(_, _, e)| !e.is_empty()) {
                encoded.evidence_left_out.push(case.case.clone());
            }
        }
        encoded
    }

    fn text(&self, factors: usize, cut: &[(bool, bool)]) -> String {
        let mut out = format!("C{ENCODING}.{factors}");
        let kept: Vec<(usize, &CaseData, bool)> = self
            .cases
            .iter()
            .zip(cut)
            .enumerate()
            .filter(|(_, (_, (kept, _)))| *kept)
            .map(|(i, (case, (_, evidence)))| (i, case, *evidence))
            .collect();
        if let Some((at, factor)) = self.place
            && let Some(written) = kept.iter().position(|(i, _, _)| *i == at)
        {
            write!(out, ";P{written}.{factor}").ok();
        }
        for (_, case, evidence) in kept {
            out.push(';');
            case.write(&mut out, evidence);
        }
        out
    }
}
