//! The `check` command for authors, run as a real process.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Longest a `check` may take on anything here before it counts as hung.
const LIMIT: Duration = Duration::from_secs(60);

/// Runs `check`, killing it and failing the test if it runs past [`LIMIT`]: a hang is
/// caught, not waited on for ever.
fn check(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_collab-casebook"))
        .arg("check")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Read both pipes while waiting, so a child with a lot to say cannot block on them.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::Builder::new()
            .name("check output".to_owned())
            .spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut pipe) = pipe {
                    pipe.read_to_end(&mut bytes).ok();
                }
                bytes
            })
            .expect("a thread starts")
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited on") {
            break status;
        }
        if started.elapsed() > LIMIT {
            child.kill().ok();
            child.wait().ok();
            panic!("check {args:?} was still running after {LIMIT:?}, so it was stopped");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().expect("stdout is read"),
        stderr: stderr.join().expect("stderr is read"),
    }
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
        Some((45, 44)),
        "cites the source \"daughter-interview\", but no source has that id",
    ),
    (
        "repeated-source.ron",
        Some((38, 44)),
        "cites the source \"composite\" twice",
    ),
    ("file-link.ron", Some((107, 13)), "is not a web address"),
    // Messages that point the author the right way.
    (
        "decimal-version.ron",
        Some((5, 15)),
        "The version is a whole number, such as 2, with no decimal point",
    ),
    (
        "decimal-minutes.ron",
        Some((10, 15)),
        "'minutes' is a whole number, such as 15, with no decimal point",
    ),
    (
        "newer-format.ron",
        Some((3, 5)),
        "This file is format 2; this version of the app reads format 1",
    ),
    (
        "old-format-missing-field.ron",
        Some((3, 5)),
        "This file is format 0; this version of the app reads format 1",
    ),
    (
        "curly-quotes.ron",
        Some((6, 12)),
        "starts with a curly quote (\u{201c}), as word processors write. Put text in straight double quotes",
    ),
    (
        "curly-closing-quote.ron",
        Some((7, 15)),
        "has a curly quote (\u{201d}) where a straight double quote (\") belongs",
    ),
    (
        "single-quotes.ron",
        Some((6, 12)),
        "Text goes in straight double quotes (\"like this\"), not single quotes",
    ),
    (
        "not-a-case.ron",
        Some((2, 1)),
        "Expected a bracketed item here: Case(...)",
    ),
];

#[test]
fn every_broken_file_exits_1_naming_file_line_and_column() {
    let on_disk = std::fs::read_dir("tests/data/broken").unwrap().count();
    assert_eq!(
        on_disk,
        BROKEN.len(),
        "every broken file has an expectation"
    );
    // Every file is checked and every failure listed, so one broken promise cannot hide
    // another.
    let failures: Vec<String> = BROKEN
        .iter()
        .filter_map(|(name, position, words)| broken_file_failure(name, *position, words))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} broken files are not reported as promised:\n\n{}",
        failures.len(),
        BROKEN.len(),
        failures.join("\n\n")
    );
}

