//! Finds where things are in a RON file, so a problem found after parsing (a repeated id,
//! a reference to a passage that does not exist) can name its line and column.
//!
//! serde forgets positions once a file is parsed, so this module reads the text again as
//! a flat list of tokens (names, strings and punctuation, with comments skipped) and
//! searches it. It never fails: when it cannot find a place it says so with `None`.

use super::error::Position;

/// One token of RON text.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    /// A name, number or other bare word, such as `id` or `Present`.
    Word(String),
    /// A string literal, unescaped.
    Str(String),
    /// Punctuation: brackets, commas, colons.
    Punct(char),
}

#[derive(Clone, Debug)]
struct Located {
    token: Token,
    position: Position,
    /// Bracket depth before this token: 1 for the fields of the outermost struct.
    depth: usize,
}

/// A place in a case file, described by what is written there.
#[derive(Clone, Debug)]
pub enum Place<'a> {
    /// The start of the file.
    Start,
    /// A field of the outermost struct, such as `format` or `answers`.
    Field(&'static str),
    /// The `nth` (from 0) occurrence of `key: "value"` inside a top-level field's brackets
    /// (or anywhere, when `within` is `None`).
    Keyed {
        /// The top-level field to search inside, such as `sections`.
        within: Option<&'static str>,
        /// The field name, such as `id`.
        key: &'static str,
        /// The string value.
        value: &'a str,
        /// Which occurrence, from 0.
        nth: usize,
    },
    /// The field called `field` in the item (the brackets) that holds another place, such
    /// as the `text` of the passage whose `id` is `"b"`. Fields may be written in any order,
    /// so the whole item is searched, not only what follows. When the item has no such
    /// field, the place of `owner` itself.
    FieldOf {
        /// A place inside the item, usually its `id: "..."` or `factor: "..."`.
        owner: Box<Place<'a>>,
        /// The field name.
        field: &'static str,
    },
    /// The `nth` (from 0) string equal to `value` in the list written for `field`, in the
    /// item that holds another place, such as the second `"a"` in `evidence: ["a", "a"]`.
    /// When it cannot be found, the place of `owner` itself.
    ValueIn {
        /// A place inside the item.
        owner: Box<Place<'a>>,
        /// The field holding the list, such as `evidence`.
        field: &'static str,
        /// The string.
        value: &'a str,
        /// Which occurrence, from 0.
        nth: usize,
    },
}

/// Searches one file's tokens.
pub struct Locator<'a> {
    tokens: Vec<Located>,
    _text: std::marker::PhantomData<&'a str>,
}

impl<'a> Locator<'a> {
    /// Reads the tokens of `text`. Stops quietly at anything it cannot read.
    pub fn new(text: &'a str) -> Self {
        Self {
            tokens: tokenize(text),
            _text: std::marker::PhantomData,
        }
    }

    /// The line and column of a place, if it can be found.
    pub fn find(&self, place: &Place<'_>) -> Option<Position> {
        self.index(place)
            .and_then(|i| self.tokens.get(i))
            .map(|t| t.position)
    }

    /// The bare word written as the value of a top-level field, such as the `2` of
    /// `format: 2`, with the position of the field's name.
    pub fn top_level_word(&self, field: &str) -> Option<(&str, Position)> {
        let name = self.top_field(field)?;
        match self.tokens.get(name + 2).map(|t| &t.token) {
            Some(Token::Word(word)) => Some((word, self.tokens.get(name)?.position)),
            _ => None,
        }
    }

    fn index(&self, place: &Place<'_>) -> Option<usize> {
        match place {
            Place::Start => Some(0).filter(|_| !self.tokens.is_empty()),
            Place::Field(name) => self.top_field(name),
            Place::Keyed {
                within,
                key,
                value,
                nth,
            } => {
                let (start, end) = match within {
                    Some(field) => self.field_range(field)?,
                    None => (0, self.tokens.len()),
                };
                (start..end)
                    .filter(|&i| self.is_key_value(i, key, value))
                    .nth(*nth)
            }
            Place::FieldOf { owner, field } => {
                let at = self.index(owner)?;
                Some(self.field_in_item(owner, at, field).unwrap_or(at))
            }
            Place::ValueIn {
                owner,
                field,
                value,
                nth,
            } => {
                let at = self.index(owner)?;
                let found = self.field_in_item(owner, at, field).and_then(|name| {
                    let (start, end) = self.value_range(name);
                    (start..end).filter(|&i| self.is_string(i, value)).nth(*nth)
                });
                Some(found.unwrap_or(at))
            }
        }
    }

