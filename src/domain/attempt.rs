//! One trainee's marks on one case.

use std::collections::{BTreeMap, BTreeSet};

use super::case::{Case, CaseId, PassageId, Verdict};
use super::model::{FactorId, Model};

/// How sure a trainee is of a verdict.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Confidence {
    /// A guess.
    Low,
    /// Fairly sure.
    Medium,
    /// Sure.
    High,
}

impl Confidence {
    /// Every level, lowest first.
    pub const ALL: [Self; 3] = [Self::Low, Self::Medium, Self::High];

    /// The word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Low => "Low",
            Self::Medium => "Medium",
            Self::High => "High",
        }
    }
}

/// A trainee's mark for one factor.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Mark {
    /// The verdict, once chosen.
    pub verdict: Option<Verdict>,
    /// How sure they are.
    pub confidence: Option<Confidence>,
    /// The passages they cite.
    pub evidence: BTreeSet<PassageId>,
    /// Their note.
    pub note: String,
}

impl Mark {
    /// Whether anything at all has been entered.
    pub fn is_blank(&self) -> bool {
        self.verdict.is_none()
            && self.confidence.is_none()
            && self.evidence.is_empty()
            && self.note.is_empty()
    }
}

/// A trainee's marks on one version of one case.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Attempt {
    /// The case marked.
    pub case_id: CaseId,
    /// The version of the case marked.
    pub case_version: u32,
    /// Marks by factor.
    pub marks: BTreeMap<FactorId, Mark>,
}

impl Attempt {
    /// A blank attempt on a case.
    pub fn new(case: &Case) -> Self {
        Self {
            case_id: case.id.clone(),
            case_version: case.version,
            marks: BTreeMap::new(),
        }
    }

    /// The mark for a factor, if any.
    pub fn mark(&self, factor: &FactorId) -> Option<&Mark> {
        self.marks.get(factor)
    }

    /// The verdict for a factor, if chosen.
    pub fn verdict(&self, factor: &FactorId) -> Option<Verdict> {
        self.mark(factor).and_then(|m| m.verdict)
    }

    fn mark_mut(&mut self, factor: &FactorId) -> &mut Mark {
        self.marks.entry(factor.clone()).or_default()
    }

    /// Sets or clears the verdict for a factor.
    pub fn set_verdict(&mut self, factor: &FactorId, verdict: Option<Verdict>) {
        self.mark_mut(factor).verdict = verdict;
    }

    /// Sets or clears the confidence for a factor.
    pub fn set_confidence(&mut self, factor: &FactorId, confidence: Option<Confidence>) {
        self.mark_mut(factor).confidence = confidence;
    }

    /// Adds the passage to the factor's evidence, or removes it if it is there.
    pub fn toggle_evidence(&mut self, factor: &FactorId, passage: &PassageId) {
        let evidence = &mut self.mark_mut(factor).evidence;
        if !evidence.remove(passage) {
            evidence.insert(passage.clone());
        }
    }

    /// Replaces the note for a factor.
    pub fn set_note(&mut self, factor: &FactorId, note: String) {
        self.mark_mut(factor).note = note;
    }

    /// Factors of the model with no verdict yet, in the model's order.
    pub fn unmarked<'m>(&self, model: &'m Model) -> Vec<&'m FactorId> {
        model
            .factors
            .iter()
            .map(|f| &f.id)
            .filter(|id| self.verdict(id).is_none())
            .collect()
    }

    /// How many factors of the model have a verdict.
    pub fn marked_count(&self, model: &Model) -> usize {
        model.factors.len() - self.unmarked(model).len()
    }

    /// Whether the attempt was made on this version of this case.
    pub fn matches(&self, case: &Case) -> bool {
        self.case_id == case.id && self.case_version == case.version
    }
}
