//! Training every selected trainer on every selected scaling and scoring the results.

use std::time::{Duration, Instant};

use anyhow::Result;
use linreg::metrics::{Diagnosis, Metrics};
use linreg::train::LossPoint;
use linreg::{Dataset, FitResult, Matrix, TrainConfig, TrainError};
use manual::{Conditioning, LeastSquares, least_squares};

use crate::error::DivergedError;
use crate::progress::training_bar;
use crate::source::Source;
use crate::trainers::Method;

/// Feature scaling applied before training.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scaling {
    /// Features as loaded and encoded.
    Raw,
    /// Z-scores with the training rows' mean and standard deviation.
    Standardized,
}

impl Scaling {
    /// Returns the lowercase name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Raw => "raw",
            Self::Standardized => "standardized",
        }
    }
}

/// Scores of one model on every split.
#[derive(Debug, Clone)]
pub struct Scores {
    /// On the training rows.
    pub train: Metrics,
    /// On the validation rows, if there are any.
    pub validation: Option<Metrics>,
    /// On the test rows.
    pub test: Metrics,
    /// Bias, variance and fit from training R² against validation R² (test R² for a
    /// train/test split); `None` if an R² is undefined.
    pub diagnosis: Option<Diagnosis>,
}

impl Scores {
    /// Scores the model `(weights, bias)` on every split of `data`.
    fn compute(data: &Dataset, weights: &[f64], bias: f64) -> Self {
        let score = |features: &Matrix, targets: &[f64]| {
            Metrics::compute(targets, &features.predict(weights, bias))
        };
        // The training and test splits always have rows: the split checks it.
        let train = score(&data.train.features, &data.train.targets).expect("training rows");
        let test = score(&data.test.features, &data.test.targets).expect("test rows");
        let validation = score(&data.validation.features, &data.validation.targets);
        let held_out = validation.unwrap_or(test).r2;
        let diagnosis = train.r2.zip(held_out).map(|(t, h)| Diagnosis::from_r2(t, h));
        Self { train, validation, test, diagnosis }
    }
}

/// One trainer's result on one scaling.
#[derive(Debug, Clone)]
pub struct TrainerRun {
    /// The trainer's name.
    pub trainer: &'static str,
    /// Learned parameters, loss curve and training time.
    pub fit: FitResult,
    /// Prediction scores.
    pub scores: Scores,
}

/// All results on one scaling.
#[derive(Debug, Clone)]
pub struct ScalingRun {
    /// Which features.
    pub scaling: Scaling,
    /// The data the trainers received.
    pub data: Dataset,
    /// Features found constant on the training rows (standardised to 0).
    pub constant_features: Vec<String>,
    /// One entry per trainer, in the requested order.
    pub runs: Vec<TrainerRun>,
    /// The exact minimum-norm least-squares solution.
    pub optimum: LeastSquares,
    /// Time to compute it.
    pub optimum_time: Duration,
    /// Its scores.
    pub optimum_scores: Scores,
}

/// Trains every trainer on `data` with the given scaling.
///
/// A progress bar on standard error follows each training run.
///
/// # Errors
/// The first trainer error, with the trainer and scaling named.
pub fn run_scaling(
    raw: &Dataset,
    scaling: Scaling,
    trainers: &[Box<dyn Method>],
    config: &TrainConfig,
) -> Result<ScalingRun> {
    let (data, constant_features) = match scaling {
        Scaling::Raw => (raw.clone(), Vec::new()),
        Scaling::Standardized => {
            let (scaled, scaler) = raw.standardized();
            let constant = raw
                .feature_names
                .iter()
                .zip(&scaler.constant)
                .filter(|(_, c)| **c)
                .map(|(n, _)| n.clone())
                .collect();
            (scaled, constant)
        }
    };

    let mut runs = Vec::with_capacity(trainers.len());
    for trainer in trainers {
        let label = format!("{} on {} features", trainer.name(), scaling.name());
        let bar = training_bar(&label, config.iterations);
        let mut observer = |point: LossPoint| {
            bar.set_position(point.iteration as u64);
            bar.set_message(format!("{:.6}", point.loss));
        };
        let fit =
            trainer.fit_observed(&data.train.features, &data.train.targets, config, &mut observer);
        bar.finish_and_clear();
        let fit = match fit {
            Ok(fit) => fit,
            Err(TrainError::Diverged { learning_rate, iteration, loss }) => {
                // The Hessian's spectrum turns "it diverged" into the rate that would not have.
                let limit = Conditioning::of(&data.train.features).max_stable_learning_rate;
                let suggest_standardizing = scaling == Scaling::Raw;
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
            Err(error) => {
                return Err(anyhow::Error::new(error).context(format!("{label}: training failed")));
            }
        };
        let scores = Scores::compute(&data, &fit.weights, fit.bias);
        runs.push(TrainerRun { trainer: trainer.name(), fit, scores });
    }

    let started = Instant::now();
    let optimum = least_squares(&data.train.features, &data.train.targets);
    let optimum_time = started.elapsed();
    let optimum_scores = Scores::compute(&data, &optimum.weights, optimum.bias);
    Ok(ScalingRun { scaling, data, constant_features, runs, optimum, optimum_time, optimum_scores })
}

impl ScalingRun {
    /// Returns, for each trainer other than manual, the largest absolute difference of its
    /// weights and bias from manual's; empty if manual did not run.
    pub fn differences_from_manual(&self) -> Vec<(&'static str, f64)> {
        let Some(manual) = self.runs.iter().find(|r| r.trainer == "manual") else {
            return Vec::new();
        };
        self.runs
            .iter()
            .filter(|r| r.trainer != "manual")
            .map(|r| {
                let weights =
                    r.fit.weights.iter().zip(&manual.fit.weights).map(|(a, b)| (a - b).abs());
                let largest = weights.fold((r.fit.bias - manual.fit.bias).abs(), f64::max);
                (r.trainer, largest)
            })
            .collect()
    }
}

/// Everything one invocation trained, with the data it trained on.
#[derive(Debug)]
pub struct Comparison {
    /// The loaded data file.
    pub source: Source,
    /// The split and encoded data before scaling.
    pub dataset: Dataset,
    /// The hyperparameters.
    pub config: TrainConfig,
    /// The trainers, in run order.
    pub trainer_names: Vec<&'static str>,
    /// One entry per scaling, in run order.
    pub runs: Vec<ScalingRun>,
}
