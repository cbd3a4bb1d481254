//! The same runs in the other float precision, to show the drift.

use anyhow::Result;
use linreg::{Precision, TrainConfig};
use serde::Serialize;

use crate::run::ScalingRun;
use crate::trainers::Method;

/// One trainer's run in the other precision against its run in the main precision.
#[derive(Debug, Clone, Serialize)]
pub struct PrecisionComparison {
    /// "raw" or "standardized".
    pub scaling: &'static str,
    /// The trainer.
    pub trainer: &'static str,
    /// The precision of the repeated run.
    pub precision: Precision,
    /// Largest |other − main| over the weights and the bias.
    pub max_weight_difference: f64,
    /// Test R² of the repeated run minus that of the main run; `None` if either is undefined.
    pub test_r2_difference: Option<f64>,
    /// `[iteration, loss(other) − loss(main)]` at each recorded iteration.
    pub loss_difference: Vec<(usize, f64)>,
}

/// Returns the precision that is not `precision`.
pub fn other(precision: Precision) -> Precision {
    match precision {
        Precision::F64 => Precision::F32,
        Precision::F32 => Precision::F64,
    }
}

/// Repeats every trainer's run of `run` in the other precision and compares.
///
/// # Errors
/// The first training failure.
pub fn compare_precisions(
    run: &ScalingRun,
    trainers: &[Box<dyn Method>],
    config: &TrainConfig,
) -> Result<Vec<PrecisionComparison>> {
    let repeated_config = TrainConfig { precision: other(config.precision), ..*config };
    let data = &run.data;
    let mut result = Vec::new();
    for (trainer, main) in trainers.iter().zip(&run.runs) {
        let repeated = trainer.fit(&data.train.features, &data.train.targets, &repeated_config)?;
        let parameters = |w: &[f64], b: f64| w.iter().copied().chain([b]).collect::<Vec<f64>>();
        let difference = parameters(&repeated.weights, repeated.bias)
            .iter()
            .zip(parameters(&main.fit.weights, main.fit.bias))
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        let repeated_r2 =
            linreg::metrics::r2(&data.test.targets, &repeated.predict(&data.test.features));
        let loss_difference = repeated
            .loss_curve
            .iter()
            .zip(&main.fit.loss_curve)
            .map(|(a, b)| (a.iteration, a.loss - b.loss))
            .collect();
        result.push(PrecisionComparison {
            scaling: run.scaling.name(),
            trainer: main.trainer,
            precision: repeated_config.precision,
            max_weight_difference: difference,
            test_r2_difference: repeated_r2.zip(main.scores.test.r2).map(|(a, b)| a - b),
            loss_difference,
        });
    }
    Ok(result)
}
