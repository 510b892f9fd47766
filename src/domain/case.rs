//! A validated case: its text in sections and passages, the model's answer for every
//! factor, and what a facilitator needs to teach it.
//!
//! Cases are only built by `crate::io::case_file`, which checks them first, so code that
//! holds a [`Case`] can rely on unique ids and an answer for every factor of the model.

use std::fmt;

use super::model::FactorId;

macro_rules! text_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Makes an id from text.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_id!(
    /// The stable id of a case, such as `universal-credit`.
    CaseId
);
text_id!(
    /// The stable id of a passage within a case.
    PassageId
);
text_id!(
    /// The stable id of a source within a case.
    SourceId
);

/// A judgement on whether a factor was there in a case.
///
/// Present, Partly and Missing lie on a line, one step apart. Can't tell is off the line:
/// it is the right answer when the record is silent.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Verdict {
    /// The factor was clearly there.
    Present,
    /// Some of it was there, or it was there for part of the time.
    Partly,
    /// It was absent.
    Missing,
    /// The record does not say enough to judge.
    CantTell,
}

impl Verdict {
    /// Every verdict, in the order they are offered.
    pub const ALL: [Self; 4] = [Self::Present, Self::Partly, Self::Missing, Self::CantTell];

    /// The word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Present => "Present",
            Self::Partly => "Partly",
            Self::Missing => "Missing",
            Self::CantTell => "Can't tell",
        }
    }

    /// Place on the Present–Partly–Missing line, or `None` for Can't tell.
    pub fn position(self) -> Option<u8> {
        match self {
            Self::Present => Some(0),
            Self::Partly => Some(1),
            Self::Missing => Some(2),
            Self::CantTell => None,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Who a case is written for.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Audience {
    /// The civil service senior leaders scheme: future directors.
    SeniorLeaders,
    /// Seminars at all grades: shorter, plainer cases.
    AllGrades,
}

impl Audience {
    /// The words shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::SeniorLeaders => "Senior leaders scheme",
            Self::AllGrades => "All grades",
        }
    }
}

/// What kind of story a case tells.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum CaseKind {
    /// Things went wrong: the case asks what collaboration would have changed.
    Critique,
    /// A collaboration that worked.
    Success,
    /// A mixed or disputed record, for discussion.
    Contrast,
}

impl CaseKind {
    /// The words shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Critique => "Critique",
            Self::Success => "Success",
            Self::Contrast => "Contrast",
        }
    }

    /// What the kind means, for the library: "Critique: things went wrong, and you judge
    /// what working together would have changed."
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Critique => {
                "Critique: things went wrong, and you judge what working together would have changed."
            }
            Self::Success => {
                "Success: a collaboration that worked, and you judge what made it work."
            }
            Self::Contrast => {
                "Contrast: a mixed or disputed record, with more than one fair reading, for discussion."
            }
        }
    }

    /// Every kind, in the order the library explains them.
    pub const ALL: [Self; 3] = [Self::Critique, Self::Success, Self::Contrast];
}

/// What a passage is: a fact of the case, or framing around it.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum PassageRole {
    /// Something that happened, drawn from the sources: the case itself, and what an
    /// answer may cite as evidence.
    #[default]
    Fact,
    /// The author's or Miles's framing: background, a summary, a pointer to the model.
    /// Not case fact, so no answer may cite it as evidence.
    Context,
}

impl PassageRole {
    /// The words shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Fact => "Case fact",
            Self::Context => "Context",
        }
    }
}

/// A short passage of case text, the unit a trainee cites as evidence.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Passage {
    /// Stable id, unique in the case.
    pub id: PassageId,
    /// Number shown in the margin, counting from 1 through the whole case.
    pub number: usize,
    /// The text.
    pub text: String,
    /// Sources this passage draws on.
    pub sources: Vec<SourceId>,
    /// Case fact, or the author's framing (which answers may not cite).
    pub role: PassageRole,
}

/// A section of a case, often a dated stage of the story.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// Stable id, unique in the case.
    pub id: String,
    /// The heading.
    pub heading: String,
    /// A date or period, such as "2010 to 2012".
    pub period: Option<String>,
    /// The passages, in reading order.
    pub passages: Vec<Passage>,
}

/// Why a factor's reading is contested, with the other defensible reading.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contested {
    /// Why people disagree.
    pub why: String,
    /// The other reading people defend.
    pub other_verdict: Verdict,
    /// The case for the other reading.
    pub other_rationale: String,
}

/// The model's answer for one factor.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    /// The factor answered.
    pub factor: FactorId,
    /// The model's verdict.
    pub verdict: Verdict,
    /// Why the model reads the case this way.
    pub rationale: String,
    /// The passages that are the evidence.
    pub evidence: Vec<PassageId>,
    /// For cases that went wrong: what working collaboratively would have changed.
    pub would_have_changed: Option<String>,
    /// Set when the reading is contested: a prompt for discussion, not right or wrong.
    pub contested: Option<Contested>,
    /// A question to open the debrief on this factor, when the author gives one.
    pub prompt: Option<String>,
}

/// A source the case draws on.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// Stable id, cited by passages.
    pub id: SourceId,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published.
    pub date: String,
    /// A report number, such as "HC 621".
    pub reference: Option<String>,
    /// Where to find it.
    pub link: Option<String>,
}

/// A validated case.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Case {
    /// Stable id.
    pub id: CaseId,
    /// Changed by the author whenever the case changes, so attempts can be matched to it.
    pub version: u32,
    /// Title.
    pub title: String,
    /// A sentence or two on what the case is about.
    pub summary: String,
    /// Critique, success or contrast.
    pub kind: CaseKind,
    /// Who it is written for.
    pub audience: Vec<Audience>,
    /// How long it takes to run, in minutes.
    pub minutes: u32,
    /// Set for composite cases, with invented details: says so at the top.
    pub composite_note: Option<String>,
    /// The text.
    pub sections: Vec<Section>,
    /// One answer for every factor of the model, in the model's order.
    pub answers: Vec<Answer>,
    /// Questions for discussion.
    pub questions: Vec<String>,
    /// Notes for the facilitator: timings, where rooms split, what to draw out.
    pub facilitator_notes: Vec<String>,
    /// The sources.
    pub sources: Vec<Source>,
}

impl Case {
    /// The model's answer for a factor.
    pub fn answer(&self, factor: &FactorId) -> Option<&Answer> {
        self.answers.iter().find(|a| &a.factor == factor)
    }

    /// Every passage, in reading order.
    pub fn passages(&self) -> impl Iterator<Item = &Passage> {
        self.sections.iter().flat_map(|s| s.passages.iter())
    }

    /// The passage with this id.
    pub fn passage(&self, id: &PassageId) -> Option<&Passage> {
        self.passages().find(|p| &p.id == id)
    }

    /// The number of passages.
    pub fn passage_count(&self) -> usize {
        self.sections.iter().map(|s| s.passages.len()).sum()
    }

    /// The audiences as one line of text, such as "Senior leaders scheme, All grades".
    pub fn audience_label(&self) -> String {
        let labels: Vec<&str> = self.audience.iter().map(|a| a.label()).collect();
        labels.join(", ")
    }
}
