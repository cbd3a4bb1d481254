//! The report: report.md with SVG plots, and results.json.

mod analysis;
mod data_summary;
mod manifest;
mod markdown;
mod results;

use anyhow::{Context, Result};

use crate::analysis::Analysis;
use crate::cli::Cli;
use crate::output::OutputFile;
use crate::plots;
use crate::run::Comparison;

/// Renders every file of the report in memory: report.md, results.json and four plots per
/// scaling (five with the sweep).
///
/// # Errors
/// If a plot cannot be drawn or the results cannot be serialised.
pub fn render(cli: &Cli, comparison: &Comparison, analysis: &Analysis) -> Result<Vec<OutputFile>> {
    let results = results::results(cli, comparison, analysis);
    let mut files = Vec::new();
    let mut plot_names = Vec::new();
    for run in &comparison.runs {
        let scaling = run.scaling.name();
        let names = PlotNames {
            predicted: format!("predicted_vs_actual_{scaling}.svg"),
            loss: format!("loss_{scaling}.svg"),
            weights: format!("weights_{scaling}.svg"),
            precision: format!("precision_{scaling}.svg"),
            sweep: format!("sweep_{scaling}.svg"),
        };
        files.push((names.predicted.clone(), plots::predicted_vs_actual(run)?.into_bytes()));
        files.push((names.loss.clone(), plots::loss_curves(run)?.into_bytes()));
        files.push((names.weights.clone(), plots::weights(run)?.into_bytes()));

        let main = comparison.config.precision.to_string();
        let precision: Vec<_> =
            analysis.precision.iter().filter(|p| p.scaling == scaling).collect();
        files.push((
            names.precision.clone(),
            plots::precision(scaling, &precision, &main)?.into_bytes(),
        ));
        let sweeps: Vec<_> = analysis.sweep.iter().filter(|s| s.scaling == scaling).collect();
        if !sweeps.is_empty() {
            files.push((names.sweep.clone(), plots::sweep(scaling, &sweeps)?.into_bytes()));
        }
        plot_names.push(names);
    }

    let mut json = serde_json::to_vec_pretty(&results).context("serialising results.json")?;
    json.push(b'\n');
    files.push(("results.json".into(), json));
    files.push((
        "report.md".into(),
        markdown::render(comparison, &results, analysis, &plot_names).into_bytes(),
    ));
    Ok(files)
}

/// File names of the plots of one scaling.
pub struct PlotNames {
    /// Predicted against actual.
    pub predicted: String,
    /// Loss curves.
    pub loss: String,
    /// Weights by feature.
    pub weights: String,
    /// Loss difference between the precisions.
    pub precision: String,
    /// Learning-rate sweep, written only with `--sweep`.
    pub sweep: String,
}
