//! Problems found in files, with where they are and what to do about them.
//!
//! Every message is plain English in the GOV.UK style: it says what is wrong and how to fix
//! it. The file name comes first in the `FILE:LINE:COL: message` form authors know from
//! compilers, so editors can jump to the spot.

use std::fmt;

/// A line and column in a file, both counting from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// What is wrong, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file could not be read at all.
    #[error(
        "The file could not be read ({reason}). Check that it exists and that you can open it."
    )]
    Read {
        /// What the system said.
        reason: String,
    },
    /// The path is not an ordinary file: a named pipe, a device or a socket. It is never
    /// opened, since reading one can wait for ever.
    #[error(
        "This is {what}, not an ordinary file, so it was not read. Case and attempt files are plain text files."
    )]
    NotAFile {
        /// What it is, such as "a named pipe (FIFO)".
        what: &'static str,
    },
    /// A folder too deep below the folder the user opened.
    #[error(
        "This folder{} is more than {limit} folders below {top}, so {} not searched. Open it on its own, or move its cases higher.",
        if *others == 0 { String::new() } else { format!(" and {others} more like it") },
        if *others == 0 { "it was" } else { "they were" }
    )]
    TooDeep {
        /// The folder the user opened.
        top: String,
        /// How many levels down are searched.
        limit: usize,
        /// How many other folders were too deep as well.
        others: usize,
    },
    /// A link to a folder that leads back to a folder being searched.
    #[error(
        "This is a link back to {ancestor}, which is already being searched, so it was not followed."
    )]
    LinkLoop {
        /// The folder it leads back to.
        ancestor: String,
    },
    /// The file is larger than the loader accepts.
    #[error(
        "The file is {size} bytes, which is more than the limit of {limit} bytes. Split the case into shorter cases."
    )]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("The file is not plain text (UTF-8). Save it as UTF-8 text from your editor.")]
    NotText,
    /// The file has nothing in it.
    #[error("The file is empty. Start from the example in docs/authoring.md.")]
    EmptyFile,
    /// The RON text could not be read.
    #[error("{message}")]
    Syntax {
        /// A plain-English description of the syntax problem.
        message: String,
    },
    /// The `format` number is not one this version supports.
    #[error(
        "This file is format {found}; this version of the app reads format {supported}. If the file was made for a newer version of the app, open it there; if not, set 'format: {supported}'."
    )]
    UnsupportedFormat {
        /// What the file says.
        found: u32,
        /// What the app reads.
        supported: u32,
    },
    /// An id is not in the allowed form.
    #[error(
        "The id \"{id}\" is not allowed. Use lower-case letters, digits and hyphens, such as \"white-paper-2010\" (at most 64 characters)."
    )]
    BadId {
        /// The id.
        id: String,
    },
    /// Two things share an id.
    #[error("The {what} id \"{id}\" is used more than once. Give each {what} its own id.")]
    DuplicateId {
        /// What kind of thing.
        what: &'static str,
        /// The id.
        id: String,
    },
    /// A required piece of text is empty.
    #[error("The field '{field}' is empty. Write the text, or remove the field if it is optional.")]
    EmptyText {
        /// The field.
        field: &'static str,
    },
    /// A piece of text is longer than the loader accepts.
    #[error(
        "The field '{field}' is {chars} characters long, more than the limit of {limit}. Split it into shorter passages or trim it."
    )]
    TooLong {
        /// The field.
        field: &'static str,
        /// Its length.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// A list is longer than the loader accepts.
    #[error(
        "The case has {count} {what}, more than the limit of {limit}. Split it into shorter cases."
    )]
    TooMany {
        /// What is counted.
        what: &'static str,
        /// How many.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// No audience was given.
    #[error(
        "The case has no audience. Add at least one: 'audience: [SeniorLeaders]' or 'audience: [AllGrades]'."
    )]
    NoAudience,
    /// The case takes zero minutes.
    #[error("The case takes 0 minutes. Set 'minutes' to how long a session on it takes.")]
    ZeroMinutes,
    /// The case has no sources.
    #[error("The case lists no sources. Add at least one Source so readers can check the facts.")]
    NoSources,
    /// The case has no sections.
    #[error("The case has no sections. Add at least one Section with passages of text.")]
    NoSections,
    /// A section has no passages.
    #[error(
        "The section \"{section}\" has no passages. Add at least one Passage, or remove the section."
    )]
    EmptySection {
        /// The section id.
        section: String,
    },
    /// A passage cites a source that is not listed.
    #[error(
        "The passage \"{passage}\" cites the source \"{cited}\", but no source has that id. Add the source to 'sources' or correct the id."
    )]
    UnknownSource {
        /// The passage id.
        passage: String,
        /// The missing source id.
        cited: String,
    },
    /// A passage cites the same source twice.
    #[error("The passage \"{passage}\" cites the source \"{cited}\" twice. Cite it once.")]
    RepeatedSource {
        /// The passage id.
        passage: String,
        /// The source id.
        cited: String,
    },
    /// A source's link is not a web address.
    #[error(
        "The link of the source \"{source_id}\" is not a web address. Write the full address, starting https:// (or http://), or leave out 'link'."
    )]
    BadLink {
        /// The source id.
        source_id: String,
    },
    /// An answer names a factor the model does not have.
    #[error("\"{factor}\" is not a factor of the model. Use one of: {known}.")]
    UnknownFactor {
        /// The id used.
        factor: String,
        /// The ids the model has.
        known: String,
    },
    /// A factor is answered twice.
    #[error("The factor \"{factor}\" is answered more than once. Keep one Answer for it.")]
    DuplicateAnswer {
        /// The factor id.
        factor: String,
    },
    /// A factor is not answered.
    #[error(
        "There is no answer for the factor \"{factor}\" ({name}). Add an Answer with 'factor: \"{factor}\"'."
    )]
    MissingAnswer {
        /// The factor id.
        factor: String,
        /// Its name.
        name: String,
    },
    /// An answer cites a passage that does not exist.
    #[error(
        "The answer for \"{factor}\" cites the passage \"{passage}\", but no passage has that id. Correct the id or add the passage."
    )]
    UnknownEvidence {
        /// The factor id.
        factor: String,
        /// The missing passage id.
        passage: String,
    },
    /// An answer cites the same passage twice.
    #[error("The answer for \"{factor}\" cites the passage \"{passage}\" twice. Cite it once.")]
    RepeatedEvidence {
        /// The factor id.
        factor: String,
        /// The passage id.
        passage: String,
    },
    /// An answer cites a passage marked `role: Context` as evidence.
    #[error(
        "The answer for \"{factor}\" cites the passage \"{passage}\", which is marked 'role: Context': the author's framing, not a fact of the case. Cite the passages that record what happened, or remove 'role: Context' if this passage is case fact."
    )]
    EvidenceIsContext {
        /// The factor id.
        factor: String,
        /// The passage id.
        passage: String,
    },
    /// A contested answer gives the same verdict for the other reading.
    #[error(
        "The answer for \"{factor}\" is contested, but 'other_verdict' is the same as 'verdict'. Give the other reading's verdict."
    )]
    ContestedSameVerdict {
        /// The factor id.
        factor: String,
    },
    /// A date is not a real date in the form the files use.
    #[error(
        "The date \"{value}\" in '{field}' is not a real date. Write it as year-month-day, such as \"2027-01-15\"."
    )]
    BadDate {
        /// The field.
        field: &'static str,
        /// What was written.
        value: String,
    },
    /// A barrier the model does not name.
    #[error("\"{barrier}\" is not a barrier the model names. Use one of: {known}.")]
    UnknownBarrier {
        /// The id used.
        barrier: String,
        /// The ids the model has.
        known: String,
    },
    /// A plan with no actions, or more than the most allowed.
    #[error(
        "The plan has {count} actions. A plan has 1 to {max} actions: remove some, or add one."
    )]
    ActionCount {
        /// How many.
        count: usize,
        /// The most allowed.
        max: usize,
    },
    /// A file of another kind, such as an attempt file where an assessment belongs.
    #[error("This is {found}, not {expected}. {hint}")]
    WrongKind {
        /// What it is, such as "an attempt file".
        found: &'static str,
        /// What belongs here, such as "an assessment file".
        expected: &'static str,
        /// Where to use it instead.
        hint: &'static str,
    },
    /// Two files give the same case id.
    #[error("The case id \"{id}\" is already used by {other}. Give each case its own id.")]
    CaseIdTaken {
        /// The id.
        id: String,
        /// The file that has it first.
        other: String,
    },
    /// A folder holds no case files.
    #[error("The folder has no case files. Case files end in .ron.")]
    EmptyFolder,
    /// A folder holds more files than the loader reads.
    #[error(
        "The folder has more than {limit} case files. Only the first {limit} were read; split the folder."
    )]
    TooManyFiles {
        /// The limit.
        limit: usize,
    },
    /// The model file is wrong (only possible in a broken build).
    #[error("{message}")]
    Model {
        /// What is wrong.
        message: String,
    },
}

