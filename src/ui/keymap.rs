//! Every keyboard shortcut, in one table: [`BINDINGS`]. The same table drives the key
//! handling ([`commands`]) and the list on the display and keyboard page ([`help_rows`]),
//! so the two cannot drift apart.
//!
//! Some keys are egui's own (Tab, Enter and Space): they are in the table with
//! [`Command::Egui`], so they are listed, and egui handles them. Text size is the app's
//! own (egui's keyboard zoom is off), so Ctrl+Plus steps through the same sizes as the
//! display page.
//!
//! Letter and digit shortcuts act only when no text box has the keyboard, so typing a note
//! never changes a verdict. Seminar keys that are also ordinary arrows act only when no
//! control has the focus.

use egui::{Key, Modifiers};

use crate::domain::{Confidence, Verdict};

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Handled by egui itself (focus, pressing).
    Egui,
    /// The next larger text size.
    TextLarger,
    /// The next smaller text size.
    TextSmaller,
    /// Standard text size.
    TextStandard,
    /// Open the display and keyboard page.
    Help,
    /// Close the model reference or the display and keyboard page.
    Close,
    /// Mark the next factor.
    NextFactor,
    /// Mark the previous factor.
    PreviousFactor,
    /// Choose a verdict for the factor being marked.
    Verdict(Verdict),
    /// Choose a confidence for the factor being marked.
    Confidence(Confidence),
    /// Check your answers.
    Check,
    /// Next step of the seminar.
    SeminarNext,
    /// Previous step of the seminar.
    SeminarPrevious,
    /// Reveal the model's answer for the factor on screen in a seminar.
    Reveal,
    /// Full screen on or off.
    FullScreen,
}

/// Where a key works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// On every screen.
    Anywhere,
    /// While marking a case.
    Marking,
    /// In a seminar, in the console or the room view.
    Seminar,
}

/// When a key is ignored so that it keeps its usual meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unless {
    /// Always acts.
    Never,
    /// Not while a text box has the keyboard (letters and digits).
    Typing,
    /// Not while any control has the focus (arrows move within controls).
    Focused,
}

/// One key and what it does.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// The key.
    pub key: Key,
    /// With these modifiers (Ctrl is Cmd on a Mac).
    pub modifiers: Modifiers,
    /// The key as the help page writes it.
    pub label: &'static str,
    /// What it does.
    pub command: Command,
    /// Where it works.
    pub scope: Scope,
    /// When it is ignored.
    pub unless: Unless,
    /// The row of the help page it is listed in: keys with the same row are listed
    /// together.
    pub row: &'static str,
}

const fn bind(
    key: Key,
    label: &'static str,
    command: Command,
    scope: Scope,
    unless: Unless,
    row: &'static str,
) -> Binding {
    Binding {
        key,
        modifiers: Modifiers::NONE,
        label,
        command,
        scope,
        unless,
        row,
    }
}

const fn ctrl(mut binding: Binding) -> Binding {
    binding.modifiers = Modifiers::COMMAND;
    binding
}

const fn shift(mut binding: Binding) -> Binding {
    binding.modifiers = Modifiers::SHIFT;
    binding
}

const MOVE: &str = "Move to the next or previous control";
const PRESS: &str = "Press the control in focus; cite or un-cite the paragraph in focus";
const CLOSE: &str = "Close the model reference, or this page";
const FACTOR: &str = "Next or previous factor, when marking";
const VERDICT: &str = "Verdict: Present, Partly, Missing, Can't tell";
const CONFIDENCE: &str = "Confidence: low, medium, high";
const CHECK: &str = "Check your answers";
const STEP: &str = "Next or previous step in a seminar (arrows when no control has the focus)";
const REVEAL: &str = "Reveal the model's answer in a seminar";
const SIZE: &str = "Larger text, smaller text, standard size";
const FULL: &str = "Full screen on or off";
const HELP: &str = "This page";

