//! The integration tests, one binary: eframe and kittest are linked once. Each file is a
//! test module (`cfg(test)`), so helpers may fail loudly as tests do.

#[cfg(test)]
mod accessibility;
#[cfg(test)]
mod app_flow;
#[cfg(test)]
mod architecture;
#[cfg(test)]
mod assessment;
#[cfg(test)]
mod attempts;
#[cfg(test)]
mod autosave;
#[cfg(test)]
mod cases;
#[cfg(test)]
mod cli;
#[cfg(test)]
mod collaboration;
#[cfg(test)]
mod common;
#[cfg(test)]
mod contrast;
#[cfg(test)]
mod effects;
#[cfg(test)]
mod focus_in_view;
#[cfg(test)]
mod fuzz_corpus;
#[cfg(test)]
mod headings;
#[cfg(test)]
mod keyboard;
#[cfg(test)]
mod keymap;
#[cfg(test)]
mod loaders;
#[cfg(test)]
mod marking_layout;
#[cfg(test)]
mod matrix;
#[cfg(test)]
mod progress;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod reload;
#[cfg(test)]
mod resume;
#[cfg(test)]
mod robustness;
#[cfg(test)]
mod room_window;
#[cfg(test)]
mod saving;
#[cfg(test)]
mod self_study;
#[cfg(test)]
mod seminar;
#[cfg(test)]
mod seminar_folder;
#[cfg(test)]
mod seminar_resume;
#[cfg(test)]
mod seminar_room;
#[cfg(test)]
mod store;
#[cfg(test)]
mod web_build;
#[cfg(test)]
mod wording;
