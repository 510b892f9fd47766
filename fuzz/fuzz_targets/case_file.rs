//! A case file, as the library, `check` and reload read it. See `collab_casebook::io::fuzz`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let broken = collab_casebook::io::fuzz::case_file(data);
    assert!(broken.is_empty(), "{broken:#?}");
});
