//! How long does a whole 1 000-iteration training run take, setup included, per trainer?

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use linreg::TrainConfig;

const ITERATIONS: usize = 1_000;

fn fit(c: &mut Criterion) {
    benches::configure_threads();
    let (x, y) = benches::abalone_training_rows();
    let mut group = c.benchmark_group("fit");
    // A run takes up to about half a second, so ten samples keep the group near a minute.
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    for (label, trainer, precision) in benches::trainers() {
        let config = TrainConfig { iterations: ITERATIONS, precision, ..TrainConfig::default() };
        group.bench_function(BenchmarkId::new(label, ITERATIONS), |b| {
            b.iter(|| black_box(trainer.fit(black_box(&x), black_box(&y), &config)));
        });
    }
    group.finish();
}

criterion_group!(benches, fit);
criterion_main!(benches);
