//! The loss and candle's autodiff gradient at a given point.
//!
//! The trainer runs its own loop. This probe lets tests and the report compare candle's
//! gradient with the hand-derived one at any point.

use linreg::train::{GradientProbe, LossGradient, check_data};
use linreg::{Initialization, Matrix, Precision, TrainError};

use crate::convert::{dtype, framework_error, to_host, to_host_scalar, to_tensors};
use crate::loss::mse;
use crate::model::Model;
use crate::trainer::CandleTrainer;

impl GradientProbe for CandleTrainer {
    /// Computes the mean squared error of `ŷ = X·w + b` against `targets`, and its gradient by
    /// candle's autodiff, through the same `Linear` layer and `mse` loss that training uses.
    /// The data, weights and bias are rounded to `precision` first; the results come back as
    /// `f64`. Analytically, `∂L/∂w = −(2/n)·Xᵀ·(y − ŷ)` and `∂L/∂b = −(2/n)·Σ(y − ŷ)`.
    ///
    /// # Shapes
    /// `features` is `n × d`, `targets` has `n` values and `weights` has `d`.
    ///
    /// # Errors
    /// [`TrainError::InvalidData`] if the data is empty or not finite, or a shape disagrees (the
    /// message names both shapes). [`TrainError::Framework`] if candle fails.
    fn loss_and_gradient(
        &self,
        features: &Matrix,
        targets: &[f64],
        weights: &[f64],
        bias: f64,
        precision: Precision,
    ) -> Result<LossGradient, TrainError> {
        check_data(features, targets)?;
        let dtype = dtype(precision);
        let (x, y) = to_tensors(features, targets, dtype)?;
        let mut model = Model::new(features.cols(), Initialization::Zeros, dtype)?;
        model.set_parameters(weights, bias)?;

        let predictions = model.predict(&x)?;
        let loss = mse(&predictions, &y)?;
        let gradients = loss.backward().map_err(framework_error)?;

        let weight_gradient =
            gradients.get(model.weight()).expect("the loss depends on the weight");
        let bias_gradient = gradients.get(model.bias()).expect("the loss depends on the bias");
        Ok(LossGradient {
            weights: to_host(weight_gradient)?,
            bias: to_host(bias_gradient)?[0],
            loss: to_host_scalar(&loss)?,
        })
    }
}
