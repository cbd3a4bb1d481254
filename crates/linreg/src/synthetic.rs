//! The synthetic check: data with known weights, to prove a trainer recovers them.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use crate::matrix::Matrix;

/// The weights that generate [`synthetic`] targets.
pub const TRUE_WEIGHTS: [f64; 4] = [2.0, 3.0, 5.0, 7.0];
/// The bias that generates [`synthetic`] targets.
pub const TRUE_BIAS: f64 = 4.0;

/// Returns `n` rows of four integer features drawn uniformly from `0..=9`, and the noise-free
/// targets `y = 2·x₀ + 3·x₁ + 5·x₂ + 7·x₃ + 4`.
pub fn synthetic(n: usize, seed: u64) -> (Matrix, Vec<f64>) {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let mut rng = ChaCha8Rng::from_seed(key);

    let mut features = Vec::with_capacity(n * TRUE_WEIGHTS.len());
    let mut targets = Vec::with_capacity(n);
    for _ in 0..n {
        let row: Vec<f64> = (0..TRUE_WEIGHTS.len()).map(|_| digit(&mut rng)).collect();
        targets.push(row.iter().zip(TRUE_WEIGHTS).map(|(x, w)| x * w).sum::<f64>() + TRUE_BIAS);
        features.extend(row);
    }
    (Matrix::from_row_major(n, TRUE_WEIGHTS.len(), features), targets)
}

/// Draws a uniform digit. 2³² is not a multiple of 10, so the top stretch of outputs is rejected.
fn digit(rng: &mut ChaCha8Rng) -> f64 {
    const ZONE: u32 = u32::MAX - u32::MAX % 10;
    loop {
        let x = rng.next_u32();
        if x < ZONE {
            return f64::from(x % 10);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_follow_the_true_model() {
        let (x, y) = synthetic(200, 1);
        assert_eq!((x.rows(), x.cols()), (200, 4));
        assert!(x.as_slice().iter().all(|v| (0.0..=9.0).contains(v) && v.fract() == 0.0));
        assert_eq!(x.predict(&TRUE_WEIGHTS, TRUE_BIAS), y);
        // 800 draws from ten digits: every digit appears.
        assert!((0..10).all(|d| x.as_slice().contains(&f64::from(d))));
    }
}
