//! The trainers that `--trainers` can name.

use linreg::Trainer;
use linreg::train::GradientProbe;
use manual::{GradientForm, ManualTrainer};

use crate::cli::FormArg;
use crate::error::UsageError;

/// A trainer that can also evaluate its gradient at any point.
pub trait Method: Trainer + GradientProbe {
    /// Returns this method as a gradient probe.
    fn as_probe(&self) -> &dyn GradientProbe;
}

impl<T: Trainer + GradientProbe> Method for T {
    fn as_probe(&self) -> &dyn GradientProbe {
        self
    }
}

/// Every trainer name, in report order.
pub const NAMES: [&str; 3] = ["manual", "burn", "candle"];

/// Builds the trainers named in `names`, in the given order, without duplicates.
///
/// # Errors
/// [`UsageError`] for an unknown name or an empty list.
pub fn select(names: &[String], form: FormArg) -> Result<Vec<Box<dyn Method>>, UsageError> {
    let mut trainers: Vec<Box<dyn Method>> = Vec::new();
    for name in names {
        let trainer: Box<dyn Method> = match name.trim() {
            "manual" => Box::new(ManualTrainer {
                form: match form {
                    FormArg::TwoPass => GradientForm::TwoPass,
                    FormArg::Fused => GradientForm::Fused,
                    FormArg::Gram => GradientForm::Gram,
                },
            }),
            "burn" => Box::new(burn_impl::BurnTrainer),
            "candle" => Box::new(candle_impl::CandleTrainer),
            other => {
                return Err(UsageError(format!(
                    "unknown trainer {other:?} in --trainers; choose from: {}",
                    NAMES.join(", ")
                )));
            }
        };
        if !trainers.iter().any(|t| t.name() == trainer.name()) {
            trainers.push(trainer);
        }
    }
    if trainers.is_empty() {
        return Err(UsageError(format!("--trainers is empty; choose from: {}", NAMES.join(", "))));
    }
    Ok(trainers)
}
