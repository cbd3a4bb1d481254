//! Linear regression by gradient descent with the gradient derived by hand, and the exact
//! least-squares solution that every trainer is measured against.
//!
//! # The gradient
//!
//! The model is `ŷ = X·w + b` for `n` rows of `d` features, and the loss is the mean squared
//! error of the residuals `r = y − ŷ`:
//!
//! ```text
//! L(w, b) = (1/n) · Σᵢ rᵢ²,   rᵢ = yᵢ − Σⱼ xᵢⱼ·wⱼ − b
//! ```
//!
//! Each residual depends on `wⱼ` through `∂rᵢ/∂wⱼ = −xᵢⱼ` and on `b` through `∂rᵢ/∂b = −1`.
//! The chain rule on `rᵢ²` gives `2·rᵢ·∂rᵢ`, so
//!
//! ```text
//! ∂L/∂wⱼ = −(2/n) · Σᵢ xᵢⱼ·rᵢ     i.e.  ∂L/∂w = −(2/n) · Xᵀ·r
//! ∂L/∂b  = −(2/n) · Σᵢ rᵢ
//! ```
//!
//! and one iteration of full-batch gradient descent with learning rate `η` is
//! `w ← w − η·∂L/∂w`, `b ← b − η·∂L/∂b`.
//!
//! [`ManualTrainer`] computes this in one of three exact ways ([`GradientForm`]); the
//! [`least_squares`] module solves the problem in closed form.

mod aligned;
pub mod conditioning;
pub mod descent;
mod fused;
pub mod gradient;
mod gram;
mod kernels;
pub mod least_squares;
mod real;
mod two_pass;

pub use conditioning::Conditioning;
pub use descent::{GradientForm, ManualTrainer};
pub use gradient::{Gradient, gradient, gradient_in, loss};
pub use kernels::vector_instructions;
pub use least_squares::{LeastSquares, least_squares};
