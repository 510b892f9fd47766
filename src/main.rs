//! The `collab-casebook` binary: opens the app, or checks case files for authors.

use std::process::ExitCode;

use clap::Parser as _;
use collab_casebook::cli::{Cli, Command, check};
use collab_casebook::{CasebookApp, io, ui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let model = match io::builtin_model() {
        Ok(model) => model,
        Err(error) => {
            eprintln!("The built-in model could not be read. This build is broken:\n{error}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Some(Command::Check {
            paths,
            format,
            errors_only,
        }) => check(
            &paths,
            &model,
            format,
            errors_only,
            &mut std::io::stdout().lock(),
        ),
        None => {
            // The bundled cases are read while the window and its graphics are made.
            let bundled = std::thread::Builder::new()
                .name("bundled cases".to_owned())
                .spawn({
                    let model = model.clone();
                    move || io::bundled_cases(&model)
                });
            let options = ui::native_options(cli.size, cli.fullscreen);
            let store = cli.store_folder();
            if store.is_none() {
                eprintln!(
                    "No data folder was found, so your work will not be saved. Use --data-dir FOLDER to choose one."
                );
            }
            let result = eframe::run_native(
                "Collaborative Working Casebook",
                options,
                Box::new(move |cc| {
                    let bundled = bundled
                        .ok()
                        .and_then(|thread| thread.join().ok())
                        .unwrap_or_else(|| io::bundled_cases(&model));
                    let mut app =
                        CasebookApp::with_bundled(cc, model, bundled, &cli.paths, store.as_deref());
                    // For the start-up benchmark (scripts/bench-startup.sh).
                    let frames = std::env::var("CASEBOOK_EXIT_AFTER_FRAMES").ok();
                    if let Some(frames) = frames.and_then(|n| n.parse().ok()) {
                        app.close_after_frames(frames);
                    }
                    Ok(Box::new(app))
                }),
            );
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("The app could not open a window: {error}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
