//! An assessment file, as a lead gathers a team's. See `collab_casebook::io::fuzz`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let broken = collab_casebook::io::fuzz::assessment_file(data);
    assert!(broken.is_empty(), "{broken:#?}");
});
