//! report.md: the human-readable report.

use std::fmt::Write;

use super::PlotNames;
use super::manifest::Manifest;
use super::results::{Results, RunRecord};
use crate::analysis::Analysis;
use crate::run::{Comparison, ScalingRun};
use crate::units;

/// Formats an optional value with `digits` decimals, or a dash.
fn number(value: Option<f64>, digits: usize) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{v:.digits$}"))
}

/// Describes the machine, naming the manual loops' instruction set only if the manual trainer ran.
fn machine_line(m: &Manifest) -> String {
    let machine = &m.machine;
    let mut line = format!("{}, {} threads, {}", machine.cpu, machine.threads, machine.os);
    if m.training.trainers.iter().any(|t| t == "manual") {
        line.push_str(&format!("; manual loops in {}", machine.manual_simd));
    }
    line
}

/// Renders report.md from the results and the plot file names.
pub fn render(
    comparison: &Comparison,
    results: &Results,
    analysis: &Analysis,
    plots: &[PlotNames],
) -> String {
    let mut out = String::new();
    let manifest = &results.manifest;
    let data = &manifest.data;
    let file = std::path::Path::new(&data.path)
        .file_name()
        .map_or(data.path.clone(), |n| n.to_string_lossy().into_owned());
    let _ = writeln!(out, "# Linear regression three ways: {file}\n");
    let _ = writeln!(
        out,
        "The same linear model `ŷ = X·w + b`, trained by full-batch gradient descent on the mean \
         squared error, by each trainer below on identical rows, and compared with the exact \
         least-squares optimum. Timings and the date aside, the same arguments and data give the \
         same report.\n"
    );

    manifest_section(&mut out, results);
    data_summary_section(&mut out, results);
    for (run, names) in comparison.runs.iter().zip(plots) {
        scaling_section(&mut out, run, results, names);
    }
    super::analysis::render(&mut out, comparison, analysis, plots);
    how_to_read(&mut out, comparison);
    out
}

fn manifest_section(out: &mut String, results: &Results) {
    let m = &results.manifest;
    let split = &m.split;
    let training = &m.training;
    let _ = writeln!(out, "## Manifest\n");
    let _ = writeln!(out, "| | |\n| --- | --- |");
    let rows = [
        (
            "data file",
            format!("`{}`{}", m.data.path, if m.data.is_abalone { " (UCI abalone)" } else { "" }),
        ),
        ("SHA-256", format!("`{}`", m.data.sha256)),
        ("rows", rows_description(m.data.rows, &m.data.dropped_lines)),
        ("target", m.data.target.clone()),
        (
            "unseen categories",
            if m.data.unseen_categories.is_empty() {
                "none".into()
            } else {
                format!("encoded as all zeros: {}", m.data.unseen_categories.join("; "))
            },
        ),
        ("features", format!("{}: {}", m.data.features.len(), m.data.features.join(", "))),
        (
            "split",
            format!(
                "{} train / {} validation / {} test rows (fractions {} validation, {} test), seed {}",
                split.train.len(),
                split.val.len(),
                split.test.len(),
                split.validation_fraction,
                split.test_fraction,
                split.seed
            ),
        ),
        ("learning rate", training.learning_rate.to_string()),
        (
            "iterations",
            format!(
                "{} full-batch updates, loss recorded every {}",
                training.iterations, training.record_every
            ),
        ),
        ("precision", training.precision.clone()),
        ("initialisation", training.initialization.clone()),
        ("scalings", training.scalings.join(", ")),
        (
            "trainers",
            format!(
                "{} (manual gradient form: {})",
                training.trainers.join(", "),
                training.manual_form
            ),
        ),
        (
            "versions",
            format!(
                "compare {}, burn {}, candle {}, {}",
                m.versions.compare, m.versions.burn, m.versions.candle, m.versions.rustc
            ),
        ),
        ("machine", machine_line(m)),
        ("date", m.date.clone()),
    ];
    for (key, value) in rows {
        let _ = writeln!(out, "| {key} | {value} |");
    }
    let _ = writeln!(
        out,
        "\nThe row indices of every split are in `results.json` under `manifest.split`.\n"
    );
}

fn rows_description(rows: usize, dropped: &[u64]) -> String {
    if dropped.is_empty() {
        return rows.to_string();
    }
    let lines: Vec<String> = dropped.iter().map(u64::to_string).collect();
    format!(
        "{rows} ({} more left out for missing values, lines {})",
        dropped.len(),
        lines.join(", ")
    )
}

fn data_summary_section(out: &mut String, results: &Results) {
    let _ = writeln!(out, "## Data summary\n");
    let _ = writeln!(out, "All {} rows, before the split.\n", results.manifest.data.rows);
    let _ = writeln!(out, "| column | kind | min | max | mean | zeros | categories |");
    let _ = writeln!(out, "| --- | --- | ---: | ---: | ---: | ---: | --- |");
    for column in &results.data_summary {
        let categories: Vec<String> =
            column.categories.iter().map(|(c, n)| format!("{c}: {n}")).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            column.name,
            column.kind,
            number(column.min, 4),
            number(column.max, 4),
            number(column.mean, 4),
            column.zeros.map_or_else(|| "–".into(), |z| z.to_string()),
            categories.join(", ")
        );
    }
    out.push('\n');
}

