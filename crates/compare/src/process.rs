//! Process-wide settings that make the frameworks fast, applied once at start-up.
//!
//! Two behaviours outside the trainer crates' control cost candle most of its time per
//! iteration (measured on a 2-core AMD EPYC, abalone-sized data, f64):
//!
//! - candle 0.11 looks up the thread count on every matrix product. Unless `RAYON_NUM_THREADS`
//!   is set, that count comes from parsing `/proc/cpuinfo`, three file reads per iteration
//!   (about 420 µs per iteration without it, 160 µs with it).
//! - candle's matmul backward allocates fresh [n, d] buffers each step. glibc's malloc returns
//!   the freed memory to the operating system and page-faults it back on the next step. The
//!   binary uses mimalloc as its global allocator, which keeps freed pages for reuse.

use std::num::NonZeroUsize;

/// Sets `RAYON_NUM_THREADS` to the number of available threads unless the user set it.
///
/// rayon, and candle through it, read the variable. The value is the one rayon would pick by
/// itself, so only the cost of looking it up changes.
#[allow(unsafe_code)]
pub fn configure_threads() {
    if std::env::var_os("RAYON_NUM_THREADS").is_some() {
        return;
    }
    let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    // SAFETY: called first thing in `main`, before this program starts any thread, so no other
    // thread can read the environment while it changes.
    unsafe { std::env::set_var("RAYON_NUM_THREADS", threads.to_string()) };
}
