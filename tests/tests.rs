//! The integration tests, one binary: eframe and kittest are linked once.

mod accessibility;
mod app_flow;
mod architecture;
mod attempts;
mod autosave;
mod cases;
mod cli;
mod common;
mod contrast;
mod fuzz_corpus;
mod headings;
mod keyboard;
mod keymap;
mod loaders;
mod matrix;
mod progress;
mod properties;
mod reload;
mod resume;
mod robustness;
mod self_study;
mod seminar;
mod store;
