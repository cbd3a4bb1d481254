//! Z-score standardisation fitted on the training rows.

use crate::matrix::Matrix;

/// A column whose standard deviation is at most this fraction of its mean's magnitude (or
/// exactly zero) is treated as constant: dividing by such a deviation would only amplify
/// rounding noise into huge or non-finite values.
pub const RELATIVE_CONSTANT_TOLERANCE: f64 = 1e-10;

/// Per-column mean and population standard deviation of the training rows.
///
/// `transform` maps `x` to `(x − mean) / std`. Constant columns get scale 1 and map to exactly
/// `0.0` in every split, never NaN.
#[derive(Debug, Clone, PartialEq)]
pub struct Standardizer {
    /// Mean of each training column.
    pub means: Vec<f64>,
    /// Population standard deviation of each training column, or 1 for a constant column.
    pub scales: Vec<f64>,
    /// True for each column found constant on the training rows.
    pub constant: Vec<bool>,
}

impl Standardizer {
    /// Computes the statistics of each column of `train` with two passes (mean, then squared
    /// deviations), which avoids the cancellation of the one-pass `E[x²] − E[x]²` formula.
    pub fn fit(train: &Matrix) -> Self {
        let n = train.rows() as f64;
        let mut means = vec![0.0; train.cols()];
        let mut scales = vec![1.0; train.cols()];
        let mut constant = vec![false; train.cols()];
        for j in 0..train.cols() {
            let column = train.column(j);
            let mean = column.iter().sum::<f64>() / n;
            let variance = column.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
            let std = variance.sqrt();
            means[j] = mean;
            if std == 0.0 || std <= RELATIVE_CONSTANT_TOLERANCE * mean.abs() {
                constant[j] = true;
            } else {
                scales[j] = std;
            }
        }
        Self { means, scales, constant }
    }

    /// Returns `x` standardised with the stored statistics.
    ///
    /// # Panics
    /// If `x` has a different number of columns than the matrix the standardiser was fitted on.
    pub fn transform(&self, x: &Matrix) -> Matrix {
        assert_eq!(x.cols(), self.means.len(), "column count differs from the fitted matrix");
        let mut out = x.clone();
        let cols = x.cols();
        for (k, value) in out.as_mut_slice().iter_mut().enumerate() {
            let j = k % cols;
            *value = if self.constant[j] { 0.0 } else { (*value - self.means[j]) / self.scales[j] };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single_column(values: impl IntoIterator<Item = f64>) -> Matrix {
        let values: Vec<f64> = values.into_iter().collect();
        Matrix::from_row_major(values.len(), 1, values)
    }

    #[test]
    fn statistics_come_from_training_rows_only() {
        let train = single_column((0..10).map(f64::from));
        let test = single_column((100..110).map(f64::from));
        let scaler = Standardizer::fit(&train);
        assert_eq!(scaler.means, [4.5]);
        // Population variance of 0..9 is (10² − 1)/12 = 8.25.
        assert!((scaler.scales[0] - 8.25f64.sqrt()).abs() < 1e-15);
        let scaled = scaler.transform(&test);
        assert!((scaled.as_slice()[0] - (100.0 - 4.5) / 8.25f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn constant_columns_scale_to_exact_zero() {
        let zeros = single_column(std::iter::repeat_n(3.0, 50));
        let repeated = single_column(std::iter::repeat_n(14.62, 1000));
        for column in [zeros, repeated] {
            let scaler = Standardizer::fit(&column);
            assert_eq!(scaler.constant, [true]);
            assert_eq!(scaler.scales, [1.0]);
            assert!(scaler.transform(&column).as_slice().iter().all(|&v| v == 0.0));
        }
    }

    #[test]
    fn standardised_training_column_has_zero_mean_unit_variance() {
        let train = Matrix::from_rows(&[vec![1.0, 10.0], vec![2.0, 30.0], vec![6.0, 20.0]]);
        let scaled = Standardizer::fit(&train).transform(&train);
        for j in 0..2 {
            let column = scaled.column(j);
            let mean = column.iter().sum::<f64>() / 3.0;
            let variance = column.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 3.0;
            assert!(mean.abs() < 1e-15, "mean of {column:?}");
            assert!((variance - 1.0).abs() < 1e-14, "variance of {column:?}");
        }
    }
}
