//! The app's loaders meet files that are not files: a named pipe (FIFO) among the cases,
//! in a folder of attempt files, and in place of a file whose problem is being shown. Each
//! is named and skipped, never waited on; the rest still loads.

use collab_casebook::ui::LoadingAction;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::{app_harness, bundled, model};
use collab_casebook::domain::Attempt;
use collab_casebook::io::attempt_file::{self, Gathered, Rejection};
use collab_casebook::io::{Position, ProblemKind};
use collab_casebook::ui::Action;
use egui_kittest::kittest::Queryable as _;

type App = egui_kittest::Harness<'static, collab_casebook::CasebookApp>;

/// Makes a named pipe (FIFO) at `path`. Reading one with no writer waits for ever.
fn make_fifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// If the test is still waiting after 30 seconds, opens the pipe at `path` for writing and
/// closes it, so a loader stuck opening it is let go and the test fails instead of hanging.
/// Returns a flag the test sets when it is done; the flag the watchdog sets says whether it
/// had to step in.
fn watchdog(path: &Path) -> (Arc<AtomicBool>, Arc<AtomicBool>) {
    let done = Arc::new(AtomicBool::new(false));
    let fired = Arc::new(AtomicBool::new(false));
    let (path, watching, firing) = (path.to_path_buf(), Arc::clone(&done), Arc::clone(&fired));
    std::thread::Builder::new()
        .name("pipe watchdog".to_owned())
        .spawn(move || {
            let started = Instant::now();
            while !watching.load(Ordering::SeqCst) {
                if started.elapsed() > Duration::from_secs(30) {
                    firing.store(true, Ordering::SeqCst);
                    // Blocks until the stuck reader has the other end; then both go.
                    std::fs::OpenOptions::new().write(true).open(&path).ok();
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
        .unwrap();
    (done, fired)
}

/// Runs `work` on its own thread and fails if it takes more than 30 seconds: a loader that
/// waits on a pipe fails the test instead of hanging it.
fn within_limit<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("loader under test".to_owned())
        .spawn(move || send.send(work()).ok())
        .unwrap();
    receive
        .recv_timeout(Duration::from_secs(30))
        .expect("the loader finished instead of waiting on the pipe")
}

fn is_pipe(kind: &ProblemKind) -> bool {
    matches!(kind, ProblemKind::NotAFile { what } if what.contains("named pipe"))
}

#[test]
fn importing_attempt_files_skips_a_pipe_and_counts_the_rest() {
    let case = bundled("hospital-discharge-short");
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("named.ron");
    make_fifo(&pipe);
    let folder = dir.path().join("room");
    std::fs::create_dir(&folder).unwrap();
    make_fifo(&folder.join("in-folder.ron"));
    let text = attempt_file::to_text(&Attempt::new(&case), Some("Table 1")).unwrap();
    std::fs::write(folder.join("table-1.ron"), text).unwrap();

    let paths = vec![pipe.clone(), folder.clone()];
    let gathered = within_limit(move || {
        let mut gathered = Gathered::default();
        attempt_file::gather(&paths, &case, &model(), &mut gathered);
        gathered
    });
    assert_eq!(gathered.accepted.len(), 1, "{:?}", gathered.rejected);
    let set_aside: Vec<String> = gathered
        .rejected
        .iter()
        .map(|r| match r {
            Rejection::Broken(error) if error.problems.iter().all(|p| is_pipe(&p.kind)) => {
                error.file.clone()
            }
            other => panic!("set aside for another reason: {other}"),
        })
        .collect();
    assert_eq!(
        set_aside,
        [
            pipe.display().to_string(),
            folder.join("in-folder.ron").display().to_string()
        ]
    );
}

#[test]
fn opening_a_folder_with_a_pipe_names_it_and_opens_the_cases() {
    let dir = tempfile::tempdir().unwrap();
    make_fifo(&dir.path().join("a-pipe.ron"));
    std::fs::copy("docs/example-case.ron", dir.path().join("good.ron")).unwrap();
    let case = bundled("hospital-discharge-short");
    let attempt = attempt_file::to_text(&Attempt::new(&case), None).unwrap();
    std::fs::write(dir.path().join("my-attempt.ron"), attempt).unwrap();

    let mut harness = app_harness();
    let (done, fired) = watchdog(&dir.path().join("a-pipe.ron"));
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::LoadPaths(vec![
            dir.path().to_path_buf(),
        ])));
    harness.state_mut().wait_for_loading();
    done.store(true, Ordering::SeqCst);
    assert!(
        !fired.load(Ordering::SeqCst),
        "the loader waited on the pipe until the test let it go"
    );
    harness.run();

    let problems = harness.state().problems();
    assert_eq!(
        problems.len(),
        1,
        "only the pipe is a problem: {problems:?}"
    );
    assert_eq!(
        problems[0].file,
        dir.path().join("a-pipe.ron").display().to_string()
    );
    assert!(is_pipe(&problems[0].problems[0].kind));
    let id = collab_casebook::domain::CaseId::new("hospital-discharge");
    assert!(harness.state().library().get(&id).is_some());
    assert!(
        harness
            .query_by_label_contains("1 attempt file was not opened as cases")
            .is_some(),
        "the attempt file is said to be passed over, not broken"
    );
}

#[test]
fn showing_a_problem_uses_the_text_as_checked_even_if_the_file_became_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.ron");
    std::fs::copy("tests/data/broken/missing-comma.ron", &file).unwrap();
    let mut harness: App = app_harness();
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::LoadPaths(vec![
            file.clone(),
        ])));
    harness.state_mut().wait_for_loading();
    harness.run();
    assert_eq!(harness.state().problems().len(), 1);

    std::fs::remove_file(&file).unwrap();
    make_fifo(&file);
    let (done, fired) = watchdog(&file);
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::ShowProblemSource {
            file: file.display().to_string(),
            position: Position { line: 7, column: 5 },
        }));
    done.store(true, Ordering::SeqCst);
    assert!(
        !fired.load(Ordering::SeqCst),
        "showing the lines waited on the pipe until the test let it go"
    );
    harness.run();
    // The file is never read again: the lines come from the text that was checked.
    let line = std::fs::read_to_string("tests/data/broken/missing-comma.ron")
        .unwrap()
        .lines()
        .nth(6)
        .unwrap()
        .to_owned();
    assert!(
        harness
            .query_by_label(&format!("{:>5} | {line}", 7))
            .is_some(),
        "line 7 as it was checked is shown"
    );
}

