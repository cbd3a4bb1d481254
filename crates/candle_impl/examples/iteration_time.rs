//! Prints the time per training iteration of the candle trainer on 2507 × 10 training rows, in
//! f64 and f32. Timings depend on the machine and its load, so nothing is asserted.
//!
//! ```text
//! cargo run -p candle_impl --release --example iteration_time -- [--generated] [ITERATIONS]
//! ```
//!
//! By default the rows are the abalone training split. `--generated` trains on generated rows
//! of the same size without reading any file, which leaves the process heap nearly empty: that
//! is where glibc's habit of returning freed memory to the operating system shows (see the
//! crate documentation). Training runs on the main thread, whose heap the test harness's worker
//! threads do not use.

use std::path::PathBuf;
use std::process::ExitCode;

use candle_impl::CandleTrainer;
use linreg::{Matrix, Precision, TrainConfig, Trainer, abalone};

// The generated data has the shape of the abalone training split.
const ROWS: usize = 2507;
const COLUMNS: usize = 10;

fn main() -> ExitCode {
    let mut generated = false;
    let mut iterations = 5_000;
    for argument in std::env::args().skip(1) {
        if argument == "--generated" {
            generated = true;
            continue;
        }
        match argument.parse::<usize>() {
            Ok(count) if count > 0 => iterations = count,
            _ => {
                eprintln!(
                    "invalid argument {argument:?}: \
                     expected --generated or an iteration count above 0"
                );
                return ExitCode::from(2);
            }
        }
    }

    let (x, y) = if generated {
        generated_rows()
    } else {
        let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/abalone.data"));
        match abalone::default_dataset(&path) {
            Ok(data) => (data.train.features, data.train.targets),
            Err(error) => {
                eprintln!(
                    "cannot prepare {}: {error}; copy abalone.data there (see data/README.md)",
                    path.display()
                );
                return ExitCode::FAILURE;
            }
        }
    };

    let source = if generated { "generated" } else { "abalone" };
    for precision in [Precision::F64, Precision::F32] {
        let config = TrainConfig { iterations, precision, ..TrainConfig::default() };
        let mut runs = Vec::new();
        // The first run warms up caches, the allocator and the thread pools, and is not counted.
        for _ in 0..4 {
            match CandleTrainer.fit(&x, &y, &config) {
                Ok(fit) => runs.push(fit.train_time.as_secs_f64() * 1e6 / iterations as f64),
                Err(error) => {
                    eprintln!("training failed: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
        let mut counted = runs.split_off(1);
        counted.sort_by(f64::total_cmp);
        println!(
            "candle {precision}, {source} {} × {}: {:.1} µs per iteration \
             (median of 3 runs of {iterations} iterations)",
            x.rows(),
            x.cols(),
            counted[1]
        );
    }
    ExitCode::SUCCESS
}

/// Returns features in `[0, 1)` from a fixed integer pattern and targets `y = Σⱼ xⱼ`, so that
/// training at the default learning rate stays finite.
fn generated_rows() -> (Matrix, Vec<f64>) {
    let values: Vec<f64> =
        (0..ROWS * COLUMNS).map(|k| ((k * 7919) % 1000) as f64 / 1000.0).collect();
    let features = Matrix::from_row_major(ROWS, COLUMNS, values);
    let targets = features.row_iter().map(|row| row.iter().sum()).collect();
    (features, targets)
}
