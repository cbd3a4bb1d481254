//! The loss difference between the two precisions over iterations.

use anyhow::Result;
use plotters::prelude::*;

use super::{FONT, SIZE, color, draw_legend, failed};
use crate::analysis::PrecisionComparison;

/// Draws, for each trainer, the training loss of the repeated run minus that of the main run
/// against iteration.
pub fn precision(
    scaling: &str,
    comparisons: &[&PrecisionComparison],
    main: &str,
) -> Result<String> {
    let failed = failed("precision");
    let Some(first) = comparisons.first() else { return Ok(String::new()) };
    let values = comparisons.iter().flat_map(|c| c.loss_difference.iter().map(|p| p.1));
    let (low, high) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = 0.1 * (high - low).max(1e-12);
    let last = comparisons
        .iter()
        .filter_map(|c| c.loss_difference.last())
        .map(|p| p.0)
        .max()
        .unwrap_or(1)
        .max(1);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(&failed)?;
        let title =
            format!("Training loss in {} minus {main}, {scaling} features", first.precision);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 24))
            .margin(20)
            .margin_right(50)
            .x_label_area_size(50)
            .y_label_area_size(100)
            .build_cartesian_2d(0f64..last as f64, (low - pad)..(high + pad))
            .map_err(&failed)?;
        chart
            .configure_mesh()
            .x_desc("iteration")
            .y_desc(format!("loss({}) − loss({main})", first.precision))
            .x_label_formatter(&|v| format!("{v:.0}"))
            // Rounding in the axis arithmetic turns the zero tick into values like -3e-21.
            .y_label_formatter(&|v| {
                if v.abs() < 1e-9 * (high - low) { "0".into() } else { format!("{v:.1e}") }
            })
            .light_line_style(WHITE)
            .label_style((FONT, 15))
            .axis_desc_style((FONT, 16))
            .draw()
            .map_err(&failed)?;
        for comparison in comparisons {
            let style = color(comparison.trainer).stroke_width(2);
            let points = comparison.loss_difference.iter().map(|&(i, d)| (i as f64, d));
            chart
                .draw_series(LineSeries::new(points, style))
                .map_err(&failed)?
                .label(comparison.trainer)
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], style));
        }
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight).map_err(&failed)?;
        root.present().map_err(&failed)?;
    }
    Ok(svg)
}
