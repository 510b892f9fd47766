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
    (
        "too-long-text.ron",
        Some((43, 21)),
        "is 5980 characters long, more than the limit of 5000",
    ),
    (
        "too-many-sections.ron",
        Some((13, 5)),
        "203 sections, more than the limit of 200",
    ),
    (
        "contested-same-verdict.ron",
        Some((72, 17)),
        "'other_verdict' is the same as 'verdict'",
    ),
    (
        "repeated-evidence.ron",
        Some((61, 41)),
        "twice. Cite it once",
    ),
    (
        "bad-audience.ron",
        Some((10, 16)),
        "'Managers' is not a valid audience",
    ),
    (
        "zero-minutes.ron",
        Some((11, 5)),
        "The case takes 0 minutes",
    ),
    (
        "no-sources.ron",
        Some((102, 5)),
        "The case lists no sources",
    ),
    ("no-audience.ron", Some((10, 5)), "The case has no audience"),
    ("empty-section.ron", Some((35, 13)), "has no passages"),
    (
        "duplicate-source-id.ron",
        Some((109, 16)),
        "source id \"composite\" is used more than once",
    ),
    (
        "duplicate-section-id.ron",
        Some((32, 13)),
        "is used more than once",
    ),
    (
        "missing-format.ron",
        Some((109, 1)),
        "Case is missing the field 'format'",
    ),
    (
        "wrong-kind.ron",
        Some((9, 11)),
        "'Disaster' is not a valid kind of case",
    ),
    (
        "negative-minutes.ron",
        Some((11, 15)),
        "Expected a whole number",
    ),
    ("nul-bytes.ron", Some((6, 16)), "Expected a field name"),
    ("unclosed-comment.ron", Some((3, 3)), "is never closed"),
    ("invalid-escape.ron", Some((7, 13)), "backslash"),
    (
        "duplicate-field.ron",
        Some((12, 5)),
        "The field 'minutes' appears twice",
    ),
    (
        "list-for-text.ron",
        Some((8, 13)),
        "Expected text in double quotes",
    ),
    ("empty-id.ron", Some((5, 5)), "is not allowed"),
    (
        "context-as-evidence.ron",
        Some((59, 42)),
        "cites the passage \"miles-on-purpose\", which is marked 'role: Context'",
    ),
    // Fields in any order, and raw strings, keep their line and column.
    (
        "text-before-id.ron",
        Some((24, 21)),
        "The field 'text' is empty",
    ),
    (
        "rationale-before-factor.ron",
        Some((57, 13)),
        "The field 'rationale' is empty",
    ),
    (
        "evidence-before-factor.ron",
        Some((64, 24)),
        "cites the passage \"referal-by-form\", but no passage has that id",
    ),
    (
        "raw-string-then-problem.ron",
        Some((44, 44)),
        "cites the source \"daughter-interview\", but no source has that id",
    ),
    (
        "repeated-source.ron",
        Some((38, 44)),
        "cites the source \"composite\" twice",
    ),
    ("file-link.ron", Some((107, 13)), "is not a web address"),
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

