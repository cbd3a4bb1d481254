//! Exit codes: 0 success, 2 invalid input data or options, 1 any other failure.

use linreg::{DataError, TrainError};

/// An invalid command-line option that clap's own checks do not catch.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Training diverged: the learning rate is too large for the data.
#[derive(Debug, thiserror::Error)]
#[error(
    "{label}: training diverged at iteration {iteration} (loss {loss}) with learning rate \
     {learning_rate}; the largest stable learning rate for these features is {limit:.4} \
     (2/λmax of the loss Hessian), so use a smaller --learning-rate{}",
    if *suggest_standardizing { " or --scaling standardized" } else { "" }
)]
pub struct DivergedError {
    /// The trainer and scaling, such as "burn on raw features".
    pub label: String,
    /// The learning rate in use.
    pub learning_rate: f64,
    /// The first recorded iteration with a non-finite loss.
    pub iteration: usize,
    /// That loss.
    pub loss: f64,
    /// 2/λmax of the loss Hessian of the training features.
    pub limit: f64,
    /// True if and only if standardising the features is open to the user (raw features of a
    /// data file).
    pub suggest_standardizing: bool,
}

/// Exit code for invalid input data or options.
pub const EXIT_INVALID_INPUT: u8 = 2;
/// Exit code for any other failure.
pub const EXIT_FAILURE: u8 = 1;

/// Maps an error to its exit code by the first typed error in its chain.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    for cause in error.chain() {
        if cause.is::<UsageError>() || cause.is::<DivergedError>() {
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

/// Joins the messages of an error chain with ": ", leaving out a cause whose text the message
/// before it already contains (the data errors quote their I/O cause themselves).
pub fn describe(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in error.chain() {
        let message = cause.to_string();
        if text.contains(&message) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&message);
    }
    text
}
