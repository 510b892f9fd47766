//! The rules in ARCHITECTURE.md, checked: `src/domain` is pure. It imports no egui, eframe,
//! rfd, files, network or clock; `src/io` never reaches up into the window; and no source
//! file is much over 500 lines, tests aside.

use std::path::Path;

/// Words that must not appear in the code (comments aside) of a layer, with why.
const DOMAIN_FORBIDDEN: &[(&str, &str)] = &[
    ("egui", "the window"),
    ("eframe", "the window"),
    ("rfd", "file dialogs"),
    ("std::fs", "files"),
    ("std::net", "the network"),
    ("std::io", "files and streams"),
    ("std::env", "the environment"),
    ("std::thread", "threads"),
    ("SystemTime", "the clock"),
    ("Instant", "the clock"),
    ("Utc::now", "the clock"),
    ("Local::now", "the clock"),
    ("crate::clock", "the clock"),
    ("crate::io", "the file layer"),
    ("crate::ui", "the window"),
];

const IO_FORBIDDEN: &[(&str, &str)] = &[
    ("egui", "the window"),
    ("eframe", "the window"),
    ("rfd", "file dialogs"),
    ("crate::ui", "the window"),
];

/// The code of a file with comments and doc comments removed, by line.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .map(|(n, line)| {
            let code = line.split("//").next().unwrap_or_default();
            (n + 1, code.to_owned())
        })
        .filter(|(_, code)| !code.trim().is_empty())
        .collect()
}

/// Whether `word` appears in `code` as a whole path segment, not inside another name.
fn mentions(code: &str, word: &str) -> bool {
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        boundary(before) && boundary(after)
    })
}

fn breaches(folder: &Path, forbidden: &[(&str, &str)]) -> Vec<String> {
    let mut found = Vec::new();
    // Every file below the folder, sub-folders too.
    let mut files: Vec<_> = walkdir::WalkDir::new(folder)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has Rust files", folder.display());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, code) in code_lines(&text) {
            for (word, what) in forbidden {
                if mentions(&code, word) {
                    found.push(format!(
                        "{}:{line}: uses {word} ({what}): {}",
                        file.display(),
                        code.trim()
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn the_domain_imports_no_window_files_network_or_clock() {
    let found = breaches(Path::new("src/domain"), DOMAIN_FORBIDDEN);
    assert!(
        found.is_empty(),
        "src/domain must stay pure (ARCHITECTURE.md, \"The rule\"):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_file_layer_never_reaches_into_the_window() {
    let found = breaches(Path::new("src/io"), IO_FORBIDDEN);
    assert!(
        found.is_empty(),
        "src/io must not depend on the window:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_a_breach_when_there_is_one() {
    // The checker itself, on text that breaks the rule and text that only looks like it.
    let bad = "use std::fs::read;\nlet t = chrono::Utc::now();";
    let lines = code_lines(bad);
    assert!(mentions(&lines[0].1, "std::fs"));
    assert!(mentions(&lines[1].1, "Utc::now"));
    // Files in sub-folders are read too.
    let found = breaches(Path::new("src/domain"), &[("Assessment", "a test word")]);
    assert!(
        found.iter().any(|f| f.contains("assessment/")),
        "sub-folders are checked: {found:?}"
    );
    assert!(!mentions("let regui = 1;", "egui"), "inside another name");
    assert!(
        code_lines("// egui is not used here").is_empty(),
        "comments aside"
    );
}

#[test]
fn the_accessibility_mirror_knows_nothing_of_the_casebook() {
    // src/a11y_dom could serve any egui web app: it names none of the crate's own modules.
    let found = breaches(
        Path::new("src/a11y_dom"),
        &[
            ("crate", "the casebook's own code"),
            ("collab_casebook", "the casebook's own code"),
        ],
    );
    assert!(
        found.is_empty(),
        "src/a11y_dom must depend on egui only:\n{}",
        found.join("\n")
    );
}

/// Files are kept to about 500 lines, tests aside, so each one can be read whole
/// (ARCHITECTURE.md). A file's tests start at its first `#[cfg(test)]`; files named
/// `tests.rs` are all tests.
const MOST_LINES: usize = 520;

/// Files under `folder` with more than [`MOST_LINES`] lines before their tests, and how many.
fn too_long(folder: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(folder) {
        let path = entry.expect("the folder can be read").into_path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file is text");
        let lines = text
            .lines()
            .take_while(|line| line.trim() != "#[cfg(test)]")
            .count();
        if lines > MOST_LINES {
            found.push(format!("{} has {lines} lines", path.display()));
        }
    }
    found
}

#[test]
fn no_source_file_is_much_over_500_lines_tests_aside() {
    let long = too_long(Path::new("src"));
    assert!(long.is_empty(), "split these by what they do: {long:?}");
}

#[test]
fn the_length_check_counts_code_and_not_tests() {
    let dir = tempfile::tempdir().unwrap();
    let code = "fn f() {}\n".repeat(MOST_LINES + 1);
    std::fs::write(dir.path().join("long.rs"), &code).unwrap();
    let tested = format!("fn f() {{}}\n#[cfg(test)]\n{code}");
    std::fs::write(dir.path().join("short.rs"), tested).unwrap();
    std::fs::write(dir.path().join("tests.rs"), &code).unwrap();
    let long = too_long(dir.path());
    assert_eq!(long.len(), 1, "{long:?}");
    assert!(long[0].ends_with(&format!("long.rs has {} lines", MOST_LINES + 1)));
}
