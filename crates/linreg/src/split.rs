//! The seeded train/validation/test split.
//!
//! The rows are shuffled by a Fisher–Yates loop written here over a ChaCha8 generator whose
//! crate is pinned to an exact version. ChaCha is specified bit for bit, and the loop draws
//! indices by rejection sampling from raw 64-bit outputs, so one seed gives one split on every
//! platform, independent of any `rand` convenience method whose algorithm may change.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use crate::error::DataError;

/// The fractions of the rows held out for validation and test; training gets the rest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SplitFractions {
    /// Fraction of rows for validation, in `[0, 1)`. Zero gives a train/test split.
    pub validation: f64,
    /// Fraction of rows for test, in `(0, 1)`.
    pub test: f64,
}

impl Default for SplitFractions {
    /// 60/20/20 train/validation/test.
    fn default() -> Self {
        Self { validation: 0.2, test: 0.2 }
    }
}

impl SplitFractions {
    /// Returns the 80/20 train/test split, without validation rows.
    pub fn train_test() -> Self {
        Self { validation: 0.0, test: 0.2 }
    }

    /// Computes the sizes `(train, validation, test)` for `n` rows: test = ⌊n·test⌋, validation =
    /// ⌊n·(test + validation)⌋ − test, train = the rest.
    ///
    /// # Errors
    /// [`DataError::InvalidSplit`] if a fraction is outside its range, the fractions leave no
    /// training fraction, or a part with a positive fraction, or training, would get fewer
    /// rows than it needs (one for validation and test, two for training).
    pub fn sizes(&self, n: usize) -> Result<(usize, usize, usize), DataError> {
        let invalid = |reason: String| Err(DataError::InvalidSplit { reason });
        if !(self.test > 0.0 && self.test < 1.0) {
            return invalid(format!("test fraction {} must be above 0 and below 1", self.test));
        }
        if !(self.validation >= 0.0 && self.validation < 1.0) {
            return invalid(format!(
                "validation fraction {} must be at least 0 and below 1",
                self.validation
            ));
        }
        if self.test + self.validation >= 1.0 {
            return invalid(format!(
                "test {} + validation {} leaves no rows for training; keep the sum below 1",
                self.test, self.validation
            ));
        }

        // The products are exact enough: n is far below 2^52, and floor() is what is specified.
        let test = (n as f64 * self.test).floor() as usize;
        let validation = (n as f64 * (self.test + self.validation)).floor() as usize - test;
        let train = n - test - validation;
        if test == 0 || (self.validation > 0.0 && validation == 0) || train < 2 {
            return invalid(format!(
                "{n} rows give {train} training, {validation} validation and {test} test rows; \
                 every part needs rows (training at least 2): use more data or other fractions"
            ));
        }
        Ok((train, validation, test))
    }
}

/// A partition of the row indices `0..n` into three parts, each in shuffled order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Indices of the training rows.
    pub train: Vec<usize>,
    /// Indices of the validation rows (empty for a train/test split).
    pub validation: Vec<usize>,
    /// Indices of the test rows.
    pub test: Vec<usize>,
}

impl Split {
    /// Shuffles `0..n` with `seed` and cuts the permutation into test, validation and training
    /// rows, in that order.
    ///
    /// # Errors
    /// As [`SplitFractions::sizes`].
    pub fn new(n: usize, fractions: SplitFractions, seed: u64) -> Result<Self, DataError> {
        let (_, validation, test) = fractions.sizes(n)?;
        let order = shuffled_indices(n, seed);
        Ok(Self {
            test: order[..test].to_vec(),
            validation: order[test..test + validation].to_vec(),
            train: order[test + validation..].to_vec(),
        })
    }
}

/// Returns a permutation of `0..n` drawn by Fisher–Yates from ChaCha8 seeded with `seed`.
///
/// The 32-byte key is the seed in little-endian order followed by zeros, so the mapping from
/// seed to stream does not depend on `SeedableRng::seed_from_u64`'s expansion.
pub fn shuffled_indices(n: usize, seed: u64) -> Vec<usize> {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let mut rng = ChaCha8Rng::from_seed(key);

    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = uniform_below(&mut rng, i as u64 + 1) as usize;
        order.swap(i, j);
    }
    order
}

/// Draws a uniform integer in `0..bound` by rejecting the top, incomplete stretch of `u64`.
fn uniform_below(rng: &mut ChaCha8Rng, bound: u64) -> u64 {
    let zone = u64::MAX - u64::MAX % bound;
    loop {
        let x = rng.next_u64();
        if x < zone {
            return x % bound;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abalone_sizes_for_default_fractions() {
        assert_eq!(SplitFractions::default().sizes(4177).expect("valid"), (2507, 835, 835));
        assert_eq!(SplitFractions::train_test().sizes(4177).expect("valid"), (3342, 0, 835));
    }

    #[test]
    fn split_is_partition_of_all_rows() {
        let split = Split::new(4177, SplitFractions::default(), 42).expect("valid");
        assert_eq!((split.train.len(), split.validation.len(), split.test.len()), (2507, 835, 835));
        let mut seen: Vec<usize> =
            split.train.iter().chain(&split.validation).chain(&split.test).copied().collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..4177).collect::<Vec<_>>());
    }

    #[test]
    fn same_seed_same_split_other_seed_other_split() {
        let a = Split::new(100, SplitFractions::default(), 42).expect("valid");
        let b = Split::new(100, SplitFractions::default(), 42).expect("valid");
        let c = Split::new(100, SplitFractions::default(), 43).expect("valid");
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    /// Guards the value stability of the split. These indices were recorded from the first run
    /// of this implementation. A change means that the RNG crate, the key layout or the loop
    /// changed, and every published split with it.
    #[test]
    fn golden_indices_for_ten_rows() {
        let split = Split::new(10, SplitFractions::default(), 42).expect("valid");
        assert_eq!(split.test, GOLDEN_TEST);
        assert_eq!(split.validation, GOLDEN_VALIDATION);
        assert_eq!(split.train, GOLDEN_TRAIN);
    }
    const GOLDEN_TEST: [usize; 2] = [2, 1];
    const GOLDEN_VALIDATION: [usize; 2] = [4, 3];
    const GOLDEN_TRAIN: [usize; 6] = [7, 0, 5, 8, 6, 9];

    #[test]
    fn uniform_below_covers_range_evenly() {
        let mut rng = ChaCha8Rng::from_seed([7; 32]);
        let mut counts = [0usize; 6];
        for _ in 0..60_000 {
            counts[uniform_below(&mut rng, 6) as usize] += 1;
        }
        // Each count is Binomial(60 000, 1/6): mean 10 000, standard deviation about 91.
        for count in counts {
            assert!((9_500..=10_500).contains(&count), "{counts:?}");
        }
    }

    #[test]
    fn fractions_that_leave_no_training_rows_are_rejected() {
        let fractions = SplitFractions { validation: 0.5, test: 0.5 };
        assert!(matches!(fractions.sizes(100), Err(DataError::InvalidSplit { .. })));
        let tiny = SplitFractions::default().sizes(3);
        assert!(matches!(tiny, Err(DataError::InvalidSplit { .. })), "{tiny:?}");
    }
}
