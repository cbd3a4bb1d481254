//! The manifest: data, split, settings, versions and machine of a run, so it can be reproduced.

use serde::Serialize;

use crate::cli::{Cli, FormArg};
use crate::plural::counted;
use crate::run::Comparison;

/// The manifest of a run.
#[derive(Debug, Serialize)]
pub struct Manifest {
    /// The data file and its shape.
    pub data: DataManifest,
    /// The split and the row indices of each part.
    pub split: SplitManifest,
    /// Hyperparameters shared by the trainers.
    pub training: TrainingManifest,
    /// Versions of this tool, the frameworks and the compiler.
    pub versions: Versions,
    /// The machine the timings come from.
    pub machine: Machine,
    /// UTC time of the run, RFC 3339.
    pub date: String,
}

/// The data file and its shape.
#[derive(Debug, Serialize)]
pub struct DataManifest {
    /// Path as given or found.
    pub path: String,
    /// SHA-256 of the file, lowercase hex.
    pub sha256: String,
    /// True if and only if the file is the published UCI abalone data.
    pub is_abalone: bool,
    /// Data rows (blank lines and the header excluded).
    pub rows: usize,
    /// 1-based lines of rows left out for a missing value (`--missing drop`).
    pub dropped_lines: Vec<u64>,
    /// Held-out categories that training never saw, encoded as all zeros.
    pub unseen_categories: Vec<String>,
    /// The target column.
    pub target: String,
    /// Feature names after one-hot encoding, in weight order.
    pub features: Vec<String>,
}

/// The split and the row indices of each part.
#[derive(Debug, Serialize)]
pub struct SplitManifest {
    /// Seed of the shuffle.
    pub seed: u64,
    /// Fraction of rows held out for validation.
    pub validation_fraction: f64,
    /// Fraction of rows held out for test.
    pub test_fraction: f64,
    /// 0-based indices of the training rows among the data rows, in training order.
    pub train: Vec<usize>,
    /// 0-based indices of the validation rows.
    pub val: Vec<usize>,
    /// 0-based indices of the test rows.
    pub test: Vec<usize>,
}

/// Hyperparameters shared by the trainers.
#[derive(Debug, Serialize)]
pub struct TrainingManifest {
    /// Step size of each update.
    pub learning_rate: f64,
    /// Full-batch updates per run.
    pub iterations: usize,
    /// Loss recording interval, in iterations.
    pub record_every: usize,
    /// "f64" or "f32".
    pub precision: String,
    /// "zeros" or "framework".
    pub initialization: String,
    /// The manual trainer's gradient form.
    pub manual_form: String,
    /// Scalings run, in order.
    pub scalings: Vec<String>,
    /// Trainers run, in order.
    pub trainers: Vec<String>,
}

/// Versions of this tool, the frameworks and the compiler.
#[derive(Debug, Serialize)]
pub struct Versions {
    /// This binary.
    pub compare: String,
    /// burn, as locked in Cargo.lock.
    pub burn: String,
    /// candle-core, as locked in Cargo.lock.
    pub candle: String,
    /// The compiler that built this binary.
    pub rustc: String,
}

/// The machine the timings come from.
#[derive(Debug, Serialize)]
pub struct Machine {
    /// CPU model name, from /proc/cpuinfo where available.
    pub cpu: String,
    /// Threads available to this process.
    pub threads: usize,
    /// Operating system and architecture.
    pub os: String,
    /// Widest instruction set the manual trainer's loops ran with; its results do not depend on
    /// it.
    pub manual_simd: String,
}

/// Describes the run of `comparison` as selected by `cli`.
pub fn manifest(cli: &Cli, comparison: &Comparison) -> Manifest {
    let data = &comparison.dataset;
    let config = &comparison.config;
    Manifest {
        data: DataManifest {
            path: comparison.source.path.display().to_string(),
            sha256: comparison.source.sha256.clone(),
            is_abalone: comparison.source.is_abalone,
            rows: comparison.source.table.rows(),
            dropped_lines: comparison.source.table.dropped_lines.clone(),
            unseen_categories: data
                .unseen_categories
                .iter()
                .map(|u| {
                    format!(
                        "{}={} in {}",
                        u.column,
                        u.value,
                        counted(u.rows, &format!("{} row", u.split))
                    )
                })
                .collect(),
            target: data.target_name.clone(),
            features: data.feature_names.clone(),
        },
        split: SplitManifest {
            seed: cli.data.seed,
            validation_fraction: cli.data.val_fraction,
            test_fraction: cli.data.test_fraction,
            train: data.train.rows.clone(),
            val: data.validation.rows.clone(),
            test: data.test.rows.clone(),
        },
        training: TrainingManifest {
            learning_rate: config.learning_rate,
            iterations: config.iterations,
            record_every: config.record_every,
            precision: config.precision.to_string(),
            initialization: match config.initialization {
                linreg::Initialization::Zeros => "zeros".into(),
                linreg::Initialization::FrameworkDefault { seed } => {
                    format!("framework (seed {seed})")
                }
            },
            manual_form: match cli.training.manual_form {
                FormArg::TwoPass => "two-pass",
                FormArg::Fused => "fused",
                FormArg::Gram => "gram",
            }
            .into(),
            scalings: comparison.runs.iter().map(|r| r.scaling.name().to_owned()).collect(),
            trainers: comparison.trainer_names.iter().map(|t| (*t).to_owned()).collect(),
        },
        versions: Versions {
            compare: env!("CARGO_PKG_VERSION").into(),
            burn: env!("COMPARE_BURN_VERSION").into(),
            candle: env!("COMPARE_CANDLE_VERSION").into(),
            rustc: env!("COMPARE_RUSTC_VERSION").into(),
        },
        machine: Machine {
            cpu: cpu_model(),
            threads: std::thread::available_parallelism().map_or(1, usize::from),
            os: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
            manual_simd: manual::vector_instructions().to_owned(),
        },
        date: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
    }
}

/// Reads the CPU model name from /proc/cpuinfo, or "unknown" elsewhere.
fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}
