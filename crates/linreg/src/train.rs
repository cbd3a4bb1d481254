//! The contract every trainer implements.
//!
//! A trainer fits `ŷ = X·w + b` by full-batch gradient descent on the mean-squared-error loss
//! `L(w, b) = (1/n)·Σᵢ (yᵢ − xᵢ·w − b)²`: one update over all `n` training rows per iteration,
//! `w ← w − η·∂L/∂w`, `b ← b − η·∂L/∂b`. Trainers differ only in how they obtain and apply
//! that gradient.

use std::fmt;
use std::time::Duration;

use serde::Serialize;

use crate::matrix::Matrix;

/// Floating-point precision of the arithmetic inside a trainer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// 32-bit floats: faster on some frameworks, with rounding drift after many iterations.
    F32,
    /// 64-bit floats, the default, so that the trainers can be compared to about 1e-9.
    #[default]
    F64,
}

/// Starting values of the weights and the bias.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Initialization {
    /// All zeros, the default. Gradient descent from zero converges to the minimum-norm
    /// least-squares solution, which makes the trainers comparable to the exact reference.
    #[default]
    Zeros,
    /// The framework's own initialisation of its Linear layer, seeded. The manual trainer uses
    /// `U(−1/√d, 1/√d)` for weights and bias, as `torch.nn.Linear` does.
    FrameworkDefault {
        /// Seed of the initialisation.
        seed: u64,
    },
}

/// Hyperparameters shared by every trainer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TrainConfig {
    /// Step size η of each update. Default 0.001; must be finite and positive.
    pub learning_rate: f64,
    /// Number of full-batch updates. Default 20 000; must be at least 1.
    pub iterations: usize,
    /// Record the training loss every this many iterations (and after the last one).
    /// Default 100; must be at least 1. Frameworks read the loss back only at these points.
    pub record_every: usize,
    /// Arithmetic precision. Default f64.
    pub precision: Precision,
    /// Starting point. Default zeros.
    pub initialization: Initialization,
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            learning_rate: 0.001,
            iterations: 20_000,
            record_every: 100,
            precision: Precision::F64,
            initialization: Initialization::Zeros,
        }
    }
}

impl TrainConfig {
    /// Checks every field against its allowed range.
    ///
    /// # Errors
    /// [`TrainError::InvalidConfig`] naming the first invalid field and its value.
    pub fn validate(&self) -> Result<(), TrainError> {
        let invalid =
            |field, value: String, rule| Err(TrainError::InvalidConfig { field, value, rule });
        if !(self.learning_rate.is_finite() && self.learning_rate > 0.0) {
            return invalid(
                "learning rate",
                self.learning_rate.to_string(),
                "a finite number above 0",
            );
        }
        if self.iterations == 0 {
            return invalid("iterations", "0".into(), "at least 1");
        }
        if self.record_every == 0 {
            return invalid("loss recording interval", "0".into(), "at least 1");
        }
        Ok(())
    }

    /// True if and only if the loss after `iteration` updates belongs in the loss curve:
    /// iteration 0, every multiple of `record_every`, and the last iteration.
    pub fn records(&self, iteration: usize) -> bool {
        iteration.is_multiple_of(self.record_every) || iteration == self.iterations
    }
}

/// A point of the loss curve: the training loss after `iteration` updates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LossPoint {
    /// Number of updates applied so far (0 is the starting point).
    pub iteration: usize,
    /// Mean squared error on the training rows at that point.
    pub loss: f64,
}

/// The result of training: parameters, loss curve and time.
#[derive(Debug, Clone, PartialEq)]
pub struct FitResult {
    /// One weight per feature, in feature order.
    pub weights: Vec<f64>,
    /// The intercept.
    pub bias: f64,
    /// The training loss at the iterations that [`TrainConfig::records`] selects.
    pub loss_curve: Vec<LossPoint>,
    /// Wall-clock time of the training loop. Converting the data into the trainer's own format
    /// (framework tensors, or the sums of the manual Gram form) happens before it and is not
    /// counted.
    pub train_time: Duration,
}

impl FitResult {
    /// Predictions `X·w + b` for every row of `features`.
    pub fn predict(&self, features: &Matrix) -> Vec<f64> {
        features.predict(&self.weights, self.bias)
    }
}

