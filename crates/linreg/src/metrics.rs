//! Regression metrics on a whole split and the bias/variance/fit diagnosis.

use std::fmt;

use serde::Serialize;

use crate::scale::RELATIVE_CONSTANT_TOLERANCE;

/// Error measures of one set of predictions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Metrics {
    /// Mean squared error, in squared target units.
    pub mse: f64,
    /// Root mean squared error, in target units.
    pub rmse: f64,
    /// Mean absolute error, in target units.
    pub mae: f64,
    /// Coefficient of determination `1 − SS_res / SS_tot`; `None` (undefined) when the targets
    /// are constant, because `SS_tot` is then zero.
    pub r2: Option<f64>,
}

impl Metrics {
    /// Scores `predictions` against `targets`; `None` when there are no rows.
    ///
    /// # Panics
    /// If the slices differ in length.
    pub fn compute(targets: &[f64], predictions: &[f64]) -> Option<Self> {
        assert_eq!(targets.len(), predictions.len(), "one prediction per target");
        if targets.is_empty() {
            return None;
        }
        let n = targets.len() as f64;
        let residuals = || targets.iter().zip(predictions).map(|(y, p)| y - p);
        let ss_res: f64 = residuals().map(|r| r * r).sum();
        let mse = ss_res / n;
        let mae = residuals().map(f64::abs).sum::<f64>() / n;
        Some(Self { mse, rmse: mse.sqrt(), mae, r2: r2_from_residuals(targets, ss_res) })
    }
}

/// Computes R² of `predictions`; `None` when the targets are constant.
///
/// # Panics
/// If the slices differ in length.
pub fn r2(targets: &[f64], predictions: &[f64]) -> Option<f64> {
    assert_eq!(targets.len(), predictions.len(), "one prediction per target");
    let ss_res = targets.iter().zip(predictions).map(|(y, p)| (y - p) * (y - p)).sum();
    r2_from_residuals(targets, ss_res)
}

fn r2_from_residuals(targets: &[f64], ss_res: f64) -> Option<f64> {
    if targets.is_empty() {
        return None;
    }
    let n = targets.len() as f64;
    let mean = targets.iter().sum::<f64>() / n;
    let ss_tot: f64 = targets.iter().map(|y| (y - mean) * (y - mean)).sum();
    let std = (ss_tot / n).sqrt();
    if ss_tot == 0.0 || std <= RELATIVE_CONSTANT_TOLERANCE * mean.abs() {
        return None;
    }
    // (SS_tot − SS_res)/SS_tot rather than 1 − SS_res/SS_tot: one rounding fewer.
    Some((ss_tot - ss_res) / ss_tot)
}

/// A three-step rating used for bias and variance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}

/// Whether the model is too simple, too flexible or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FitKind {
    /// Training R² below 0.3: the model misses structure even on the rows it saw.
    Underfit,
    /// Neither underfit nor overfit.
    Fit,
    /// Training R² at least 0.7 and a gap above 0.2 to the held-out R².
    Overfit,
}

/// The bias/variance/fit rating of a model from its training and held-out R².
///
/// Bias is high if R²train < 0.3, medium if < 0.7, else low. Variance is high if
/// |R²train − R²held-out| > 0.2, medium if > 0.1, else low. These are rules of thumb for
/// R² on a scale where 1 is perfect, not statistical tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// How far the model is from fitting its own training rows.
    pub bias: Level,
    /// How much the held-out R² departs from the training R².
    pub variance: Level,
    /// The overall verdict.
    pub fit: FitKind,
}

impl Diagnosis {
    /// Rates a model from R² on its training rows and on held-out (validation) rows.
    pub fn from_r2(train: f64, held_out: f64) -> Self {
        let gap = (train - held_out).abs();
        let bias = if train < 0.3 {
            Level::High
        } else if train < 0.7 {
            Level::Medium
        } else {
            Level::Low
        };
        let variance = if gap > 0.2 {
            Level::High
        } else if gap > 0.1 {
            Level::Medium
        } else {
            Level::Low
        };
        let fit = if train < 0.3 {
            FitKind::Underfit
        } else if train >= 0.7 && gap > 0.2 {
            FitKind::Overfit
        } else {
            FitKind::Fit
        };
        Self { bias, variance, fit }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        })
    }
}

impl fmt::Display for FitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Underfit => "underfit",
            Self::Fit => "fit",
            Self::Overfit => "overfit",
        })
    }
}

impl fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("bias {}, variance {}, {}", self.bias, self.variance, self.fit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r2_of_constant_prediction_below_mean_fit() {
        // SS_res = 1 + 0 + 1 + 4 = 6, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5, R² = 1 − 6/5.
        assert_eq!(r2(&[1.0, 2.0, 3.0, 4.0], &[2.0, 2.0, 2.0, 2.0]), Some(-0.2));
    }

    #[test]
    fn r2_of_constant_target_is_undefined() {
        assert_eq!(r2(&[5.0, 5.0, 5.0], &[5.0, 4.0, 6.0]), None);
        assert_eq!(r2(&[14.62; 1000], &[14.0; 1000]), None);
    }

    #[test]
    fn metrics_by_hand() {
        let metrics = Metrics::compute(&[1.0, 2.0, 3.0], &[2.0, 2.0, 5.0]).expect("rows");
        assert_eq!(metrics.mse, 5.0 / 3.0);
        assert_eq!(metrics.mae, 1.0);
        assert_eq!(metrics.rmse, (5.0f64 / 3.0).sqrt());
        assert_eq!(metrics.r2, Some(-1.5));
        assert_eq!(Metrics::compute(&[], &[]), None);
    }

    #[test]
    fn diagnosis_thresholds() {
        let under = Diagnosis::from_r2(0.2, 0.19);
        assert_eq!(
            (under.bias, under.variance, under.fit),
            (Level::High, Level::Low, FitKind::Underfit)
        );
        let fit = Diagnosis::from_r2(0.55, 0.40);
        assert_eq!((fit.bias, fit.variance, fit.fit), (Level::Medium, Level::Medium, FitKind::Fit));
        let over = Diagnosis::from_r2(0.95, 0.60);
        assert_eq!(
            (over.bias, over.variance, over.fit),
            (Level::Low, Level::High, FitKind::Overfit)
        );
        assert_eq!(over.to_string(), "bias low, variance high, overfit");
    }
}
