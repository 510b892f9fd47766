//! A "what changed" file, as a course team gathers them. See `collab_casebook::io::fuzz`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let broken = collab_casebook::io::fuzz::changes_file(data);
    assert!(broken.is_empty(), "{broken:#?}");
});
