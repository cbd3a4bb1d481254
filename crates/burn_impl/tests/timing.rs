//! Time per iteration on the abalone training rows, printed rather than asserted because the
//! figure depends on the machine. Run it in release mode:
//!
//! ```text
//! cargo test --release -p burn_impl --test timing -- --ignored --nocapture
//! ```

use std::path::PathBuf;

use burn_impl::BurnTrainer;
use linreg::{Precision, TrainConfig, Trainer, abalone};

#[test]
#[ignore = "prints timings; run in release mode with --ignored --nocapture"]
fn time_per_iteration_on_abalone() {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/abalone.data"));
    assert!(
        path.exists(),
        "{} is missing: copy abalone.data there (see data/README.md)",
        path.display()
    );
    let data = abalone::default_dataset(&path).expect("abalone prepares");
    let (x, y) = (&data.train.features, &data.train.targets);

    for precision in [Precision::F64, Precision::F32] {
        let config = TrainConfig {
            precision,
            iterations: 5_000,
            record_every: 1_000,
            ..TrainConfig::default()
        };
        // A first run warms up caches and the allocator. The best of the three runs after it
        // is kept.
        BurnTrainer.fit(x, y, &config).expect("trains");
        let mut best = f64::INFINITY;
        for _ in 0..3 {
            let fit = BurnTrainer.fit(x, y, &config).expect("trains");
            best = best.min(fit.train_time.as_secs_f64() / config.iterations as f64);
        }
        println!(
            "{} × {} rows, {precision}: {:.1} µs per iteration",
            x.rows(),
            x.cols(),
            best * 1e6
        );
    }
}
