//! The burn trainer against hand computations and against the hand-derived manual trainer, on
//! real abalone data and with real burn training.

use std::path::PathBuf;

use burn_impl::{BurnTrainer, loss_and_gradient};
use linreg::{
    Dataset, Initialization, Matrix, Precision, TrainConfig, TrainError, Trainer, abalone,
};
use manual::{ManualTrainer, gradient};

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
    assert_eq!(a.len(), b.len(), "same number of values");
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

#[test]
fn trainer_is_named_burn() {
    assert_eq!(BurnTrainer.name(), "burn");
}

#[test]
fn loss_of_fixed_weights_by_hand() {
    // Predictions X·w = [1.4, 3.2] against y = [1, 2]: errors 0.4 and 1.2, MSE (0.16 + 1.44)/2 = 0.8.
    // A [1, n] target broadcast into a 2 × 2 loss would give (0.16 + 0.36 + 4.84 + 1.44)/4 = 1.7.
    let x = Matrix::from_rows(&[vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]]);
    let result = loss_and_gradient(&x, &[1.0, 2.0], &[0.1, 0.2, 0.3], 0.0).expect("valid input");
    // 0.1, 0.2 and 0.3 are not exact in binary, so each value may be off by a few ulps: about
    // 1e-16 near 0.8 and 2e-15 near 8, hence the tolerances 1e-15 and 1e-14.
    assert!((result.loss - 0.8).abs() < 1e-15, "loss {}", result.loss);

    // ∂L/∂w = (2/n)·Xᵀ(ŷ − y) = Xᵀ·[0.4, 1.2] = [5.2, 6.8, 8.4]; ∂L/∂b = 0.4 + 1.2 = 1.6.
    for (g, expected) in result.weights.iter().zip([5.2, 6.8, 8.4]) {
        assert!((g - expected).abs() < 1e-14, "{:?}", result.weights);
    }
    assert!((result.bias - 1.6).abs() < 1e-14, "bias gradient {}", result.bias);
}

#[test]
fn wrong_weight_count_is_invalid_data() {
    let x = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 4.0]]);
    let error =
        loss_and_gradient(&x, &[1.0, 2.0], &[0.5], 0.0).expect_err("one weight for two columns");
    assert!(
        matches!(&error, TrainError::InvalidData { reason } if reason.contains("expected 2 weights")),
        "{error:?}"
    );
}

#[test]
fn mismatched_targets_are_invalid_data() {
    let x = Matrix::from_rows(&[vec![1.0], vec![2.0], vec![3.0]]);
    let error = BurnTrainer
        .fit(&x, &[1.0, 2.0], &TrainConfig::default())
        .expect_err("two targets for three rows");
    assert!(matches!(error, TrainError::InvalidData { .. }), "{error:?}");
}

#[test]
fn invalid_config_is_rejected_before_training() {
    let x = Matrix::from_rows(&[vec![1.0], vec![2.0]]);
    let config = TrainConfig { iterations: 0, ..TrainConfig::default() };
    let error = BurnTrainer.fit(&x, &[1.0, 2.0], &config).expect_err("zero iterations");
    assert!(matches!(error, TrainError::InvalidConfig { field: "iterations", .. }), "{error:?}");
}

#[test]
fn autodiff_gradient_matches_manual_on_abalone() {
    let data = abalone_data();
    let (x, y) = (&data.train.features, &data.train.targets);
    let (weights, bias) = linreg::train::uniform_initialization(x.cols(), 3);
    let burn = loss_and_gradient(x, y, &weights, bias).expect("valid input");
    let manual = gradient(x, y, &weights, bias);

    // Both sum about 2500 products in f64, in different orders. The worst-case relative rounding
    // error of such a sum is near n·ε ≈ 5e-13 (measured: about 3e-15), so 1e-10 leaves room and
    // still catches a wrong factor such as a missing 2 or a 1/n².
    let burn_all: Vec<f64> = burn.weights.iter().copied().chain([burn.bias, burn.loss]).collect();
    let manual_all: Vec<f64> =
        manual.weights.iter().copied().chain([manual.bias, manual.loss]).collect();
    for (j, (b, m)) in burn_all.iter().zip(&manual_all).enumerate() {
        let relative = (b - m).abs() / m.abs();
        assert!(relative < 1e-10, "value {j}: burn {b}, manual {m}, relative {relative:e}");
    }
}

#[test]
fn first_step_from_zero_matches_manual() {
    let data = abalone_data();
    let (x, y) = (&data.train.features, &data.train.targets);
    let config = TrainConfig { iterations: 1, ..TrainConfig::default() };
    let burn = BurnTrainer.fit(x, y, &config).expect("trains");
    let manual = ManualTrainer::default().fit(x, y, &config).expect("trains");

    // One step is −η·∇L with η = 0.001 and gradients of order 10, so the weights are of order
    // 0.01. They differ only by the rounding of one f64 gradient (measured: about 4e-17), so
    // 1e-12 fails only on a real difference.
    let difference = max_abs_difference(&burn.weights, &manual.weights);
    assert!(difference < 1e-12, "largest weight difference {difference:e}");
    assert!((burn.bias - manual.bias).abs() < 1e-12, "bias {} vs {}", burn.bias, manual.bias);
}

