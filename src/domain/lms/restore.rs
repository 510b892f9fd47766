//! Reading the suspend data back, and putting what the LMS kept into the record.

use super::{CaseData, DIGITS, ENCODING, SuspendData, plain_id};
use crate::domain::attempt::{Attempt, Confidence, Mark};
use crate::domain::case::{Case, CaseId, PassageId, Verdict};
use crate::domain::model::Model;
use crate::domain::progress::{CheckedAttempt, Place, Progress};

impl SuspendData {
    /// Reads suspend data written by [`Self::encode`] for a model of `factors` factors.
    /// Anything else (another model, another encoding, damaged text) is refused with a
    /// reason; a case record that cannot be read is skipped.
    pub fn decode(text: &str, factors: usize) -> Result<Self, String> {
        let mut parts = text.split(';');
        let header = parts.next().unwrap_or_default();
        let expected = format!("C{ENCODING}.{factors}");
        if header != expected {
            return Err(if header.starts_with('C') {
                "it was saved by another version of the casebook".to_owned()
            } else {
                "it is not the casebook's".to_owned()
            });
        }
        let mut data = Self::default();
        let mut place = None;
        for part in parts {
            if let Some(rest) = part.strip_prefix('P') {
                // A damaged place is passed over: the marks still come back.
                place = rest.split_once('.').and_then(|(at, factor)| {
                    let at: usize = at.parse().ok()?;
                    let factor: usize = factor.parse().ok()?;
                    Some((at, factor.min(factors.saturating_sub(1))))
                });
                continue;
            }
            if let Some(case) = read_case(part, factors) {
                data.cases.push(case);
            }
        }
        data.place = place.filter(|(at, _)| *at < data.cases.len());
        Ok(data)
    }

    /// Puts what the LMS kept into the record: each case's marks replace the work in
    /// progress on that case (its notes kept), a check the record does not have is added
    /// (with its agreement; which factors it misjudged is not kept, so it adds nothing to
    /// the review queue), and the place is restored. A case not in `cases`, or of another
    /// version, is skipped and named in what comes back.
    pub fn restore(
        &self,
        model: &Model,
        cases: &[&Case],
        progress: &mut Progress,
        when: chrono::DateTime<chrono::Utc>,
    ) -> Vec<CaseId> {
        let mut skipped = Vec::new();
        for data in &self.cases {
            let Some(case) = cases
                .iter()
                .find(|c| c.id == data.case && c.version == data.version)
            else {
                skipped.push(data.case.clone());
                continue;
            };
            let reading: Vec<&PassageId> = case.passages().map(|p| &p.id).collect();
            let mut attempt = Attempt::new(case);
            let old = progress
                .attempts
                .get(&case.id)
                .filter(|a| a.case_version == case.version);
            for (factor, (verdict, confidence, evidence)) in model.factors.iter().zip(&data.marks) {
                let note = old
                    .and_then(|a| a.mark(&factor.id))
                    .map(|m| m.note.clone())
                    .unwrap_or_default();
                let mark = Mark {
                    verdict: *verdict,
                    confidence: *confidence,
                    evidence: evidence
                        .iter()
                        .filter_map(|&i| reading.get(i).map(|p| (*p).clone()))
                        .collect(),
                    note,
                };
                if !mark.is_blank() {
                    attempt.marks.insert(factor.id.clone(), mark);
                }
            }
            // Notes on factors the LMS had no mark for are kept too.
            if let Some(old) = old {
                for (factor, mark) in &old.marks {
                    if !mark.note.is_empty() && !attempt.marks.contains_key(factor) {
                        attempt.marks.insert(
                            factor.clone(),
                            Mark {
                                note: mark.note.clone(),
                                ..Mark::default()
                            },
                        );
                    }
                }
            }
            if let Some(check) = data.check
                && !progress
                    .history
                    .iter()
                    .any(|h| h.attempt.case_id == case.id)
            {
                progress.history.push(CheckedAttempt {
                    when,
                    attempt: attempt.clone(),
                    agreement: check.map(|p| f32::from(p) / 100.0),
                    confident_and_wrong: 0,
                    misjudged: Vec::new(),
                });
            }
            progress.attempts.insert(case.id.clone(), attempt);
        }
        if let Some((at, factor)) = self.place
            && let Some(data) = self.cases.get(at)
            && !skipped.contains(&data.case)
        {
            progress.place = Some(Place {
                case: data.case.clone(),
                factor,
            });
        }
        skipped
    }
}

/// One case record, or `None` if it cannot be read.
fn read_case(part: &str, factors: usize) -> Option<CaseData> {
    let mut fields = part.splitn(4, ',');
    let id = fields.next()?;
    let version: u32 = fields.next()?.parse().ok()?;
    let check = match fields.next()? {
        "" => None,
        "n" => Some(None),
        p => Some(Some(p.parse::<u8>().ok().filter(|p| *p <= 100)?)),
    };
    let letters = fields.next()?;
    if !plain_id(id) {
        return None;
    }
    let mut marks = Vec::new();
    let mut bytes = letters.bytes().peekable();
    while let Some(letter) = bytes.next() {
        let code = letter.checked_sub(b'A').filter(|c| *c < 20)?;
        let verdict = match code / 4 {
            0 => None,
            1 => Some(Verdict::Present),
            2 => Some(Verdict::Partly),
            3 => Some(Verdict::Missing),
            _ => Some(Verdict::CantTell),
        };
        let confidence = match code % 4 {
            0 => None,
            1 => Some(Confidence::Low),
            2 => Some(Confidence::Medium),
            _ => Some(Confidence::High),
        };
        let mut evidence = Vec::new();
        while let Some(high) = bytes.next_if(|b| !b.is_ascii_uppercase()) {
            // Two digits a passage: a digit alone, or anything else, is damage.
            let low = bytes.next()?;
            evidence.push(digit_value(high)? * 36 + digit_value(low)?);
        }
        marks.push((verdict, confidence, evidence));
    }
    if marks.len() > factors {
        return None;
    }
    marks.resize(factors, (None, None, Vec::new()));
    Some(CaseData {
        case: CaseId::new(id),
        version,
        check,
        marks,
    })
}

/// The value of a base-36 digit.
fn digit_value(byte: u8) -> Option<usize> {
    DIGITS.iter().position(|d| *d == byte)
}
