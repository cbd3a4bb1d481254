//! The hand-written full-batch gradient-descent loop.

use std::time::Instant;

use crate::real::Real;
use linreg::train::{LossObserver, LossRecorder, check_data, uniform_initialization};
use linreg::{FitResult, Initialization, Matrix, Precision, TrainConfig, TrainError, Trainer};

/// Evaluation method of `Xᵀ·r` in [`ManualTrainer`]. All three give the same iterates up
/// to rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GradientForm {
    /// Residuals in one pass over the rows, `Xᵀ·r` in a second: the textbook form, O(n·d).
    #[default]
    TwoPass,
    /// Each row's residual is used as soon as it is computed: one pass over the rows, O(n·d),
    /// with half the memory traffic.
    Fused,
    /// `Xᵀ·X`, `Xᵀ·y`, `Xᵀ·1`, `Σy` and `Σy²` computed once, after which
    /// `Xᵀ·r = Xᵀy − XᵀX·w − b·Xᵀ1` costs O(d²) per iteration, independent of `n`. The loss from
    /// these sums, `(Σy² − 2·w·Xᵀy − 2b·Σy + wᵀXᵀXw + 2b·w·Xᵀ1 + n·b²)/n`, subtracts large terms,
    /// so near the optimum its recorded values carry more rounding than the other forms'.
    Gram,
}

/// Gradient descent with the gradient of [the crate documentation](crate) written out by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ManualTrainer {
    /// Evaluation method of the gradient.
    pub form: GradientForm,
}

impl Trainer for ManualTrainer {
    fn name(&self) -> &'static str {
        "manual"
    }

    fn fit(
        &self,
        features: &Matrix,
        targets: &[f64],
        config: &TrainConfig,
    ) -> Result<FitResult, TrainError> {
        self.fit_observed(features, targets, config, &mut |_| {})
    }

    fn fit_observed(
        &self,
        features: &Matrix,
        targets: &[f64],
        config: &TrainConfig,
        observer: LossObserver<'_>,
    ) -> Result<FitResult, TrainError> {
        config.validate()?;
        check_data(features, targets)?;
        let recorder = LossRecorder::new(config, observer);
        match config.precision {
            Precision::F64 => descend::<f64>(self.form, features, targets, config, recorder),
            Precision::F32 => descend::<f32>(self.form, features, targets, config, recorder),
        }
    }
}

/// The training data and the parameters in the working precision.
struct State<T> {
    x: Vec<T>,
    y: Vec<T>,
    n: usize,
    d: usize,
    weights: Vec<T>,
    bias: T,
}

fn descend<T: Real>(
    form: GradientForm,
    features: &Matrix,
    targets: &[f64],
    config: &TrainConfig,
    mut recorder: LossRecorder<'_>,
) -> Result<FitResult, TrainError> {
    let (weights, bias) = match config.initialization {
        Initialization::Zeros => (vec![0.0; features.cols()], 0.0),
        Initialization::FrameworkDefault { seed } => uniform_initialization(features.cols(), seed),
    };
    let mut state = State {
        x: features.as_slice().iter().map(|&v| T::from_f64_rounded(v)).collect(),
        y: targets.iter().map(|&v| T::from_f64_rounded(v)).collect(),
        n: features.rows(),
        d: features.cols(),
        weights: weights.into_iter().map(T::from_f64_rounded).collect(),
        bias: T::from_f64_rounded(bias),
    };

    // The Gram sums are this form's own representation of the data, like a framework's
    // tensors, so computing them is not part of the timed loop.
    let sums = (form == GradientForm::Gram).then(|| GramSums::of(&state));
    let started = Instant::now();
    match form {
        GradientForm::TwoPass => run_two_pass(&mut state, config, &mut recorder)?,
        GradientForm::Fused => run_fused(&mut state, config, &mut recorder)?,
        GradientForm::Gram => {
            let sums = sums.as_ref().expect("the sums are computed above for the Gram form");
            run_gram(&mut state, sums, config, &mut recorder)?;
        }
    }
    let train_time = started.elapsed();

    Ok(FitResult {
        weights: state.weights.iter().map(|w| w.into_f64()).collect(),
        bias: state.bias.into_f64(),
        loss_curve: recorder.finish(),
        train_time,
    })
}

fn run_two_pass<T: Real>(
    s: &mut State<T>,
    config: &TrainConfig,
    recorder: &mut LossRecorder<'_>,
) -> Result<(), TrainError> {
    let n = T::from_f64_rounded(s.n as f64);
    let rate = T::from_f64_rounded(config.learning_rate);
    let two = T::from_f64_rounded(2.0);
    let mut residuals = vec![T::zero(); s.n];
    let mut xt_r = vec![T::zero(); s.d];

    for iteration in 0..=config.iterations {
        // Predict: r = y − (X·w + b).
        for (i, r) in residuals.iter_mut().enumerate() {
            let row = &s.x[i * s.d..(i + 1) * s.d];
            let prediction = row.iter().zip(&s.weights).map(|(&x, &w)| x * w).sum::<T>() + s.bias;
            *r = s.y[i] - prediction;
        }

        // Loss, only where it is recorded: (1/n)·Σ r².
        if config.records(iteration) {
            let loss = residuals.iter().map(|&r| r * r).sum::<T>() / n;
            recorder.record(iteration, loss.into_f64())?;
        }
        if iteration == config.iterations {
            break;
        }

        // Gradients: ∂L/∂w = −(2/n)·Xᵀr, ∂L/∂b = −(2/n)·Σr.
        xt_r.fill(T::zero());
        for (i, &r) in residuals.iter().enumerate() {
            let row = &s.x[i * s.d..(i + 1) * s.d];
            for (g, &x) in xt_r.iter_mut().zip(row) {
                *g = *g + x * r;
            }
        }
        let sum_r = residuals.iter().copied().sum::<T>();

        // Update: w ← w − η·∂L/∂w, b ← b − η·∂L/∂b.
        for (w, &g) in s.weights.iter_mut().zip(&xt_r) {
            *w = *w - rate * (-two / n * g);
        }
        s.bias = s.bias - rate * (-two / n * sum_r);
    }
    Ok(())
}