/// Failure to train.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TrainError {
    /// A hyperparameter is outside its allowed range.
    #[error("invalid {field} {value}: must be {rule}")]
    InvalidConfig {
        /// The hyperparameter.
        field: &'static str,
        /// The rejected value.
        value: String,
        /// The allowed range.
        rule: &'static str,
    },

    /// The training data cannot be used.
    #[error("invalid training data: {reason}")]
    InvalidData {
        /// The problem, with the shapes or values involved.
        reason: String,
    },

    /// The loss became NaN or infinite.
    #[error(
        "training diverged at iteration {iteration}: the loss is {loss} with learning rate {learning_rate}; standardise the features or use a smaller learning rate"
    )]
    Diverged {
        /// The step size in use.
        learning_rate: f64,
        /// The first recorded iteration whose loss is not finite.
        iteration: usize,
        /// The non-finite loss.
        loss: f64,
    },

    /// A framework reported an error.
    #[error("{framework} failed: {message}")]
    Framework {
        /// "burn" or "candle".
        framework: &'static str,
        /// The framework's message.
        message: String,
    },
}

/// Returns the divergence error if `loss` is NaN or infinite.
///
/// # Errors
/// [`TrainError::Diverged`].
pub fn check_finite(loss: f64, iteration: usize, config: &TrainConfig) -> Result<(), TrainError> {
    if loss.is_finite() {
        Ok(())
    } else {
        Err(TrainError::Diverged { learning_rate: config.learning_rate, iteration, loss })
    }
}

/// Checks that `features` and `targets` can be trained on: at least one row and one column, one
/// target per row, and only finite values.
///
/// # Errors
/// [`TrainError::InvalidData`] with the shapes or the first bad value.
pub fn check_data(features: &Matrix, targets: &[f64]) -> Result<(), TrainError> {
    let invalid = |reason: String| Err(TrainError::InvalidData { reason });
    if features.rows() == 0 || features.cols() == 0 {
        return invalid(format!(
            "features are {} × {}, need at least 1 × 1",
            features.rows(),
            features.cols()
        ));
    }
    if targets.len() != features.rows() {
        return invalid(format!("{} targets for {} feature rows", targets.len(), features.rows()));
    }
    if let Some(k) = features.as_slice().iter().position(|v| !v.is_finite()) {
        return invalid(format!(
            "feature row {}, column {} is {}",
            k / features.cols(),
            k % features.cols(),
            features.as_slice()[k]
        ));
    }
    if let Some(i) = targets.iter().position(|v| !v.is_finite()) {
        return invalid(format!("target {i} is {}", targets[i]));
    }
    Ok(())
}

/// Draws weights and bias from `U(−1/√d, 1/√d)`, the scheme of `torch.nn.Linear`, with a
/// ChaCha8 stream keyed by `seed`. Trainers without an initialiser of their own use it for
/// [`Initialization::FrameworkDefault`].
pub fn uniform_initialization(features: usize, seed: u64) -> (Vec<f64>, f64) {
    use rand_core::{RngCore, SeedableRng};

    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let mut rng = rand_chacha::ChaCha8Rng::from_seed(key);
    let bound = 1.0 / (features.max(1) as f64).sqrt();
    // The top 53 bits of a 64-bit output give a uniform double in [0, 1).
    let mut draw =
        || ((rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64).mul_add(2.0 * bound, -bound);
    let weights = (0..features).map(|_| draw()).collect();
    (weights, draw())
}

/// The training loss and its gradient at one point `(w, b)`.
#[derive(Debug, Clone, PartialEq)]
pub struct LossGradient {
    /// `∂L/∂w`, one value per feature.
    pub weights: Vec<f64>,
    /// `∂L/∂b`.
    pub bias: f64,
    /// `L`, the mean squared error.
    pub loss: f64,
}

/// Evaluates the loss and its gradient at a given point the way a trainer computes them while
/// training: by hand for the manual trainer, by autodiff for the frameworks. Comparing these
/// at the same point checks a framework's autodiff against the derivation.
pub trait GradientProbe {
    /// Computes the loss and gradient at `(weights, bias)` on `features` and `targets`, with the
    /// arithmetic in `precision`.
    ///
    /// # Errors
    /// [`TrainError::InvalidData`] for unusable data, [`TrainError::Framework`] if the framework
    /// fails.
    fn loss_and_gradient(
        &self,
        features: &Matrix,
        targets: &[f64],
        weights: &[f64],
        bias: f64,
        precision: Precision,
    ) -> Result<LossGradient, TrainError>;
}

/// A callback that receives each point of the loss curve as soon as it is recorded.
pub type LossObserver<'a> = &'a mut dyn FnMut(LossPoint);

/// Collects the loss curve during training: checks each recorded loss for divergence, stores
/// it, and passes it on to an observer such as a progress bar.
pub struct LossRecorder<'a> {
    config: &'a TrainConfig,
    curve: Vec<LossPoint>,
    observer: LossObserver<'a>,
}

