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

/// Formats a loss tick with at most three significant digits and no trailing zeros, so that a
/// log axis reads 1, 2, … 10, 20, … 100.
fn format_loss(value: f64) -> String {
    if value >= 100.0 {
        return format!("{value:.0}");
    }
    if value < 0.01 {
        return format!("{value:.2e}");
    }
    let decimals = (2 - value.log10().floor() as i32).max(0) as usize;
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// Returns a tick formatter for a log axis that labels each value once.
///
/// plotters' log axes list every power of ten twice, as the end of one decade and the start of
/// the next, and two identical labels at one place render as bold text.
fn once_per_tick(format: fn(f64) -> String) -> impl Fn(&f64) -> String {
    let previous = std::cell::Cell::new(f64::NAN);
    move |&value| if previous.replace(value) == value { String::new() } else { format(value) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loss_ticks_drop_trailing_zeros() {
        assert_eq!(format_loss(1.0), "1");
        assert_eq!(format_loss(4.5), "4.5");
        assert_eq!(format_loss(20.0), "20");
        assert_eq!(format_loss(250.0), "250");
        assert_eq!(format_loss(0.0312), "0.0312");
        assert_eq!(format_loss(0.001), "1.00e-3");
    }

    #[test]
    fn repeated_tick_gets_no_label() {
        let label = once_per_tick(format_loss);
        assert_eq!(label(&9.0), "9");
        assert_eq!(label(&10.0), "10");
        assert_eq!(label(&10.0), "");
        assert_eq!(label(&20.0), "20");
    }
}
