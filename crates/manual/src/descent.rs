//! The hand-written full-batch gradient-descent loop.

use std::time::Instant;

use crate::aligned::{Aligned, per_line};
use crate::fused::run_fused;
use crate::gram::{GramSums, run_gram};
use crate::real::Real;
use crate::two_pass::run_two_pass;
use linreg::train::{LossObserver, LossRecorder, check_data, uniform_initialization};
use linreg::{FitResult, Initialization, Matrix, Precision, TrainConfig, TrainError, Trainer};

/// Evaluation method of `Xᵀ·r` in [`ManualTrainer`]. All three give the same iterates up
/// to rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GradientForm {
    /// Residuals in one pass over the data, `Xᵀ·r` in a second: the textbook form, O(n·d).
    #[default]
    TwoPass,
    /// Residuals and `Xᵀ·r` for one block of rows at a time, while the block is in cache: one
    /// pass over the data, O(n·d), with half the memory traffic.
    Fused,
    /// `A = [X 1]ᵀ[X 1]`, `c = [X 1]ᵀy` and `Σy²` computed once, after which
    /// `[X 1]ᵀr = c − A·(w, b)` costs O(d²) per iteration, independent of `n`. The loss from
    /// these sums, `(Σy² − 2·θ·c + θᵀAθ)/n`, subtracts large terms, so near the optimum its
    /// recorded values carry more rounding than the other forms'.
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
///
/// The features are stored column by column, so that the loops over rows read contiguous memory
/// and the compiler can use SIMD lanes. Column `j` starts at `j·stride`, with `stride` the row
/// count rounded up to whole cache lines, so every column starts a cache line.
pub(crate) struct State<T> {
    pub(crate) columns: Aligned<T>,
    pub(crate) stride: usize,
    pub(crate) targets: Aligned<T>,
    pub(crate) n: usize,
    pub(crate) weights: Vec<T>,
    pub(crate) bias: T,
}

impl<T: Real> State<T> {
    /// Returns feature column `j`.
    pub(crate) fn column(&self, j: usize) -> &[T] {
        &self.columns.as_slice()[j * self.stride..j * self.stride + self.n]
    }
}

/// The iterations whose loss is recorded, advanced without a division per iteration.
pub(crate) struct RecordSchedule {
    next: usize,
    every: usize,
    last: usize,
}

impl RecordSchedule {
    pub(crate) fn new(config: &TrainConfig) -> Self {
        Self { next: 0, every: config.record_every, last: config.iterations }
    }

    /// True if and only if the loss after `iteration` updates is recorded; must be called with
    /// 0, 1, 2, … in turn. Agrees with [`TrainConfig::records`].
    pub(crate) fn due(&mut self, iteration: usize) -> bool {
        if iteration == self.next {
            self.next += self.every;
            return true;
        }
        iteration == self.last
    }
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
    let (n, d) = (features.rows(), features.cols());
    let stride = n.div_ceil(per_line::<T>()) * per_line::<T>();
    let mut columns = Aligned::zeros(stride * d);
    for (j, column) in columns.as_mut_slice().chunks_exact_mut(stride).enumerate() {
        for (value, row) in column.iter_mut().zip(features.row_iter()) {
            *value = T::from_f64_rounded(row[j]);
        }
    }
    let mut state = State {
        columns,
        stride,
        targets: aligned_copy(targets),
        n,
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

/// Copies `values` into a cache-line-aligned buffer in precision `T`.
fn aligned_copy<T: Real>(values: &[f64]) -> Aligned<T> {
    let mut copy = Aligned::zeros(values.len());
    for (to, &from) in copy.as_mut_slice().iter_mut().zip(values) {
        *to = T::from_f64_rounded(from);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_schedule_matches_config() {
        let config = TrainConfig { iterations: 1_050, record_every: 100, ..TrainConfig::default() };
        let mut schedule = RecordSchedule::new(&config);
        for iteration in 0..=config.iterations {
            assert_eq!(schedule.due(iteration), config.records(iteration), "iteration {iteration}");
        }
    }
}
