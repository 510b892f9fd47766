//! One document, two renderers. Reports (the feedback report, the session record) are built
//! once as a small tree of headings, paragraphs, lists, definitions and tables, then
//! written as Markdown and as a self-contained HTML page with print styles. Escaping lives
//! here, once: every piece of text in the tree is plain text, and each renderer escapes it
//! for its format, so case text can never become markup.

use std::fmt::Write as _;

/// A piece of a line of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    /// Ordinary text.
    Text(String),
    /// Text that labels what follows ("Your note:"), shown bold.
    Strong(String),
    /// An identifier, such as a case id, shown as code.
    Code(String),
    /// A line break within the block.
    Break,
}

/// A line of text: spans in order.
pub type Line = Vec<Span>;

/// Plain text as a line.
pub fn text(text: impl Into<String>) -> Line {
    vec![Span::Text(text.into())]
}

/// A bold label followed by text, as a line.
pub fn labelled(label: impl Into<String>, text: impl Into<String>) -> Line {
    vec![
        Span::Strong(label.into()),
        Span::Text(format!(" {}", text.into())),
    ]
}

/// A block of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 to 6.
    Heading(u8, String),
    /// A paragraph.
    Paragraph(Line),
    /// A paragraph that stands out (the headline of a report).
    Lead(Line),
    /// A bulleted list.
    List(Vec<Line>),
    /// A numbered list.
    Numbered(Vec<Line>),
    /// Terms and what they are ("You: Partly").
    Definitions(Vec<(String, String)>),
    /// A table with a header row; each row's first cell heads that row.
    Table {
        /// The column headings.
        head: Vec<String>,
        /// The rows, each as long as the head.
        rows: Vec<Vec<String>>,
    },
    /// A part of the document kept together when printed.
    Section(Vec<Block>),
}

/// A whole document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The title: the page's title and its first heading.
    pub title: String,
    /// Style rules for the HTML page (screen and print).
    pub style: &'static str,
    /// The blocks after the title.
    pub blocks: Vec<Block>,
}

/// Escapes text for Markdown, so nothing in it is read as markup.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '('
                | ')'
                | '#'
                | '+'
                | '-'
                | '!'
                | '|'
                | '~'
        ) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

fn md_line(line: &[Span]) -> String {
    line.iter()
        .map(|span| match span {
            Span::Text(t) => md(t),
            Span::Strong(t) => format!("**{}**", md(t)),
            Span::Code(t) => format!("`{}`", t.replace('`', "'")),
            Span::Break => "\n   ".to_owned(),
        })
        .collect()
}

fn md_cell(text: &str) -> String {
    md(text)
}

fn markdown_blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Heading(level, heading) => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 6)));
                let _ = writeln!(out, "{hashes} {}\n", md(heading));
            }
            Block::Paragraph(line) | Block::Lead(line) => {
                let _ = writeln!(out, "{}\n", md_line(line));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", md_line(item));
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (n, item) in items.iter().enumerate() {
                    let _ = writeln!(out, "{}. {}", n + 1, md_line(item));
                }
                out.push('\n');
            }
            Block::Definitions(pairs) => {
                for (term, what) in pairs {
                    let _ = writeln!(out, "- {}: {}", md(term), md(what));
                }
                out.push('\n');
            }
            Block::Table { head, rows } => {
                let _ = writeln!(
                    out,
                    "| {} |",
                    head.iter()
                        .map(|h| md_cell(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                );
                let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
                for row in rows {
                    let _ = writeln!(
                        out,
                        "| {} |",
                        row.iter()
                            .map(|c| md_cell(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    );
                }
                out.push('\n');
            }
            Block::Section(inner) => markdown_blocks(out, inner),
        }
    }
}

/// The document as Markdown.
pub fn markdown(document: &Document) -> String {
    let mut out = format!("# {}\n\n", md(&document.title));
    markdown_blocks(&mut out, &document.blocks);
    out
}

fn esc(text: &str) -> std::borrow::Cow<'_, str> {
    html_escape::encode_text(text)
}

