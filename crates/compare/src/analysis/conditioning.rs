//! Conditioning and convergence: why gradient descent stops where it does.

use manual::Conditioning;
use serde::Serialize;

use crate::run::ScalingRun;

/// The loss Hessian's figures for one scaling, and what they predict at the chosen rate.
#[derive(Debug, Clone, Serialize)]
pub struct ConditioningSummary {
    /// "raw" or "standardized".
    pub scaling: &'static str,
    /// The spectrum and its derived figures.
    #[serde(flatten)]
    pub conditioning: Conditioning,
    /// The learning rate used, as a fraction of 2/λmax.
    pub rate_fraction_of_limit: f64,
    /// `1/(η·λmin)`: iterations for the slowest direction to shrink by a factor e.
    pub iterations_per_e_fold: f64,
    /// `(1 − η·λmin)^T`: the fraction of its starting error the slowest direction keeps after
    /// the run's T iterations.
    pub slowest_mode_remaining: f64,
}

/// How far one trainer ended from the optimum.
#[derive(Debug, Clone, Serialize)]
pub struct Convergence {
    /// "raw" or "standardized".
    pub scaling: &'static str,
    /// The trainer.
    pub trainer: &'static str,
    /// Final training MSE minus the optimum's training MSE.
    pub loss_gap: f64,
    /// Euclidean distance of `(w, b)` from the minimum-norm least-squares `(w*, b*)`.
    pub distance_to_optimum: f64,
}

/// Computes the conditioning figures of one scaling at `learning_rate` over `iterations`.
pub fn summarize(run: &ScalingRun, learning_rate: f64, iterations: usize) -> ConditioningSummary {
    let conditioning = Conditioning::of(&run.data.train.features);
    let shrink = 1.0 - learning_rate * conditioning.lambda_min_nonzero;
    ConditioningSummary {
        scaling: run.scaling.name(),
        rate_fraction_of_limit: learning_rate / conditioning.max_stable_learning_rate,
        iterations_per_e_fold: conditioning.iterations_per_e_fold(learning_rate),
        slowest_mode_remaining: shrink.abs().powf(iterations as f64),
        conditioning,
    }
}

/// Measures each trainer's distance from the optimum on one scaling.
pub fn convergence(run: &ScalingRun) -> Vec<Convergence> {
    let optimum: Vec<f64> = run.optimum.weights.iter().copied().chain([run.optimum.bias]).collect();
    run.runs
        .iter()
        .map(|r| {
            let theta = r.fit.weights.iter().copied().chain([r.fit.bias]);
            let distance = theta.zip(&optimum).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt();
            Convergence {
                scaling: run.scaling.name(),
                trainer: r.trainer,
                loss_gap: r.scores.train.mse - run.optimum.loss,
                distance_to_optimum: distance,
            }
        })
        .collect()
}