impl ProblemKind {
    /// Whether this says a path was not read at all (it could not be, or it was passed
    /// over), rather than what is wrong inside a file.
    pub fn is_passed_over(&self) -> bool {
        matches!(
            self,
            Self::Read { .. }
                | Self::NotAFile { .. }
                | Self::TooDeep { .. }
                | Self::LinkLoop { .. }
                | Self::EmptyFolder
                | Self::TooManyFiles { .. }
        )
    }
}

/// One problem in a file, with its position when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is, when known.
    pub position: Option<Position>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem at a position.
    pub fn new(position: Option<Position>, kind: ProblemKind) -> Self {
        Self { position, kind }
    }

    /// A problem with the file as a whole.
    pub fn whole_file(kind: ProblemKind) -> Self {
        Self {
            position: None,
            kind,
        }
    }
}

/// Everything wrong with one file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.lines().join("\n"))]
pub struct FileError {
    /// The file, as the user named it.
    pub file: String,
    /// The problems, in the order they appear in the file.
    pub problems: Vec<Problem>,
}

impl FileError {
    /// A file with one problem.
    pub fn single(file: impl Into<String>, problem: Problem) -> Self {
        Self {
            file: file.into(),
            problems: vec![problem],
        }
    }

    /// Each problem as `FILE:LINE:COL: message`, or `FILE: message` when it has no position.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| match p.position {
                Some(at) => format!("{}:{at}: {}", self.file, p.kind),
                None => format!("{}: {}", self.file, p.kind),
            })
            .collect()
    }
}

/// The lines around a position, numbered from 1, for showing where a problem is. Tabs are
/// shown as single spaces so a marker under the column lines up.
pub fn excerpt(text: &str, at: Position, context: usize) -> Vec<(usize, String)> {
    let first = at.line.saturating_sub(context).max(1);
    let last = at.line + context;
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(n, _)| (first..=last).contains(n))
        .map(|(n, line)| (n, line.replace('\t', " ")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Position, excerpt};

    #[test]
    fn an_excerpt_is_the_lines_around_the_position() {
        let text = "one\ntwo\nthree\nfour\nfive\nsix";
        let lines = excerpt(text, Position { line: 2, column: 1 }, 2);
        assert_eq!(
            lines,
            vec![
                (1, "one".to_owned()),
                (2, "two".to_owned()),
                (3, "three".to_owned()),
                (4, "four".to_owned())
            ]
        );
        assert!(
            excerpt(
                text,
                Position {
                    line: 99,
                    column: 1
                },
                2
            )
            .is_empty()
        );
    }
}
