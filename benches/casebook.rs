//! Benchmarks, each beside a reference measured in the same run (see docs/performance.md):
//!
//! - frame cost of the case screen (marking panel open) and the feedback screen on the
//!   longest case, against laying out the same case text in a single label;
//! - loading and validating a library of generated cases, against ron parsing the same
//!   bytes into the same structs alone;
//! - growth of both at 1x, 4x and 16x case length and library size;
//! - opening a folder of 1,000 case files, against the UI thread's share of it;
//! - a keystroke in a note (a letter, then Backspace) with the record kept on disk, against
//!   the same keystrokes with no record kept (the UI thread's whole frame, through `egui_kittest`).

#![expect(
    clippy::expect_used,
    reason = "a benchmark whose inputs are broken should stop loudly"
)]

use collab_casebook::ui::CaseAction;
use collab_casebook::ui::FeedbackAction;
use collab_casebook::ui::LoadingAction;
use std::hint::black_box;

use collab_casebook::domain::{Case, Model, Verdict};
use collab_casebook::io::case_file::CaseFile;
use collab_casebook::io::{self, ron_text};
use collab_casebook::ui::case_text::{Highlight, case_text_ui};
use collab_casebook::ui::marking::{MarkingView, marking_panel_ui};
use collab_casebook::ui::theme::{self, ThemeChoice};
use collab_casebook::ui::{Action, CasebookApp, two_panes_ui};
use criterion::{BenchmarkId, Criterion, criterion_group};

const LONGEST: &str = include_str!("../scenarios/universal-credit.ron");

fn model() -> Model {
    io::builtin_model().expect("the built-in model loads")
}

/// The longest case with its sections repeated `times` over, ids made unique.
fn longer_case_text(times: usize) -> String {
    let start = LONGEST.find("    sections: [\n").expect("sections") + "    sections: [\n".len();
    let end = LONGEST.find("    answers: [").expect("answers");
    let sections_end = LONGEST[..end].rfind("    ],").expect("end of sections");
    let sections = &LONGEST[start..sections_end];
    let mut extra = String::new();
    for copy in 1..times {
        extra.push_str(&sections.replace("id: \"", &format!("id: \"copy{copy}-")));
    }
    let mut text = LONGEST.to_owned();
    text.insert_str(sections_end, &extra);
    text
}

/// `count` copies of the longest case, each with its own id.
fn library_texts(count: usize) -> Vec<String> {
    (0..count)
        .map(|n| LONGEST.replace("id: \"universal-credit\"", &format!("id: \"case-{n}\"")))
        .collect()
}

