//! Replays the fuzzing seeds and every input the fuzzers have found through the same
//! checks the fuzz targets in fuzz/ run (see `collab_casebook::io::fuzz` and
//! docs/fuzzing.md). A crash found by fuzzing is committed under tests/data/fuzz/ and stays
//! a test here, with no fuzzer needed.

use std::fs;
use std::path::{Path, PathBuf};

use collab_casebook::io::fuzz;

/// Every file below a folder, sorted.
fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("the test data folders can be read") {
            let path = entry.expect("a test data folder entry can be read").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The seed corpus: bundled cases, the authoring example, and the test data.
fn seeds() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = files_under(&root.join("scenarios"));
    seeds.extend(files_under(&root.join("tests/data")));
    seeds.push(root.join("docs/example-case.ron"));
    seeds
}

fn replay(name: &str, target: fn(&[u8]) -> Vec<String>) -> usize {
    let mut failures = Vec::new();
    let seeds = seeds();
    for path in &seeds {
        let bytes = fs::read(path).expect("a seed file can be read");
        let broken = target(&bytes);
        if !broken.is_empty() {
            failures.push(format!("{}: {}", path.display(), broken.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
    seeds.len()
}

#[test]
fn the_case_loader_keeps_its_promises_on_every_seed_and_past_crash() {
    let replayed = replay("case_file", fuzz::case_file);
    // The seeds include the 15 bundled cases and the 42 broken files at least.
    assert!(replayed >= 57, "only {replayed} files replayed");
}

#[test]
fn the_attempt_loader_keeps_its_promises_on_every_seed_and_past_crash() {
    replay("attempt_file", fuzz::attempt_file);
}

#[test]
fn the_progress_store_keeps_its_promises_on_every_seed_and_past_crash() {
    replay("progress_store", fuzz::progress_store);
}

#[test]
fn the_assessment_loader_keeps_its_promises_on_every_seed_and_past_crash() {
    replay("assessment_file", fuzz::assessment_file);
}

#[test]
fn the_changes_loader_keeps_its_promises_on_every_seed_and_past_crash() {
    replay("changes_file", fuzz::changes_file);
}