#[test]
fn weights_change_after_first_step() {
    let data = abalone_data();
    let config = TrainConfig { iterations: 1, ..TrainConfig::default() };
    let fit = BurnTrainer.fit(&data.train.features, &data.train.targets, &config).expect("trains");
    assert!(
        fit.weights.iter().all(|&w| w != 0.0),
        "every weight moves on the first step: {:?}",
        fit.weights
    );
    assert_ne!(fit.bias, 0.0, "the bias moves on the first step");
}

#[test]
fn loss_curve_has_documented_iterations() {
    let data = abalone_data();
    let (x, y) = (&data.train.features, &data.train.targets);
    let config = TrainConfig { iterations: 250, record_every: 100, ..TrainConfig::default() };
    let fit = BurnTrainer.fit(x, y, &config).expect("trains");

    let iterations: Vec<usize> = fit.loss_curve.iter().map(|point| point.iteration).collect();
    assert_eq!(iterations, [0, 100, 200, 250]);

    // The loss at zero is the mean of y², computed by both in f64 in a different order.
    let zero_loss = gradient(x, y, &vec![0.0; x.cols()], 0.0).loss;
    let first = fit.loss_curve[0].loss;
    assert!(
        (first - zero_loss).abs() < 1e-12 * zero_loss,
        "first loss {first}, manual {zero_loss}"
    );
    assert!(
        fit.loss_curve.windows(2).all(|pair| pair[1].loss < pair[0].loss),
        "{:?}",
        fit.loss_curve
    );
}

#[test]
fn raw_abalone_diverges_at_rate_ten() {
    let data = abalone_data();
    let config = TrainConfig { learning_rate: 10.0, iterations: 1_000, ..TrainConfig::default() };
    let error =
        BurnTrainer.fit(&data.train.features, &data.train.targets, &config).expect_err("diverges");
    assert!(matches!(error, TrainError::Diverged { learning_rate: 10.0, .. }), "{error:?}");
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
    let fit = BurnTrainer.fit(x, y, &config).expect("trains");
    let zero_loss = gradient(x, y, &vec![0.0; x.cols()], 0.0).loss;
    assert!((fit.loss_curve[0].loss - zero_loss).abs() > 1e-3, "the start is not the zero point");
    let again = BurnTrainer.fit(x, y, &config).expect("trains");
    assert_eq!((&again.weights, again.bias), (&fit.weights, fit.bias), "one seed gives one start");
}

/// Trains burn at `precision` and the manual trainer in f64 for 20 000 iterations at learning
/// rate 0.001, and returns the largest difference over the weights and the bias.
fn long_run_difference(features: &Matrix, targets: &[f64], precision: Precision) -> f64 {
    let manual = ManualTrainer::default()
        .fit(features, targets, &TrainConfig::default())
        .expect("manual trains");
    let config = TrainConfig { precision, ..TrainConfig::default() };
    let burn = BurnTrainer.fit(features, targets, &config).expect("burn trains");
    max_abs_difference(&burn.weights, &manual.weights).max((burn.bias - manual.bias).abs())
}

#[test]
fn f64_long_run_matches_manual() {
    // Both run the same iteration in f64 with sums in different orders. Gradient descent at a
    // stable rate damps earlier rounding, so the difference stays near the rounding of one step
    // on weights of order 1 to 10 (measured: about 1e-15), far under the 1e-9 asserted.
    let raw = abalone_data();
    let (standardised, _) = raw.standardized();
    for (name, data) in [("raw", &raw), ("standardised", &standardised)] {
        let difference =
            long_run_difference(&data.train.features, &data.train.targets, Precision::F64);
        assert!(difference < 1e-9, "{name}: largest difference {difference:e}");
    }
}

#[test]
fn f32_long_run_stays_near_manual_f64() {
    // f32 carries about 7 significant digits, and 20 000 steps accumulate its rounding. The
    // manual trainer's own f32 run drifts from its f64 run by about 1e-4 (raw) and 2.4e-4
    // (standardised), mostly in the bias. burn's f32 run drifts by the same amounts, so 1e-3
    // leaves a margin of four without hiding a real difference in the iteration.
    let raw = abalone_data();
    let (standardised, _) = raw.standardized();
    for (name, data) in [("raw", &raw), ("standardised", &standardised)] {
        let difference =
            long_run_difference(&data.train.features, &data.train.targets, Precision::F32);
        assert!(difference < 1e-3, "{name}: largest difference {difference:e}");
        assert!(difference > 0.0, "{name}: f32 must really run in single precision");
    }
}
