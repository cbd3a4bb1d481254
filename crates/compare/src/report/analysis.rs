//! The "Why the numbers differ" section of report.md.

use std::fmt::Write;

use super::PlotNames;
use crate::analysis::Analysis;
use crate::run::Comparison;

/// Appends the analysis section.
pub fn render(out: &mut String, comparison: &Comparison, analysis: &Analysis, plots: &[PlotNames]) {
    let config = &comparison.config;
    let _ = writeln!(out, "## Why the numbers differ\n");
    for sentence in &analysis.conclusion {
        let _ = writeln!(out, "- {sentence}");
    }
    out.push('\n');

    gradient_agreement(out, analysis);
    conditioning(out, analysis, config.learning_rate, config.iterations);
    convergence(out, analysis);
    precision(out, analysis, comparison, plots);
    sweep(out, analysis, plots);
}

fn gradient_agreement(out: &mut String, analysis: &Analysis) {
    let _ = writeln!(out, "### Gradient agreement\n");
    let _ = writeln!(
        out,
        "Each trainer's gradient of the training loss, evaluated at the same point the way it is \
         computed while training (by hand, or by the framework's autodiff), beside central finite \
         differences of the f64 loss. Each cell is the largest relative difference \
         `max|a − b| / max|b|` over the weights and the bias. Expected: about 1e-12 or less \
         between f64 gradients, about 1e-7 against finite differences, and about 1e-6 for an f32 \
         gradient against f64.\n"
    );
    for (scaling, points) in &analysis.gradient_agreement {
        let Some(first) = points.first() else { continue };
        let pairs: Vec<String> = first
            .f64_pairs
            .iter()
            .chain(&first.f32_against_f64)
            .map(|p| format!("{} vs {}", p.a, p.b))
            .collect();
        let _ = writeln!(out, "{scaling} features:\n");
        let _ = writeln!(out, "| point | loss | {} |", pairs.join(" | "));
        let _ = writeln!(out, "| --- | ---: |{}", " ---: |".repeat(pairs.len()));
        for point in points {
            // Exact agreement reads "0": burn on flex and candle, which both multiply matrices
            // with the gemm crate, agree to the last bit on abalone.
            let cells: Vec<String> = point
                .f64_pairs
                .iter()
                .chain(&point.f32_against_f64)
                .map(|p| relative_cell(p.relative))
                .collect();
            let _ =
                writeln!(out, "| {} | {:.4} | {} |", point.point, point.loss, cells.join(" | "));
        }
        out.push('\n');
    }
}

