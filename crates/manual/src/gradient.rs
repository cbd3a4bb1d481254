//! The loss and its hand-derived gradient at a given point.
//!
//! The trainer runs its own loop. These functions let other crates and tests evaluate the
//! gradient anywhere, for example to check a framework's autodiff against it.

use linreg::train::{GradientProbe, LossGradient};
use linreg::{Matrix, Precision, TrainError};

use crate::descent::ManualTrainer;
use crate::real::Real;

/// The loss and its gradient at one point: `∂L/∂w = −(2/n)·Xᵀ·r`, `∂L/∂b = −(2/n)·Σ r`.
pub type Gradient = LossGradient;

/// Computes the mean squared error of `X·w + b` against `targets`.
///
/// # Panics
/// If the shapes disagree.
pub fn loss(features: &Matrix, targets: &[f64], weights: &[f64], bias: f64) -> f64 {
    let predictions = features.predict(weights, bias);
    let n = targets.len() as f64;
    targets.iter().zip(&predictions).map(|(y, p)| (y - p) * (y - p)).sum::<f64>() / n
}

/// Computes the loss and its gradient at `(weights, bias)` with the two-pass formula: residuals
/// first, then `Xᵀ·r`.
///
/// # Panics
/// If the shapes disagree.
pub fn gradient(features: &Matrix, targets: &[f64], weights: &[f64], bias: f64) -> Gradient {
    assert_eq!(features.rows(), targets.len(), "one target per row");
    let n = targets.len() as f64;

    let predictions = features.predict(weights, bias);
    let residuals: Vec<f64> = targets.iter().zip(&predictions).map(|(y, p)| y - p).collect();

    let mut xt_r = vec![0.0; features.cols()];
    for (row, r) in features.row_iter().zip(&residuals) {
        for (g, x) in xt_r.iter_mut().zip(row) {
            *g += x * r;
        }
    }
    Gradient {
        weights: xt_r.iter().map(|g| -2.0 / n * g).collect(),
        bias: -2.0 / n * residuals.iter().sum::<f64>(),
        loss: residuals.iter().map(|r| r * r).sum::<f64>() / n,
    }
}

/// Computes the loss and its gradient as [`gradient`] does, with every operation in `precision`
/// (inputs rounded to it first); the results are returned as `f64`.
///
/// # Panics
/// If the shapes disagree.
pub fn gradient_in(
    features: &Matrix,
    targets: &[f64],
    weights: &[f64],
    bias: f64,
    precision: Precision,
) -> Gradient {
    match precision {
        Precision::F64 => gradient(features, targets, weights, bias),
        Precision::F32 => gradient_rounded::<f32>(features, targets, weights, bias),
    }
}

fn gradient_rounded<T: Real>(
    features: &Matrix,
    targets: &[f64],
    weights: &[f64],
    bias: f64,
) -> Gradient {
    assert_eq!(features.rows(), targets.len(), "one target per row");
    let n = T::from_f64_rounded(targets.len() as f64);
    let two = T::from_f64_rounded(2.0);
    let weights: Vec<T> = weights.iter().map(|&w| T::from_f64_rounded(w)).collect();
    let bias = T::from_f64_rounded(bias);

    let residuals: Vec<T> = features
        .row_iter()
        .zip(targets)
        .map(|(row, &y)| {
            let prediction =
                row.iter().zip(&weights).map(|(&x, &w)| T::from_f64_rounded(x) * w).sum::<T>()
                    + bias;
            T::from_f64_rounded(y) - prediction
        })
        .collect();
    let mut xt_r = vec![T::zero(); features.cols()];
    for (row, &r) in features.row_iter().zip(&residuals) {
        for (g, &x) in xt_r.iter_mut().zip(row) {
            *g = *g + T::from_f64_rounded(x) * r;
        }
    }
    Gradient {
        weights: xt_r.iter().map(|&g| (-two / n * g).into_f64()).collect(),
        bias: (-two / n * residuals.iter().copied().sum::<T>()).into_f64(),
        loss: (residuals.iter().map(|&r| r * r).sum::<T>() / n).into_f64(),
    }
}

impl GradientProbe for ManualTrainer {
    fn loss_and_gradient(
        &self,
        features: &Matrix,
        targets: &[f64],
        weights: &[f64],
        bias: f64,
        precision: Precision,
    ) -> Result<LossGradient, TrainError> {
        linreg::train::check_data(features, targets)?;
        Ok(gradient_in(features, targets, weights, bias, precision))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gradient_at_zero_by_hand() {
        // r = y = [2, 4, 6]; ∂w = −(2/3)·(1·2 + 2·4 + 3·6) = −56/3; ∂b = −(2/3)·12 = −8.
        let x = Matrix::from_rows(&[vec![1.0], vec![2.0], vec![3.0]]);
        let g = gradient(&x, &[2.0, 4.0, 6.0], &[0.0], 0.0);
        assert!((g.weights[0] - (-56.0 / 3.0)).abs() < 1e-12, "{g:?}");
        assert!((g.bias - (-8.0)).abs() < 1e-12, "{g:?}");
        assert!((g.loss - 56.0 / 3.0).abs() < 1e-12, "{g:?}");
    }

    #[test]
    fn f32_gradient_is_close_to_f64() {
        let x = Matrix::from_rows(&[vec![1.0, 0.5], vec![2.0, -1.5], vec![3.0, 0.25]]);
        let y = [2.0, 4.0, 6.5];
        let exact = gradient(&x, &y, &[0.3, -0.2], 0.1);
        let single = gradient_in(&x, &y, &[0.3, -0.2], 0.1, Precision::F32);
        for (a, b) in exact.weights.iter().zip(&single.weights) {
            // f32 has 24 significand bits: relative rounding about 6e-8 per operation.
            assert!((a - b).abs() < 1e-5 * a.abs().max(1.0), "{a} vs {b}");
        }
        assert_ne!(exact.weights, single.weights, "f32 arithmetic must round differently");
    }

    #[test]
    fn loss_by_hand() {
        // Predictions 1.4 and 3.2 against 1 and 2: (0.16 + 1.44) / 2 = 0.8.
        let x = Matrix::from_rows(&[vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]]);
        assert!((loss(&x, &[1.0, 2.0], &[0.1, 0.2, 0.3], 0.0) - 0.8).abs() < 1e-15);
    }
}
