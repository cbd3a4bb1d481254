//! The loss: candle's `mse`, behind a shape check.

use candle_core::Tensor;
use linreg::TrainError;

use crate::convert::framework_error;

/// Computes the mean squared error `L = (1/n)·Σᵢ (ŷᵢ − yᵢ)²` with `candle_nn::loss::mse`.
///
/// # Shapes
/// `predictions` and `targets` are both `[n, 1]`; the loss is a scalar (rank 0) tensor.
///
/// # Errors
/// [`TrainError::InvalidData`] naming both shapes when they differ. The subtraction inside
/// candle 0.11.1's `mse` does not broadcast, so it would fail too, but as a framework error.
/// [`TrainError::Framework`] if candle fails.
pub(crate) fn mse(predictions: &Tensor, targets: &Tensor) -> Result<Tensor, TrainError> {
    if predictions.dims() != targets.dims() {
        return Err(TrainError::InvalidData {
            reason: format!(
                "predictions have shape {:?} but targets have shape {:?}; \
                 build the targets as [n, 1]",
                predictions.dims(),
                targets.dims()
            ),
        });
    }
    candle_nn::loss::mse(predictions, targets).map_err(framework_error)
}

#[cfg(test)]
mod tests {
    use candle_core::Device;

    use super::*;

    #[test]
    fn shape_mismatch_names_both_shapes() {
        let predictions = Tensor::new(&[[1.4f64], [3.2]], &Device::Cpu).expect("a [2, 1] tensor");
        let targets = Tensor::new(&[[1.0f64, 2.0]], &Device::Cpu).expect("a [1, 2] tensor");

        let error = mse(&predictions, &targets).expect_err("[2, 1] against [1, 2]");

        let TrainError::InvalidData { reason } = &error else {
            panic!("expected InvalidData, got {error:?}")
        };
        assert!(reason.contains("[2, 1]"), "{reason}");
        assert!(reason.contains("[1, 2]"), "{reason}");
    }

    #[test]
    fn matching_shapes_give_mean_of_squares() {
        // Residuals 0.4 and 1.2: (0.16 + 1.44) / 2 = 0.8, exact to a few ulps in f64.
        let predictions = Tensor::new(&[[1.4f64], [3.2]], &Device::Cpu).expect("a [2, 1] tensor");
        let targets = Tensor::new(&[[1.0f64], [2.0]], &Device::Cpu).expect("a [2, 1] tensor");

        let loss = mse(&predictions, &targets).expect("same shapes");

        let value = loss.to_scalar::<f64>().expect("a scalar loss");
        assert!((value - 0.8).abs() < 1e-15, "{value}");
    }
}
