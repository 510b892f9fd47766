//! Small models and cases for the domain's unit tests, built in one place.

use super::case::{
    Answer, Audience, Case, CaseId, CaseKind, Contested, Passage, PassageId, PassageRole, Section,
    Verdict,
};
use super::model::{Factor, FactorGroup, FactorId, Model};

/// A model whose factors have these ids (and the ids as names).
pub fn model(ids: &[&str]) -> Model {
    let factor = |id: &&str| Factor {
        id: FactorId::new(*id),
        group: FactorGroup::Foundation,
        name: (*id).to_owned(),
        summary: String::new(),
        present_signs: Vec::new(),
        absent_signs: Vec::new(),
        questions: Vec::new(),
        barriers: Vec::new(),
    };
    Model {
        title: "Test".to_owned(),
        about: String::new(),
        factors: ids.iter().map(factor).collect(),
        barriers: Vec::new(),
    }
}

/// An answer citing these passages.
pub fn answer(factor: &str, verdict: Verdict, evidence: &[&str]) -> Answer {
    Answer {
        factor: FactorId::new(factor),
        verdict,
        rationale: "Because.".to_owned(),
        evidence: evidence.iter().map(|e| PassageId::new(*e)).collect(),
        would_have_changed: None,
        prompt: None,
        contested: None,
    }
}

/// The same answer, contested, with Missing as the other reading.
pub fn contested(mut answer: Answer) -> Answer {
    answer.contested = Some(Contested {
        why: "Both readings hold.".to_owned(),
        other_verdict: if answer.verdict == Verdict::Missing {
            Verdict::Partly
        } else {
            Verdict::Missing
        },
        other_rationale: "Other.".to_owned(),
    });
    answer
}

/// A one-section case with these passages, numbered from 1, and these answers.
pub fn case(id: &str, passages: &[&str], answers: Vec<Answer>) -> Case {
    Case {
        id: CaseId::new(id),
        version: 1,
        title: id.to_uppercase(),
        summary: String::new(),
        kind: CaseKind::Critique,
        audience: vec![Audience::AllGrades],
        minutes: 10,
        composite_note: None,
        sections: vec![Section {
            id: "s".to_owned(),
            heading: "H".to_owned(),
            period: None,
            passages: passages
                .iter()
                .enumerate()
                .map(|(i, p)| Passage {
                    id: PassageId::new(*p),
                    number: i + 1,
                    text: (*p).to_owned(),
                    sources: Vec::new(),
                    role: PassageRole::Fact,
                })
                .collect(),
        }],
        answers,
        questions: Vec::new(),
        facilitator_notes: Vec::new(),
        sources: Vec::new(),
    }
}
