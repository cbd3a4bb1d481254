//! Predicted against actual target values on the test rows, one panel per model.

use anyhow::Result;
use plotters::prelude::*;

use super::{FONT, SIZE, color, draw_legend, failed};
use crate::run::ScalingRun;

/// Draws one scatter panel per model (trainers, then the least-squares optimum) of predicted
/// against actual test targets, with the identity line that a perfect model would lie on.
pub fn predicted_vs_actual(run: &ScalingRun) -> Result<String> {
    let failed = failed("predicted-vs-actual");
    let test = &run.data.test;
    let target = &run.data.target_name;
    let mut models: Vec<(&str, Vec<f64>)> =
        run.runs.iter().map(|r| (r.trainer, r.fit.predict(&test.features))).collect();
    models.push(("least squares", test.features.predict(&run.optimum.weights, run.optimum.bias)));

    // One shared range so panels compare at a glance.
    let values = models.iter().flat_map(|(_, p)| p.iter()).chain(&test.targets);
    let (low, high) =
        values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let pad = 0.05 * (high - low).max(1e-9);
    let range = (low - pad)..(high + pad);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(&failed)?;
        let title = format!(
            "Predicted vs actual {target}, {} test rows, {} features",
            test.targets.len(),
            run.scaling.name()
        );
        let root = root.titled(&title, (FONT, 24)).map_err(&failed)?;
        let columns = models.len().min(2);
        let rows = models.len().div_ceil(columns);
        for (panel, (name, predictions)) in root.split_evenly((rows, columns)).iter().zip(&models) {
            let mut chart = ChartBuilder::on(panel)
                .caption(*name, (FONT, 20))
                .margin(12)
                .x_label_area_size(45)
                .y_label_area_size(60)
                .build_cartesian_2d(range.clone(), range.clone())
                .map_err(&failed)?;
            chart
                .configure_mesh()
                .x_desc(format!("actual {target}"))
                .y_desc(format!("predicted {target}"))
                .label_style((FONT, 14))
                .axis_desc_style((FONT, 15))
                .draw()
                .map_err(&failed)?;

            let style = color(name).mix(0.35).filled();
            let points =
                test.targets.iter().zip(predictions).map(|(&a, &p)| Circle::new((a, p), 3, style));
            chart
                .draw_series(points)
                .map_err(&failed)?
                .label("test row")
                .legend(move |(x, y)| Circle::new((x + 10, y), 4, style));
            let identity = LineSeries::new(
                [(range.start, range.start), (range.end, range.end)],
                BLACK.stroke_width(2),
            );
            chart
                .draw_series(identity)
                .map_err(&failed)?
                .label("predicted = actual")
                .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], BLACK.stroke_width(2)));
            draw_legend(&mut chart, SeriesLabelPosition::UpperLeft).map_err(&failed)?;
        }
        root.present().map_err(&failed)?;
    }
    Ok(svg)
}
