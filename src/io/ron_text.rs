//! Reading RON with plain-English errors.
//!
//! ron's own messages are written for programmers ("Expected string"). This module turns
//! them into sentences a trainer with a text editor can act on, and keeps the position.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::error::{Position, Problem, ProblemKind};

/// Deepest nesting of brackets accepted, well beyond what any case needs.
pub const MAX_DEPTH: usize = 64;

/// Parses RON text into `T`, turning syntax errors into a positioned [`Problem`].
///
/// Optional fields may be written with or without `Some(...)`.
pub fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Problem> {
    // Windows editors often start UTF-8 files with a byte order mark; it is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem::whole_file(ProblemKind::EmptyFile));
    }
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_DEPTH);
    options
        .from_str(text)
        .map_err(|error| syntax_problem(&error))
}

/// A positioned problem for a ron error.
pub fn syntax_problem(error: &SpannedError) -> Problem {
    let position = Position {
        line: error.span.start.line.max(1),
        column: error.span.start.col.max(1),
    };
    Problem::new(
        Some(position),
        ProblemKind::Syntax {
            message: describe(&error.code),
        },
    )
}

/// Says what a ron error means and how to fix it.
pub fn describe(error: &RonError) -> String {
    match error {
        RonError::Eof => "The file ends too early. Check for a missing closing bracket ')' or ']' or a missing quote.".to_owned(),
        RonError::ExpectedString | RonError::ExpectedStringEnd => {
            "Expected text in double quotes here, like \"some text\". Check for a missing or extra quote.".to_owned()
        }
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds | RonError::InvalidIntegerDigit { .. } => {
            "Expected a whole number here, such as 1 or 60.".to_owned()
        }
        RonError::ExpectedComma => {
            "Expected a comma here. Put a comma between fields and between items in a list, and check that every quote is closed.".to_owned()
        }
        RonError::ExpectedArray => "Expected a list in square brackets here, like [\"a\", \"b\"].".to_owned(),
        RonError::ExpectedArrayEnd => "Expected ']' to close the list here. Check for a missing comma or bracket.".to_owned(),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => {
            "Expected a bracketed item here, such as Passage(...) or Answer(...).".to_owned()
        }
        RonError::ExpectedStructLikeEnd => "Expected ')' to close the item here. Check for a missing comma or bracket.".to_owned(),
        RonError::ExpectedDifferentStructName { expected, found } => {
            format!("Found '{found}' where '{expected}(...)' belongs. Write {expected}(...) here.")
        }
        RonError::ExpectedMapColon => "Expected a colon ':' after the field name.".to_owned(),
        RonError::ExpectedIdentifier => "Expected a field name here, such as 'id' or 'text'.".to_owned(),
        RonError::ExpectedBoolean => "Expected true or false here.".to_owned(),
        RonError::ExpectedOption => "Expected a value or None here.".to_owned(),
        RonError::UnclosedBlockComment => "A comment starting with /* is never closed with */.".to_owned(),
        RonError::UnclosedLineComment => "A comment at the end of the file is not closed.".to_owned(),
        RonError::UnexpectedChar(c) => format!("The character '{}' is not expected here. Check the punctuation just before it.", c.escape_default()),
        RonError::InvalidEscape(_) => "This text has a backslash '\\' that is not allowed. Write \\\\ for a backslash or \\\" for a quote.".to_owned(),
        RonError::TrailingCharacters => "There is more text after the end of the case. Remove it, or check for an extra closing bracket.".to_owned(),
        RonError::ExceededRecursionLimit => format!("The brackets are nested more than {MAX_DEPTH} deep. Check for unclosed brackets."),
        RonError::Utf8Error(_) => "The file is not plain text (UTF-8). Save it as UTF-8 text from your editor.".to_owned(),
        RonError::NoSuchStructField { expected, found, outer } => {
            format!(
                "'{found}' is not a field of {}. Check the spelling. Fields allowed here: {}.",
                outer.as_deref().unwrap_or("this item"),
                expected.join(", ")
            )
        }
        RonError::MissingStructField { field, outer } => {
            format!("{} is missing the field '{field}'. Add it.", outer.as_deref().unwrap_or("This item"))
        }
        RonError::DuplicateStructField { field, outer } => {
            format!("The field '{field}' appears twice in {}. Keep one.", outer.as_deref().unwrap_or("this item"))
        }
        RonError::NoSuchEnumVariant { expected, found, outer } => {
            format!(
                "'{found}' is not a valid {}. Use one of: {}.",
                outer.as_deref().map_or("value", describe_enum),
                expected.join(", ")
            )
        }
        RonError::InvalidValueForType { expected, found } => format!("Expected {expected} here, but found {found}."),
        other => format!("The file could not be read here: {other}."),
    }
}

fn describe_enum(name: &str) -> &str {
    match name {
        "Verdict" => "verdict",
        "Audience" => "audience",
        "CaseKind" => "kind of case",
        "FactorGroup" => "factor group",
        _ => name,
    }
}
