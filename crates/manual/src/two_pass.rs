//! The two-pass form: residuals in one pass over the data, `Xᵀ·r` in a second.

use linreg::train::LossRecorder;
use linreg::{TrainConfig, TrainError};
use multiversion::multiversion;

use crate::aligned::Aligned;
use crate::descent::{RecordSchedule, State};
use crate::kernels::{dot, subtract_scaled, sum};
use crate::real::Real;

/// Runs `config.iterations` updates of the textbook form, recording the loss on schedule.
#[multiversion(targets("x86_64+avx512f+avx512vl+avx2+avx", "x86_64+avx2+avx"))]
pub(crate) fn run_two_pass<T: Real>(
    s: &mut State<T>,
    config: &TrainConfig,
    recorder: &mut LossRecorder<'_>,
) -> Result<(), TrainError> {
    let n = T::from_f64_rounded(s.n as f64);
    let rate = T::from_f64_rounded(config.learning_rate);
    let two = T::from_f64_rounded(2.0);
    let d = s.weights.len();
    let mut residuals = Aligned::zeros(s.n);
    let residuals = residuals.as_mut_slice();
    let mut xt_r = vec![T::zero(); d];
    let mut schedule = RecordSchedule::new(config);
    let factor = -two / n;

    for iteration in 0..=config.iterations {
        // Predict: r = y − (X·w + b), one feature column at a time.
        for (r, &y) in residuals.iter_mut().zip(s.targets.as_slice()) {
            *r = y - s.bias;
        }
        for j in 0..d {
            subtract_scaled(residuals, s.weights[j], s.column(j));
        }

        // Loss, only where it is recorded: (1/n)·Σ r².
        if schedule.due(iteration) {
            recorder.record(iteration, (dot(residuals, residuals) / n).into_f64())?;
        }
        if iteration == config.iterations {
            break;
        }

        // Gradients: ∂L/∂w = −(2/n)·Xᵀr, ∂L/∂b = −(2/n)·Σr.
        for (j, g) in xt_r.iter_mut().enumerate() {
            *g = dot(s.column(j), residuals);
        }
        let sum_r = sum(residuals);

        // Update: w ← w − η·∂L/∂w, b ← b − η·∂L/∂b.
        for (w, &g) in s.weights.iter_mut().zip(&xt_r) {
            *w = *w - rate * (factor * g);
        }
        s.bias = s.bias - rate * (factor * sum_r);
    }
    Ok(())
}
