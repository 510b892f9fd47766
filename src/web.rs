//! The browser build's entry point: when the page loads the wasm, [`start`] runs the app
//! on the page's canvas (`<canvas id="casebook">`) through eframe's web runner.
//!
//! The page's address can open a case or a seminar directly (see [`crate::ui::launch`]):
//! `?case=universal-credit` opens Universal Credit for marking, `?seminar=universal-credit`
//! starts a seminar on it. `?room=ID` is the room view of a seminar's console, in a second
//! window (see `platform::web_room`): the console opens it.

use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::domain::CaseId;
use crate::platform::web_room;
use crate::ui::launch::Launch;
use crate::{CasebookApp, io};

/// The id of the canvas the app draws on.
pub const CANVAS_ID: &str = "casebook";

/// The name of the page's meta element that limits the app to chosen cases.
pub const CASES_META: &str = "collab-casebook-cases";

/// Starts the app when the page loads the wasm.
#[wasm_bindgen(start)]
pub fn start() {
    crate::platform::mark("start");
    // Warnings and errors go to the browser's console.
    eframe::WebLogger::init(log::LevelFilter::Warn).ok();
    wasm_bindgen_futures::spawn_local(async {
        if let Err(problem) = run().await {
            log::error!("The casebook could not start: {problem}");
            show_problem(&problem);
        }
    });
}

/// Finds the canvas, reads the link's parameters, and runs the app.
async fn run() -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("the page has no document")?;
    let canvas: web_sys::HtmlCanvasElement = document
        .get_element_by_id(CANVAS_ID)
        .ok_or_else(|| format!("the page has no canvas with the id \"{CANVAS_ID}\""))?
        .dyn_into()
        .map_err(|_| format!("the element \"{CANVAS_ID}\" is not a canvas"))?;
    let model = io::builtin_model().map_err(|e| format!("the built-in model is broken: {e}"))?;
    if let Some(id) = web_room::room_id() {
        return run_room(&document, canvas, model, id).await;
    }
    let chosen = chosen_cases(&document);
    let mut launch = launch_from_address();
    // A package of one case opens it (where the record left the trainee, after a reload).
    if let [only] = chosen.as_slice()
        && launch == Launch::default()
    {
        launch.case = Some(only.as_str().to_owned());
    }
    let mirror_canvas = canvas.clone();
    eframe::WebRunner::new()
        .start(
            canvas,
            eframe::WebOptions::default(),
            Box::new(move |cc| {
                crate::platform::mark("runner");
                // egui's accessibility tree, mirrored into the page for screen readers
                // (unless the address says `a11y=off`, or `a11y=tree` for egui's tree
                // without the page's copy: both to measure what it costs).
                if address_says("a11y", "tree") {
                    cc.egui_ctx.enable_accesskit();
                } else if !address_says("a11y", "off")
                    && let Err(problem) = crate::a11y_dom::install(&cc.egui_ctx, &mirror_canvas)
                {
                    log::warn!("The page will not carry the accessibility tree: {problem}");
                }
                if address_says("frames", "mark") {
                    // One mark per pass on the page's timeline, for the benchmark.
                    cc.egui_ctx.on_begin_pass(
                        "frame marks",
                        std::sync::Arc::new(|_| crate::platform::mark("egui-frame")),
                    );
                }
                let mut app = CasebookApp::in_browser(cc, model, &chosen);
                app.launch(&launch);
                crate::platform::mark("app");
                Ok(Box::new(app))
            }),
        )
        .await
        .map_err(|e| format!("{e:?}"))?;
    // Started: the page's "Loading" line goes.
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    Ok(())
}

/// Runs the room view of the console `id` on the canvas.
async fn run_room(
    document: &web_sys::Document,
    canvas: web_sys::HtmlCanvasElement,
    model: crate::domain::Model,
    id: String,
) -> Result<(), String> {
    document.set_title("Casebook room view");
    eframe::WebRunner::new()
        .start(
            canvas,
            eframe::WebOptions::default(),
            Box::new(move |cc| {
                let app = web_room::RoomApp::new(cc, model, &id)?;
                Ok(Box::new(app))
            }),
        )
        .await
        .map_err(|e| format!("{e:?}"))?;
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    Ok(())
}

/// The cases a package is limited to: the page's
/// `<meta name="collab-casebook-cases" content="id,id">`, which `scripts/build-web.sh
/// --cases` writes into an LMS package's page. None: the whole library.
fn chosen_cases(document: &web_sys::Document) -> Vec<CaseId> {
    let Ok(Some(meta)) = document.query_selector(&format!("meta[name=\"{CASES_META}\"]")) else {
        return Vec::new();
    };
    meta.get_attribute("content")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(CaseId::new)
        .collect()
}

/// The `case` and `seminar` parameters of the page's address.
fn launch_from_address() -> Launch {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Launch::default();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Launch::default();
    };
    Launch::from_pairs(
        ["case", "seminar"]
            .into_iter()
            .filter_map(|name| params.get(name).map(|value| (name.to_owned(), value))),
    )
}

/// Whether the page's address has `name=value`. Three are for measuring
/// (`web-tests/mirror-bench.js`): `a11y=off` leaves the accessibility tree out of the page,
/// `a11y=tree` has egui build its tree but puts no copy in the page, and `frames=mark`
/// marks the page's timeline with `egui-frame` at every pass.
fn address_says(name: &str, value: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get(name))
        .is_some_and(|given| given == value)
}

/// Puts a problem that stopped the app in the page, where the user will see it.
fn show_problem(problem: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(element) = document.get_element_by_id("loading") {
        element.set_text_content(Some(&format!(
            "The casebook could not start in this browser: {problem}. Try a current version of Firefox, Chrome, Edge or Safari, or use the desktop app."
        )));
    }
}