fn conditioning(out: &mut String, analysis: &Analysis, learning_rate: f64, iterations: usize) {
    let _ = writeln!(out, "### Conditioning\n");
    let _ = writeln!(
        out,
        "The loss is quadratic, with the constant Hessian `H = (2/n)·[X 1]ᵀ[X 1]`. Gradient \
         descent multiplies the error along each eigenvector by `1 − η·λ` per iteration: it \
         diverges for `η > 2/λmax`, and the slowest direction with a non-zero eigenvalue shrinks \
         by a factor e every `1/(η·λmin)` iterations. Zero eigenvalues come from collinear \
         columns (one-hot columns sum to the bias column); they do not change predictions. Here \
         η = {learning_rate} and T = {iterations}.\n"
    );
    let _ = writeln!(
        out,
        "| features | λmax | smallest non-zero λ | rank of H | condition number | 2/λmax | η / (2/λmax) | iterations per e-fold | slowest direction left after T |"
    );
    let _ = writeln!(out, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for c in &analysis.conditioning {
        let k = &c.conditioning;
        let _ = writeln!(
            out,
            "| {} | {:.4e} | {:.4e} | {} of {} | {:.4e} | {:.4e} | {:.3}% | {:.4e} | {:.1}% |",
            c.scaling,
            k.lambda_max,
            k.lambda_min_nonzero,
            k.rank,
            k.eigenvalues.len(),
            k.condition_number,
            k.max_stable_learning_rate,
            100.0 * c.rate_fraction_of_limit,
            c.iterations_per_e_fold,
            100.0 * c.slowest_mode_remaining,
        );
    }
    out.push('\n');
    for c in &analysis.conditioning {
        let values: Vec<String> =
            c.conditioning.eigenvalues.iter().map(|l| format!("{l:.4e}")).collect();
        let _ = writeln!(out, "Eigenvalues of H, {} features: {}.\n", c.scaling, values.join(", "));
    }
}

fn convergence(out: &mut String, analysis: &Analysis) {
    let _ = writeln!(out, "### Convergence\n");
    let _ = writeln!(
        out,
        "How far each trainer ended from the minimum-norm least-squares optimum, beside the \
         conditioning prediction of how much error the slowest direction keeps.\n"
    );
    let _ = writeln!(
        out,
        "| features | trainer | training MSE − optimum | distance to optimum ‖θ − θ*‖ | predicted slowest direction left |"
    );
    let _ = writeln!(out, "| --- | --- | ---: | ---: | ---: |");
    for c in &analysis.convergence {
        let predicted = analysis
            .conditioning
            .iter()
            .find(|k| k.scaling == c.scaling)
            .map_or(f64::NAN, |k| k.slowest_mode_remaining);
        let _ = writeln!(
            out,
            "| {} | {} | {:.4e} | {:.4e} | {:.1}% |",
            c.scaling,
            c.trainer,
            c.loss_gap,
            c.distance_to_optimum,
            100.0 * predicted
        );
    }
    out.push('\n');
}

fn precision(out: &mut String, analysis: &Analysis, comparison: &Comparison, plots: &[PlotNames]) {
    let main = comparison.config.precision;
    let other = crate::analysis::precision::other(main);
    let _ = writeln!(out, "### Precision\n");
    let _ = writeln!(out, "Every run repeated in {other}, against the {main} run above.\n");
    let _ =
        writeln!(out, "| features | trainer | largest weight difference | test R² difference |");
    let _ = writeln!(out, "| --- | --- | ---: | ---: |");
    for p in &analysis.precision {
        let r2 = p.test_r2_difference.map_or_else(|| "undefined".into(), |d| format!("{d:.2e}"));
        let _ = writeln!(
            out,
            "| {} | {} | {:.3e} | {r2} |",
            p.scaling, p.trainer, p.max_weight_difference
        );
    }
    out.push('\n');
    for (run, names) in comparison.runs.iter().zip(plots) {
        let _ = writeln!(
            out,
            "![Loss difference between {other} and {main}, {} features]({})\n",
            run.scaling.name(),
            names.precision
        );
    }
}

fn sweep(out: &mut String, analysis: &Analysis, plots: &[PlotNames]) {
    if analysis.sweep.is_empty() {
        let _ = writeln!(out, "### Learning-rate sweep\n\nNot run; add `--sweep` to include it.\n");
        return;
    }
    let _ = writeln!(out, "### Learning-rate sweep\n");
    let mut scalings: Vec<&str> = analysis.sweep.iter().map(|s| s.scaling).collect();
    scalings.dedup();
    for (scaling, names) in scalings.iter().zip(plots) {
        let sweeps: Vec<_> = analysis.sweep.iter().filter(|s| s.scaling == *scaling).collect();
        let Some(first) = sweeps.first() else { continue };
        let _ = writeln!(
            out,
            "{scaling} features, {} iterations per run, stability limit 2/λmax = {:.4e}. Each \
             cell is the final training MSE; \"diverged\" means the loss grew or overflowed:\n",
            first.iterations, first.max_stable_learning_rate
        );
        let trainers: Vec<&str> = sweeps.iter().map(|s| s.trainer).collect();
        let _ = writeln!(out, "| learning rate | {} |", trainers.join(" | "));
        let _ = writeln!(out, "| ---: |{}", " ---: |".repeat(trainers.len()));
        for (k, point) in first.points.iter().enumerate() {
            let cells: Vec<String> = sweeps
                .iter()
                .map(|s| {
                    s.points[k].final_loss.map_or_else(|| "diverged".into(), |l| format!("{l:.4}"))
                })
                .collect();
            let _ = writeln!(out, "| {:.3e} | {} |", point.learning_rate, cells.join(" | "));
        }
        let _ = writeln!(out, "\n![Learning-rate sweep, {scaling} features]({})\n", names.sweep);
    }
}

/// Formats a relative difference with two significant digits, or "0" if it is exactly zero.
fn relative_cell(relative: f64) -> String {
    if relative == 0.0 { "0".to_owned() } else { format!("{relative:.1e}") }
}