fn scaling_section(out: &mut String, run: &ScalingRun, results: &Results, plots: &PlotNames) {
    let scaling = run.scaling.name();
    let _ = writeln!(out, "## Results on {scaling} features\n");
    if !run.constant_features.is_empty() {
        let _ = writeln!(
            out,
            "Constant on the training rows, so standardised to 0: {}.\n",
            run.constant_features.join(", ")
        );
    }
    let records: Vec<&RunRecord> = results.runs.iter().filter(|r| r.scaling == scaling).collect();

    let _ = writeln!(
        out,
        "| model | R² train | R² val | R² test | MSE train | MSE val | MSE test | diagnosis | training time | µs / iteration |"
    );
    let _ = writeln!(out, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
    for r in &records {
        let diagnosis = r.diagnosis.map_or_else(|| "undefined".into(), |d| d.to_string());
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {diagnosis} | {} | {} |",
            r.trainer.replace('_', " "),
            number(r.r2.train, 4),
            number(r.r2.val, 4),
            number(r.r2.test, 4),
            number(r.mse.train, 4),
            number(r.mse.val, 4),
            number(r.mse.test, 4),
            units::duration(r.train_seconds),
            r.micros_per_iteration.map_or_else(|| "–".into(), units::micros),
        );
    }

    let _ = writeln!(out, "\n### Weights\n");
    let header: Vec<String> = records.iter().map(|r| r.trainer.replace('_', " ")).collect();
    let _ = writeln!(out, "| feature | {} |", header.join(" | "));
    let _ = writeln!(out, "| --- |{}", " ---: |".repeat(records.len()));
    for name in &run.data.feature_names {
        let cells: Vec<String> = records
            .iter()
            .map(|r| format!("{:.6}", r.weights[name].as_f64().unwrap_or(f64::NAN)))
            .collect();
        let _ = writeln!(out, "| {name} | {} |", cells.join(" | "));
    }
    let biases: Vec<String> = records.iter().map(|r| format!("{:.6}", r.bias)).collect();
    let _ = writeln!(out, "| (bias) | {} |\n", biases.join(" | "));

    let differences: Vec<String> = results
        .max_weight_difference_from_manual
        .iter()
        .filter(|d| d.scaling == scaling)
        .map(|d| format!("{} {:.2e}", d.trainer, d.max_abs_difference))
        .collect();
    if !differences.is_empty() {
        let _ = writeln!(
            out,
            "Largest absolute difference of any weight or the bias from the manual trainer: {}.\n",
            differences.join(", ")
        );
    }

    let _ = writeln!(
        out,
        "![Predicted vs actual on the test rows, {scaling} features]({})\n",
        plots.predicted
    );
    let _ =
        writeln!(out, "![Training loss against iteration, {scaling} features]({})\n", plots.loss);
    let _ = writeln!(out, "![Weights by feature, {scaling} features]({})\n", plots.weights);
}

fn how_to_read(out: &mut String, comparison: &Comparison) {
    let target = &comparison.dataset.target_name;
    let _ = writeln!(out, "## How to read this\n");
    let _ = writeln!(
        out,
        "R² is the share of the variance of {target} that the model explains on a split: 1 is a \
         perfect fit, 0 is no better than predicting the mean, and it can be negative. The \
         least-squares row is the best any linear model can do on these features. The gap between \
         a trainer's row and it shows how far gradient descent still is from convergence after {} \
         iterations, not a limit of the model. The trainers start from the same point and see the \
         same rows, so in f64 their weights should agree to rounding error. The largest \
         difference from the manual trainer measures that. The diagnosis rates bias from the \
         training R² (high below 0.3, medium below 0.7) and variance from the gap between training \
         and validation R² (high above 0.2, medium above 0.1). Its last word is the verdict: \
         underfit if the training R² is below 0.3, overfit if it is at least 0.7 with a gap above \
         0.2, and fit otherwise. It compares training with held-out scores only, so a run can be \
         \"fit\" and still far from the least-squares optimum. Microseconds per iteration is the \
         training time divided by the number of iterations, including each framework's overhead.\n",
        comparison.config.iterations
    );
    let _ = writeln!(out, "## Limitations\n");
    let _ = writeln!(
        out,
        "Timings come from one run on the machine in the manifest, with whatever else that machine \
         was doing; the criterion benchmarks measure them properly. The diagnosis thresholds are \
         rules of thumb, not statistical tests, and one split with one seed gives one estimate of \
         held-out error, without a confidence interval. The model is linear in the given features: \
         it cannot capture curvature or interactions that the features do not encode. The \
         least-squares optimum is the minimum-norm solution, which is unique even when one-hot \
         columns and the bias are collinear; other optima with the same predictions exist.\n"
    );
}
