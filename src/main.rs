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
        Some(Command::Check { paths, format }) => {
            check(&paths, &model, format, &mut std::io::stdout().lock())
        }
        None => {
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
                    let mut app = CasebookApp::new(cc, model, &cli.paths, store.as_deref());
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
