//! `compare synthetic`: recovery of known weights.

use std::fmt::Write;

use anyhow::{Context, Result};
use linreg::TrainConfig;
use linreg::synthetic::{TRUE_BIAS, TRUE_WEIGHTS, synthetic};
use manual::least_squares;

use crate::table::{Align, TextTable};
use crate::trainers::Method;

/// A trainer whose largest parameter error exceeds this has visibly not converged.
const NOT_CONVERGED: f64 = 1e-3;

/// Trains every trainer on `rows` synthetic rows and renders the true, learned and
/// least-squares weights side by side.
///
/// # Errors
/// The first trainer error.
pub fn run(
    rows: usize,
    seed: u64,
    trainers: &[Box<dyn Method>],
    config: &TrainConfig,
) -> Result<String> {
    let (features, targets) = synthetic(rows, seed);
    let mut fits = Vec::new();
    for trainer in trainers {
        eprintln!(
            "training {} on {rows} synthetic rows ({} iterations)",
            trainer.name(),
            config.iterations
        );
        let fit = trainer
            .fit(&features, &targets, config)
            .with_context(|| format!("{} trainer on synthetic data", trainer.name()))?;
        fits.push((trainer.name(), fit));
    }
    let optimum = least_squares(&features, &targets);

    let mut columns = vec![("parameter", Align::Left), ("true", Align::Right)];
    columns.extend(fits.iter().map(|(name, _)| (*name, Align::Right)));
    columns.push(("least squares", Align::Right));
    let mut table = TextTable::new(&columns);
    let names = ["w0", "w1", "w2", "w3", "bias"];
    let truth: Vec<f64> = TRUE_WEIGHTS.iter().copied().chain([TRUE_BIAS]).collect();
    for (k, name) in names.iter().enumerate() {
        let value = |weights: &[f64], bias: f64| if k < 4 { weights[k] } else { bias };
        let mut row = vec![(*name).to_owned(), format!("{}", truth[k])];
        row.extend(fits.iter().map(|(_, f)| format!("{:.6}", value(&f.weights, f.bias))));
        row.push(format!("{:.6}", value(&optimum.weights, optimum.bias)));
        table.push(row);
    }

    let mut out = format!(
        "synthetic data: {rows} rows, seed {seed}, y = 2·x0 + 3·x1 + 5·x2 + 7·x3 + 4 with xi uniform integers 0 to 9\n\
         training: learning rate {}, {} iterations\n\n",
        config.learning_rate, config.iterations
    );
    out.push_str(&table.render());
    for (name, fit) in &fits {
        let error = fit
            .weights
            .iter()
            .zip(TRUE_WEIGHTS)
            .map(|(w, t)| (w - t).abs())
            .fold((fit.bias - TRUE_BIAS).abs(), f64::max);
        let _ = writeln!(
            out,
            "{name}: largest error {error:.3e}, final training loss {:.3e}",
            fit.loss_curve.last().map_or(f64::NAN, |p| p.loss)
        );
        if error > NOT_CONVERGED {
            let _ = writeln!(
                out,
                "{name}: not converged yet; the bias direction is the slowest to converge here, so try \
                 --learning-rate 0.01 --iterations 200000 (rates above about 0.0105 diverge on this data)"
            );
        }
    }
    Ok(out)
}
