//! The summary printed to standard output after training.

use std::fmt::Write;

use crate::plural::counted;
use crate::run::{Comparison, ScalingRun, Scores};
use crate::table::{Align, TextTable};
use crate::units;

/// Formats an optional R² with four decimals, or "undefined" for a constant target.
fn r2(value: Option<f64>) -> String {
    value.map_or_else(|| "undefined".into(), |v| format!("{v:.4}"))
}

fn scores_cells(scores: &Scores) -> Vec<String> {
    vec![
        r2(scores.train.r2),
        scores.validation.map_or_else(|| "-".into(), |v| r2(v.r2)),
        r2(scores.test.r2),
        format!("{:.4}", scores.test.mse),
        scores.diagnosis.map_or_else(|| "undefined".into(), |d| d.to_string()),
    ]
}

/// Renders the header lines: data, split and training settings.
pub fn header(comparison: &Comparison, seed: u64) -> String {
    let (source, data, config) = (&comparison.source, &comparison.dataset, &comparison.config);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "data: {} (SHA-256 {}), {}, {}, target {}",
        source.path.display(),
        source.sha256,
        counted(source.table.rows(), "row"),
        counted(data.feature_names.len(), "feature"),
        data.target_name
    );
    let _ = writeln!(
        out,
        "split: {} train / {} validation / {} test rows, seed {seed}",
        data.train.rows.len(),
        data.validation.rows.len(),
        data.test.rows.len()
    );
    let _ = writeln!(
        out,
        "training: learning rate {}, {} iterations, {}, {} initialisation",
        config.learning_rate,
        config.iterations,
        config.precision,
        match config.initialization {
            linreg::Initialization::Zeros => "zero",
            linreg::Initialization::FrameworkDefault { .. } => "framework",
        }
    );
    let dropped = &source.table.dropped_lines;
    if !dropped.is_empty() {
        let first_lines: Vec<String> = dropped.iter().take(10).map(u64::to_string).collect();
        let more = if dropped.len() > 10 { ", …" } else { "" };
        let _ = writeln!(
            out,
            "dropped {} with missing values ({} {}{more})",
            counted(dropped.len(), "row"),
            if dropped.len() == 1 { "line" } else { "lines" },
            first_lines.join(", ")
        );
    }
    for unseen in &data.unseen_categories {
        let _ = writeln!(
            out,
            "warning: category {:?} of column '{}' appears in {} but never in training; encoded as all zeros",
            unseen.value,
            unseen.column,
            counted(unseen.rows, &format!("{} row", unseen.split))
        );
    }
    out
}

/// Renders the scores and weights of one scaling.
pub fn scaling_section(run: &ScalingRun) -> String {
    let mut out = format!("\n== {} features ==\n", run.scaling.name());
    if !run.constant_features.is_empty() {
        let _ = writeln!(
            out,
            "constant on the training rows, scaled to 0: {}",
            run.constant_features.join(", ")
        );
    }

    let mut scores = TextTable::new(&[
        ("model", Align::Left),
        ("R² train", Align::Right),
        ("R² val", Align::Right),
        ("R² test", Align::Right),
        ("MSE test", Align::Right),
        ("diagnosis", Align::Left),
        ("time", Align::Right),
        ("µs/iter", Align::Right),
    ]);
    for trainer in &run.runs {
        let mut row = vec![trainer.trainer.to_owned()];
        row.extend(scores_cells(&trainer.scores));
        let seconds = trainer.fit.train_time.as_secs_f64();
        let iterations = trainer.fit.loss_curve.last().map_or(0, |p| p.iteration).max(1);
        row.push(units::duration(seconds));
        row.push(units::micros(seconds * 1e6 / iterations as f64));
        scores.push(row);
    }
    let mut optimum = vec!["least squares".to_owned()];
    optimum.extend(scores_cells(&run.optimum_scores));
    scores.push(optimum);
    out.push_str(&scores.render());

    let mut columns = vec![("feature", Align::Left)];
    columns.extend(run.runs.iter().map(|r| (r.trainer, Align::Right)));
    columns.push(("least squares", Align::Right));
    let mut weights = TextTable::new(&columns);
    for (j, name) in run.data.feature_names.iter().enumerate() {
        let mut row = vec![name.clone()];
        row.extend(run.runs.iter().map(|r| format!("{:.6}", r.fit.weights[j])));
        row.push(format!("{:.6}", run.optimum.weights[j]));
        weights.push(row);
    }
    let mut bias = vec!["(bias)".to_owned()];
    bias.extend(run.runs.iter().map(|r| format!("{:.6}", r.fit.bias)));
    bias.push(format!("{:.6}", run.optimum.bias));
    weights.push(bias);
    out.push('\n');
    out.push_str(&weights.render());
    out
}