fn run_fused<T: Real>(
    s: &mut State<T>,
    config: &TrainConfig,
    recorder: &mut LossRecorder<'_>,
) -> Result<(), TrainError> {
    let n = T::from_f64_rounded(s.n as f64);
    let rate = T::from_f64_rounded(config.learning_rate);
    let two = T::from_f64_rounded(2.0);
    let mut xt_r = vec![T::zero(); s.d];

    for iteration in 0..=config.iterations {
        // Predict, and accumulate Xᵀr, Σr and Σr² while each row is in cache.
        xt_r.fill(T::zero());
        let mut sum_r = T::zero();
        let mut sum_r2 = T::zero();
        for (row, &y) in s.x.chunks_exact(s.d).zip(&s.y) {
            let r = y - (row.iter().zip(&s.weights).map(|(&x, &w)| x * w).sum::<T>() + s.bias);
            for (g, &x) in xt_r.iter_mut().zip(row) {
                *g = *g + x * r;
            }
            sum_r = sum_r + r;
            sum_r2 = sum_r2 + r * r;
        }

        if config.records(iteration) {
            recorder.record(iteration, (sum_r2 / n).into_f64())?;
        }
        if iteration == config.iterations {
            break;
        }

        // Update with ∂L/∂w = −(2/n)·Xᵀr and ∂L/∂b = −(2/n)·Σr.
        for (w, &g) in s.weights.iter_mut().zip(&xt_r) {
            *w = *w - rate * (-two / n * g);
        }
        s.bias = s.bias - rate * (-two / n * sum_r);
    }
    Ok(())
}

/// The sums the Gram form needs, computed in one pass over the data: XᵀX (d × d, row-major),
/// Xᵀy, Xᵀ1, Σy and Σy².
struct GramSums<T> {
    gram: Vec<T>,
    xt_y: Vec<T>,
    xt_1: Vec<T>,
    sum_y: T,
    sum_y2: T,
}

impl<T: Real> GramSums<T> {
    fn of(s: &State<T>) -> Self {
        let d = s.d;
        let mut sums = Self {
            gram: vec![T::zero(); d * d],
            xt_y: vec![T::zero(); d],
            xt_1: vec![T::zero(); d],
            sum_y: T::zero(),
            sum_y2: T::zero(),
        };
        for (row, &y) in s.x.chunks_exact(d).zip(&s.y) {
            for j in 0..d {
                for k in 0..d {
                    sums.gram[j * d + k] = sums.gram[j * d + k] + row[j] * row[k];
                }
                sums.xt_y[j] = sums.xt_y[j] + row[j] * y;
                sums.xt_1[j] = sums.xt_1[j] + row[j];
            }
            sums.sum_y = sums.sum_y + y;
            sums.sum_y2 = sums.sum_y2 + y * y;
        }
        sums
    }
}

fn run_gram<T: Real>(
    s: &mut State<T>,
    sums: &GramSums<T>,
    config: &TrainConfig,
    recorder: &mut LossRecorder<'_>,
) -> Result<(), TrainError> {
    let (n, d) = (s.n, s.d);
    let n_t = T::from_f64_rounded(n as f64);
    let rate = T::from_f64_rounded(config.learning_rate);
    let two = T::from_f64_rounded(2.0);
    let GramSums { gram, xt_y, xt_1, sum_y, sum_y2 } = sums;
    let (sum_y, sum_y2) = (*sum_y, *sum_y2);

    let mut gram_w = vec![T::zero(); d];
    for iteration in 0..=config.iterations {
        for (j, q) in gram_w.iter_mut().enumerate() {
            *q = gram[j * d..(j + 1) * d].iter().zip(&s.weights).map(|(&g, &w)| g * w).sum();
        }
        let b = s.bias;
        let w_dot = |v: &[T]| s.weights.iter().zip(v).map(|(&w, &x)| w * x).sum::<T>();

        if config.records(iteration) {
            let sum_r2 = sum_y2 - two * w_dot(&xt_y) - two * b * sum_y
                + w_dot(&gram_w)
                + two * b * w_dot(&xt_1)
                + n_t * b * b;
            recorder.record(iteration, (sum_r2 / n_t).into_f64())?;
        }
        if iteration == config.iterations {
            break;
        }

        // Xᵀr = Xᵀy − XᵀX·w − b·Xᵀ1 and Σr = Σy − w·Xᵀ1 − n·b, then the usual update.
        let sum_r = sum_y - w_dot(&xt_1) - n_t * b;
        for j in 0..d {
            let xt_r = xt_y[j] - gram_w[j] - b * xt_1[j];
            s.weights[j] = s.weights[j] - rate * (-two / n_t * xt_r);
        }
        s.bias = b - rate * (-two / n_t * sum_r);
    }
    Ok(())
}