/// Every shortcut, in the order the help page lists them.
pub const BINDINGS: &[Binding] = &[
    bind(
        Key::Tab,
        "Tab",
        Command::Egui,
        Scope::Anywhere,
        Unless::Never,
        MOVE,
    ),
    shift(bind(
        Key::Tab,
        "Shift+Tab",
        Command::Egui,
        Scope::Anywhere,
        Unless::Never,
        MOVE,
    )),
    bind(
        Key::Enter,
        "Enter",
        Command::Egui,
        Scope::Anywhere,
        Unless::Never,
        PRESS,
    ),
    bind(
        Key::Space,
        "Space",
        Command::Egui,
        Scope::Anywhere,
        Unless::Never,
        PRESS,
    ),
    bind(
        Key::Escape,
        "Escape",
        Command::Close,
        Scope::Anywhere,
        Unless::Never,
        CLOSE,
    ),
    bind(
        Key::N,
        "N",
        Command::NextFactor,
        Scope::Marking,
        Unless::Typing,
        FACTOR,
    ),
    bind(
        Key::P,
        "P",
        Command::PreviousFactor,
        Scope::Marking,
        Unless::Typing,
        FACTOR,
    ),
    bind(
        Key::Num1,
        "1",
        Command::Verdict(Verdict::Present),
        Scope::Marking,
        Unless::Typing,
        VERDICT,
    ),
    bind(
        Key::Num2,
        "2",
        Command::Verdict(Verdict::Partly),
        Scope::Marking,
        Unless::Typing,
        VERDICT,
    ),
    bind(
        Key::Num3,
        "3",
        Command::Verdict(Verdict::Missing),
        Scope::Marking,
        Unless::Typing,
        VERDICT,
    ),
    bind(
        Key::Num4,
        "4",
        Command::Verdict(Verdict::CantTell),
        Scope::Marking,
        Unless::Typing,
        VERDICT,
    ),
    bind(
        Key::L,
        "L",
        Command::Confidence(Confidence::Low),
        Scope::Marking,
        Unless::Typing,
        CONFIDENCE,
    ),
    bind(
        Key::M,
        "M",
        Command::Confidence(Confidence::Medium),
        Scope::Marking,
        Unless::Typing,
        CONFIDENCE,
    ),
    bind(
        Key::H,
        "H",
        Command::Confidence(Confidence::High),
        Scope::Marking,
        Unless::Typing,
        CONFIDENCE,
    ),
    ctrl(bind(
        Key::Enter,
        "Ctrl+Enter",
        Command::Check,
        Scope::Marking,
        Unless::Never,
        CHECK,
    )),
    bind(
        Key::PageDown,
        "Page Down",
        Command::SeminarNext,
        Scope::Seminar,
        Unless::Never,
        STEP,
    ),
    bind(
        Key::PageUp,
        "Page Up",
        Command::SeminarPrevious,
        Scope::Seminar,
        Unless::Never,
        STEP,
    ),
    bind(
        Key::ArrowRight,
        "Right arrow",
        Command::SeminarNext,
        Scope::Seminar,
        Unless::Focused,
        STEP,
    ),
    bind(
        Key::ArrowLeft,
        "Left arrow",
        Command::SeminarPrevious,
        Scope::Seminar,
        Unless::Focused,
        STEP,
    ),
    bind(
        Key::R,
        "R",
        Command::Reveal,
        Scope::Seminar,
        Unless::Focused,
        REVEAL,
    ),
    ctrl(bind(
        Key::Plus,
        "Ctrl+Plus",
        Command::TextLarger,
        Scope::Anywhere,
        Unless::Never,
        SIZE,
    )),
    ctrl(bind(
        Key::Equals,
        "Ctrl+=",
        Command::TextLarger,
        Scope::Anywhere,
        Unless::Never,
        SIZE,
    )),
    ctrl(bind(
        Key::Minus,
        "Ctrl+Minus",
        Command::TextSmaller,
        Scope::Anywhere,
        Unless::Never,
        SIZE,
    )),
    ctrl(bind(
        Key::Num0,
        "Ctrl+0",
        Command::TextStandard,
        Scope::Anywhere,
        Unless::Never,
        SIZE,
    )),
    bind(
        Key::F11,
        "F11",
        Command::FullScreen,
        Scope::Anywhere,
        Unless::Never,
        FULL,
    ),
    bind(
        Key::F1,
        "F1",
        Command::Help,
        Scope::Anywhere,
        Unless::Never,
        HELP,
    ),
];

/// The help page's rows: the keys of each row joined, and what they do, in table order.
pub fn help_rows() -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for binding in BINDINGS {
        match rows.iter_mut().find(|(_, row)| *row == binding.row) {
            Some((keys, _)) => {
                keys.push_str(", ");
                keys.push_str(binding.label);
            }
            None => rows.push((binding.label.to_owned(), binding.row)),
        }
    }
    rows
}

/// The commands whose keys were pressed this frame in the given scopes, in table order.
/// Each key is consumed, so it does nothing else. Keys egui handles are left to egui.
pub fn commands(ctx: &egui::Context, scopes: &[Scope]) -> Vec<Command> {
    let typing = ctx.text_edit_focused();
    let focused = ctx.memory(|m| m.focused().is_some());
    BINDINGS
        .iter()
        .filter(|b| b.command != Command::Egui && scopes.contains(&b.scope))
        .filter(|b| match b.unless {
            Unless::Never => true,
            Unless::Typing => !typing,
            Unless::Focused => !focused,
        })
        .filter(|b| ctx.input_mut(|i| i.consume_key(b.modifiers, b.key)))
        .map(|b| b.command)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{BINDINGS, help_rows};

    #[test]
    fn every_binding_is_listed_on_the_help_page() {
        let rows = help_rows();
        for binding in BINDINGS {
            let listed = rows.iter().any(|(keys, what)| {
                *what == binding.row && keys.split(", ").any(|k| k == binding.label)
            });
            assert!(listed, "{} is not on the help page", binding.label);
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (n, a) in BINDINGS.iter().enumerate() {
            for b in BINDINGS.iter().skip(n + 1) {
                assert!(
                    !(a.key == b.key && a.modifiers == b.modifiers && a.scope == b.scope),
                    "{} is bound twice",
                    a.label
                );
            }
        }
    }
}
