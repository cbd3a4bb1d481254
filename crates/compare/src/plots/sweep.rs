//! Final training loss against learning rate, on log axes, with the stability limit.

use anyhow::Result;
use plotters::prelude::*;

use super::{FONT, SIZE, color, draw_legend, failed, format_loss, once_per_tick};
use crate::analysis::Sweep;

/// Draws each trainer's final training loss against the learning rate, a vertical line at
/// 2/λmax, and a cross along the top edge for each diverged run.
pub fn sweep(scaling: &str, sweeps: &[&Sweep]) -> Result<String> {
    let failed = failed("learning-rate sweep");
    let Some(first) = sweeps.first() else { return Ok(String::new()) };
    let limit = first.max_stable_learning_rate;
    let rates: Vec<f64> = first.points.iter().map(|p| p.learning_rate).collect();
    let losses = sweeps.iter().flat_map(|s| s.points.iter().filter_map(|p| p.final_loss));
    let (low, high) =
        losses.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (low, high) = if low.is_finite() {
        ((low * 0.8).max(1e-300), (high * 2.0).max(low * 10.0))
    } else {
        (1e-3, 1.0)
    };
    let x_range = (rates[0] * 0.8)..(rates[rates.len() - 1] * 1.25);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(&failed)?;
        let title = format!(
            "Learning-rate sweep, {scaling} features, {} iterations per run",
            first.iterations
        );
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 24))
            .margin(20)
            .margin_right(50)
            .x_label_area_size(50)
            .y_label_area_size(90)
            .build_cartesian_2d(x_range.log_scale(), (low..high).log_scale())
            .map_err(&failed)?;
        chart
            .configure_mesh()
            .x_desc("learning rate (log scale)")
            .y_desc("final training MSE (log scale)")
            .x_label_formatter(&|v| format!("{v:.0e}"))
            .y_label_formatter(&once_per_tick(format_loss))
            .light_line_style(WHITE)
            .label_style((FONT, 15))
            .axis_desc_style((FONT, 16))
            .draw()
            .map_err(&failed)?;

        let limit_style = RED.stroke_width(2);
        chart
            .draw_series(LineSeries::new([(limit, low), (limit, high)], limit_style))
            .map_err(&failed)?
            .label(format!("stability limit 2/λmax = {limit:.4}"))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], limit_style));

        let count = sweeps.len() as u32;
        for (k, sweep) in sweeps.iter().enumerate() {
            let style = color(sweep.trainer).stroke_width(2 + 2 * (count - 1 - k as u32));
            let finite: Vec<(f64, f64)> = sweep
                .points
                .iter()
                .filter_map(|p| p.final_loss.map(|l| (p.learning_rate, l)))
                .collect();
            chart
                .draw_series(LineSeries::new(finite.clone(), style))
                .map_err(&failed)?
                .label(sweep.trainer)
                .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], style));
            chart
                .draw_series(finite.iter().map(|&p| Circle::new(p, 4, style.filled())))
                .map_err(&failed)?;
            let diverged = sweep.points.iter().filter(|p| p.final_loss.is_none()).map(|p| {
                Cross::new((p.learning_rate, high / 1.3), 7, color(sweep.trainer).stroke_width(2))
            });
            chart.draw_series(diverged).map_err(&failed)?;
        }
        chart
            .draw_series([Text::new("× = diverged", (rates[0], high / 1.15), (FONT, 15))])
            .map_err(&failed)?;
        draw_legend(&mut chart, SeriesLabelPosition::LowerLeft).map_err(&failed)?;
        root.present().map_err(&failed)?;
    }
    Ok(svg)
}
