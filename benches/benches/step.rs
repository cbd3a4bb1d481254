//! How long does one full-batch iteration take at abalone size (2507 × 10), per trainer?

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn step(c: &mut Criterion) {
    benches::configure_threads();
    let (x, y) = benches::abalone_training_rows();
    let mut group = c.benchmark_group("step");
    group.throughput(Throughput::Elements(x.rows() as u64));
    for (label, trainer, precision) in benches::trainers() {
        group.bench_function(BenchmarkId::new(label, "2507x10"), |b| {
            b.iter_custom(|iterations| {
                benches::iterations_time(trainer.as_ref(), &x, &y, precision, iterations)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, step);
criterion_main!(benches);
