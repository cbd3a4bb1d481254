//! The exact least-squares solution, the optimum every trainer is measured against.
//!
//! With the bias folded in as a column of ones, `A = [X 1]`, the problem is to minimise
//! `‖A·θ − y‖²` over `θ = (w, b)`. One-hot columns plus the bias are collinear (the columns of
//! one categorical feature sum to the bias column), so `AᵀA` is singular, the minimiser is not
//! unique, and the normal equations cannot be solved by Cholesky. The pseudo-inverse through
//! the SVD gives the minimum-norm minimiser. That is also the point gradient descent reaches from
//! `θ = 0`: every update `−η·∇L = (2η/n)·Aᵀr` lies in the row space of `A`, so the iterates never
//! leave it, and the only minimiser in that space is the minimum-norm one.

use linreg::Matrix;
use nalgebra::{DMatrix, DVector};

/// The minimum-norm least-squares solution.
#[derive(Debug, Clone, PartialEq)]
pub struct LeastSquares {
    /// One weight per feature.
    pub weights: Vec<f64>,
    /// The intercept.
    pub bias: f64,
    /// Numerical rank of `[X 1]`: singular values above the tolerance.
    pub rank: usize,
    /// Singular values of `[X 1]`, largest first.
    pub singular_values: Vec<f64>,
    /// Mean squared error of the solution on the rows it was fitted on.
    pub loss: f64,
}

/// Solves `min ‖[X 1]·(w, b) − y‖²` for the minimum-norm `(w, b)`.
///
/// Singular values at most `max(n, d + 1)·ε·σ_max` are treated as zero, the usual rank tolerance
/// for double precision (ε is the machine epsilon).
///
/// # Panics
/// If `targets.len() != features.rows()` or the matrix has no rows.
pub fn least_squares(features: &Matrix, targets: &[f64]) -> LeastSquares {
    assert_eq!(features.rows(), targets.len(), "one target per row");
    assert!(features.rows() > 0, "least squares needs at least one row");
    let (n, d) = (features.rows(), features.cols());

    let a = DMatrix::from_fn(n, d + 1, |i, j| if j < d { features.row(i)[j] } else { 1.0 });
    let y = DVector::from_column_slice(targets);
    let svd = a.svd(true, true);

    let mut singular_values: Vec<f64> = svd.singular_values.iter().copied().collect();
    singular_values.sort_by(|a, b| b.total_cmp(a));
    let tolerance = n.max(d + 1) as f64 * f64::EPSILON * singular_values[0];
    let rank = singular_values.iter().filter(|&&s| s > tolerance).count();

    // `solve` fails only without U or Vᵀ, and `svd(true, true)` above computes both.
    let theta = svd.solve(&y, tolerance).expect("U and Vᵀ were computed");
    let weights: Vec<f64> = theta.iter().take(d).copied().collect();
    let bias = theta[d];
    let loss = crate::gradient::loss(features, targets, &weights, bias);
    LeastSquares { weights, bias, rank, singular_values, loss }
}

#[cfg(test)]
mod tests {
    use super::*;
    use linreg::synthetic::{TRUE_BIAS, TRUE_WEIGHTS, synthetic};

    #[test]
    fn recovers_synthetic_weights() {
        let (x, y) = synthetic(500, 7);
        let fit = least_squares(&x, &y);
        for (w, truth) in fit.weights.iter().zip(TRUE_WEIGHTS) {
            assert!((w - truth).abs() < 1e-9, "{:?}", fit.weights);
        }
        assert!((fit.bias - TRUE_BIAS).abs() < 1e-9, "{}", fit.bias);
        assert_eq!(fit.rank, 5);
    }

    #[test]
    fn minimum_norm_on_collinear_one_hot() {
        // Two one-hot columns sum to the bias column, so y = 1 + 2·[group b] has the solutions
        // (w_a, w_b, b) = (1 − t, 3 − t, t) for every t. The minimum of (1−t)² + (3−t)² + t²
        // is at t = 4/3, giving (−1/3, 5/3, 4/3).
        let x =
            Matrix::from_rows(&[vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0, 0.0], vec![0.0, 1.0]]);
        let fit = least_squares(&x, &[1.0, 3.0, 1.0, 3.0]);
        assert_eq!(fit.rank, 2);
        let expected = [-1.0 / 3.0, 5.0 / 3.0];
        for (w, e) in fit.weights.iter().zip(expected) {
            assert!((w - e).abs() < 1e-12, "{:?}", fit.weights);
        }
        assert!((fit.bias - 4.0 / 3.0).abs() < 1e-12, "{}", fit.bias);
        assert!(fit.loss < 1e-24);
    }
}
