//! Copies between the shared host types and candle tensors, and the mapping of candle errors.

use candle_core::{DType, Device, Tensor};
use linreg::{Matrix, Precision, TrainError};

/// Returns the candle element type for `precision`.
pub(crate) fn dtype(precision: Precision) -> DType {
    match precision {
        Precision::F32 => DType::F32,
        Precision::F64 => DType::F64,
    }
}

/// Wraps a candle error as [`TrainError::Framework`].
pub(crate) fn framework_error(error: candle_core::Error) -> TrainError {
    TrainError::Framework { framework: "candle", message: error.to_string() }
}

/// Copies `features` (n × d) into a `[n, d]` tensor and `targets` (n) into a `[n, 1]` tensor of
/// `dtype` on the CPU.
///
/// The targets get the explicit column shape so that they match the `[n, 1]` predictions of a
/// `d → 1` linear layer element for element. For `f32`, each value is rounded to the nearest
/// `f32`.
pub(crate) fn to_tensors(
    features: &Matrix,
    targets: &[f64],
    dtype: DType,
) -> Result<(Tensor, Tensor), TrainError> {
    let (rows, cols) = (features.rows(), features.cols());
    let x = Tensor::from_slice(features.as_slice(), (rows, cols), &Device::Cpu);
    let y = Tensor::from_slice(targets, (targets.len(), 1), &Device::Cpu);
    let (x, y) = (x.map_err(framework_error)?, y.map_err(framework_error)?);
    if dtype == DType::F64 {
        return Ok((x, y));
    }
    let x = x.to_dtype(dtype).map_err(framework_error)?;
    let y = y.to_dtype(dtype).map_err(framework_error)?;
    Ok((x, y))
}

/// Copies every value of `tensor`, in row-major order, into an `f64` vector.
pub(crate) fn to_host(tensor: &Tensor) -> Result<Vec<f64>, TrainError> {
    tensor
        .to_dtype(DType::F64)
        .and_then(|values| values.flatten_all())
        .and_then(|values| values.to_vec1::<f64>())
        .map_err(framework_error)
}

/// Copies a scalar tensor, such as a loss, to the host as `f64`.
pub(crate) fn to_host_scalar(tensor: &Tensor) -> Result<f64, TrainError> {
    tensor.to_dtype(DType::F64).and_then(|value| value.to_scalar::<f64>()).map_err(framework_error)
}
