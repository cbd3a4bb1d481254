//! Gradient agreement: each trainer's gradient at the same points, beside central finite
//! differences of the loss.

use anyhow::Result;
use linreg::train::{GradientProbe, LossGradient, uniform_initialization};
use linreg::{Matrix, Precision};
use serde::Serialize;

/// Seeds of the random points, drawn from `U(−1/√d, 1/√d)` like a framework's initialisation.
pub const POINT_SEEDS: [u64; 3] = [1, 2, 3];

/// Step of the central differences, relative to `max(1, |θⱼ|)`. Their truncation error is
/// O(h²) and their rounding error O(ε·L/h); 1e-6 keeps both near 1e-9 relative on these
/// losses, so agreement to about 1e-7 is what to expect.
const FINITE_DIFFERENCE_STEP: f64 = 1e-6;

/// The largest relative difference between two gradient sources at one point.
#[derive(Debug, Clone, Serialize)]
pub struct PairDifference {
    /// The first source, such as "manual" or "finite differences".
    pub a: String,
    /// The second source.
    pub b: String,
    /// `max|a − b| / max|b|` over all weights and the bias: a norm-wise relative difference,
    /// which stays meaningful when single components are near zero.
    pub relative: f64,
}

/// Agreement at one point.
#[derive(Debug, Clone, Serialize)]
pub struct PointAgreement {
    /// "zero" or "random (seed N)".
    pub point: String,
    /// The loss at the point (manual, f64).
    pub loss: f64,
    /// Every pair of f64 sources.
    pub f64_pairs: Vec<PairDifference>,
    /// Each trainer's f32 gradient against the manual f64 gradient.
    pub f32_against_f64: Vec<PairDifference>,
}

/// Evaluates every probe at zero and at the seeded random points.
///
/// # Errors
/// The first probe failure.
pub fn agreement(
    probes: &[(&'static str, &dyn GradientProbe)],
    features: &Matrix,
    targets: &[f64],
) -> Result<Vec<PointAgreement>> {
    let d = features.cols();
    let mut points = vec![("zero".to_owned(), vec![0.0; d], 0.0)];
    for seed in POINT_SEEDS {
        let (weights, bias) = uniform_initialization(d, seed);
        points.push((format!("random (seed {seed})"), weights, bias));
    }

    let mut result = Vec::new();
    for (label, weights, bias) in points {
        let mut f64_sources: Vec<(String, Vec<f64>)> = Vec::new();
        for (name, probe) in probes {
            let g = probe.loss_and_gradient(features, targets, &weights, bias, Precision::F64)?;
            f64_sources.push(((*name).to_owned(), flatten(&g)));
        }
        f64_sources.push((
            "finite differences".into(),
            central_differences(features, targets, &weights, bias),
        ));

        let mut f64_pairs = Vec::new();
        for i in 0..f64_sources.len() {
            for j in i + 1..f64_sources.len() {
                f64_pairs.push(PairDifference {
                    a: f64_sources[i].0.clone(),
                    b: f64_sources[j].0.clone(),
                    relative: relative_difference(&f64_sources[i].1, &f64_sources[j].1),
                });
            }
        }

        let reference = &f64_sources[0];
        let mut f32_against_f64 = Vec::new();
        for (name, probe) in probes {
            let g = probe.loss_and_gradient(features, targets, &weights, bias, Precision::F32)?;
            f32_against_f64.push(PairDifference {
                a: format!("{name} f32"),
                b: format!("{} f64", reference.0),
                relative: relative_difference(&flatten(&g), &reference.1),
            });
        }

        let loss = manual::loss(features, targets, &weights, bias);
        result.push(PointAgreement { point: label, loss, f64_pairs, f32_against_f64 });
    }
    Ok(result)
}

fn flatten(gradient: &LossGradient) -> Vec<f64> {
    gradient.weights.iter().copied().chain([gradient.bias]).collect()
}

/// Central differences `(L(θ + h·eⱼ) − L(θ − h·eⱼ)) / 2h` of the f64 loss, bias last.
fn central_differences(features: &Matrix, targets: &[f64], weights: &[f64], bias: f64) -> Vec<f64> {
    (0..=weights.len())
        .map(|j| {
            let at = |delta: f64| {
                let mut w = weights.to_vec();
                let mut b = bias;
                if j < w.len() {
                    w[j] += delta;
                } else {
                    b += delta;
                }
                manual::loss(features, targets, &w, b)
            };
            let value = if j < weights.len() { weights[j] } else { bias };
            let h = FINITE_DIFFERENCE_STEP * value.abs().max(1.0);
            (at(h) - at(-h)) / (2.0 * h)
        })
        .collect()
}

/// Returns `max|a − b| / max|b|`, or the absolute difference when `b` is all zeros.
pub fn relative_difference(a: &[f64], b: &[f64]) -> f64 {
    let difference = a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
    let scale = b.iter().map(|y| y.abs()).fold(0.0, f64::max);
    if scale > 0.0 { difference / scale } else { difference }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_difference_is_norm_wise() {
        assert_eq!(relative_difference(&[1.0, 2.0], &[1.0, 4.0]), 0.5);
        assert_eq!(relative_difference(&[0.0, 1e-3], &[0.0, 0.0]), 1e-3);
    }

    #[test]
    fn finite_differences_match_hand_gradient() {
        let x = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, -1.0], vec![0.5, 0.5]]);
        let y = [1.0, 2.0, 3.0];
        let exact = manual::gradient(&x, &y, &[0.2, -0.1], 0.3);
        let numeric = central_differences(&x, &y, &[0.2, -0.1], 0.3);
        assert!(relative_difference(&numeric, &flatten(&exact)) < 1e-8);
    }
}