/// `count` cases taken in turn from the bundled ones (30 KB on average), each with its own
/// id: a library as trainers would have it.
fn mixed_library_texts(count: usize, model: &Model) -> Vec<String> {
    let bundled: Vec<(String, String)> = io::load::bundled_file_names()
        .map(|name| {
            let path = format!("{}/scenarios/{name}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(path).expect("a bundled case");
            let id = io::parse_case(&text, name, model).expect("valid").id;
            (text, id.as_str().to_owned())
        })
        .collect();
    bundled
        .iter()
        .cycle()
        .take(count)
        .enumerate()
        .map(|(n, (text, id))| {
            text.replacen(&format!("id: \"{id}\""), &format!("id: \"{id}-{n}\""), 1)
        })
        .collect()
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// A context with the app's fonts and theme, warmed up so the font atlas is built.
fn context() -> egui::Context {
    let ctx = egui::Context::default();
    theme::apply(&ctx, ThemeChoice::Light);
    ctx
}

fn app_on(case: &Case, model: &Model, feedback: bool) -> CasebookApp {
    let mut app = CasebookApp::with_model(model.clone());
    app.add_case(case.clone());
    app.apply(Action::Case(CaseAction::Open(case.id.clone())));
    for factor in &model.factors {
        app.apply(Action::Case(CaseAction::SetVerdict(
            factor.id.clone(),
            Some(Verdict::Partly),
        )));
    }
    if feedback {
        app.apply(Action::Feedback(FeedbackAction::Show));
    }
    app
}

fn all_text(case: &Case) -> String {
    case.passages()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// One frame of one screen, ready to be drawn again and again.
type Frame = Box<dyn FnMut() -> egui::FullOutput>;

/// Registers `count` controls for clicks and focus, drawing nothing.
fn register(ui: &mut egui::Ui, count: usize) {
    for _ in 0..count {
        black_box(ui.allocate_response(egui::vec2(40.0, 8.0), egui::Sense::click()));
    }
}

/// The frames the benchmark draws on the longest case made `times` as long, by name: the
/// reference, the floor, the case screen's two halves alone (at 1x only), and the two
/// screens.
fn frames(model: &Model, times: usize) -> Vec<(&'static str, Frame)> {
    let case = io::parse_case(&longer_case_text(times), "long.ron", model).expect("valid");
    let mut frames: Vec<(&'static str, Frame)> = Vec::new();

    let ctx = context();
    let text = all_text(&case);
    frames.push((
        "reference: the text in one label",
        Box::new(move || {
            ctx.run_ui(input(), |ui| {
                egui::CentralPanel::default().show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| ui.label(text.as_str()));
                });
            })
        }),
    ));

    // The floor: what egui itself spends on the case screen's layout, with nothing drawn.
    // The same top bar and two scrolling panes, and as many controls as the case screen
    // shows, each only registered for clicks and focus: no text, no painting. No way of
    // drawing the case screen in egui can cost less.
    let controls = controls_on_screen(&app_on(&case, model, false));
    assert!(
        controls > 20,
        "the case screen shows dozens of controls, not {controls}: is AccessKit counting them?"
    );
    for (name, count) in [
        ("floor: the case screen's panes alone", 0),
        (
            "floor: the case screen's panes and controls, nothing drawn",
            controls,
        ),
    ] {
        let ctx = context();
        frames.push((
            name,
            Box::new(move || {
                ctx.run_ui(input(), |ui| {
                    egui::Panel::top("top_bar").show(ui, |_| ());
                    let mut actions = Vec::new();
                    two_panes_ui(
                        ui,
                        "marking",
                        0.42,
                        &mut actions,
                        |ui, _| register(ui, count / 2),
                        |ui, _| register(ui, count - count / 2),
                    );
                })
            }),
        ));
    }

    // The case screen's two halves on their own, to see where its time goes.
    if times == 1 {
        let ctx = context();
        let alone = case.clone();
        frames.push((
            "case text alone",
            Box::new(move || {
                ctx.run_ui(input(), |ui| {
                    egui::CentralPanel::default().show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            ui.set_max_width(700.0);
                            black_box(case_text_ui(ui, &alone, &|_| Highlight::None, true, None));
                        });
                    });
                })
            }),
        ));
        let ctx = context();
        let (model, alone) = (model.clone(), case.clone());
        let attempt = app_on(&case, &model, false).attempt(&case.id).cloned();
        frames.push((
            "marking panel alone",
            Box::new(move || {
                let view = MarkingView {
                    model: &model,
                    case: &alone,
                    attempt: attempt.as_ref(),
                    factor_index: 0,
                    confirm_unmarked: false,
                };
                ctx.run_ui(input(), |ui| {
                    egui::CentralPanel::default().show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            // As wide as the panel beside the text at 1280x800.
                            ui.set_max_width(540.0);
                            let mut actions = Vec::new();
                            marking_panel_ui(ui, &view, &mut actions);
                            black_box(actions);
                        });
                    });
                })
            }),
        ));
    }

    for (name, feedback) in [("case screen", false), ("feedback screen", true)] {
        let ctx = context();
        let app = app_on(&case, model, feedback);
        frames.push((
            name,
            Box::new(move || ctx.run_ui(input(), |ui| drop(black_box(app.draw(ui))))),
        ));
    }
    frames
}

/// How many controls (things that can be clicked or focused) the screen shows at 1280x800,
/// counted from the accessibility tree as a screen reader would find them.
fn controls_on_screen(app: &CasebookApp) -> usize {
    use egui::accesskit::{Action as A11yAction, Rect};
    let ctx = context();
    ctx.enable_accesskit();
    let screen = Rect::new(0.0, 0.0, 1280.0, 800.0);
    // Two frames: the second lays out with the sizes the first found.
    drop(ctx.run_ui(input(), |ui| drop(app.draw(ui))));
    let output = ctx.run_ui(input(), |ui| drop(app.draw(ui)));
    let update = output
        .platform_output
        .accesskit_update
        .expect("an accessibility tree");
    update
        .nodes
        .iter()
        .filter(|(_, node)| {
            node.supports_action(A11yAction::Click) || node.supports_action(A11yAction::Focus)
        })
        .filter(|(_, node)| {
            node.bounds()
                .is_some_and(|b| b.intersect(screen).area() > 0.0)
        })
        .count()
}

fn frame_cost(c: &mut Criterion) {
    let model = model();
    let mut group = c.benchmark_group("frame");
    for times in [1, 4, 16] {
        for (name, mut frame) in frames(&model, times) {
            black_box(frame());
            group.bench_function(BenchmarkId::new(name, times), |b| {
                b.iter(|| black_box(frame()));
            });
        }
    }
    group.finish();
}

