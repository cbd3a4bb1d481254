//! The model: candle's own `Linear` layer, `d → 1` with a bias, whose variables live in a
//! `VarMap` so that an optimizer can update them.

use candle_core::{DType, Device, Tensor, Var};
use candle_nn::{Linear, Module, VarBuilder, VarMap, init};
use linreg::{Initialization, TrainError};

use crate::convert::{framework_error, to_host};

/// `ŷ = X·Wᵀ + b` for a `[n, d]` feature tensor `X`, with the weight `W` of shape `[1, d]` and the
/// bias `b` of shape `[1]`, giving predictions of shape `[n, 1]`.
pub(crate) struct Model {
    variables: VarMap,
    layer: Linear,
}

impl Model {
    /// Builds the layer for `features` inputs in the element type `dtype`, on the CPU.
    ///
    /// [`Initialization::Zeros`] registers zero variables under the names `weight` and `bias`
    /// before `candle_nn::linear` runs, so the layer takes them instead of drawing its own.
    /// [`Initialization::FrameworkDefault`] keeps the draws of `candle_nn::linear` 0.11.1: the
    /// weight from `N(0, 2/d)` (Kaiming normal for ReLU, fan-in `d`) and the bias from
    /// `U(−1/√d, 1/√d)`, from a generator that ignores the seed.
    pub(crate) fn new(
        features: usize,
        initialization: Initialization,
        dtype: DType,
    ) -> Result<Self, TrainError> {
        let variables = VarMap::new();
        let builder = VarBuilder::from_varmap(&variables, dtype, &Device::Cpu);
        if initialization == Initialization::Zeros {
            builder.get_with_hints((1, features), "weight", init::ZERO).map_err(framework_error)?;
            builder.get_with_hints(1, "bias", init::ZERO).map_err(framework_error)?;
        }
        let layer = candle_nn::linear(features, 1, builder).map_err(framework_error)?;
        Ok(Self { variables, layer })
    }

    /// Computes the predictions `[n, 1]` for the features `x` of shape `[n, d]`.
    pub(crate) fn predict(&self, x: &Tensor) -> Result<Tensor, TrainError> {
        self.layer.forward(x).map_err(framework_error)
    }

    /// Returns the trainable variables, the weight and the bias, in no particular order.
    pub(crate) fn variables(&self) -> Vec<Var> {
        self.variables.all_vars()
    }

    /// Returns the weight tensor `[1, d]` that the layer reads and the optimizer updates.
    pub(crate) fn weight(&self) -> &Tensor {
        self.layer.weight()
    }

    /// Returns the bias tensor `[1]` that the layer reads and the optimizer updates.
    pub(crate) fn bias(&self) -> &Tensor {
        self.layer.bias().expect("candle_nn::linear always creates a bias")
    }

    /// Overwrites the weight and the bias, converting them to the model's element type.
    ///
    /// # Errors
    /// [`TrainError::InvalidData`] if `weights` does not hold one value per input feature.
    pub(crate) fn set_parameters(&mut self, weights: &[f64], bias: f64) -> Result<(), TrainError> {
        let features = self.weight().dim(1).map_err(framework_error)?;
        if weights.len() != features {
            return Err(TrainError::InvalidData {
                reason: format!(
                    "weights have shape [1, {}] but the layer expects [1, {features}]",
                    weights.len()
                ),
            });
        }
        let dtype = self.weight().dtype();
        let weight = Tensor::from_slice(weights, (1, features), &Device::Cpu)
            .and_then(|w| w.to_dtype(dtype));
        let bias = Tensor::from_slice(&[bias], 1, &Device::Cpu).and_then(|b| b.to_dtype(dtype));
        self.variables
            .set_one("weight", weight.map_err(framework_error)?)
            .map_err(framework_error)?;
        self.variables.set_one("bias", bias.map_err(framework_error)?).map_err(framework_error)
    }

    /// Copies the weights to the host, one per feature.
    pub(crate) fn weights_to_host(&self) -> Result<Vec<f64>, TrainError> {
        to_host(self.weight())
    }

    /// Copies the bias to the host.
    pub(crate) fn bias_to_host(&self) -> Result<f64, TrainError> {
        let values = to_host(self.bias())?;
        Ok(values[0])
    }
}