impl<'a> LossRecorder<'a> {
    /// Creates an empty recorder for a run with `config`.
    pub fn new(config: &'a TrainConfig, observer: LossObserver<'a>) -> Self {
        let points = config.iterations / config.record_every + 2;
        Self { config, curve: Vec::with_capacity(points), observer }
    }

    /// Records `loss` after `iteration` updates.
    ///
    /// # Errors
    /// [`TrainError::Diverged`] if the loss is NaN or infinite.
    pub fn record(&mut self, iteration: usize, loss: f64) -> Result<(), TrainError> {
        check_finite(loss, iteration, self.config)?;
        let point = LossPoint { iteration, loss };
        self.curve.push(point);
        (self.observer)(point);
        Ok(())
    }

    /// Returns the recorded curve.
    pub fn finish(self) -> Vec<LossPoint> {
        self.curve
    }
}

/// A way of training the linear model.
pub trait Trainer {
    /// Short lowercase name used on the command line and in reports: "manual", "burn", "candle".
    fn name(&self) -> &'static str;

    /// Trains on `features` (n × d) and `targets` (n) with `config`, passing each loss-curve
    /// point to `observer` as soon as it is recorded (a progress bar, say).
    ///
    /// # Errors
    /// [`TrainError`] if the config or the data is invalid, the loss diverges, or the framework
    /// fails.
    fn fit_observed(
        &self,
        features: &Matrix,
        targets: &[f64],
        config: &TrainConfig,
        observer: LossObserver<'_>,
    ) -> Result<FitResult, TrainError>;

    /// Trains like [`Trainer::fit_observed`] without an observer.
    ///
    /// # Errors
    /// As [`Trainer::fit_observed`].
    fn fit(
        &self,
        features: &Matrix,
        targets: &[f64],
        config: &TrainConfig,
    ) -> Result<FitResult, TrainError> {
        self.fit_observed(features, targets, config, &mut |_| {})
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::F32 => "f32",
            Self::F64 => "f64",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_is_valid() {
        assert_eq!(TrainConfig::default().validate(), Ok(()));
    }

    #[test]
    fn invalid_learning_rates_are_rejected_with_value() {
        for rate in [0.0, -0.1, f64::NAN, f64::INFINITY] {
            let config = TrainConfig { learning_rate: rate, ..TrainConfig::default() };
            let error = config.validate().expect_err("invalid rate");
            assert!(
                matches!(&error, TrainError::InvalidConfig { field: "learning rate", value, .. } if *value == rate.to_string()),
                "{error:?}"
            );
        }
    }

    #[test]
    fn zero_iterations_and_zero_interval_are_rejected() {
        let config = TrainConfig { iterations: 0, ..TrainConfig::default() };
        assert!(matches!(
            config.validate(),
            Err(TrainError::InvalidConfig { field: "iterations", .. })
        ));
        let config = TrainConfig { record_every: 0, ..TrainConfig::default() };
        assert!(matches!(
            config.validate(),
            Err(TrainError::InvalidConfig { field: "loss recording interval", .. })
        ));
    }

    #[test]
    fn recording_schedule_includes_start_multiples_and_end() {
        let config = TrainConfig { iterations: 250, record_every: 100, ..TrainConfig::default() };
        let recorded: Vec<usize> = (0..=250).filter(|&t| config.records(t)).collect();
        assert_eq!(recorded, [0, 100, 200, 250]);
    }

    #[test]
    fn uniform_initialization_is_bounded_and_seeded() {
        let (weights, bias) = uniform_initialization(4, 9);
        assert!(weights.iter().chain([&bias]).all(|v| v.abs() < 0.5), "{weights:?} {bias}");
        assert_eq!(uniform_initialization(4, 9), (weights.clone(), bias));
        assert_ne!(uniform_initialization(4, 10).0, weights);
    }

    #[test]
    fn data_checks_catch_shape_and_non_finite_values() {
        let x = Matrix::from_rows(&[vec![1.0], vec![2.0]]);
        assert!(check_data(&x, &[1.0]).is_err());
        assert!(check_data(&x, &[1.0, f64::NAN]).is_err());
        assert!(check_data(&x, &[1.0, 2.0]).is_ok());
    }
}
