//! The full-batch training loop through burn's `Linear`, `MseLoss`, autodiff and SGD.

use std::time::Instant;

use burn::optim::{GradientsParams, SgdConfig};
use linreg::train::{LossObserver, LossRecorder, check_data};
use linreg::{FitResult, Matrix, TrainConfig, TrainError, Trainer};

use crate::loss::mean_squared_error;
use crate::model::{initial_model, parameters};
use crate::tensors::{autodiff_device, features_tensor, float_dtype, read_scalar, targets_tensor};

/// Gradient descent through burn's `nn::Linear` (d → 1, with bias), `MseLoss` with mean
/// reduction, autodiff and `Sgd` without momentum or weight decay, as
/// [the crate documentation](crate) sets out, on the flex CPU backend.
///
/// Each iteration is one optimizer step over all training rows. The loss is read back to the host
/// only at the iterations that [`TrainConfig::records`] selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BurnTrainer;

impl Trainer for BurnTrainer {
    fn name(&self) -> &'static str {
        "burn"
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

        let device = autodiff_device();
        let dtype = float_dtype(config.precision);
        let x = features_tensor(features, dtype, &device);
        let y = targets_tensor(targets, dtype, &device);
        let mut model = initial_model(features.cols(), config.initialization, dtype, &device)?;
        let mut optimizer = SgdConfig::new().init();
        let mut recorder = LossRecorder::new(config, observer);

        let started = Instant::now();
        for iteration in 0..=config.iterations {
            // Predict: ŷ = X·w + b, [n, d] · [d, 1] + [1] → [n, 1].
            let predictions = model.forward(x.clone());

            // Loss: (1/n)·Σ (ŷ − y)², read back only where it is recorded.
            let loss = mean_squared_error(predictions, y.clone())?;
            if config.records(iteration) {
                recorder.record(iteration, read_scalar(loss.clone())?)?;
            }
            if iteration == config.iterations {
                break;
            }

            // Gradients: autodiff gives ∂L/∂w = (2/n)·Xᵀ(ŷ − y) and ∂L/∂b = (2/n)·Σ(ŷ − y).
            let gradients = GradientsParams::from_grads(loss.backward(), &model);

            // Update: w ← w − η·∂L/∂w, b ← b − η·∂L/∂b.
            model = optimizer.step(config.learning_rate, model, gradients);
        }
        let train_time = started.elapsed();

        let (weights, bias) = parameters(&model)?;
        Ok(FitResult { weights, bias, loss_curve: recorder.finish(), train_time })
    }
}
