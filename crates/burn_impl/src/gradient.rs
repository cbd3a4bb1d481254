//! The loss and its gradient at one point, obtained from burn's autodiff.
//!
//! The trainer runs its own loop. This function exists so that tests and other crates can compare
//! burn's gradient with the hand-derived one at any point.

use linreg::train::{GradientProbe, LossGradient, check_data};
use linreg::{Matrix, Precision, TrainError};

use crate::descent::BurnTrainer;

use crate::loss::mean_squared_error;
use crate::model::linear_from_values;
use crate::tensors::{
    autodiff_device, features_tensor, float_dtype, framework_error, read_scalar, read_values,
    targets_tensor,
};

/// The loss `L = (1/n)·Σᵢ (ŷᵢ − yᵢ)²` and its gradient at one point `(w, b)`.
pub type Gradient = LossGradient;

/// Computes the mean squared error of `X·w + b` against `targets`, and its gradient with respect
/// to `weights` and `bias`, by one forward and one backward pass through burn's `Linear`,
/// `MseLoss` and autodiff in `f64`. [`loss_and_gradient_in`] does the same in either precision.
///
/// # Shapes
/// `features` is `n × d`, `targets` has `n` values and `weights` has `d` values. Inside, the
/// features become `[n, d]`, the weight `[d, 1]`, the bias `[1]`, the predictions and the
/// targets `[n, 1]`, and the loss `[1]`.
///
/// # Errors
/// - [`TrainError::InvalidData`] if the data fails [`check_data`] or `weights` does not have one
///   value per feature.
/// - [`TrainError::Framework`] if burn fails to read a result back or returns no gradient.
pub fn loss_and_gradient(
    features: &Matrix,
    targets: &[f64],
    weights: &[f64],
    bias: f64,
) -> Result<Gradient, TrainError> {
    loss_and_gradient_in(features, targets, weights, bias, Precision::F64)
}

/// Computes the loss and its gradient as [`loss_and_gradient`] does, with every tensor in
/// `precision`; the results are returned as `f64`.
///
/// # Errors
/// As [`loss_and_gradient`].
pub fn loss_and_gradient_in(
    features: &Matrix,
    targets: &[f64],
    weights: &[f64],
    bias: f64,
    precision: Precision,
) -> Result<Gradient, TrainError> {
    check_data(features, targets)?;
    if weights.len() != features.cols() {
        return Err(TrainError::InvalidData {
            reason: format!(
                "expected {} weights, one per feature column, got {}",
                features.cols(),
                weights.len()
            ),
        });
    }
    let device = autodiff_device();
    let dtype = float_dtype(precision);
    let x = features_tensor(features, dtype, &device);
    let y = targets_tensor(targets, dtype, &device);
    let model = linear_from_values(weights, bias, dtype, &device);

    let predictions = model.forward(x);
    let loss = mean_squared_error(predictions, y)?;
    let gradients = loss.backward();

    let missing =
        |parameter| framework_error(format!("autodiff returned no gradient for the {parameter}"));
    let weight_gradient = model.weight.val().grad(&gradients).ok_or_else(|| missing("weight"))?;
    let bias_parameter = model.bias.as_ref().expect("linear_from_values always adds a bias");
    let bias_gradient = bias_parameter.val().grad(&gradients).ok_or_else(|| missing("bias"))?;

    Ok(Gradient {
        weights: read_values(weight_gradient)?,
        bias: read_values(bias_gradient)?[0],
        loss: read_scalar(loss)?,
    })
}

impl GradientProbe for BurnTrainer {
    fn loss_and_gradient(
        &self,
        features: &Matrix,
        targets: &[f64],
        weights: &[f64],
        bias: f64,
        precision: Precision,
    ) -> Result<LossGradient, TrainError> {
        loss_and_gradient_in(features, targets, weights, bias, precision)
    }
}