    /// The tokens of the item that holds `place` (found at token `at`): its first and last
    /// token, and the depth of its own fields. The outermost item for the start of the file
    /// and for top-level fields.
    fn item(&self, place: &Place<'_>, at: usize) -> (usize, usize, usize) {
        let whole = (0, self.tokens.len(), 1);
        match place {
            Place::Start | Place::Field(_) => whole,
            Place::Keyed { .. } | Place::FieldOf { .. } | Place::ValueIn { .. } => {
                let Some(depth) = self.tokens.get(at).map(|t| t.depth) else {
                    return whole;
                };
                let Some(outer) = depth.checked_sub(1) else {
                    return whole;
                };
                let bracket = |i: &usize, open: bool| {
                    self.tokens.get(*i).is_some_and(|t| {
                        t.depth == outer
                            && matches!(
                                (&t.token, open),
                                (Token::Punct('(' | '[' | '{'), true)
                                    | (Token::Punct(')' | ']' | '}'), false)
                            )
                    })
                };
                let start = (0..at).rev().find(|i| bracket(i, true)).unwrap_or(0);
                let end = (at..self.tokens.len())
                    .find(|i| bracket(i, false))
                    .unwrap_or(self.tokens.len());
                (start, end, depth)
            }
        }
    }

    /// The field called `name` in the item holding `owner`: one of the item's own fields if
    /// it has one, or else the first in an item nested inside it (a contested reading's
    /// `why`, say).
    fn field_in_item(&self, owner: &Place<'_>, at: usize, name: &str) -> Option<usize> {
        let (start, end, depth) = self.item(owner, at);
        let named = |i: &usize| self.is_field_name(*i, name);
        (start..end)
            .filter(named)
            .find(|&i| self.tokens.get(i).is_some_and(|t| t.depth == depth))
            .or_else(|| (start..end).find(named))
    }

    /// The tokens of the value written after the field name at `name`.
    fn value_range(&self, name: usize) -> (usize, usize) {
        let depth = self.tokens.get(name).map_or(0, |t| t.depth);
        let start = name + 2;
        let end = (start..self.tokens.len())
            .find(|&i| {
                self.tokens.get(i).is_some_and(|t| {
                    t.depth < depth || (t.depth == depth && t.token == Token::Punct(','))
                })
            })
            .unwrap_or(self.tokens.len());
        (start, end)
    }

    fn is_string(&self, i: usize, value: &str) -> bool {
        matches!(self.tokens.get(i).map(|t| &t.token), Some(Token::Str(s)) if s == value)
    }

    fn top_field(&self, name: &str) -> Option<usize> {
        (0..self.tokens.len()).find(|&i| {
            self.tokens.get(i).is_some_and(|t| t.depth == 1) && self.is_field_name(i, name)
        })
    }

    /// The tokens between a top-level field's name and the end of its value.
    fn field_range(&self, name: &str) -> Option<(usize, usize)> {
        let start = self.top_field(name)?;
        let end = (start + 1..self.tokens.len())
            .find(|&i| {
                self.tokens
                    .get(i)
                    .is_some_and(|t| t.depth <= 1 && matches!(t.token, Token::Punct(',' | ')')))
            })
            .unwrap_or(self.tokens.len());
        Some((start, end))
    }

    fn is_field_name(&self, i: usize, name: &str) -> bool {
        matches!(self.tokens.get(i).map(|t| &t.token), Some(Token::Word(w)) if w == name)
            && matches!(
                self.tokens.get(i + 1).map(|t| &t.token),
                Some(Token::Punct(':'))
            )
    }

    fn is_key_value(&self, i: usize, key: &str, value: &str) -> bool {
        self.is_field_name(i, key)
            && matches!(self.tokens.get(i + 2).map(|t| &t.token), Some(Token::Str(s)) if s == value)
    }
}

