//! `compare`: trains the same linear regression by hand-derived gradient descent, burn and
//! candle on identical data, and compares them with the exact least-squares optimum.

mod analysis;
mod cli;
mod config;
mod error;
mod export;
mod output;
mod plots;
mod plural;
mod process;
mod progress;
mod report;
mod run;
mod source;
mod summary;
mod synthetic;
mod table;
mod trainers;
mod units;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, ScalingArg};
use crate::run::{Comparison, Scaling, run_scaling};

/// Freed memory stays in the process for reuse instead of going back to the operating system
/// after every training step; see [`process`].
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    process::configure_threads();
    let cli = Cli::parse();
    match execute(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", error::describe(&error));
            ExitCode::from(error::exit_code(&error))
        }
    }
}

fn execute(cli: &Cli) -> anyhow::Result<()> {
    let config = config::train_config(&cli.training, cli.data.seed)?;
    let trainers = trainers::select(&cli.training.trainers, cli.training.manual_form)?;
    if let Some(Command::Synthetic { rows }) = cli.command {
        let text = synthetic::run(rows, cli.data.seed, &trainers, &config)?;
        print!("{text}");
        return Ok(());
    }

    let source = source::load(&cli.data)?;
    let dataset =
        linreg::Dataset::prepare(&source.table, &source::dataset_options(&cli.data, &source))?;
    let scalings: &[Scaling] = match cli.training.scaling {
        ScalingArg::Raw => &[Scaling::Raw],
        ScalingArg::Standardized => &[Scaling::Standardized],
        ScalingArg::Both => &[Scaling::Raw, Scaling::Standardized],
    };
    let mut runs = Vec::new();
    for &scaling in scalings {
        runs.push(run_scaling(&dataset, scaling, &trainers, &config)?);
    }
    let trainer_names = trainers.iter().map(|t| t.name()).collect();
    let comparison = Comparison { source, dataset, config, trainer_names, runs };
    let sweep = cli.output.sweep.then_some(analysis::SweepSettings {
        iterations: cli.output.sweep_iterations,
        points: cli.output.sweep_points,
    });
    let analysis = analysis::analyze(&comparison, &trainers, sweep)?;

    // Render everything before writing anything, so a failure leaves earlier output untouched.
    let report = report::render(cli, &comparison, &analysis)?;
    let export =
        cli.output.export.as_ref().map(|_| export::export_files(&comparison)).transpose()?;
    // Both folders must exist before either is written, so a bad --export cannot leave a new
    // report beside a failed run.
    output::create_folder(&cli.output.out, "--out")?;
    if let Some(folder) = &cli.output.export {
        output::create_folder(folder, "--export")?;
    }
    output::write_atomically(&cli.output.out, &report, "--out")?;
    if let (Some(folder), Some(files)) = (&cli.output.export, &export) {
        output::write_atomically(folder, files, "--export")?;
    }

    let mut text = summary::header(&comparison, cli.data.seed);
    for run in &comparison.runs {
        text.push_str(&summary::scaling_section(run));
    }
    text.push('\n');
    for sentence in &analysis.conclusion {
        text.push_str(sentence);
        text.push('\n');
    }
    text.push_str(&format!("\nreport written to {}\n", cli.output.out.join("report.md").display()));
    if let Some(folder) = &cli.output.export {
        text.push_str(&format!("training matrices exported to {}\n", folder.display()));
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
