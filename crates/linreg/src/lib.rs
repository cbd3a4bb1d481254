//! The linear-regression problem shared by every trainer in this workspace.
//!
//! Everything except "how the gradient is obtained and applied" lives here, so that the
//! manual, burn and candle trainers see identical inputs and are scored by identical code:
//!
//! 1. [`load`] reads a CSV file into a [`Table`] of named numeric and categorical columns;
//!    [`abalone`] finds, downloads and checksum-verifies the UCI abalone file.
//! 2. [`split`] draws a seeded train/validation/test partition of the rows.
//! 3. [`encode`] one-hot encodes categorical columns with categories learned from the training
//!    rows only; [`dataset`] assembles the feature matrices and targets of every split.
//! 4. [`scale`] standardises features with statistics of the training rows.
//! 5. [`train`] defines the contract that every trainer implements: [`TrainConfig`],
//!    [`Trainer`] and [`FitResult`].
//! 6. [`metrics`] scores predictions (MSE, RMSE, MAE, R²) and diagnoses bias and variance.
//!
//! The model is `ŷ = X·w + b` with the mean-squared-error loss `L = (1/n)·Σ(yᵢ − ŷᵢ)²`.

pub mod abalone;
mod columns;
pub mod dataset;
pub mod download;
pub mod encode;
pub mod error;
pub mod load;
pub mod matrix;
pub mod metrics;
pub mod scale;
pub mod split;
pub mod synthetic;
pub mod table;
pub mod train;

pub use dataset::{Dataset, DatasetOptions, SplitData};
pub use error::DataError;
pub use load::{HeaderMode, LoadOptions, MissingPolicy};
pub use matrix::Matrix;
pub use metrics::{Diagnosis, Metrics};
pub use split::{Split, SplitFractions};
pub use table::{Column, ColumnValues, Table};
pub use train::{FitResult, Initialization, Precision, TrainConfig, TrainError, Trainer};