fn tokenize(text: &str) -> Vec<Located> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut col = 1;
    let mut depth: usize = 0;

    // Advances one character, keeping line and column.
    macro_rules! next {
        () => {{
            let c = chars.next();
            if c == Some('\n') {
                line += 1;
                col = 1;
            } else if c.is_some() {
                col += 1;
            }
            c
        }};
    }

    while let Some(&c) = chars.peek() {
        let position = Position { line, column: col };
        if c.is_whitespace() || c == '\u{feff}' {
            next!();
        } else if c == '/' {
            next!();
            match chars.peek() {
                Some('/') => {
                    while let Some(c) = next!() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                Some('*') => {
                    next!();
                    let mut level = 1;
                    let mut previous = ' ';
                    while let Some(c) = next!() {
                        if previous == '*' && c == '/' {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                            previous = ' ';
                        } else if previous == '/' && c == '*' {
                            level += 1;
                            previous = ' ';
                        } else {
                            previous = c;
                        }
                    }
                }
                _ => tokens.push(Located {
                    token: Token::Punct('/'),
                    position,
                    depth,
                }),
            }
        } else if let Some(hashes) = raw_string_start(&chars) {
            // r"..." or r#"..."#: no escapes; ends at a quote followed by as many #.
            for _ in 0..hashes + 2 {
                next!();
            }
            let mut value = String::new();
            while let Some(c) = next!() {
                if c == '"' {
                    let mut ahead = chars.clone();
                    if (0..hashes).all(|_| ahead.next() == Some('#')) {
                        for _ in 0..hashes {
                            next!();
                        }
                        break;
                    }
                }
                value.push(c);
            }
            tokens.push(Located {
                token: Token::Str(value),
                position,
                depth,
            });
        } else if c == '"' {
            next!();
            let mut value = String::new();
            while let Some(c) = next!() {
                match c {
                    '"' => break,
                    '\\' => {
                        if let Some(escaped) = next!() {
                            value.push(match escaped {
                                'n' => '\n',
                                't' => '\t',
                                other => other,
                            });
                        }
                    }
                    other => value.push(other),
                }
            }
            tokens.push(Located {
                token: Token::Str(value),
                position,
                depth,
            });
        } else if c.is_alphanumeric() || c == '_' || c == '.' || c == '-' || c == '+' {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_alphanumeric() || c == '_' || c == '.' || c == '-' || c == '+' {
                    word.push(c);
                    next!();
                } else {
                    break;
                }
            }
            tokens.push(Located {
                token: Token::Word(word),
                position,
                depth,
            });
        } else {
            next!();
            if matches!(c, ')' | ']' | '}') {
                depth = depth.saturating_sub(1);
            }
            tokens.push(Located {
                token: Token::Punct(c),
                position,
                depth,
            });
            if matches!(c, '(' | '[' | '{') {
                depth += 1;
            }
        }
    }
    tokens
}

/// The name of the outermost item, such as `Case` or `Attempt`, when the text starts with
/// one (after a byte order mark, spaces and comments). Reads only that far, so telling an
/// attempt file from a case costs next to nothing.
pub fn outer_name(text: &str) -> Option<&str> {
    let mut rest = text.strip_prefix('\u{feff}').unwrap_or(text);
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, next)| next);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after_block_comment(after)?;
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at_checked(end)?;
    (!name.is_empty() && after.trim_start().starts_with('(')).then_some(name)
}

/// The text after a block comment whose opening `/*` has been read; block comments nest.
fn after_block_comment(text: &str) -> Option<&str> {
    let mut level = 1_usize;
    let mut rest = text;
    while level > 0 {
        let close = rest.find("*/")?;
        match rest.find("/*") {
            Some(open) if open < close => {
                level += 1;
                rest = rest.get(open + 2..)?;
            }
            _ => {
                level -= 1;
                rest = rest.get(close + 2..)?;
            }
        }
    }
    Some(rest)
}

