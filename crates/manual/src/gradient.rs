//! The loss and its hand-derived gradient at a given point, in `f64`.
//!
//! The trainer runs its own loop; these functions exist so that other crates and tests can
//! evaluate the gradient anywhere, for example to check a framework's autodiff against it.

use linreg::Matrix;

/// The loss and its gradient at one point `(w, b)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Gradient {
    /// `∂L/∂w = −(2/n)·Xᵀ·r`, one value per feature.
    pub weights: Vec<f64>,
    /// `∂L/∂b = −(2/n)·Σ r`.
    pub bias: f64,
    /// `L = (1/n)·Σ r²`.
    pub loss: f64,
}

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
    fn loss_by_hand() {
        // Predictions 1.4 and 3.2 against 1 and 2: (0.16 + 1.44) / 2 = 0.8.
        let x = Matrix::from_rows(&[vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]]);
        assert!((loss(&x, &[1.0, 2.0], &[0.1, 0.2, 0.3], 0.0) - 0.8).abs() < 1e-15);
    }
}
