//! `compare`: trains the same linear regression by hand-derived gradient descent, burn and
//! candle on identical data, and compares them with the exact least-squares optimum.

mod cli;
mod config;
mod error;
mod run;
mod source;
mod summary;
mod synthetic;
mod table;
mod trainers;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, ScalingArg};
use crate::run::{Scaling, run_scaling};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match execute(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
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
        let run = run_scaling(&dataset, scaling, &trainers, &config, |trainer, scaling| {
            eprintln!(
                "training {trainer} on {} features ({} iterations)",
                scaling.name(),
                config.iterations
            );
        })?;
        runs.push(run);
    }

    let mut out = summary::header(&source, &runs[0], &config, cli.data.seed);
    for run in &runs {
        out.push_str(&summary::scaling_section(run));
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