/// When the text ahead opens a raw string (`r"`, `r#"`, `r##"`...), how many `#` it uses.
fn raw_string_start(chars: &std::iter::Peekable<std::str::Chars<'_>>) -> Option<usize> {
    let mut ahead = chars.clone();
    if ahead.next() != Some('r') {
        return None;
    }
    let mut hashes = 0;
    loop {
        match ahead.next() {
            Some('#') => hashes += 1,
            Some('"') => return Some(hashes),
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"// a comment with id: "x"
Case(
    format: 1,
    sections: [
        Section(id: "a", passages: [Passage(id: "b", text: "")]),
        /* id: "a" */ Section(id: "a", text: "say \"hi\""),
    ],
    answers: [Answer(factor: "f", evidence: ["zz"])],
)"#;

    #[test]
    fn finds_top_level_fields() {
        let locator = Locator::new(TEXT);
        assert_eq!(
            locator.find(&Place::Field("format")),
            Some(Position { line: 3, column: 5 })
        );
        assert_eq!(
            locator.find(&Place::Field("answers")),
            Some(Position { line: 8, column: 5 })
        );
        assert_eq!(locator.find(&Place::Field("missing")), None);
    }

    #[test]
    fn finds_the_nth_keyed_value_skipping_comments() {
        let locator = Locator::new(TEXT);
        let second = Place::Keyed {
            within: Some("sections"),
            key: "id",
            value: "a",
            nth: 1,
        };
        assert_eq!(
            locator.find(&second),
            Some(Position {
                line: 6,
                column: 31
            })
        );
        let none = Place::Keyed {
            within: Some("answers"),
            key: "id",
            value: "a",
            nth: 0,
        };
        assert_eq!(locator.find(&none), None);
    }

    #[test]
    fn finds_values_and_fields_of_an_item() {
        let locator = Locator::new(TEXT);
        let answer = Place::Keyed {
            within: Some("answers"),
            key: "factor",
            value: "f",
            nth: 0,
        };
        let value = Place::ValueIn {
            owner: Box::new(answer),
            field: "evidence",
            value: "zz",
            nth: 0,
        };
        assert_eq!(
            locator.find(&value),
            Some(Position {
                line: 8,
                column: 46
            })
        );
        let passage = Place::Keyed {
            within: None,
            key: "id",
            value: "b",
            nth: 0,
        };
        let text = Place::FieldOf {
            owner: Box::new(passage),
            field: "text",
        };
        assert_eq!(
            locator.find(&text),
            Some(Position {
                line: 5,
                column: 54
            })
        );
    }

    #[test]
    fn finds_fields_written_in_any_order() {
        let text = r#"Case(
    sections: [Section(id: "s", passages: [
        Passage(text: "", id: "first"),
        Passage(id: "second", text: "fine"),
    ])],
    answers: [
        Answer(evidence: ["a", "b", "a"], rationale: " ", factor: "f"),
        Answer(factor: "g", rationale: "fine"),
    ],
)"#;
        let locator = Locator::new(text);
        let keyed = |key, value| Place::Keyed {
            within: None,
            key,
            value,
            nth: 0,
        };
        let text_of_first = Place::FieldOf {
            owner: Box::new(keyed("id", "first")),
            field: "text",
        };
        assert_eq!(
            locator.find(&text_of_first),
            Some(Position {
                line: 3,
                column: 17
            })
        );
        let rationale = Place::FieldOf {
            owner: Box::new(keyed("factor", "f")),
            field: "rationale",
        };
        assert_eq!(
            locator.find(&rationale),
            Some(Position {
                line: 7,
                column: 43
            })
        );
        let second_a = Place::ValueIn {
            owner: Box::new(keyed("factor", "f")),
            field: "evidence",
            value: "a",
            nth: 1,
        };
        assert_eq!(
            locator.find(&second_a),
            Some(Position {
                line: 7,
                column: 37
            })
        );
    }

    #[test]
    fn reads_past_raw_strings() {
        // An odd number of quotes inside: read as ordinary strings, they would pair up
        // wrongly from here to the end.
        let text =
            "Case(\n    title: r#\"A 4\" gap\"#,\n    summary: r\"plain\",\n    id: \"x\",\n)";
        let locator = Locator::new(text);
        assert_eq!(
            locator.find(&Place::Field("id")),
            Some(Position { line: 4, column: 5 })
        );
        assert_eq!(
            locator.find(&Place::Field("summary")),
            Some(Position { line: 3, column: 5 })
        );
    }

    #[test]
    fn names_the_outermost_item_from_the_start_of_the_text() {
        assert_eq!(outer_name("Attempt(format: 1)"), Some("Attempt"));
        assert_eq!(
            outer_name("\u{feff}// note\n/* a /* nested */ one */ Case (\n"),
            Some("Case")
        );
        for text in [
            "",
            "[1]",
            "(format: 1)",
            "Case",
            "/* never closed",
            "// only",
        ] {
            assert_eq!(outer_name(text), None, "{text:?}");
        }
    }

    #[test]
    fn never_fails_on_broken_text() {
        for text in [
            "",
            "\"unclosed",
            "/* unclosed",
            "((((",
            "))))",
            "id: \"\\",
            "r#\"unclosed",
            "r#",
            "r",
        ] {
            let locator = Locator::new(text);
            let _ = locator.find(&Place::Field("id"));
        }
    }
}
