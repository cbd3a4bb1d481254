//! Inputs and trainer lists shared by the criterion benchmarks in `benches/`.
//!
//! Every benchmark times the trainers through the public [`Trainer`] API. Per-iteration
//! figures come from [`iterations_time`]. It trains for exactly the number of iterations that
//! criterion requests and returns the trainer's own timing of its loop, so converting the data
//! into each framework's tensors is not counted.

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Duration;

use linreg::{Matrix, Precision, TrainConfig, Trainer};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

/// The allocator of `compare`, so the benchmarks measure what users run: mimalloc keeps freed
/// pages for reuse, where glibc's malloc returns candle's per-step buffers to the operating
/// system and page-faults them back.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Sets `RAYON_NUM_THREADS` to the number of available threads unless it is set, as `compare`
/// does: without it candle 0.11 parses `/proc/cpuinfo` on every matrix product. Call it first
/// in each benchmark function.
#[allow(unsafe_code)]
pub fn configure_threads() {
    if std::env::var_os("RAYON_NUM_THREADS").is_some() {
        return;
    }
    let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    // SAFETY: criterion runs the benchmark functions on the main thread, and neither criterion
    // (built without its rayon feature) nor these benchmarks have started another thread when
    // this runs, so nothing reads the environment concurrently.
    unsafe { std::env::set_var("RAYON_NUM_THREADS", threads.to_string()) };
}

/// Returns every trainer configuration the benchmarks compare, with its label.
pub fn trainers() -> Vec<(&'static str, Box<dyn Trainer>, Precision)> {
    use manual::{GradientForm, ManualTrainer};
    vec![
        (
            "manual two-pass f64",
            Box::new(ManualTrainer { form: GradientForm::TwoPass }),
            Precision::F64,
        ),
        ("manual fused f64", Box::new(ManualTrainer { form: GradientForm::Fused }), Precision::F64),
        ("manual gram f64", Box::new(ManualTrainer { form: GradientForm::Gram }), Precision::F64),
        ("burn f64", Box::new(burn_impl::BurnTrainer), Precision::F64),
        ("burn f32", Box::new(burn_impl::BurnTrainer), Precision::F32),
        ("candle f64", Box::new(candle_impl::CandleTrainer), Precision::F64),
        ("candle f32", Box::new(candle_impl::CandleTrainer), Precision::F32),
    ]
}

/// Returns the standardised abalone training rows (2507 × 10) and their targets.
///
/// # Panics
/// If `data/abalone.data` is missing or invalid: benchmarks without their data are meaningless.
pub fn abalone_training_rows() -> (Matrix, Vec<f64>) {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/abalone.data"));
    let data = linreg::abalone::default_dataset(&path).unwrap_or_else(|e| {
        panic!("{e}; copy abalone.data to data/ before running the benchmarks")
    });
    let (scaled, _) = data.standardized();
    (scaled.train.features, scaled.train.targets)
}

/// Returns `rows × features` values drawn uniformly from [−1, 1) and targets from a fixed
/// linear model, so the cost of a step does not depend on the values.
pub fn random_rows(rows: usize, features: usize, seed: u64) -> (Matrix, Vec<f64>) {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let mut rng = ChaCha8Rng::from_seed(key);
    let mut uniform = || (rng.next_u64() >> 11) as f64 / (1u64 << 52) as f64 - 1.0;
    let values: Vec<f64> = (0..rows * features).map(|_| uniform()).collect();
    let x = Matrix::from_row_major(rows, features, values);
    let weights: Vec<f64> = (0..features).map(|j| 1.0 / (j + 1) as f64).collect();
    let y = x.predict(&weights, 0.5);
    (x, y)
}

/// Trains for exactly `iterations` iterations and returns the time of the training loop.
///
/// The loss is recorded only at the start and the end, as it would be with a large
/// `record_every`, so reading it back costs nothing measurable.
///
/// # Panics
/// If training fails: a benchmark of a failing run measures nothing.
pub fn iterations_time(
    trainer: &dyn Trainer,
    x: &Matrix,
    y: &[f64],
    precision: Precision,
    iterations: u64,
) -> Duration {
    let iterations = usize::try_from(iterations.max(1)).unwrap_or(usize::MAX);
    // A rate far below the stability limit of any benchmark input, so no run diverges.
    let config = TrainConfig {
        learning_rate: 1e-3,
        iterations,
        record_every: iterations,
        precision,
        ..TrainConfig::default()
    };
    trainer
        .fit(x, y, &config)
        .unwrap_or_else(|e| panic!("{} failed: {e}", trainer.name()))
        .train_time
}
