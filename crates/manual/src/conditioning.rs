//! The curvature of the loss, which decides how fast gradient descent can converge.
//!
//! The MSE loss is quadratic in `θ = (w, b)`, so its Hessian is the constant matrix
//! `H = (2/n)·AᵀA` with `A = [X 1]`. Gradient descent with step `η` multiplies the error along
//! each eigenvector of `H` by `1 − η·λ` per iteration. It is therefore stable if and only if
//! `η < 2/λ_max`, and the slowest direction with a non-zero eigenvalue shrinks by a factor e
//! about every `1/(η·λ_min)` iterations. Directions with eigenvalue 0 (from collinear columns)
//! never change and do not affect predictions.

use linreg::Matrix;
use nalgebra::{DMatrix, SymmetricEigen};
use serde::Serialize;

/// The spectrum of the loss Hessian and what it implies for gradient descent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conditioning {
    /// Eigenvalues of `H = (2/n)·[X 1]ᵀ[X 1]`, largest first (d + 1 of them).
    pub eigenvalues: Vec<f64>,
    /// Number of eigenvalues above the tolerance `(d + 1)·ε·λ_max`.
    pub rank: usize,
    /// Largest eigenvalue.
    pub lambda_max: f64,
    /// Smallest eigenvalue above the tolerance.
    pub lambda_min_nonzero: f64,
    /// `λ_max / λ_min_nonzero`.
    pub condition_number: f64,
    /// `2 / λ_max`: gradient descent diverges at any larger learning rate.
    pub max_stable_learning_rate: f64,
}

impl Conditioning {
    /// Computes the Hessian's spectrum for `features` (the bias column is added here).
    ///
    /// # Panics
    /// If `features` has no rows.
    pub fn of(features: &Matrix) -> Self {
        assert!(features.rows() > 0, "the Hessian needs at least one row");
        let (n, d) = (features.rows(), features.cols());
        let a = DMatrix::from_fn(n, d + 1, |i, j| if j < d { features.row(i)[j] } else { 1.0 });
        let hessian = (a.transpose() * &a) * (2.0 / n as f64);

        let mut eigenvalues: Vec<f64> =
            SymmetricEigen::new(hessian).eigenvalues.iter().copied().collect();
        eigenvalues.sort_by(|a, b| b.total_cmp(a));
        let lambda_max = eigenvalues[0];
        let tolerance = (d + 1) as f64 * f64::EPSILON * lambda_max;
        let rank = eigenvalues.iter().filter(|&&l| l > tolerance).count();
        let lambda_min_nonzero = eigenvalues[rank.max(1) - 1];

        Self {
            rank,
            lambda_max,
            lambda_min_nonzero,
            condition_number: lambda_max / lambda_min_nonzero,
            max_stable_learning_rate: 2.0 / lambda_max,
            eigenvalues,
        }
    }

    /// Returns the number of iterations at `learning_rate` after which the error along the
    /// slowest non-zero direction has shrunk by a factor e: `1/(η·λ_min)`.
    pub fn iterations_per_e_fold(&self, learning_rate: f64) -> f64 {
        1.0 / (learning_rate * self.lambda_min_nonzero)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eigenvalues_of_known_spectrum() {
        // The column x = (2, −2, 2, −2) is orthogonal to the bias column, so AᵀA = diag(16, 4)
        // and H = (2/4)·AᵀA = diag(8, 2).
        let x = Matrix::from_rows(&[vec![2.0], vec![-2.0], vec![2.0], vec![-2.0]]);
        let c = Conditioning::of(&x);
        assert!((c.eigenvalues[0] - 8.0).abs() < 1e-12, "{:?}", c.eigenvalues);
        assert!((c.eigenvalues[1] - 2.0).abs() < 1e-12, "{:?}", c.eigenvalues);
        assert_eq!(c.rank, 2);
        assert!((c.condition_number - 4.0).abs() < 1e-12);
        assert!((c.max_stable_learning_rate - 0.25).abs() < 1e-15);
        assert!((c.iterations_per_e_fold(0.1) - 5.0).abs() < 1e-12);
    }

    #[test]
    fn rank_deficient_for_collinear_one_hot() {
        // Two one-hot columns sum to the bias column: rank 2 of 3.
        let x =
            Matrix::from_rows(&[vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0, 0.0], vec![0.0, 1.0]]);
        let c = Conditioning::of(&x);
        assert_eq!(c.eigenvalues.len(), 3);
        assert_eq!(c.rank, 2);
        assert!(c.eigenvalues[2].abs() < 1e-12, "{:?}", c.eigenvalues);
        assert!(c.lambda_min_nonzero > 0.1, "{c:?}");
    }
}
