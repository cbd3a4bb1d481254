//! `compare synthetic`: recovery of known weights.

use std::fmt::Write;

use anyhow::Result;
use linreg::synthetic::{TRUE_BIAS, TRUE_WEIGHTS, synthetic};
use linreg::{TrainConfig, TrainError};
use manual::{Conditioning, least_squares};

use crate::error::{DivergedError, UsageError};

use crate::table::{Align, TextTable};
use crate::trainers::Method;

/// A trainer whose parameters differ from the least-squares solution by more than this has
/// visibly not converged.
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
    if rows < 2 {
        return Err(UsageError(format!("--rows {rows} is too few; give at least 2")).into());
    }
    let (features, targets) = synthetic(rows, seed);
    let limit = Conditioning::of(&features).max_stable_learning_rate;
    let mut fits = Vec::new();
    for trainer in trainers {
        eprintln!(
            "training {} on {rows} synthetic rows ({} iterations)",
            trainer.name(),
            config.iterations
        );
        let label = format!("{} on synthetic data", trainer.name());
        let fit = match trainer.fit(&features, &targets, config) {
            Ok(fit) => fit,
            Err(TrainError::Diverged { learning_rate, iteration, loss }) => {
                let suggest_standardizing = false;
                let error = DivergedError {
                    label,
                    learning_rate,
                    iteration,
                    loss,
                    limit,
                    suggest_standardizing,
                };
                return Err(error.into());
            }
            Err(error) => return Err(anyhow::Error::new(error).context(label)),
        };
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
        "synthetic data: {rows} rows, seed {seed}, y = 2·x0 + 3·x1 + 5·x2 + 7·x3 + 4 with xi \
         uniform integers 0 to 9, raw features (--scaling does not apply)\n\
         training: learning rate {}, {} iterations; stable up to 2/λmax = {limit:.4}\n\n",
        config.learning_rate, config.iterations
    );
    out.push_str(&table.render());
    let optimum_parameters: Vec<f64> =
        optimum.weights.iter().copied().chain([optimum.bias]).collect();
    let mut slowest = 0.0f64;
    for (name, fit) in &fits {
        let parameters = fit.weights.iter().copied().chain([fit.bias]);
        let error = parameters
            .clone()
            .zip(TRUE_WEIGHTS.iter().chain([&TRUE_BIAS]))
            .map(|(w, t)| (w - t).abs())
            .fold(0.0, f64::max);
        let gap =
            parameters.zip(&optimum_parameters).map(|(w, o)| (w - o).abs()).fold(0.0, f64::max);
        slowest = slowest.max(gap);
        let _ = writeln!(
            out,
            "{name}: largest error {error:.3e} from the true parameters, {gap:.3e} from least squares; final training loss {:.3e}",
            fit.loss_curve.last().map_or(f64::NAN, |p| p.loss)
        );
    }
    if slowest > NOT_CONVERGED {
        let suggestion = 0.9 * limit;
        let _ = writeln!(
            out,
            "gradient descent has not converged yet: the learning rate is {:.0} % of the stable rate, \
             so try --learning-rate {suggestion:.3} with more --iterations",
            100.0 * config.learning_rate / limit
        );
    }
    if optimum.rank < TRUE_WEIGHTS.len() + 1 {
        let _ = writeln!(
            out,
            "with {rows} rows the five parameters are not identifiable (rank {} of 5), so even the \
             least-squares solution need not equal the true one",
            optimum.rank
        );
    }
    Ok(out)
}