fn library_load(c: &mut Criterion) {
    let model = model();
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    let mixed = (
        "1000 of the bundled cases in turn",
        mixed_library_texts(1000, &model),
    );
    let longest = [250, 1000, 4000].map(|count| {
        (
            format!("{count} copies of the longest case"),
            library_texts(count),
        )
    });
    for (name, texts) in std::iter::once((mixed.0.to_owned(), mixed.1)).chain(longest) {
        group.bench_function(
            BenchmarkId::new("reference: ron parsing alone", &name),
            |b| {
                b.iter(|| {
                    for text in &texts {
                        black_box(ron_text::parse::<CaseFile>(text).expect("parses"));
                    }
                });
            },
        );
        group.bench_function(BenchmarkId::new("parse and validate", &name), |b| {
            b.iter(|| {
                for text in &texts {
                    black_box(io::parse_case(text, "case.ron", &model).expect("valid"));
                }
            });
        });
    }
    group.finish();
}

/// Opening a folder of 1,000 cases from disk: the whole load, against what the UI thread
/// spends on it (starting the load; the cases arrive from another thread).
fn open_folder(c: &mut Criterion) {
    let model = model();
    let folder = |texts: Vec<String>| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for (n, text) in texts.iter().enumerate() {
            std::fs::write(dir.path().join(format!("case-{n}.ron")), text).expect("written");
        }
        dir
    };
    let longest = folder(library_texts(1000));
    let mixed = folder(mixed_library_texts(1000, &model));
    let paths = vec![longest.path().to_path_buf()];
    let mut group = c.benchmark_group("open folder");
    group.sample_size(10);
    group.bench_function(
        "reference: the whole load of 1,000 copies of the longest case",
        |b| b.iter(|| black_box(io::load_paths(&paths, &model))),
    );
    let mixed_paths = vec![mixed.path().to_path_buf()];
    group.bench_function(
        "the whole load of 1,000 of the bundled cases in turn",
        |b| b.iter(|| black_box(io::load_paths(&mixed_paths, &model))),
    );
    group.bench_function("the UI thread's share of the first", |b| {
        b.iter_custom(|iterations| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iterations {
                let mut app = CasebookApp::with_model(model.clone());
                let start = std::time::Instant::now();
                app.apply(Action::Loading(LoadingAction::LoadPaths(paths.clone())));
                spent += start.elapsed();
                app.wait_for_loading();
                assert!(app.library().cases().len() > 1000, "the folder loaded");
            }
            spent
        });
    });
    group.finish();
}

/// A keystroke in a note: the whole frame on the UI thread, with the record kept on disk
/// and without. Saving waits for a quiet second and writes on its own thread, so the two
/// should match.
fn keystroke(c: &mut Criterion) {
    use egui_kittest::kittest::Queryable as _;
    let model = model();
    let case = io::bundled_cases(&model)
        .cases
        .into_iter()
        .find(|c| c.case.id.as_str() == "universal-credit")
        .expect("the longest case is bundled")
        .case;
    let first = model.factors.first().expect("the model has factors");
    let note = format!("Note on {}", first.name);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("keystroke");
    for (name, folder) in [
        ("reference: a keystroke in a note, no record kept", None),
        (
            "a keystroke in a note, the record kept on disk",
            Some(dir.path().to_path_buf()),
        ),
    ] {
        let model = model.clone();
        let mut harness = egui_kittest::Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .with_step_dt(0.1)
            .build_eframe(move |cc| CasebookApp::new(cc, model.clone(), &[], folder.as_deref()));
        harness.run();
        harness
            .state_mut()
            .apply(Action::Case(CaseAction::Open(case.id.clone())));
        harness.run();
        harness.get_by_label(&note).click();
        harness.run();
        group.bench_function(name, |b| {
            // A letter and then Backspace, so the note stays the same length however many
            // iterations each side runs.
            b.iter(|| {
                harness.get_by_label(&note).type_text("x");
                harness.step();
                harness.key_press(egui::Key::Backspace);
                harness.step();
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frame_cost, library_load, open_folder, keystroke);

/// `CASEBOOK_FRAME=NAME CASEBOOK_FRAME_RUNS=N` draws N frames of one screen at 1x and
/// nothing else, for counting instructions under callgrind (scripts/frame-instructions.sh).
/// Otherwise, the criterion benchmarks.
fn main() {
    if let Ok(name) = std::env::var("CASEBOOK_FRAME") {
        let runs: usize = std::env::var("CASEBOOK_FRAME_RUNS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1);
        let (_, mut frame) = frames(&model(), 1)
            .into_iter()
            .find(|(each, _)| *each == name)
            .expect("CASEBOOK_FRAME names a frame of the benchmark");
        for _ in 0..runs {
            black_box(frame());
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
