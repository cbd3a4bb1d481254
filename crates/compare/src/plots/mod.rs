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

use plotters::coord::CoordTranslate;
use plotters::prelude::*;

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

/// Draws the legend of every labelled series in one style: 15-pixel text on a translucent white
/// box with a black border.
fn draw_legend<'a, DB: DrawingBackend + 'a, CT: CoordTranslate>(
    chart: &mut ChartContext<'a, DB, CT>,
    position: SeriesLabelPosition,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    chart
        .configure_series_labels()
        .position(position)
        .label_font((FONT, 15))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()
}

/// Formats a loss tick with about three significant digits.
fn format_loss(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 1.0 {
        format!("{value:.1}")
    } else if value >= 0.01 {
        format!("{value:.3}")
    } else {
        format!("{value:.2e}")
    }
}
