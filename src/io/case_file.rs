//! The case file format, version 1: plain serde structs that mirror the RON text. The
//! checks that turn them into a validated [`crate::domain::Case`] are in
//! [`super::case_check`].
//!
//! Parsing and checking are separate steps. The structs here accept any well-formed file
//! with the right fields (unknown fields are refused); [`validate`] then checks ids,
//! references, empty text and that the case answers every factor of the model once.
//! Every problem names the place in the file where the author can fix it.

use crate::domain::{Audience, CaseKind, PassageRole, Verdict};

pub use super::case_check::{is_web_address, validate};

/// The case format this build reads.
pub const FORMAT: u32 = 1;

/// Most characters in any one piece of text (a passage, a rationale, a title).
pub const MAX_TEXT_CHARS: usize = 5000;
/// Most sections in a case.
pub const MAX_SECTIONS: usize = 200;
/// Most passages in a case.
pub const MAX_PASSAGES: usize = 3000;
/// Most sources in a case.
pub const MAX_SOURCES: usize = 500;
/// Most discussion questions or facilitator notes in a case.
pub const MAX_NOTES: usize = 100;

/// A case file as written.
#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Case", deny_unknown_fields)]
pub struct CaseFile {
    /// Format number: must be [`FORMAT`].
    pub format: u32,
    /// Stable id of the case.
    pub id: String,
    /// Changed by the author whenever the case changes.
    pub version: u32,
    /// Title.
    pub title: String,
    /// One or two sentences on what the case is about.
    pub summary: String,
    /// Critique, Success or Contrast.
    pub kind: CaseKind,
    /// Who the case is for.
    pub audience: Vec<Audience>,
    /// How long it takes, in minutes.
    pub minutes: u32,
    /// For composite cases: what is invented.
    #[serde(default)]
    pub composite: Option<String>,
    /// The text.
    pub sections: Vec<SectionFile>,
    /// The model's answers.
    pub answers: Vec<AnswerFile>,
    /// Discussion questions.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Facilitator notes.
    #[serde(default)]
    pub facilitator_notes: Vec<String>,
    /// Sources.
    pub sources: Vec<SourceFile>,
}

/// A section as written.
#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Section", deny_unknown_fields)]
pub struct SectionFile {
    /// Stable id.
    pub id: String,
    /// Heading.
    pub heading: String,
    /// Date or period.
    #[serde(default)]
    pub period: Option<String>,
    /// Passages.
    pub passages: Vec<PassageFile>,
}

/// A passage as written.
#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Passage", deny_unknown_fields)]
pub struct PassageFile {
    /// Stable id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Ids of the sources it draws on.
    #[serde(default)]
    pub sources: Vec<String>,
    /// `Fact` (the default) or `Context`: the author's framing, which no answer may cite.
    #[serde(default)]
    pub role: PassageRole,
}

/// An answer as written.
#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Answer", deny_unknown_fields)]
pub struct AnswerFile {
    /// Factor id from the model.
    pub factor: String,
    /// `Present`, `Partly`, `Missing` or `CantTell`.
    pub verdict: Verdict,
    /// Why.
    pub rationale: String,
    /// Passage ids.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// What collaboration would have changed.
    #[serde(default)]
    pub would_have_changed: Option<String>,
    /// Set when the reading is contested.
    #[serde(default)]
    pub contested: Option<ContestedFile>,
    /// A question to open the seminar debrief on this factor.
    #[serde(default)]
    pub prompt: Option<String>,
}

/// A contested reading as written.
#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Contested", deny_unknown_fields)]
pub struct ContestedFile {
    /// Why people disagree.
    pub why: String,
    /// The other reading.
    pub other_verdict: Verdict,
    /// The case for the other reading.
    pub other_rationale: String,
}

/// A source as written.
#[derive(Debug, serde::Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct SourceFile {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Date.
    pub date: String,
    /// Report number.
    #[serde(default)]
    pub reference: Option<String>,
    /// Link.
    #[serde(default)]
    pub link: Option<String>,
}
