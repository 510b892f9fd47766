//! No input panics the loader: every truncation of a valid case, and thousands of
//! deterministic single-byte corruptions of it, give a clear error or a valid case.

use crate::common::model;
use collab_casebook::io::parse_case;

const EXAMPLE: &str = include_str!("../docs/example-case.ron");

#[test]
fn every_truncation_is_refused_with_a_position() {
    let model = model();
    // Cutting anywhere up to and including the final bracket leaves the case unfinished.
    let last_bracket = EXAMPLE.rfind(')').unwrap();
    let boundaries: Vec<usize> = EXAMPLE
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i <= last_bracket)
        .collect();
    for &end in &boundaries {
        let text = &EXAMPLE[..end];
        let Err(error) = parse_case(text, "cut.ron", &model) else {
            panic!("a case cut at byte {end} was accepted");
        };
        assert_eq!(error.file, "cut.ron");
        assert!(!error.problems.is_empty());
        if !text.trim().is_empty() {
            assert!(
                error.problems.iter().all(|p| p.position.is_some()),
                "cut at {end}: {error}"
            );
        }
    }
}

#[test]
fn corrupted_bytes_never_panic_and_always_name_the_file() {
    let model = model();
    // A small linear congruential generator: the same corruptions every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let replacements = b"()[]{}:,\"\\/*-_ aZ09\n\t";
    let mut accepted = 0;
    for _ in 0..3000 {
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        let at = next() % bytes.len();
        bytes[at] = replacements[next() % replacements.len()];
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        match parse_case(&text, "bent.ron", &model) {
            Ok(_) => accepted += 1,
            Err(error) => {
                assert_eq!(error.file, "bent.ron");
                assert!(error.lines().iter().all(|l| l.starts_with("bent.ron:")));
            }
        }
    }
    // Some corruptions only change a letter inside text, which is still a valid case.
    assert!(accepted < 3000);
}