fn html_line(line: &[Span]) -> String {
    line.iter()
        .map(|span| match span {
            Span::Text(t) => esc(t).into_owned(),
            Span::Strong(t) => format!("<strong>{}</strong>", esc(t)),
            Span::Code(t) => format!("<code>{}</code>", esc(t)),
            Span::Break => "<br>".to_owned(),
        })
        .collect()
}

fn html_blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Heading(level, heading) => {
                let level = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", esc(heading));
            }
            Block::Paragraph(line) => {
                let _ = writeln!(out, "<p>{}</p>", html_line(line));
            }
            Block::Lead(line) => {
                let _ = writeln!(out, "<p class=\"summary\">{}</p>", html_line(line));
            }
            Block::List(items) => {
                let _ = writeln!(out, "<ul>");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", html_line(item));
                }
                let _ = writeln!(out, "</ul>");
            }
            Block::Numbered(items) => {
                let _ = writeln!(out, "<ol>");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", html_line(item));
                }
                let _ = writeln!(out, "</ol>");
            }
            Block::Definitions(pairs) => {
                out.push_str("<dl>");
                for (term, what) in pairs {
                    let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", esc(term), esc(what));
                }
                out.push_str("</dl>\n");
            }
            Block::Table { head, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for h in head {
                    let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for (n, cell) in row.iter().enumerate() {
                        if n == 0 {
                            let _ = write!(out, "<th scope=\"row\">{}</th>", esc(cell));
                        } else {
                            let _ = write!(out, "<td>{}</td>", esc(cell));
                        }
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Section(inner) => {
                out.push_str("<section>\n");
                html_blocks(out, inner);
                out.push_str("</section>\n");
            }
        }
    }
}

/// The document as a self-contained HTML page, with its style rules.
pub fn html(document: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>",
        esc(&document.title),
        document.style
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(&document.title));
    html_blocks(&mut out, &document.blocks);
    let _ = writeln!(out, "</body>\n</html>");
    out
}

#[cfg(test)]
mod tests {
    use super::{Block, Document, Span, html, labelled, markdown, text};

    fn sample(hostile: &str) -> Document {
        Document {
            title: format!("Report: {hostile}"),
            style: "body { color: #0b0c0c; }",
            blocks: vec![
                Block::Lead(text(hostile)),
                Block::Section(vec![
                    Block::Heading(2, hostile.to_owned()),
                    Block::Definitions(vec![("You".to_owned(), hostile.to_owned())]),
                    Block::Paragraph(labelled("Your note:", hostile)),
                    Block::List(vec![vec![Span::Code("id`x".to_owned())], text(hostile)]),
                    Block::Table {
                        head: vec!["Factor".to_owned(), hostile.to_owned()],
                        rows: vec![vec![hostile.to_owned(), "1".to_owned()]],
                    },
                ]),
            ],
        }
    }

    #[test]
    fn html_escapes_every_piece_of_text() {
        let page = html(&sample("<script>alert(1)</script> & <img src=x>"));
        assert!(
            !page.contains("<script>") && !page.contains("<img"),
            "{page}"
        );
        assert_eq!(page.matches("&lt;script&gt;").count(), 9, "{page}");
        assert!(page.contains("<section>") && page.contains("<th scope=\"col\">Factor</th>"));
        assert!(page.contains("<p class=\"summary\">"));
    }

    #[test]
    fn markdown_escapes_every_piece_of_text() {
        let out = markdown(&sample("*bold* [link](x) <b> # not a heading"));
        assert_eq!(out.matches("\\*bold\\*").count(), 8, "{out}");
        assert!(!out.contains("[link]"), "{out}");
        assert!(out.starts_with("# Report: \\*bold\\*"), "{out}");
        assert!(out.contains("\n## \\*bold\\*"), "{out}");
        assert!(out.contains("**Your note:** "), "{out}");
        assert!(
            out.contains("`id'x`"),
            "a backtick cannot end the code span: {out}"
        );
        assert!(out.contains("| Factor | \\*bold\\*"), "{out}");
    }
}
