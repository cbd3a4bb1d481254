//! How does the time per iteration grow with the number of rows and of features?

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const ROWS: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];
const FEATURES: [usize; 3] = [10, 100, 1_000];

fn rows(c: &mut Criterion) {
    benches::configure_threads();
    let mut group = c.benchmark_group("scaling_rows");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for n in ROWS {
        let (x, y) = benches::random_rows(n, 10, 7);
        group.throughput(Throughput::Elements((n * 10) as u64));
        for (label, trainer, precision) in benches::trainers() {
            group.bench_function(BenchmarkId::new(label, format!("{n}x10")), |b| {
                b.iter_custom(|iterations| {
                    benches::iterations_time(trainer.as_ref(), &x, &y, precision, iterations)
                });
            });
        }
    }
    group.finish();
}

fn features(c: &mut Criterion) {
    benches::configure_threads();
    let mut group = c.benchmark_group("scaling_features");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for d in FEATURES {
        let (x, y) = benches::random_rows(10_000, d, 11);
        group.throughput(Throughput::Elements((10_000 * d) as u64));
        for (label, trainer, precision) in benches::trainers() {
            // The Gram form's one-off XᵀX costs n·d² = 10¹⁰ multiply-adds at d = 1000, several
            // seconds per run outside the timed loop, which would make this group take minutes.
            if label.starts_with("manual gram") && d > 100 {
                continue;
            }
            group.bench_function(BenchmarkId::new(label, format!("10000x{d}")), |b| {
                b.iter_custom(|iterations| {
                    benches::iterations_time(trainer.as_ref(), &x, &y, precision, iterations)
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, rows, features);
criterion_main!(benches);
