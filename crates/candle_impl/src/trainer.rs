//! The training loop: full-batch gradient descent through candle's autodiff and SGD optimizer.

use std::time::Instant;

use candle_core::Tensor;
use candle_nn::{Optimizer, SGD};
use linreg::train::{LossObserver, LossRecorder, check_data};
use linreg::{FitResult, Matrix, TrainConfig, TrainError, Trainer};

use crate::convert::{dtype, framework_error, to_host_scalar, to_tensors};
use crate::loss::mse;
use crate::model::Model;

/// Gradient descent through candle 0.11: `candle_nn::Linear` (`d → 1`, with bias) in a
/// `VarMap`, the loss `candle_nn::loss::mse`, the gradient from `Tensor::backward`, and the
/// update `w ← w − η·∂L/∂w` of `candle_nn::SGD`, on `Device::Cpu`.
///
/// Each iteration is one optimizer step over all `n` training rows. The loss is copied to the
/// host only at the iterations that [`TrainConfig::records`] selects.
///
/// [`linreg::Initialization::Zeros`] starts from zero weights and bias.
/// [`linreg::Initialization::FrameworkDefault`] keeps the draws of `candle_nn::linear`: the
/// weights from `N(0, 2/d)` and the bias from `U(−1/√d, 1/√d)`.
///
/// NOTE: that start is not reproducible, because the seed cannot reach candle's generator. The
/// CPU backend of candle-core 0.11.1 draws from `rand::rng()`, which the operating system seeds,
/// and `Device::Cpu.set_seed` returns an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CandleTrainer;

impl Trainer for CandleTrainer {
    fn name(&self) -> &'static str {
        "candle"
    }

    fn fit_observed(
        &self,
        features: &Matrix,
        targets: &[f64],
        config: &TrainConfig,
        observer: LossObserver<'_>,
    ) -> Result<FitResult, TrainError> {
        config.validate()?;
        check_data(features, targets)?;
        let dtype = dtype(config.precision);
        let (x, y) = to_tensors(features, targets, dtype)?;
        let model = Model::new(features.cols(), config.initialization, dtype)?;
        let mut optimizer = sgd(&model, config.learning_rate)?;
        let mut recorder = LossRecorder::new(config, observer);

        let started = Instant::now();
        descend(&model, &mut optimizer, &x, &y, config, &mut recorder)?;
        let train_time = started.elapsed();

        Ok(FitResult {
            weights: model.weights_to_host()?,
            bias: model.bias_to_host()?,
            loss_curve: recorder.finish(),
            train_time,
        })
    }
}

/// Creates candle's SGD optimizer over the model's weight and bias.
fn sgd(model: &Model, learning_rate: f64) -> Result<SGD, TrainError> {
    SGD::new(model.variables(), learning_rate).map_err(framework_error)
}

/// Runs `config.iterations` updates on the features `x` (`[n, d]`) and targets `y` (`[n, 1]`),
/// passing the loss at each recorded iteration to `recorder`.
fn descend(
    model: &Model,
    optimizer: &mut SGD,
    x: &Tensor,
    y: &Tensor,
    config: &TrainConfig,
    recorder: &mut LossRecorder<'_>,
) -> Result<(), TrainError> {
    for iteration in 0..=config.iterations {
        // Predict: ŷ = X·Wᵀ + b, shape [n, 1].
        let predictions = model.predict(x)?;

        // Loss: L = (1/n)·Σ(ŷ − y)², a scalar that stays on the device unless it is recorded.
        let loss = mse(&predictions, y)?;
        if config.records(iteration) {
            recorder.record(iteration, to_host_scalar(&loss)?)?;
        }
        if iteration == config.iterations {
            break;
        }

        // Gradients: ∂L/∂W = (2/n)·(ŷ − y)ᵀ·X and ∂L/∂b = (2/n)·Σ(ŷ − y), by autodiff.
        let gradients = loss.backward().map_err(framework_error)?;

        // Update: W ← W − η·∂L/∂W, b ← b − η·∂L/∂b. These two steps are exactly what
        // `Optimizer::backward_step` does, split here only to name each one.
        optimizer.step(&gradients).map_err(framework_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use linreg::Initialization;

    use super::*;
    use crate::convert::to_host;

    #[test]
    fn optimizer_updates_the_layer_variables() {
        let features = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 6.0]]);
        let targets = [1.0, 2.0, 3.0];
        let dtype = candle_core::DType::F64;
        let (x, y) = to_tensors(&features, &targets, dtype).expect("tensors");
        let model = Model::new(2, Initialization::Zeros, dtype).expect("model");
        let mut optimizer = sgd(&model, 0.01).expect("optimizer");

        let config = TrainConfig { iterations: 1, ..TrainConfig::default() };
        let mut ignore = |_| {};
        let mut recorder = LossRecorder::new(&config, &mut ignore);
        descend(&model, &mut optimizer, &x, &y, &config, &mut recorder).expect("one step");

        // If the optimizer held copies, or nothing, the layer would still read zeros.
        let weights = to_host(model.weight()).expect("weights");
        assert!(weights.iter().all(|&w| w != 0.0), "{weights:?}");
        assert_ne!(to_host(model.bias()).expect("bias"), [0.0]);
        let variables = optimizer.into_inner();
        assert_eq!(variables.len(), 2, "the weight and the bias");
    }
}
