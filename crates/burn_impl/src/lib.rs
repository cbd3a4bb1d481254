//! Linear regression trained through the burn framework (version 0.22), on its flex CPU
//! backend.
//!
//! Every part of the training comes from burn:
//! - model: `ŷ = X·w + b` as `nn::Linear` with `d` inputs, one output and a bias
//! - loss: `nn::loss::MseLoss` with mean reduction, `L = (1/n)·Σᵢ (ŷᵢ − yᵢ)²`
//! - gradients: autodiff
//! - update: `optim::Sgd` without momentum or weight decay, `θ ← θ − η·∂L/∂θ`, one step per
//!   iteration over the whole training set
//!
//! # Shapes
//! - features: `[n, d]`
//! - weight: `[d, 1]`, bias: `[1]`
//! - predictions and targets: `[n, 1]`
//! - loss: `[1]`
//!
//! # Precision
//! burn 0.22 takes the float type of each tensor at run time, so one build trains in f64 (the
//! default, to compare with the other trainers to about 1e-9) or in f32.
//!
//! # Errors
//! burn reports shape mismatches by panicking, so this crate checks shapes before handing data to
//! burn and returns [`linreg::TrainError::InvalidData`] instead. Failures that burn returns as
//! errors, such as reading a tensor back, become [`linreg::TrainError::Framework`].
//!
//! [`BurnTrainer`] implements the shared [`linreg::Trainer`] contract. [`loss_and_gradient`]
//! evaluates burn's gradient at any point so that it can be checked against the hand-derived one.

pub mod descent;
pub mod gradient;
mod loss;
mod model;
mod tensors;

pub use descent::BurnTrainer;
pub use gradient::{Gradient, loss_and_gradient, loss_and_gradient_in};
