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
    /// The first field called `field` after another place.
    FieldAfter {
        /// Where to start looking.
        anchor: Box<Place<'a>>,
        /// The field name.
        field: &'static str,
    },
    /// The first string equal to `value` after another place.
    ValueAfter {
        /// Where to start looking.
        anchor: Box<Place<'a>>,
        /// The string.
        value: &'a str,
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
            Place::FieldAfter { anchor, field } => {
                let from = self.index(anchor)?;
                (from..self.tokens.len()).find(|&i| self.is_field_name(i, field))
            }
            Place::ValueAfter { anchor, value } => {
                let from = self.index(anchor)?;
                (from..self.tokens.len())
                    .find(|&i| matches!(&self.tokens.get(i).map(|t| &t.token), Some(Token::Str(s)) if s == value))
            }
        }
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
        if c.is_whitespace() {
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
    fn finds_values_and_fields_after_an_anchor() {
        let locator = Locator::new(TEXT);
        let answer = Place::Keyed {
            within: Some("answers"),
            key: "factor",
            value: "f",
            nth: 0,
        };
        let value = Place::ValueAfter {
            anchor: Box::new(answer),
            value: "zz",
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
        let text = Place::FieldAfter {
            anchor: Box::new(passage),
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
    fn never_fails_on_broken_text() {
        for text in ["", "\"unclosed", "/* unclosed", "((((", "))))", "id: \"\\"] {
            let locator = Locator::new(text);
            let _ = locator.find(&Place::Field("id"));
        }
    }
}
