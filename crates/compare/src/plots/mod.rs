//! SVG plots of a comparison, drawn with plotters.
//!
//! Each function renders into a string, so that nothing is written until every file of the
//! report has been produced.

mod loss;
mod precision;
mod predicted;
mod sweep;
mod weights;

pub use loss::loss_curves;
pub use precision::precision;
pub use predicted::predicted_vs_actual;
pub use sweep::sweep;
pub use weights::weights;

use plotters::style::RGBColor;

/// Width and height of every plot, in pixels.
const SIZE: (u32, u32) = (1100, 800);

/// Font family of all text; SVG viewers substitute their default sans-serif face.
const FONT: &str = "sans-serif";

/// Returns the fixed colour of a model, the same in every plot.
fn color(model: &str) -> RGBColor {
    match model {
        "manual" => RGBColor(31, 119, 180),
        "burn" => RGBColor(230, 110, 0),
        "candle" => RGBColor(44, 160, 44),
        _ => RGBColor(90, 90, 90),
    }
}

/// Converts a plotters drawing error into an error that names the plot.
fn failed<E: std::fmt::Display>(plot: &'static str) -> impl Fn(E) -> anyhow::Error {
    move |error| anyhow::anyhow!("drawing the {plot} plot failed: {error}")
}
