//! The learning-rate sweep: final training loss over a log grid of rates, past the stability
//! limit.

use linreg::{TrainConfig, TrainError};
use manual::Conditioning;
use serde::Serialize;

use crate::run::ScalingRun;
use crate::trainers::Method;

/// The grid ends this far past 2/λmax, so the divergence beyond the limit shows.
const BEYOND_LIMIT: f64 = 1.5;
/// The grid starts here.
const MIN_LEARNING_RATE: f64 = 1e-4;

/// The final loss of one trainer at one rate.
#[derive(Debug, Clone, Serialize)]
pub struct SweepPoint {
    /// The learning rate.
    pub learning_rate: f64,
    /// The final training MSE, or `None` if training diverged: the loss became non-finite or
    /// ended above its starting value.
    pub final_loss: Option<f64>,
}

/// One trainer's sweep on one scaling.
#[derive(Debug, Clone, Serialize)]
pub struct Sweep {
    /// "raw" or "standardized".
    pub scaling: &'static str,
    /// The trainer.
    pub trainer: &'static str,
    /// Iterations per run.
    pub iterations: usize,
    /// 2/λmax of this scaling's loss Hessian.
    pub max_stable_learning_rate: f64,
    /// The grid, smallest rate first.
    pub points: Vec<SweepPoint>,
}

/// Returns `count` rates spaced evenly in log scale from 1e-4 to 1.5 × `limit`.
pub fn grid(limit: f64, count: usize) -> Vec<f64> {
    let (low, high) = (MIN_LEARNING_RATE.ln(), (BEYOND_LIMIT * limit).ln());
    let count = count.max(2);
    (0..count).map(|k| (low + (high - low) * k as f64 / (count - 1) as f64).exp()).collect()
}

/// Trains every trainer at every rate of the grid on one scaling.
///
/// # Errors
/// The first training failure other than divergence, which the sweep records instead.
pub fn sweep(
    run: &ScalingRun,
    trainers: &[Box<dyn Method>],
    config: &TrainConfig,
    iterations: usize,
    points: usize,
) -> anyhow::Result<Vec<Sweep>> {
    let data = &run.data;
    let limit = Conditioning::of(&data.train.features).max_stable_learning_rate;
    let rates = grid(limit, points);
    let mut result = Vec::new();
    for trainer in trainers {
        let mut sweep_points = Vec::with_capacity(rates.len());
        for &learning_rate in &rates {
            // Recording rarely keeps the sweep fast; divergence is still caught at the end.
            let record_every = (iterations / 10).max(1);
            let sweep_config = TrainConfig { learning_rate, iterations, record_every, ..*config };
            let final_loss =
                match trainer.fit(&data.train.features, &data.train.targets, &sweep_config) {
                    Ok(fit) => {
                        let start = fit.loss_curve.first().map_or(f64::INFINITY, |p| p.loss);
                        fit.loss_curve.last().map(|p| p.loss).filter(|&end| end <= start)
                    }
                    Err(TrainError::Diverged { .. }) => None,
                    Err(error) => return Err(error.into()),
                };
            sweep_points.push(SweepPoint { learning_rate, final_loss });
        }
        result.push(Sweep {
            scaling: run.scaling.name(),
            trainer: trainer.name(),
            iterations,
            max_stable_learning_rate: limit,
            points: sweep_points,
        });
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_spans_from_smallest_rate_past_limit() {
        let rates = grid(0.2, 5);
        assert_eq!(rates.len(), 5);
        assert!((rates[0] - 1e-4).abs() < 1e-15);
        assert!((rates[4] - 0.3).abs() < 1e-12);
        let ratios: Vec<f64> = rates.windows(2).map(|w| w[1] / w[0]).collect();
        assert!(ratios.iter().all(|r| (r - ratios[0]).abs() < 1e-9), "{ratios:?}");
    }
}
