//! The training configuration that the options select.

use linreg::{Initialization, Precision, TrainConfig};

use crate::cli::{InitArg, PrecisionArg, TrainingArgs};

/// Builds and validates the training configuration.
///
/// # Errors
/// [`linreg::TrainError::InvalidConfig`] naming the invalid option and its value.
pub fn train_config(args: &TrainingArgs, seed: u64) -> Result<TrainConfig, linreg::TrainError> {
    let config = TrainConfig {
        learning_rate: args.learning_rate,
        iterations: args.iterations,
        record_every: args.record_every,
        precision: match args.precision {
            PrecisionArg::F32 => Precision::F32,
            PrecisionArg::F64 => Precision::F64,
        },
        initialization: match args.init {
            InitArg::Zeros => Initialization::Zeros,
            InitArg::Framework => Initialization::FrameworkDefault { seed },
        },
    };
    config.validate()?;
    Ok(config)
}
