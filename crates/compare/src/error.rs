//! Exit codes: 0 success, 2 invalid input data or options, 1 any other failure.

use linreg::{DataError, TrainError};

/// An invalid command-line option that clap's own checks do not catch.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Exit code for invalid input data or options.
pub const EXIT_INVALID_INPUT: u8 = 2;
/// Exit code for any other failure.
pub const EXIT_FAILURE: u8 = 1;

/// Maps an error to its exit code by the first typed error in its chain.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    for cause in error.chain() {
        if cause.is::<UsageError>() {
            return EXIT_INVALID_INPUT;
        }
        if let Some(data) = cause.downcast_ref::<DataError>() {
            return match data {
                // A failed download is not a fault of the data or the options.
                DataError::Download { .. } => EXIT_FAILURE,
                _ => EXIT_INVALID_INPUT,
            };
        }
        if let Some(train) = cause.downcast_ref::<TrainError>() {
            return match train {
                // Divergence comes from the learning rate chosen for this data.
                TrainError::InvalidConfig { .. }
                | TrainError::InvalidData { .. }
                | TrainError::Diverged { .. } => EXIT_INVALID_INPUT,
                TrainError::Framework { .. } => EXIT_FAILURE,
            };
        }
    }
    EXIT_FAILURE
}
