//! Opening files in a browser: the page's file pickers and files dropped on the page, read
//! as bytes in the background and checked a slice a frame.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::rc::Rc;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;

use super::storage::words;
use super::{Pick, Picked, Web};
use crate::domain::Model;
use crate::io::load::{self, MAX_CASE_BYTES, MAX_FILES, NamedBytes, TextLoad};
use crate::io::{self, FileError, Problem, ProblemKind};
use crate::ui::action::Action;
use crate::ui::features::loading::LoadingAction;
use crate::ui::loader::Purpose;

/// Milliseconds of checking picked files per frame, so the page keeps drawing.
const SLICE_MS: f64 = 8.0;

impl Web {
    /// Shows the page's file picker; the files chosen are read in the background and come
    /// back through [`Self::poll`].
    pub(super) fn open_picker(&mut self, pick: Pick) -> Option<Action> {
        if let Some((_, input)) = self.pickers.iter().find(|(p, _)| *p == pick) {
            input.click();
            return None;
        }
        let Some(input) = self.make_picker(pick) else {
            let report = io::LoadReport {
                errors: vec![read_problem(
                    "The file picker",
                    "the page could not show it; reload the page and try again",
                )],
                ..io::LoadReport::default()
            };
            return Some(
                LoadingAction::Loaded {
                    paths: Vec::new(),
                    purpose: Purpose::Open,
                    report,
                    more_to_come: !self.loads.is_empty(),
                }
                .into(),
            );
        };
        input.click();
        self.pickers.push((pick, input));
        None
    }

    fn make_picker(&self, pick: Pick) -> Option<web_sys::HtmlInputElement> {
        let document = web_sys::window()?.document()?;
        let input: web_sys::HtmlInputElement =
            document.create_element("input").ok()?.dyn_into().ok()?;
        input.set_type("file");
        input.set_multiple(pick != Pick::Record);
        input.set_accept(".ron");
        input.set_hidden(true);
        input.set_id(match pick {
            Pick::Cases => "casebook-open-cases",
            Pick::Attempts => "casebook-import-attempts",
            Pick::Record => "casebook-load-record",
        });
        document.body()?.append_child(&input).ok()?;
        let queue = Rc::clone(&self.picked);
        let wake = self.ctx.clone();
        let target = input.clone();
        let changed = Closure::<dyn FnMut()>::new(move || {
            let mut files = Vec::new();
            if let Some(list) = target.files() {
                // One past the limit, so the load can say files were left out.
                let count = list
                    .length()
                    .min(u32::try_from(MAX_FILES + 1).unwrap_or(u32::MAX));
                files.extend((0..count).filter_map(|i| list.get(i)));
            }
            // Cleared, so picking the same file again is a change.
            target.set_value("");
            let queue = Rc::clone(&queue);
            let wake = wake.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut read = Vec::new();
                for file in files {
                    let name = file.name();
                    let bytes = if pick == Pick::Record {
                        read_record_file(&file, &name).await
                    } else {
                        read_file(&file, &name).await
                    };
                    read.push((name, bytes));
                }
                queue.borrow_mut().push(Picked { pick, files: read });
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            });
        });
        input.set_onchange(Some(changed.as_ref().unchecked_ref()));
        // The picker lives as long as the page.
        changed.forget();
        Some(input)
    }

    /// Starts reading files dropped on the page this frame.
    pub(super) fn take_dropped(&mut self) {
        self.dropped.clear();
        let Some(ctx) = &self.ctx else {
            return;
        };
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if dropped.is_empty() {
            return;
        }
        self.dropped = dropped.iter().map(|f| f.path().to_path_buf()).collect();
        let queue = Rc::clone(&self.picked);
        let wake = ctx.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut read = Vec::new();
            for file in dropped.iter().take(MAX_FILES + 1) {
                let name = file.path().display().to_string();
                // Through the browser's file, so a file too large is refused before it is
                // read; egui's own read when there is none.
                let bytes = match file.web_file() {
                    Some(web_file) => read_file(web_file, &name).await,
                    None => file
                        .bytes_async()
                        .await
                        .map_err(|reason| read_problem(&name, &reason)),
                };
                read.push((name, bytes));
            }
            queue.borrow_mut().push(Picked {
                pick: Pick::Cases,
                files: read,
            });
            wake.request_repaint();
        });
    }

    /// Checks picked files for a few milliseconds; reports each batch when it is done.
    pub(super) fn step_loads(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(model) = &self.model else {
            return actions;
        };
        let started = js_sys::Date::now();
        while let Some((_, load)) = self.loads.front_mut() {
            while !load.step(model, 1) {
                if js_sys::Date::now() - started > SLICE_MS {
                    break;
                }
            }
            if load.remaining() > 0 {
                // More next frame.
                if let Some(ctx) = &self.ctx {
                    ctx.request_repaint();
                }
                break;
            }
            actions.extend(finish_next(&mut self.loads, model));
        }
        actions
    }

    /// Whether files are still being read or checked.
    pub fn is_loading(&self) -> bool {
        !self.loads.is_empty()
    }

    /// Checks every file picked so far at once; returns them as actions.
    pub fn wait_for_loading(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(model) = &self.model else {
            return actions;
        };
        while let Some(action) = finish_next(&mut self.loads, model) {
            actions.push(action);
        }
        actions
    }
}

/// The oldest pick in `loads`, its files all checked, as the action that opens them.
fn finish_next(loads: &mut VecDeque<(Vec<PathBuf>, TextLoad)>, model: &Model) -> Option<Action> {
    let (paths, load) = loads.pop_front()?;
    Some(
        LoadingAction::Loaded {
            paths,
            purpose: Purpose::Open,
            report: load.finish(model),
            more_to_come: !loads.is_empty(),
        }
        .into(),
    )
}

/// A file that could not be read, and why.
pub(super) fn read_problem(file: &str, reason: &str) -> FileError {
    FileError::single(
        file,
        Problem::whole_file(ProblemKind::Read {
            reason: reason.to_owned(),
        }),
    )
}

/// Reads a picked file's bytes, refusing one the browser says is too large before reading.
async fn read_file(file: &web_sys::File, name: &str) -> Result<Vec<u8>, FileError> {
    let size = file.size();
    if size > MAX_CASE_BYTES as f64 {
        // The browser gives the size as a whole, positive number of bytes.
        return Err(load::too_large(name, size as u64));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| read_problem(name, &words(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a picked record file's bytes, refusing one larger than the store reads before
/// reading it.
async fn read_record_file(file: &web_sys::File, name: &str) -> Result<Vec<u8>, FileError> {
    let limit = io::store::MAX_STORE_BYTES;
    if file.size() > limit as f64 {
        return Err(read_problem(
            name,
            &format!(
                "it is larger than {} MB, the most this app reads",
                limit / (1024 * 1024)
            ),
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| read_problem(name, &words(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Attempt files that arrived as bytes, each a record or why it could not be counted.
pub(super) fn read_attempts(
    files: Vec<NamedBytes>,
    model: &Model,
) -> Vec<Result<io::attempt_file::AttemptRecord, FileError>> {
    let mut read = Vec::new();
    for (index, (name, bytes)) in files.into_iter().enumerate() {
        if index == MAX_FILES {
            read.push(Err(FileError::single(
                name,
                Problem::whole_file(ProblemKind::TooManyFiles { limit: MAX_FILES }),
            )));
            break;
        }
        read.push(
            bytes
                .and_then(|bytes| load::decode(bytes, &name))
                .and_then(|text| io::attempt_file::parse(&text, &name, model)),
        );
    }
    read
}
