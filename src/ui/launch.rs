//! Links that open the casebook somewhere other than the library, so a course team can
//! link to one case from a joining email: `?case=ID` opens a case for marking and
//! `?seminar=ID` starts a seminar on one. The browser build reads them from the page's
//! address. They are untrusted text: each is only ever looked up in the library, and one
//! that names no case is said in the status line rather than acted on.

use crate::domain::CaseId;

use super::action::Action;
use super::features::case::CaseAction;
use super::features::seminar::SeminarAction;
use super::state::{Screen, State};

/// Longest id shown back to the user from a link.
const SHOWN: usize = 60;

/// Where a link asks the casebook to open.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Launch {
    /// `case`: the case to open for marking.
    pub case: Option<String>,
    /// `seminar`: the case to start a seminar on. Wins over `case` if both are given.
    pub seminar: Option<String>,
}

impl Launch {
    /// Reads a link's parameters (already decoded), keeping the first of each name and
    /// ignoring names it does not know and empty values.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut launch = Self::default();
        for (name, value) in pairs {
            let value = value.trim().to_owned();
            if value.is_empty() {
                continue;
            }
            let slot = match name.as_str() {
                "case" => &mut launch.case,
                "seminar" => &mut launch.seminar,
                _ => continue,
            };
            slot.get_or_insert(value);
        }
        launch
    }

    /// What the link asks for in this library: the action to take, or, when it names a
    /// case the library does not have, what to tell the user. Nothing when it asks for
    /// nothing, or for the case already open (the record's place, after a reload).
    pub fn action(&self, state: &State) -> Option<Result<Action, String>> {
        let (id, seminar) = match (&self.seminar, &self.case) {
            (Some(id), _) => (id, true),
            (None, Some(id)) => (id, false),
            (None, None) => return None,
        };
        let case = CaseId::new(id.as_str());
        if state.library.get(&case).is_none() {
            let shown: String = id.chars().take(SHOWN).collect();
            let more = if id.chars().count() > SHOWN {
                "…"
            } else {
                ""
            };
            return Some(Err(format!(
                "The link asked for the case \"{shown}{more}\", which this casebook does not have. Choose a case from the library."
            )));
        }
        if seminar {
            return Some(Ok(SeminarAction::Start(case).into()));
        }
        // Reloading a linked page comes back to the case where the record left the
        // trainee: the link does not send them back to its first factor.
        if matches!(&state.screen, Screen::Case { case: open, .. } if *open == case) {
            return None;
        }
        Some(Ok(CaseAction::Open(case).into()))
    }
}
