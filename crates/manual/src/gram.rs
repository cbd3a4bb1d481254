//! The Gram form: the data reduced once to `A = [X 1]ᵀ[X 1]` and `c = [X 1]ᵀy`, after which
//! each iteration costs O(d²), independent of the number of rows.
//!
//! With `θ = (w, b)`, the residuals are `r = y − [X 1]·θ`, so `[X 1]ᵀr = c − A·θ` and the
//! gradient is `∂L/∂θ = −(2/n)·(c − A·θ)`. The loss is `(Σy² − 2·θ·c + θᵀAθ)/n`, which
//! subtracts large terms: near the optimum its recorded values carry more rounding than those of
//! the other forms.

use linreg::train::LossRecorder;
use linreg::{TrainConfig, TrainError};
use multiversion::multiversion;

use crate::descent::{RecordSchedule, State};
use crate::kernels::{dot, subtract_scaled};
use crate::real::Real;

/// The data reduced to what the Gram form needs.
pub(crate) struct GramSums<T> {
    /// `A = [X 1]ᵀ[X 1]`, (d + 1) × (d + 1), row-major, bias last.
    gram: Vec<T>,
    /// `c = [X 1]ᵀy`, d + 1 values, bias last.
    xt_y: Vec<T>,
    /// `Σy²`.
    sum_y2: T,
}

impl<T: Real> GramSums<T> {
    /// Computes the sums in one pass per pair of columns.
    pub(crate) fn of(s: &State<T>) -> Self {
        let size = s.weights.len() + 1;
        let ones = vec![T::one(); s.n];
        let column = |j: usize| if j + 1 < size { s.column(j) } else { ones.as_slice() };
        let mut gram = vec![T::zero(); size * size];
        for j in 0..size {
            for k in j..size {
                let value = dot(column(j), column(k));
                gram[j * size + k] = value;
                gram[k * size + j] = value;
            }
        }
        let targets = s.targets.as_slice();
        let xt_y = (0..size).map(|j| dot(column(j), targets)).collect();
        let sum_y2 = dot(targets, targets);
        Self { gram, xt_y, sum_y2 }
    }
}

/// Runs `config.iterations` updates from the sums, recording the loss on schedule.
///
/// Up to 64 parameters, the step runs on fixed-size arrays padded with zeros to a multiple of
/// eight, which the compiler keeps in SIMD registers. Larger models use slices.
pub(crate) fn run_gram<T: Real>(
    s: &mut State<T>,
    sums: &GramSums<T>,
    config: &TrainConfig,
    recorder: &mut LossRecorder<'_>,
) -> Result<(), TrainError> {
    match s.weights.len() + 1 {
        0..=8 => run_padded::<T, 8>(s, sums, config, recorder),
        9..=16 => run_padded::<T, 16>(s, sums, config, recorder),
        17..=32 => run_padded::<T, 32>(s, sums, config, recorder),
        33..=64 => run_padded::<T, 64>(s, sums, config, recorder),
        _ => run_slices(s, sums, config, recorder),
    }
}

/// Runs the iterations on arrays of `P ≥ d + 1` values, zero beyond `d + 1`.
///
/// `A·θ` is the sum of A's columns scaled by θ (A is symmetric, so its rows serve), which needs
/// no horizontal sums. Even and odd columns go to two accumulators, so that two additions are
/// in flight at once: the step is short enough for their latency to dominate it.
#[multiversion(targets("x86_64+avx512f+avx512vl+avx2+avx", "x86_64+avx2+avx"))]
fn run_padded<T: Real, const P: usize>(
    s: &mut State<T>,
    sums: &GramSums<T>,
    config: &TrainConfig,
    recorder: &mut LossRecorder<'_>,
) -> Result<(), TrainError> {
    let size = s.weights.len() + 1;
    let n = T::from_f64_rounded(s.n as f64);
    let rate = T::from_f64_rounded(config.learning_rate);
    let two = T::from_f64_rounded(2.0);
    let factor = -two / n;
    let padded = |values: &[T]| {
        let mut array = [T::zero(); P];
        array[..values.len()].copy_from_slice(values);
        array
    };
    let gram: Vec<[T; P]> = sums.gram.chunks_exact(size).map(padded).collect();
    let xt_y = padded(&sums.xt_y);
    let mut theta = padded(&s.weights);
    theta[size - 1] = s.bias;
    let mut schedule = RecordSchedule::new(config);

    for iteration in 0..=config.iterations {
        let (mut even, mut odd) = ([T::zero(); P], [T::zero(); P]);
        for (pair, t) in gram.chunks(2).zip(theta.chunks(2)) {
            for l in 0..P {
                even[l] = even[l] + t[0] * pair[0][l];
            }
            if let (Some(column), Some(&t1)) = (pair.get(1), t.get(1)) {
                for l in 0..P {
                    odd[l] = odd[l] + t1 * column[l];
                }
            }
        }
        let mut a_theta = [T::zero(); P];
        for l in 0..P {
            a_theta[l] = even[l] + odd[l];
        }

        if schedule.due(iteration) {
            let sum_r2 = sums.sum_y2 - two * dot(&theta, &xt_y) + dot(&theta, &a_theta);
            recorder.record(iteration, (sum_r2 / n).into_f64())?;
        }
        if iteration == config.iterations {
            break;
        }

        // ∂L/∂θ = −(2/n)·(c − A·θ), then θ ← θ − η·∂L/∂θ.
        for l in 0..P {
            theta[l] = theta[l] - rate * (factor * (xt_y[l] - a_theta[l]));
        }
    }

    s.bias = theta[size - 1];
    s.weights.copy_from_slice(&theta[..size - 1]);
    Ok(())
}

/// Runs the iterations on slices, for models too large for [`run_padded`].
#[multiversion(targets("x86_64+avx512f+avx512vl+avx2+avx", "x86_64+avx2+avx"))]
fn run_slices<T: Real>(
    s: &mut State<T>,
    sums: &GramSums<T>,
    config: &TrainConfig,
    recorder: &mut LossRecorder<'_>,
) -> Result<(), TrainError> {
    let n = T::from_f64_rounded(s.n as f64);
    let rate = T::from_f64_rounded(config.learning_rate);
    let two = T::from_f64_rounded(2.0);
    let size = s.weights.len() + 1;
    let mut theta: Vec<T> = s.weights.iter().copied().chain([s.bias]).collect();
    let mut a_theta = vec![T::zero(); size];
    let mut schedule = RecordSchedule::new(config);
    let factor = -two / n;

    for iteration in 0..=config.iterations {
        a_theta.fill(T::zero());
        for (k, &t) in theta.iter().enumerate() {
            subtract_scaled(&mut a_theta, -t, &sums.gram[k * size..(k + 1) * size]);
        }

        if schedule.due(iteration) {
            let sum_r2 = sums.sum_y2 - two * dot(&theta, &sums.xt_y) + dot(&theta, &a_theta);
            recorder.record(iteration, (sum_r2 / n).into_f64())?;
        }
        if iteration == config.iterations {
            break;
        }

        for ((t, &c), &q) in theta.iter_mut().zip(&sums.xt_y).zip(&a_theta) {
            *t = *t - rate * (factor * (c - q));
        }
    }

    s.bias = theta[size - 1];
    s.weights.copy_from_slice(&theta[..size - 1]);
    Ok(())
}
