//! The model `ŷ = X·w + b` as burn's `nn::Linear` layer with `d` inputs, one output and a bias.
//!
//! # Shapes
//! - weight: `[d, 1]` (burn stores `[d_input, d_output]`, the transpose of PyTorch's layout)
//! - bias: `[1]`
//! - forward: features `[n, d]` to predictions `[n, 1]`

use std::sync::{Mutex, PoisonError};

use burn::module::Param;
use burn::nn::{Linear, LinearConfig};
use burn::tensor::{DType, Device, Tensor, TensorData};
use linreg::{Initialization, TrainError};

use crate::tensors::read_values;

/// Serialises seeding and drawing, because burn's flex backend keeps one random generator for
/// the whole process: two threads that seed and draw at the same time would mix their streams.
static RANDOM_GENERATOR: Mutex<()> = Mutex::new(());

/// Builds the starting model for `features` inputs in element type `dtype`.
///
/// [`Initialization::Zeros`] sets weights and bias to zero. [`Initialization::FrameworkDefault`]
/// uses burn's default initialiser for `Linear` (Kaiming uniform with gain `1/√3`, which is
/// `U(−1/√d, 1/√d)` for both weight and bias) after seeding the device with `seed`.
///
/// NOTE: burn draws the default initialisation in the device's default float type, `f32` on
/// flex, so in f64 the starting values are those f32 draws widened, not fresh f64 draws.
/// Other code drawing from burn's generator in the same process can still shift the stream.
///
/// # Errors
/// [`TrainError::Framework`] if burn fails to read the drawn values back.
pub(crate) fn initial_model(
    features: usize,
    initialization: Initialization,
    dtype: DType,
    device: &Device,
) -> Result<Linear, TrainError> {
    let (weights, bias) = match initialization {
        Initialization::Zeros => (vec![0.0; features], 0.0),
        Initialization::FrameworkDefault { seed } => seeded_default_values(features, seed, device)?,
    };
    Ok(linear_from_values(&weights, bias, dtype, device))
}

/// Draws the weights and bias of burn's default `Linear` initialisation with `seed`.
fn seeded_default_values(
    features: usize,
    seed: u64,
    device: &Device,
) -> Result<(Vec<f64>, f64), TrainError> {
    let _guard = RANDOM_GENERATOR.lock().unwrap_or_else(PoisonError::into_inner);
    device.seed(seed);
    // Parameters initialise lazily on first access, so reading them while the lock is held
    // is what makes the draw happen right after seeding.
    let drawn = LinearConfig::new(features, 1).init(device);
    parameters(&drawn)
}

/// Builds a `Linear` layer holding `weights` (one per feature) and `bias`, as trainable
/// parameters of element type `dtype`.
pub(crate) fn linear_from_values(
    weights: &[f64],
    bias: f64,
    dtype: DType,
    device: &Device,
) -> Linear {
    let weight = Tensor::<2>::from_data(
        TensorData::new(weights.to_vec(), [weights.len(), 1]),
        (device, dtype),
    );
    let bias = Tensor::<1>::from_data(TensorData::new(vec![bias], [1]), (device, dtype));
    Linear { weight: Param::from_tensor(weight), bias: Some(Param::from_tensor(bias)) }
}

/// Reads the weights and the bias of `model` back to the host.
///
/// # Errors
/// [`TrainError::Framework`] if burn fails to read a parameter back.
pub(crate) fn parameters(model: &Linear) -> Result<(Vec<f64>, f64), TrainError> {
    let weights = read_values(model.weight.val())?;
    // Every model here is built with a bias: `linear_from_values` and `LinearConfig` both add one.
    let bias = model.bias.as_ref().expect("the model is built with a bias");
    let bias = read_values(bias.val())?[0];
    Ok((weights, bias))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tensors::autodiff_device;

    #[test]
    fn values_round_trip_through_linear() {
        let device = autodiff_device();
        let model = linear_from_values(&[0.5, -1.5, 2.0], 0.25, DType::F64, &device);
        assert_eq!(model.weight.val().dims(), [3, 1]);
        assert_eq!(parameters(&model).expect("readable"), (vec![0.5, -1.5, 2.0], 0.25));
    }

    #[test]
    fn zeros_start_at_zero() {
        let device = autodiff_device();
        let model = initial_model(4, Initialization::Zeros, DType::F32, &device).expect("builds");
        assert_eq!(model.weight.val().dtype(), DType::F32);
        assert_eq!(parameters(&model).expect("readable"), (vec![0.0; 4], 0.0));
    }

    #[test]
    fn framework_default_is_seeded_and_bounded() {
        let device = autodiff_device();
        let draw = |seed| {
            let model =
                initial_model(4, Initialization::FrameworkDefault { seed }, DType::F64, &device)
                    .expect("builds");
            parameters(&model).expect("readable")
        };
        let (weights, bias) = draw(7);
        // d = 4 gives the bound 1/√4 = 0.5.
        assert!(weights.iter().chain([&bias]).all(|v| v.abs() <= 0.5), "{weights:?} {bias}");
        assert!(weights.iter().any(|&w| w != 0.0), "{weights:?}");
        assert_eq!(draw(7), (weights.clone(), bias), "same seed, same draw");
        assert_ne!(draw(8).0, weights, "another seed, another draw");
    }
}
