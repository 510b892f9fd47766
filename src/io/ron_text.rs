//! Reading RON with plain-English errors.
//!
//! ron's own messages are written for programmers ("Expected string"). This module turns
//! them into sentences a trainer with a text editor can act on, and keeps the position.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use super::error::{Position, Problem, ProblemKind};
use super::locate::Locator;

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
    options.from_str(text).map_err(|error| {
        let mut problem = syntax_problem(&error);
        if let Some((message, skip)) = describe_in(&error, text) {
            problem.kind = ProblemKind::Syntax { message };
            // Point at the quote itself, not the space before it.
            if let Some(at) = problem.position.as_mut() {
                at.column += skip;
            }
        }
        problem
    })
}

/// As [`parse`], for a file whose first field is a `format` number. When the text cannot
/// be read and its format is not `supported`, that is the problem to report: a newer
/// format may have fields this version has never heard of.
pub fn parse_format<T: serde::de::DeserializeOwned>(
    text: &str,
    supported: u32,
) -> Result<T, Problem> {
    parse(text).map_err(|problem| match format_number(text) {
        Some((found, at)) if found != supported => Problem::new(
            Some(at),
            ProblemKind::UnsupportedFormat { found, supported },
        ),
        _ => problem,
    })
}

/// The number written as `format: N` at the top level of the text, and where.
pub fn format_number(text: &str) -> Option<(u32, Position)> {
    let locator = Locator::new(text);
    let (word, at) = locator.top_level_word("format")?;
    Some((word.parse().ok()?, at))
}

/// Curly quotes, which word processors put in place of straight ones.
const CURLY_QUOTES: [char; 6] = [
    '\u{201c}', '\u{201d}', '\u{201e}', '\u{2018}', '\u{2019}', '\u{201a}',
];

/// A better message for an error, from the text around it, when there is one: curly or
/// single quotes where text should start, a decimal point in a whole number, the wrong
/// kind of item at the top of the file. With it, how many columns on the character it is
/// about is from where ron points.
fn describe_in(error: &SpannedError, text: &str) -> Option<(String, usize)> {
    let line = text.lines().nth(error.span.start.line.checked_sub(1)?)?;
    let column = error.span.start.col.max(1) - 1;
    // ron points at the space before a value; the first character after it is the one
    // the author wrote.
    let spaces = line
        .chars()
        .skip(column)
        .take_while(|c| c.is_whitespace())
        .count();
    let here = line.chars().nth(column + spaces);
    let before = line.chars().take(column).last();
    match (&error.code, here) {
        (_, Some(quote)) if CURLY_QUOTES.contains(&quote) => Some((format!(
            "This text starts with a curly quote ({quote}), as word processors write. Put text in straight double quotes (\"like this\"): retype the quotes at each end in a text editor."
        ), spaces)),
        (RonError::ExpectedString | RonError::ExpectedStringEnd, Some('\'')) => Some((
            "Text goes in straight double quotes (\"like this\"), not single quotes. An apostrophe inside the text is fine: \"Mrs A's daughter\".".to_owned(),
            spaces,
        )),
        (RonError::ExpectedComma, Some('.')) if before.is_some_and(|c| c.is_ascii_digit()) => {
            let field = line
                .split_once(':')
                .map(|(name, _)| name.trim())
                .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'));
            let message = match field {
                Some("version") => "The version is a whole number, such as 2, with no decimal point. Add one to it whenever you change the case.".to_owned(),
                Some(name) => format!("'{name}' is a whole number, such as 15, with no decimal point."),
                None => "Expected a whole number here, such as 1 or 60, with no decimal point.".to_owned(),
            };
            Some((message, 0))
        }
        (RonError::ExpectedNamedStructLike(name), _) => Some((format!(
            "Expected a bracketed item here: {name}(...). Start from the example in docs/authoring.md."
        ), spaces)),
        _ => curly_nearby(text, error.span.start.line)
            .map(|quote| (format!("{} This line or the one before has a curly quote ({quote}) where a straight double quote (\") belongs, as word processors write: retype it in a text editor.", describe(&error.code)), 0)),
    }
}

/// A curly quote written where a straight one opens or closes text, on the given line
/// (from 1) or the one before: a quote after `:`, `[`, `(` or `,`, or before `,`, `)`, `]`
/// or the end of the line.
fn curly_nearby(text: &str, line: usize) -> Option<char> {
    let first = line.saturating_sub(2);
    text.lines()
        .skip(first)
        .take(line - first)
        .find_map(|line| {
            let chars: Vec<char> = line.chars().collect();
            chars.iter().enumerate().find_map(|(i, c)| {
                if !CURLY_QUOTES.contains(c) {
                    return None;
                }
                let previous = chars.iter().take(i).rev().find(|c| !c.is_whitespace());
                let next = chars.iter().skip(i + 1).find(|c| !c.is_whitespace());
                let opens = previous.is_none_or(|p| matches!(p, ':' | '[' | '(' | ','));
                let closes = next.is_none_or(|n| matches!(n, ',' | ')' | ']'));
                (opens || closes).then_some(*c)
            })
        })
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
        RonError::ExpectedStructLike => {
            "Expected a bracketed item here, such as Passage(...) or Answer(...).".to_owned()
        }
        RonError::ExpectedNamedStructLike(name) => format!("Expected a bracketed item here: {name}(...)."),
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
        "Confidence" => "confidence",
        "Outcome" => "outcome",
        _ => name,
    }
}
