//! The manual trainer on real abalone data and on data with known weights.

use std::path::PathBuf;

use linreg::synthetic::{TRUE_BIAS, TRUE_WEIGHTS, synthetic};
use linreg::{Dataset, Initialization, Precision, TrainConfig, TrainError, Trainer, abalone};
use manual::{GradientForm, ManualTrainer, gradient, least_squares, loss};

fn abalone_data() -> Dataset {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/abalone.data"));
    assert!(
        path.exists(),
        "{} is missing: copy abalone.data there (see data/README.md)",
        path.display()
    );
    abalone::default_dataset(&path).expect("abalone prepares")
}

fn max_abs_difference(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

#[test]
fn gradient_matches_central_differences_on_abalone() {
    let data = abalone_data();
    let (x, y) = (&data.train.features, &data.train.targets);
    let (weights, bias) = linreg::train::uniform_initialization(x.cols(), 3);
    let analytic = gradient(x, y, &weights, bias);

    // Central differences have truncation error O(h²) and rounding error O(ε·L/h); h = 1e-5
    // balances them near 1e-9 relative here, well inside the 1e-6 asserted.
    let h = 1e-5;
    let mut numeric = Vec::new();
    for j in 0..=weights.len() {
        let shifted = |delta: f64| {
            let mut w = weights.clone();
            let mut b = bias;
            if j < w.len() {
                w[j] += delta
            } else {
                b += delta
            }
            loss(x, y, &w, b)
        };
        numeric.push((shifted(h) - shifted(-h)) / (2.0 * h));
    }
    let analytic_all: Vec<f64> = analytic.weights.iter().copied().chain([analytic.bias]).collect();
    for (j, (a, n)) in analytic_all.iter().zip(&numeric).enumerate() {
        let relative = (a - n).abs() / a.abs().max(1e-3);
        assert!(relative < 1e-6, "parameter {j}: analytic {a}, numeric {n}, relative {relative:e}");
    }
}

#[test]
fn standardised_descent_reaches_minimum_norm_optimum() {
    let (data, _) = abalone_data().standardized();
    let (x, y) = (&data.train.features, &data.train.targets);
    // 0.1 is below the stability limit 2/λ_max ≈ 0.142 of standardised abalone.
    let config = TrainConfig { learning_rate: 0.1, ..TrainConfig::default() };
    let fit = ManualTrainer::default().fit(x, y, &config).expect("converges");
    let optimum = least_squares(x, y);

    assert_eq!(optimum.rank, 10, "three one-hot columns make [X 1] rank-deficient by one");
    let difference =
        max_abs_difference(&fit.weights, &optimum.weights).max((fit.bias - optimum.bias).abs());
    assert!(difference < 1e-6, "largest difference from the optimum: {difference:e}");
}

#[test]
fn gradient_forms_give_same_iterates() {
    let data = abalone_data();
    let (x, y) = (&data.train.features, &data.train.targets);
    let config = TrainConfig { iterations: 2_000, ..TrainConfig::default() };
    let two_pass =
        ManualTrainer { form: GradientForm::TwoPass }.fit(x, y, &config).expect("trains");
    for form in [GradientForm::Fused, GradientForm::Gram] {
        let other = ManualTrainer { form }.fit(x, y, &config).expect("trains");
        // Summation order differs, so values agree to rounding: weights are O(1) here.
        assert!(max_abs_difference(&two_pass.weights, &other.weights) < 1e-11, "{form:?}");
        assert!((two_pass.bias - other.bias).abs() < 1e-11, "{form:?}");
        let curves = two_pass.loss_curve.iter().zip(&other.loss_curve);
        for (a, b) in curves {
            assert_eq!(a.iteration, b.iteration);
            assert!(
                (a.loss - b.loss).abs() < 1e-9 * a.loss,
                "{form:?} at {}: {} vs {}",
                a.iteration,
                a.loss,
                b.loss
            );
        }
    }
}

/// Every array width of the Gram step (8, 16, 32, 64) and its slice fallback, at its edges.
#[test]
fn gram_form_matches_two_pass_at_every_width() {
    for features in [1, 7, 8, 15, 16, 31, 40, 63, 64, 80] {
        let rows = 200;
        // Values in [-1, 1) from a fixed integer hash, with an exact target of known weights.
        let value = |i: usize| ((i.wrapping_mul(2_654_435_761) % 1_000) as f64) / 500.0 - 1.0;
        let x = linreg::Matrix::from_row_major(
            rows,
            features,
            (0..rows * features).map(value).collect(),
        );
        let weights: Vec<f64> = (0..features).map(|j| 1.0 / (j + 1) as f64).collect();
        let y = x.predict(&weights, 0.5);
        let config = TrainConfig { learning_rate: 0.01, iterations: 300, ..TrainConfig::default() };
        let two_pass =
            ManualTrainer { form: GradientForm::TwoPass }.fit(&x, &y, &config).expect("trains");
        let gram = ManualTrainer { form: GradientForm::Gram }.fit(&x, &y, &config).expect("trains");
        assert!(
            max_abs_difference(&two_pass.weights, &gram.weights) < 1e-12,
            "{features} features: {:?} vs {:?}",
            two_pass.weights,
            gram.weights
        );
        assert!((two_pass.bias - gram.bias).abs() < 1e-12, "{features} features");
        // The loss moved, so the check above compares iterates that went somewhere.
        let curve = &two_pass.loss_curve;
        assert!(curve[curve.len() - 1].loss < 0.5 * curve[0].loss, "{features} features");
    }
}

#[test]
fn first_step_from_zero() {
    let data = abalone_data();
    let (x, y) = (&data.train.features, &data.train.targets);
    let config = TrainConfig { iterations: 1, ..TrainConfig::default() };
    let fit = ManualTrainer::default().fit(x, y, &config).expect("trains");
    let g = gradient(x, y, &vec![0.0; x.cols()], 0.0);
    for (w, gw) in fit.weights.iter().zip(&g.weights) {
        assert!((w + 0.001 * gw).abs() < 1e-15, "{w} vs {}", -0.001 * gw);
    }
    assert!(fit.weights.iter().all(|&w| w != 0.0), "every weight moves on the first step");
    assert_eq!(fit.loss_curve.len(), 2);
    assert!((fit.loss_curve[0].loss - g.loss).abs() < 1e-12);
}

#[test]
fn raw_abalone_diverges_at_rate_ten() {
    let data = abalone_data();
    let config = TrainConfig { learning_rate: 10.0, iterations: 1_000, ..TrainConfig::default() };
    let error = ManualTrainer::default()
        .fit(&data.train.features, &data.train.targets, &config)
        .expect_err("diverges");
    assert!(matches!(error, TrainError::Diverged { learning_rate: 10.0, .. }), "{error:?}");
}

#[test]
fn f32_stays_close_to_f64() {
    let data = abalone_data();
    let (x, y) = (&data.train.features, &data.train.targets);
    let f64_fit = ManualTrainer::default().fit(x, y, &TrainConfig::default()).expect("trains");
    let config = TrainConfig { precision: Precision::F32, ..TrainConfig::default() };
    let f32_fit = ManualTrainer::default().fit(x, y, &config).expect("trains");
    let difference = max_abs_difference(&f64_fit.weights, &f32_fit.weights);
    assert!(difference < 1e-3, "f32 drifted by {difference:e}");
    assert!(difference > 0.0, "f32 must really run in single precision");
}

#[test]
fn framework_default_initialisation_starts_elsewhere() {
    let data = abalone_data();
    let (x, y) = (&data.train.features, &data.train.targets);
    let config = TrainConfig {
        iterations: 1,
        initialization: Initialization::FrameworkDefault { seed: 5 },
        ..TrainConfig::default()
    };
    let fit = ManualTrainer::default().fit(x, y, &config).expect("trains");
    let zero_loss = gradient(x, y, &vec![0.0; x.cols()], 0.0).loss;
    assert!((fit.loss_curve[0].loss - zero_loss).abs() > 1e-3);
}

#[test]
fn descent_recovers_synthetic_weights() {
    let (x, y) = synthetic(1_000, 42);
    // λ_max of this Hessian is about 190, so 0.01 is stable; 200 000 steps shrink the slowest
    // mode (the bias direction) far below the tolerance.
    let config = TrainConfig {
        learning_rate: 0.01,
        iterations: 200_000,
        record_every: 10_000,
        ..TrainConfig::default()
    };
    let fit = ManualTrainer { form: GradientForm::Gram }.fit(&x, &y, &config).expect("converges");
    for (w, truth) in fit.weights.iter().zip(TRUE_WEIGHTS) {
        assert!((w - truth).abs() < 1e-6, "{:?}", fit.weights);
    }
    assert!((fit.bias - TRUE_BIAS).abs() < 1e-6, "{}", fit.bias);
}

#[test]
fn observer_sees_each_recorded_point() {
    let data = abalone_data();
    let config = TrainConfig { iterations: 250, ..TrainConfig::default() };
    let mut seen = Vec::new();
    let fit = ManualTrainer::default()
        .fit_observed(&data.train.features, &data.train.targets, &config, &mut |p| seen.push(p))
        .expect("trains");
    assert_eq!(seen, fit.loss_curve);
    let iterations: Vec<usize> = seen.iter().map(|p| p.iteration).collect();
    assert_eq!(iterations, [0, 100, 200, 250]);
}

#[test]
fn stability_limit_separates_convergence_from_divergence() {
    let (data, _) = abalone_data().standardized();
    let (x, y) = (&data.train.features, &data.train.targets);
    let limit = manual::Conditioning::of(x).max_stable_learning_rate;
    // About 0.142 on this split; other tests rely on 0.1 being stable.
    assert!(limit > 0.1, "2/λmax of standardised abalone is {limit}");
    assert!(limit < 0.2, "2/λmax of standardised abalone is {limit}");

    let below =
        TrainConfig { learning_rate: 0.9 * limit, iterations: 5_000, ..TrainConfig::default() };
    let fit = ManualTrainer::default().fit(x, y, &below).expect("converges below the limit");
    let optimum = least_squares(x, y);
    let final_loss = fit.loss_curve.last().expect("recorded").loss;
    assert!(final_loss - optimum.loss < 1e-6, "loss {final_loss} vs optimum {}", optimum.loss);

    let above =
        TrainConfig { learning_rate: 1.1 * limit, iterations: 20_000, ..TrainConfig::default() };
    let error = ManualTrainer::default().fit(x, y, &above).expect_err("diverges above the limit");
    assert!(matches!(error, TrainError::Diverged { .. }), "{error:?}");
}
