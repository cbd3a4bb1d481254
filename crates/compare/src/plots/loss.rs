//! Training loss of every trainer against iteration, on one logarithmic axis.

use anyhow::Result;
use plotters::prelude::*;

use super::{FONT, SIZE, color, draw_legend, failed, format_loss, once_per_tick};
use crate::run::ScalingRun;

/// Draws the recorded training MSE of each trainer against iteration on a log scale, with the
/// least-squares optimum's training MSE as the floor that no trainer can go below.
pub fn loss_curves(run: &ScalingRun) -> Result<String> {
    let failed = failed("loss-curve");
    let optimum = run.optimum.loss;
    let losses =
        run.runs.iter().flat_map(|r| r.fit.loss_curve.iter().map(|p| p.loss)).chain([optimum]);
    let (low, high) =
        losses.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // A log axis needs a positive range. Starting at a power of ten gives the lowest decade,
    // where the curves end, tick labels of its own.
    let low = 10f64.powf((low * 0.8).max(1e-300).log10().floor());
    let high = (high * 1.25).max(low * 10.0);
    let last = run
        .runs
        .iter()
        .filter_map(|r| r.fit.loss_curve.last())
        .map(|p| p.iteration)
        .max()
        .unwrap_or(1)
        .max(1);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(&failed)?;
        let title = format!("Training loss, {} features", run.scaling.name());
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 24))
            .margin(20)
            .margin_right(50)
            .x_label_area_size(50)
            .y_label_area_size(90)
            .build_cartesian_2d(0f64..last as f64, (low..high).log_scale())
            .map_err(&failed)?;
        chart
            .configure_mesh()
            .x_desc("iteration")
            .y_desc(format!("training MSE ({} squared)", run.data.target_name))
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&once_per_tick(format_loss))
            .y_labels(30)
            .light_line_style(WHITE)
            .label_style((FONT, 15))
            .axis_desc_style((FONT, 16))
            .draw()
            .map_err(&failed)?;

        // Trainers that agree draw on top of each other, so earlier ones are drawn wider.
        let count = run.runs.len() as u32;
        for (k, trainer) in run.runs.iter().enumerate() {
            let style = color(trainer.trainer).stroke_width(2 + 3 * (count - 1 - k as u32));
            let points = trainer.fit.loss_curve.iter().map(|p| (p.iteration as f64, p.loss));
            chart
                .draw_series(LineSeries::new(points, style))
                .map_err(&failed)?
                .label(trainer.trainer)
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], style));
        }
        let floor = color("least squares").stroke_width(1);
        chart
            .draw_series(LineSeries::new([(0.0, optimum), (last as f64, optimum)], floor))
            .map_err(&failed)?
            .label(format!("least-squares optimum ({optimum:.4})"))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], floor));
        draw_legend(&mut chart, SeriesLabelPosition::UpperRight).map_err(&failed)?;
        root.present().map_err(&failed)?;
    }
    Ok(svg)
}