#[test]
fn warnings_point_at_what_a_trainer_would_fix_and_do_not_fail_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("docs/example-case.ron")
        .unwrap()
        .replace("evidence: [\"ward-says-ready\", \"daughter-asks\"]", "evidence: [\"daughter-asks\"]")
        .replace("evidence: [\"targets-differ\"],\n            would_have_changed: \"A shared aim", "evidence: [],\n            would_have_changed: \"A shared aim")
        .replace("    questions: [\n        \"Who, if anyone, owns Mrs A's journey home?\",\n        \"What would each team have to give up to agree one measure?\",\n        \"Where have you seen a form stand in for a conversation?\",\n    ],\n", "")
        .replace("date: \"2026\",\n        ),\n    ],", "date: \"2026\",\n        ),\n        Source(id: \"unused\", title: \"Unused\", publisher: \"Nobody\", date: \"2020\"),\n    ],")
        .replace("Each tells her the delay is on the other side.", &"Each tells her the delay is on the other side. ".repeat(12))
        .replace("The ward team decide on Monday that Mrs A is well enough to go home, if she has help twice a day.", "Notwithstanding institutional considerations, multidisciplinary organisational accountability frameworks necessitate comprehensive interdepartmental reconceptualisation.");
    let path = dir.path().join("warned.ron");
    std::fs::write(&path, text).unwrap();
    let output = check(&[path.to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "warnings alone pass: {out}");
    let file = path.display().to_string();
    for words in [
        "warning: The answer for \"common-purpose\" is Missing but cites no evidence",
        "warning: No answer cites the passage \"ward-says-ready\"",
        "warning: No passage cites the source \"unused\"",
        "warning: The passage \"daughter-asks\" is",
        "warning: The case has no discussion questions",
        "warning: The passage \"ward-says-ready\" reads at about school grade",
    ] {
        let line = out
            .lines()
            .find(|l| l.contains(words))
            .unwrap_or_else(|| panic!("no {words:?} in\n{out}"));
        assert!(line.starts_with(&format!("{file}:")), "{line}");
        let position: Vec<&str> = line
            .trim_start_matches(&format!("{file}:"))
            .splitn(3, ':')
            .collect();
        assert!(
            position[0].parse::<usize>().is_ok() && position[1].parse::<usize>().is_ok(),
            "line and column: {line}"
        );
    }
    assert!(out.contains("6 warnings to consider"), "{out}");
}

#[test]
fn json_output_is_one_object_scripts_can_read() {
    let output = check(&[
        "--format",
        "json",
        "tests/data/broken/missing-comma.ron",
        "tests/data/valid",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["files"], 3);
    assert_eq!(value["valid"], 2);
    assert_eq!(value["errors"], 1);
    let error = value["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["severity"] == "error")
        .unwrap();
    assert_eq!(error["file"], "tests/data/broken/missing-comma.ron");
    assert_eq!(error["line"], 7);
    assert_eq!(error["column"], 5);
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("Expected a comma")
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let output = check(&["tests/data/valid/byte-order-mark.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn awkward_folders_never_hang_or_crash() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().unwrap();
    // Thousands of files, more than the loader reads from one folder.
    for n in 0..2100 {
        std::fs::write(dir.path().join(format!("case-{n:04}.ron")), "Case(").unwrap();
    }
    // A link to its own folder, and a link that points to itself.
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("self.ron"), dir.path().join("self.ron")).unwrap();
    // A name that is not UTF-8.
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.ron");
    std::fs::write(dir.path().join(odd), "not a case").unwrap();

    let started = std::time::Instant::now();
    let output = check(&[dir.path().to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "it finished"
    );
    assert!(
        out.contains("more than 2000 case files"),
        "the bound is named"
    );
    assert!(
        output.stderr.is_empty(),
        "no panic: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn of_many_files_with_one_case_id_the_first_in_order_is_kept() {
    // Files are read on several threads; the outcome must not depend on which finishes
    // first.
    let dir = tempfile::tempdir().unwrap();
    for n in 0..40 {
        std::fs::copy(
            "docs/example-case.ron",
            dir.path().join(format!("copy-{n:02}.ron")),
        )
        .unwrap();
    }
    let output = check(&[dir.path().to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    let first = dir.path().join("copy-00.ron");
    let first = first.display();
    assert!(
        out.contains("Checked 40 files: 1 valid, 39 problems found."),
        "{out}"
    );
    assert!(
        !out.contains(&format!("{first}:")),
        "the first is kept: {out}"
    );
    for n in 1..40 {
        let path = dir.path().join(format!("copy-{n:02}.ron"));
        let expected = format!(
            "{}:5:5: The case id \"hospital-discharge\" is already used by {first}. Give each case its own id.",
            path.display()
        );
        assert!(out.contains(&expected), "{expected:?} in\n{out}");
    }
}
