//! The vector loops of the manual trainer, written so that the compiler can vectorise them.
//!
//! Floating-point addition is not associative, so a compiler may not split one running sum into
//! SIMD lanes by itself. [`dot`] and [`sum`] keep eight independent partial sums instead, which
//! changes the rounding of a sum, not its value in exact arithmetic.
//!
//! The loops that call these kernels are compiled several times by `#[multiversion]`, for
//! AVX-512, AVX2 and the baseline SSE2, and the widest version the processor supports is chosen
//! at run time. Every version performs the same operations in the same order, and Rust
//! never fuses a multiplication and an addition on its own, so all of them give bit-identical
//! results: the width changes the speed, not the numbers.

use multiversion::multiversion;
use multiversion::target::selected_target;

use crate::real::Real;

/// Number of independent partial sums: one AVX-512 register of `f64`, two of AVX2.
const LANES: usize = 8;

/// Names the widest instruction set that the manual loops use on this processor: "AVX-512",
/// "AVX2" or "baseline" (SSE2 on x86-64, the target's default elsewhere).
pub fn vector_instructions() -> &'static str {
    match vector_level() {
        2 => "AVX-512",
        1 => "AVX2",
        _ => "baseline",
    }
}

/// Returns the version of a multiversioned loop that runs here: 2, 1 or 0 as in
/// [`vector_instructions`].
#[multiversion(targets("x86_64+avx512f+avx512vl+avx2+avx", "x86_64+avx2+avx"))]
fn vector_level() -> u8 {
    let target = selected_target!();
    if target.supports_feature_str("avx512f") {
        2
    } else if target.supports_feature_str("avx2") {
        1
    } else {
        0
    }
}

/// Returns `Σᵢ a[i]·b[i]`.
#[inline(always)]
pub(crate) fn dot<T: Real>(a: &[T], b: &[T]) -> T {
    let mut partial = [T::zero(); LANES];
    let (a_chunks, b_chunks) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let tail: T = a_chunks.remainder().iter().zip(b_chunks.remainder()).map(|(&x, &y)| x * y).sum();
    for (x, y) in a_chunks.zip(b_chunks) {
        for k in 0..LANES {
            partial[k] = partial[k] + x[k] * y[k];
        }
    }
    partial.iter().copied().sum::<T>() + tail
}

/// Returns `Σᵢ a[i]`.
#[inline(always)]
pub(crate) fn sum<T: Real>(a: &[T]) -> T {
    let mut partial = [T::zero(); LANES];
    let chunks = a.chunks_exact(LANES);
    let tail: T = chunks.remainder().iter().copied().sum();
    for x in chunks {
        for k in 0..LANES {
            partial[k] = partial[k] + x[k];
        }
    }
    partial.iter().copied().sum::<T>() + tail
}

/// Computes `y[i] ← y[i] − alpha·x[i]` for every `i`.
#[inline(always)]
pub(crate) fn subtract_scaled<T: Real>(y: &mut [T], alpha: T, x: &[T]) {
    for (y, &x) in y.iter_mut().zip(x) {
        *y = *y - alpha * x;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_and_sum_by_hand_with_remainder() {
        let a: Vec<f64> = (1..=11).map(f64::from).collect();
        let b = vec![2.0; 11];
        assert_eq!(dot(&a, &b), 132.0);
        assert_eq!(sum(&a), 66.0);
        let mut y = vec![1.0; 3];
        subtract_scaled(&mut y, 2.0, &[1.0, 2.0, 3.0]);
        assert_eq!(y, [-1.0, -3.0, -5.0]);
    }

    #[test]
    #[cfg(target_arch = "x86_64")]
    fn vector_level_follows_the_processor() {
        let expected =
            if is_x86_feature_detected!("avx512f") && is_x86_feature_detected!("avx512vl") {
                "AVX-512"
            } else if is_x86_feature_detected!("avx2") {
                "AVX2"
            } else {
                "baseline"
            };
        assert_eq!(vector_instructions(), expected);
    }
}
