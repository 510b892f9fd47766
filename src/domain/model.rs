//! Emily Miles's model of collaborative working: five foundations, four ways in, and the
//! barriers she named. Loaded from `assets/model.ron` by `crate::io`.

use std::fmt;

/// The stable id of a factor of the model, such as `common-purpose`.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct FactorId(pub String);

impl FactorId {
    /// Makes an id from text.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FactorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The stable id of a barrier, such as `changes-in-leadership`.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct BarrierId(pub String);

impl BarrierId {
    /// Makes an id from text.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BarrierId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which part of the model a factor belongs to.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum FactorGroup {
    /// Something all the successful collaborations had in common.
    Foundation,
    /// A practice that opened the door to collaboration in particular cases.
    WayIn,
}

impl FactorGroup {
    /// The plural heading used for the group.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Foundation => "Foundations",
            Self::WayIn => "Ways in",
        }
    }

    /// The singular name, for one factor of the group.
    pub fn singular(self) -> &'static str {
        match self {
            Self::Foundation => "Foundation",
            Self::WayIn => "Way in",
        }
    }

    /// One sentence on what the group means.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::Foundation => {
                "What all the successful collaborations Miles studied had in common."
            }
            Self::WayIn => "Practices that opened the door to collaboration in particular cases.",
        }
    }
}

/// One factor of the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Factor {
    /// Stable id, used by cases and attempts.
    pub id: FactorId,
    /// Foundation or way in.
    pub group: FactorGroup,
    /// Short name, such as "Shared common purpose".
    pub name: String,
    /// One line on what the factor means.
    pub summary: String,
    /// What it looks like when it is present.
    pub present_signs: Vec<String>,
    /// What its absence looks like.
    pub absent_signs: Vec<String>,
    /// Questions a trainee can ask of a case.
    pub questions: Vec<String>,
    /// Barriers that tend to show when this factor is missing.
    pub barriers: Vec<BarrierId>,
}

/// A barrier to collaboration Miles reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Barrier {
    /// Stable id.
    pub id: BarrierId,
    /// Short name, such as "Changes in leadership".
    pub name: String,
    /// What it means and how it shows.
    pub summary: String,
}

/// The whole model: factors in teaching order, and the barriers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    /// Title of the model.
    pub title: String,
    /// Where it comes from, in one or two sentences.
    pub about: String,
    /// Factors in the order they are taught: foundations first, then ways in.
    pub factors: Vec<Factor>,
    /// Barriers to collaboration.
    pub barriers: Vec<Barrier>,
}

impl Model {
    /// The factor with this id, if the model has it.
    pub fn factor(&self, id: &FactorId) -> Option<&Factor> {
        self.factors.iter().find(|f| &f.id == id)
    }

    /// The barrier with this id, if the model has it.
    pub fn barrier(&self, id: &BarrierId) -> Option<&Barrier> {
        self.barriers.iter().find(|b| &b.id == id)
    }

    /// The factors of one group, in teaching order.
    pub fn group(&self, group: FactorGroup) -> impl Iterator<Item = &Factor> {
        self.factors.iter().filter(move |f| f.group == group)
    }

    /// The factor's display name, or its id when the model does not know it.
    pub fn factor_name<'a>(&'a self, id: &'a FactorId) -> &'a str {
        self.factor(id).map_or(id.as_str(), |f| f.name.as_str())
    }
}
