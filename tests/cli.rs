//! The `check` command for authors, run as a real process.

#![expect(clippy::expect_used, reason = "a test helper should fail loudly")]

use std::path::Path;
use std::process::{Command, Output};

fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_collab-casebook"))
        .arg("check")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_valid_folder_exits_0() {
    let output = check(&["scenarios", "tests/data/valid"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("all valid"));
}

/// Each broken file, the line and column of its problem (where it has one) and words the
/// message must contain.
type Expectation = (&'static str, Option<(usize, usize)>, &'static str);

const BROKEN: &[Expectation] = &[
    ("bad-id.ron", Some((15, 13)), "is not allowed"),
    (
        "bad-verdict.ron",
        Some((52, 22)),
        "'Maybe' is not a valid verdict",
    ),
    ("binary.ron", None, "not plain text"),
    (
        "dangling-evidence.ron",
        Some((61, 24)),
        "no passage has that id",
    ),
    (
        "deep-nesting.ron",
        Some((1, 40)),
        "Expected a bracketed item",
    ),
    (
        "duplicate-answer.ron",
        Some((83, 16)),
        "answered more than once",
    ),
    (
        "duplicate-passage-id.ron",
        Some((42, 21)),
        "is used more than once",
    ),
    (
        "empty-text.ron",
        Some((43, 21)),
        "The field 'text' is empty",
    ),
    ("empty.ron", None, "The file is empty"),
    (
        "missing-answer.ron",
        Some((49, 5)),
        "There is no answer for the factor \"senior-vision\"",
    ),
    ("missing-comma.ron", Some((7, 5)), "Expected a comma"),
    (
        "missing-field.ron",
        Some((62, 9)),
        "missing the field 'rationale'",
    ),
    ("not-utf8.ron", None, "not plain text"),
    (
        "trailing-text.ron",
        Some((110, 2)),
        "more text after the end",
    ),
    ("truncated.ron", Some((60, 91)), "ends too early"),
    (
        "unclosed-string.ron",
        Some((8, 15)),
        "check that every quote is closed",
    ),
    (
        "unknown-factor.ron",
        Some((83, 16)),
        "\"outside-witness\" is not a factor of the model",
    ),
    (
        "unknown-field.ron",
        Some((52, 13)),
        "'verdictt' is not a field of Answer",
    ),
    (
        "unknown-source.ron",
        Some((27, 31)),
        "no source has that id",
    ),
    ("unsupported-format.ron", Some((4, 5)), "reads format 1"),
    (
        "wrong-struct-name.ron",
        Some((31, 9)),
        "Write Section(...) here",
    ),
    ("wrong-type.ron", Some((11, 13)), "Expected a whole number"),
];

#[test]
fn every_broken_file_exits_1_naming_file_line_and_column() {
    let on_disk = std::fs::read_dir("tests/data/broken").unwrap().count();
    assert_eq!(
        on_disk,
        BROKEN.len(),
        "every broken file has an expectation"
    );
    for (name, position, words) in BROKEN {
        let path = format!("tests/data/broken/{name}");
        let output = check(&[&path]);
        let out = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{name}: {out}");
        let prefix = match position {
            Some((line, column)) => format!("{path}:{line}:{column}: "),
            None => format!("{path}: "),
        };
        let line = out
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("{name}: no line starts {prefix:?} in\n{out}"));
        assert!(
            line.contains(words),
            "{name}: {line:?} should say {words:?}"
        );
        assert!(
            out.contains("Checked 1 file: 0 valid"),
            "{name}: summary in {out}"
        );
        assert!(
            output.stderr.is_empty(),
            "{name}: nothing on stderr, so no panic: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn a_mixed_folder_reports_the_bad_files_and_counts_the_good() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("docs/example-case.ron", dir.path().join("good.ron")).unwrap();
    std::fs::copy(
        "tests/data/broken/missing-comma.ron",
        dir.path().join("bad.ron"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a case").unwrap();
    let output = check(&[dir.path().to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(out.contains("bad.ron:7:5: Expected a comma"), "{out}");
    assert!(!out.contains("good.ron"), "{out}");
    assert!(
        out.contains("Checked 2 files: 1 valid, 1 problem found."),
        "{out}"
    );
}

#[test]
fn a_file_over_the_size_bound_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    std::fs::write(&path, "/".repeat(2 * 1024 * 1024)).unwrap();
    let output = check(&[path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("more than the limit of 1048576 bytes"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_missing_path_and_a_folder_without_cases_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.ron");
    let output = check(&[missing.to_str().unwrap(), dir.path().to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        out.contains(&format!(
            "{}: The file could not be read",
            missing.display()
        )),
        "{out}"
    );
    assert!(out.contains("The folder has no case files"), "{out}");
}

#[test]
fn wrong_usage_exits_2() {
    let output = check(&[]);
    assert_eq!(output.status.code(), Some(2));
    let output = Command::new(env!("CARGO_BIN_EXE_collab-casebook"))
        .args(["check", "--no-such-flag", "scenarios"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(Path::new("scenarios").is_dir());
}