/// What is wrong with `check`'s report on one broken file, if anything.
fn broken_file_failure(
    name: &str,
    position: Option<(usize, usize)>,
    words: &str,
) -> Option<String> {
    let path = format!("tests/data/broken/{name}");
    let output = check(&[&path]);
    let out = stdout(&output);
    if output.status.code() != Some(1) {
        return Some(format!(
            "{name}: exit {:?}, not 1: {out}",
            output.status.code()
        ));
    }
    let prefix = match position {
        Some((line, column)) => format!("{path}:{line}:{column}: "),
        None => format!("{path}: "),
    };
    let Some(line) = out.lines().find(|l| l.starts_with(&prefix)) else {
        return Some(format!("{name}: no line starts {prefix:?} in\n{out}"));
    };
    if !line.contains(words) {
        return Some(format!("{name}: {line:?} should say {words:?}"));
    }
    if !out.contains("Checked 1 file: 0 valid") {
        return Some(format!("{name}: summary in {out}"));
    }
    if !output.stderr.is_empty() {
        return Some(format!(
            "{name}: something on stderr, so perhaps a panic: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    None
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
    assert!(
        out.contains("Nothing was checked: the messages above say why."),
        "{out}"
    );
    assert!(!out.contains("Checked 0 files"), "{out}");
}

#[test]
fn wrong_usage_exits_2() {
    let output = check(&[]);
    assert_eq!(output.status.code(), Some(2));
    let output = check(&["--no-such-flag", "scenarios"]);
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
    // A link to its own folder, and a link that points to itself, named to be found
    // before the limit stops the search.
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a-loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("a-self.ron"), dir.path().join("a-self.ron"))
        .unwrap();
    // A name that is not UTF-8.
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.ron");
    std::fs::write(dir.path().join(odd), "not a case").unwrap();

    // `check` stops the child and fails at the time limit, so a hang is caught.
    let output = check(&[dir.path().to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        out.contains("more than 2000 case files"),
        "the bound is named"
    );
    let looped = dir.path().join("a-loop");
    assert!(
        out.contains(&format!(
            "{}: This is a link back to {}",
            looped.display(),
            dir.path().display()
        )),
        "the looping link is named: {out}"
    );
    assert!(
        out.contains(&format!(
            "{}: The file could not be read",
            dir.path().join("a-self.ron").display()
        )),
        "the link to itself is named: {out}"
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

/// Makes a named pipe (FIFO) at `path`. Reading one with no writer waits for ever.
fn make_fifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn a_named_pipe_is_named_and_skipped_never_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("x.ron");
    make_fifo(&pipe);
    let folder = dir.path().join("cases");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy("docs/example-case.ron", folder.join("good.ron")).unwrap();
    make_fifo(&folder.join("y.ron"));
    let said = |path: &Path| {
        format!(
            "{}: This is a named pipe (FIFO), not an ordinary file, so it was not read.",
            path.display()
        )
    };

    // Named directly.
    let output = check(&[pipe.to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains(&said(&pipe)), "{out}");
    assert!(
        out.contains("Nothing was checked: the message above says why."),
        "{out}"
    );

    // Inside a folder: the case beside it is still checked.
    let output = check(&[folder.to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains(&said(&folder.join("y.ron"))), "{out}");
    assert!(
        out.contains("Checked 1 file: all valid. 1 path was not checked"),
        "{out}"
    );

    // As JSON.
    let output = check(&["--format", "json", pipe.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["files"], 0);
    assert_eq!(value["not_checked"], 1);
    assert_eq!(value["problems"][0]["file"], pipe.display().to_string());
    assert!(
        value["problems"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("This is a named pipe (FIFO)")
    );
    assert!(output.stderr.is_empty());
}

#[test]
fn exactly_2000_cases_and_a_readme_are_all_read() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..2000 {
        std::fs::write(dir.path().join(format!("case-{n:04}.ron")), "Case(").unwrap();
    }
    std::fs::write(dir.path().join("README.md"), "About these cases").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "Not a case").unwrap();
    let output = check(&["--errors-only", dir.path().to_str().unwrap()]);
    let out = stdout(&output);
    assert!(!out.contains("more than 2000"), "only case files count");
    assert!(
        out.contains("Checked 2000 files: 0 valid, 2000 problems found."),
        "{}",
        out.lines().last().unwrap_or_default()
    );
}

#[test]
fn deep_folders_are_named_and_linked_folders_are_followed() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path().join("top");
    // Six folders down is searched; seven is not, and says so.
    let six = (1..=6).fold(top.clone(), |path, n| path.join(format!("level-{n}")));
    let seven = six.join("level-7");
    std::fs::create_dir_all(&seven).unwrap();
    std::fs::copy("docs/example-case.ron", six.join("found.ron")).unwrap();
    let deep = std::fs::read_to_string("docs/example-case.ron")
        .unwrap()
        .replace("\"hospital-discharge\"", "\"too-deep\"");
    std::fs::write(seven.join("deep.ron"), deep).unwrap();
    // A folder outside, reached through a link.
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    let linked = std::fs::read_to_string("docs/example-case.ron")
        .unwrap()
        .replace("\"hospital-discharge\"", "\"linked\"")
        .replace(
            "verdict: CantTell, rationale: \"Senior",
            "verdict: Maybe, rationale: \"Senior",
        );
    std::fs::write(outside.join("linked.ron"), linked).unwrap();
    std::os::unix::fs::symlink(&outside, top.join("shared")).unwrap();

    let output = check(&[top.to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(
        out.contains(&format!(
            "{}: This folder is more than 6 folders below {}, so it was not searched.",
            seven.display(),
            top.display()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{}:",
            top.join("shared").join("linked.ron").display()
        )) && out.contains("'Maybe' is not a valid verdict"),
        "the linked folder is searched: {out}"
    );
    assert!(
        out.contains("Checked 2 files: 1 valid, 1 problem found. 1 path was not checked"),
        "{out}"
    );
}

/// A valid case with one warning (an uncited passage) for the tests of output order.
fn warned_case() -> String {
    std::fs::read_to_string("docs/example-case.ron")
        .unwrap()
        .replace(
            "evidence: [\"ward-says-ready\", \"daughter-asks\"]",
            "evidence: [\"daughter-asks\"]",
        )
}

#[test]
fn errors_come_after_warnings_and_errors_only_leaves_warnings_out() {
    let dir = tempfile::tempdir().unwrap();
    // The broken file sorts first, so only the ordering puts its error last.
    std::fs::copy(
        "tests/data/broken/missing-comma.ron",
        dir.path().join("a-broken.ron"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b-warned.ron"), warned_case()).unwrap();
    let folder = dir.path().to_str().unwrap();

    let output = check(&[folder]);
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].contains("b-warned.ron:") && lines[0].contains("warning:"),
        "{out}"
    );
    assert!(
        lines[1].contains("a-broken.ron:7:5: Expected a comma"),
        "{out}"
    );
    assert!(lines[2].starts_with("Checked 2 files"), "{out}");

    let output = check(&["--errors-only", folder]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.contains("warning:"), "{out}");
    assert!(out.contains("a-broken.ron:7:5: Expected a comma"), "{out}");
    assert!(
        out.contains("1 warning to consider (not shown: --errors-only)."),
        "{out}"
    );

    let output = check(&["--errors-only", "--format", "json", folder]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["warnings"], 1);
    assert_eq!(value["problems"].as_array().unwrap().len(), 1);
}

#[test]
fn attempt_files_are_checked_as_attempt_files() {
    // Good attempt files pass, alone or in a folder of cases.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("docs/example-case.ron", dir.path().join("case.ron")).unwrap();
    std::fs::copy(
        "tests/data/attempts/table-3.ron",
        dir.path().join("table-3.ron"),
    )
    .unwrap();
    let output = check(&[dir.path().to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains("Checked 2 files (1 case and 1 attempt file): all valid."),
        "{out}"
    );
    assert!(!out.contains("Case(...)"), "{out}");

    // Broken ones are told what is wrong with an attempt file, with its place.
    for (name, line, column, words) in [
        (
            "unknown-factor.ron",
            15,
            9,
            "\"common-porpoise\" is not a factor of the model",
        ),
        (
            "wrong-format.ron",
            2,
            5,
            "This file is format 7; this version of the app reads format 1",
        ),
        ("truncated.ron", 25, 35, "The file ends too early"),
    ] {
        let path = format!("tests/data/attempts/{name}");
        let output = check(&[&path]);
        let out = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{out}");
        let prefix = format!("{path}:{line}:{column}: ");
        let found = out
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("{name}: no line starts {prefix:?} in\n{out}"));
        assert!(found.contains(words), "{found}");
        assert!(!out.contains("Case(...)"), "{out}");
    }
}

#[test]
fn a_case_with_a_built_in_id_is_warned_about_but_the_built_in_files_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hospital-discharge.ron");
    std::fs::copy("scenarios/hospital-discharge.ron", &path).unwrap();
    let output = check(&[path.to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "a warning only: {out}");
    let line = out
        .lines()
        .find(|l| l.contains("is the id of the built-in case"))
        .unwrap_or_else(|| panic!("no warning in\n{out}"));
    let text = std::fs::read_to_string(&path).unwrap();
    let id_line = text
        .lines()
        .position(|l| l.trim_start().starts_with("id: "))
        .unwrap()
        + 1;
    assert!(
        line.starts_with(&format!(
            "{}:{id_line}:5: warning: The case id \"",
            path.display()
        )),
        "{line}"
    );

    let output = check(&["scenarios"]);
    let out = stdout(&output);
    assert!(!out.contains("built-in case"), "{out}");
}

#[test]
fn a_partly_verdict_without_evidence_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("partly.ron");
    let text = std::fs::read_to_string("docs/example-case.ron")
        .unwrap()
        .replace(
            "verdict: CantTell,\n            rationale: \"The case does not say who may approve",
            "verdict: Partly,\n            rationale: \"The case does not say who may approve",
        );
    std::fs::write(&path, text).unwrap();
    let output = check(&[path.to_str().unwrap()]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains(&format!(
            "{}:77:13: warning: The answer for \"sharing-power\" is Partly but cites no evidence.",
            path.display()
        )),
        "{out}"
    );
}

#[test]
fn assessment_and_what_changed_files_are_checked_with_line_and_column() {
    use crate::assessment::{BROKEN_ASSESSMENTS, BROKEN_CHANGES};
    for (folder, table) in [
        ("tests/data/assessments", BROKEN_ASSESSMENTS),
        ("tests/data/changes", BROKEN_CHANGES),
    ] {
        let output = check(&[folder]);
        let out = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{out}");
        for (file, at, words) in table {
            // A file of the other kind in the folder is not wrong for `check`: it is
            // checked as what it is.
            if file.contains("wrong-kind") {
                continue;
            }
            let path = format!("{folder}/{file}");
            let line = out
                .lines()
                .find(|l| l.starts_with(&format!("{path}:")))
                .unwrap_or_else(|| panic!("{path} is named: {out}"));
            assert!(line.starts_with(&format!("{path}:{at}: ")), "{line}");
            assert!(line.contains(words), "{line}");
        }
    }
    let output = check(&[
        "tests/data/assessments/sam.ron",
        "tests/data/assessments/anonymous.ron",
        "tests/data/changes/sam.ron",
        "tests/data/valid",
    ]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains("2 assessment files and 1 \"what changed\" file): all valid."),
        "{out}"
    );
}
