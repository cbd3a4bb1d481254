//! The float types the hand-written loops run in.

use std::iter::Sum;

use num_traits::Float;

/// The float operations the loop needs; implemented by `f32` and `f64`.
pub(crate) trait Real: Float + Sum + Copy {
    /// Converts from `f64`, rounding to the nearest value of this type.
    fn from_f64_rounded(value: f64) -> Self;
    /// Converts to `f64` exactly.
    fn into_f64(self) -> f64;
}

impl Real for f32 {
    fn from_f64_rounded(value: f64) -> Self {
        value as f32
    }
    fn into_f64(self) -> f64 {
        f64::from(self)
    }
}

impl Real for f64 {
    fn from_f64_rounded(value: f64) -> Self {
        value
    }
    fn into_f64(self) -> f64 {
        self
    }
}
