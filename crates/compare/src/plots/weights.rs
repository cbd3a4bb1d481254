//! Learned weights side by side per feature, as horizontal grouped bars.

use anyhow::Result;
use plotters::prelude::*;

use super::{FONT, color, draw_legend, failed};
use crate::run::ScalingRun;

/// Draws, for each feature and the bias, one bar per model (trainers, then the least-squares
/// optimum), so that disagreements and the gap to the optimum stand out.
pub fn weights(run: &ScalingRun) -> Result<String> {
    let failed = failed("weights");
    let mut names: Vec<String> = run.data.feature_names.clone();
    names.push("(bias)".into());
    let mut models: Vec<(&str, Vec<f64>)> = run
        .runs
        .iter()
        .map(|r| (r.trainer, r.fit.weights.iter().copied().chain([r.fit.bias]).collect()))
        .collect();
    models.push((
        "least squares",
        run.optimum.weights.iter().copied().chain([run.optimum.bias]).collect(),
    ));

    let (low, high) = models
        .iter()
        .flat_map(|(_, w)| w.iter())
        .fold((0.0f64, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let pad = 0.08 * (high - low).max(1e-9);
    let features = names.len();
    // Features run top to bottom: feature k occupies the band [features − k − 1, features − k].
    let band_of = |k: usize| (features - k - 1) as f64;
    let height = 120 + 34 * features as u32 * models.len().max(2) as u32 / 2;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (1100, height)).into_drawing_area();
        root.fill(&WHITE).map_err(&failed)?;
        let title = format!("Weights by feature, {} features", run.scaling.name());
        let mut chart = ChartBuilder::on(&root)
            .caption(title, (FONT, 24))
            .margin(20)
            .x_label_area_size(50)
            .y_label_area_size(170)
            .build_cartesian_2d((low - pad)..(high + pad), 0f64..features as f64)
            .map_err(&failed)?;
        let label = |y: &f64| {
            let k = features as f64 - y - 0.5;
            let index = k.round();
            if (k - index).abs() < 1e-6 && index >= 0.0 && (index as usize) < features {
                names[index as usize].clone()
            } else {
                String::new()
            }
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(features * 2 + 1)
            .y_label_formatter(&|y| label(&(y + 0.0)))
            .x_desc(format!("weight ({} per unit of the feature)", run.data.target_name))
            .label_style((FONT, 14))
            .axis_desc_style((FONT, 16))
            .draw()
            .map_err(&failed)?;

        let slot = 0.8 / models.len() as f64;
        for (m, (name, values)) in models.iter().enumerate() {
            let style = color(name).filled();
            let bars = values.iter().enumerate().map(|(k, &w)| {
                let top = band_of(k) + 0.9 - m as f64 * slot;
                Rectangle::new([(0.0, top - slot), (w, top)], style)
            });
            chart
                .draw_series(bars)
                .map_err(&failed)?
                .label(*name)
                .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 18, y + 6)], style));
        }
        chart
            .draw_series(LineSeries::new([(0.0, 0.0), (0.0, features as f64)], BLACK))
            .map_err(&failed)?;
        draw_legend(&mut chart, SeriesLabelPosition::LowerRight).map_err(&failed)?;
        root.present().map_err(&failed)?;
    }
    Ok(svg)
}
