//! An attempt file, as a seminar gathers it. See `collab_casebook::io::fuzz`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let broken = collab_casebook::io::fuzz::attempt_file(data);
    assert!(broken.is_empty(), "{broken:#?}");
});
