//! The progress store, as the app reads it at start. See `collab_casebook::io::fuzz`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let broken = collab_casebook::io::fuzz::progress_store(data);
    assert!(broken.is_empty(), "{broken:#?}");
});
