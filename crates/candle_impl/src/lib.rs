//! Linear regression trained through candle 0.11: its `Linear` layer, `mse` loss, autodiff and
//! SGD optimizer, on the CPU.
//!
//! The model is `ŷ = X·Wᵀ + b` with `X` of shape `[n, d]`, the weight `W` of shape `[1, d]` and
//! the bias `b` of shape `[1]`, so the predictions and the targets are `[n, 1]`. The loss is
//! `L = (1/n)·Σᵢ (ŷᵢ − yᵢ)²`; candle's backward pass yields `∂L/∂W = (2/n)·(ŷ − y)ᵀ·X` and
//! `∂L/∂b = (2/n)·Σᵢ (ŷᵢ − yᵢ)`, and SGD applies `W ← W − η·∂L/∂W`, `b ← b − η·∂L/∂b`.
//!
//! [`CandleTrainer`] runs that loop. Its [`GradientProbe`](linreg::train::GradientProbe)
//! implementation evaluates the loss and its gradient at any point, to check candle's autodiff
//! against the hand-derived formula.
//!
//! # Performance
//!
//! Two costs inside candle-core 0.11.1 dominate an iteration on abalone-sized data (2507 × 10),
//! and both are settings of the whole process, which this library leaves to the program:
//!
//! - Every matrix product calls `candle_core::utils::get_num_threads`. Unless the environment
//!   sets `RAYON_NUM_THREADS`, that call counts the physical cores by parsing `/proc/cpuinfo`
//!   (`num_cpus::get_physical`), and an iteration makes three products. candle has no setter,
//!   and `std::env::set_var` is only sound before a program starts threads, which a library
//!   cannot know, so the program sets the variable: `compare` and the benchmarks set it at
//!   start-up to the available thread count. Its value does not matter for this size,
//!   because gemm 0.19 runs products below 48·48·256 multiply-adds on one thread. The variable
//!   also sets the size of rayon's global thread pool for all other code in the process.
//! - The backward pass of a matrix product computes the gradient of both operands, so each
//!   step also allocates three `[n, d]` buffers (200 KB each in f64) for the gradient of the
//!   features, which nothing uses. When glibc finds enough free memory at the top of its heap
//!   after a step, it returns it to the operating system, and the next step page-faults it
//!   back. Whether this happens depends on what the process allocated earlier, and it even
//!   varied between two identical runs on abalone. `compare` and the benchmarks use mimalloc
//!   as their global allocator, which keeps freed pages for reuse. Under glibc, starting the
//!   program with
//!   `GLIBC_TUNABLES=glibc.malloc.trim_threshold=67108864:glibc.malloc.mmap_threshold=16777216`
//!   keeps that memory in the heap. Setting only the trim threshold made it slower (about
//!   265 µs in f64, with `RAYON_NUM_THREADS` set). Setting either threshold stops glibc from
//!   raising the mmap threshold by itself (mallopt(3)), so the 200 KB buffers then come from
//!   `mmap` at every step.
//!
//! `cargo run -p candle_impl --release --example iteration_time -- --generated` measured these
//! times per iteration on an otherwise idle 2-core AMD EPYC virtual machine, in two runs of
//! each setting:
//!
//! | setting                                   | f64           | f32           |
//! |-------------------------------------------|---------------|---------------|
//! | neither                                   | 420 µs        | 130 to 140 µs |
//! | `RAYON_NUM_THREADS=2`                     | 160 to 165 µs | 43 to 44 µs   |
//! | `RAYON_NUM_THREADS=2` and both thresholds | 54 to 55 µs   | 45 to 46 µs   |

mod convert;
mod gradient;
mod loss;
mod model;
mod trainer;

pub use trainer::CandleTrainer;