#[test]
fn a_file_with_a_built_in_case_id_says_which_case_it_replaced() {
    let built_in = bundled("hospital-discharge-short");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.ron");
    let text = std::fs::read_to_string("scenarios/hospital-discharge.ron")
        .unwrap()
        .replacen(&built_in.title, "My own discharge case", 1);
    std::fs::write(&file, text).unwrap();

    let mut harness = app_harness();
    harness
        .state_mut()
        .apply(Action::Loading(LoadingAction::LoadPaths(vec![
            file.clone(),
        ])));
    harness.state_mut().wait_for_loading();
    harness.run();
    let expected = format!(
        "\"My own discharge case\" from {} has the id \"hospital-discharge-short\", the same as the built-in case \"{}\", so it replaces that case until you close the app.",
        file.display(),
        built_in.title
    );
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.starts_with(&expected)),
        "{expected:?} in {:?}",
        harness.state().notices()
    );
}

#[test]
fn only_a_web_address_is_ever_a_clickable_link() {
    use collab_casebook::io::parse_case;

    let text = std::fs::read_to_string("docs/example-case.ron").unwrap();
    let case = parse_case(&text, "example.ron", &model()).unwrap();
    let with_link = |id: &str, title: &str, link: &str| {
        let mut case = case.clone();
        case.id = collab_casebook::domain::CaseId::new(id);
        case.title = title.to_owned();
        for source in &mut case.sources {
            source.link = Some(link.to_owned());
        }
        case
    };
    // Cases made in code skip `check`, which would refuse the file link.
    let web = with_link("web", "Web link", "https://www.example.org/report");
    let local = with_link("local", "File link", "file:///etc/passwd");
    let shown = |case: &collab_casebook::domain::Case, label: &str| {
        let mut harness = app_harness();
        harness.state_mut().add_case(case.clone());
        harness.run();
        crate::common::open_case(&mut harness, case);
        harness.query_by_label(label).is_some()
    };
    assert!(
        shown(&web, "Source 1: https://www.example.org/report"),
        "a web address is a link"
    );
    assert!(
        !shown(&local, "Source 1: file:///etc/passwd"),
        "a file link is never a link"
    );
}
