//! Why the numbers differ: gradient agreement, conditioning, convergence, precision and the
//! learning-rate sweep, measured on the data of the run.

pub mod conditioning;
pub mod gradients;
pub mod precision;
pub mod sweep;

use anyhow::Result;
use serde::Serialize;

use crate::run::Comparison;
use crate::trainers::Method;

pub use conditioning::{ConditioningSummary, Convergence};
pub use gradients::PointAgreement;
pub use precision::PrecisionComparison;
pub use sweep::Sweep;

/// Everything the analysis measured, per scaling.
#[derive(Debug, Serialize)]
pub struct Analysis {
    /// Gradient agreement per scaling, at zero and three random points.
    pub gradient_agreement: Vec<(String, Vec<PointAgreement>)>,
    /// The Hessian's figures per scaling.
    pub conditioning: Vec<ConditioningSummary>,
    /// Each trainer's distance from the optimum.
    pub convergence: Vec<Convergence>,
    /// The runs repeated in the other precision.
    pub precision: Vec<PrecisionComparison>,
    /// The learning-rate sweep, if requested.
    pub sweep: Vec<Sweep>,
    /// A few sentences drawn from the figures above.
    pub conclusion: Vec<String>,
}

/// Settings of the learning-rate sweep.
#[derive(Debug, Clone, Copy)]
pub struct SweepSettings {
    /// Iterations per run of the sweep.
    pub iterations: usize,
    /// Number of learning rates in the grid.
    pub points: usize,
}

/// Measures the analysis of `comparison`, training the extra runs it needs.
///
/// # Errors
/// The first failure of a trainer or a gradient probe.
pub fn analyze(
    comparison: &Comparison,
    methods: &[Box<dyn Method>],
    sweep: Option<SweepSettings>,
) -> Result<Analysis> {
    let config = &comparison.config;
    let mut analysis = Analysis {
        gradient_agreement: Vec::new(),
        conditioning: Vec::new(),
        convergence: Vec::new(),
        precision: Vec::new(),
        sweep: Vec::new(),
        conclusion: Vec::new(),
    };
    for run in &comparison.runs {
        let probes: Vec<(&'static str, &dyn linreg::train::GradientProbe)> =
            methods.iter().map(|m| (m.name(), m.as_probe())).collect();
        let train = &run.data.train;
        eprintln!("measuring gradient agreement on {} features", run.scaling.name());
        analysis.gradient_agreement.push((
            run.scaling.name().to_owned(),
            gradients::agreement(&probes, &train.features, &train.targets)?,
        ));
        analysis.conditioning.push(conditioning::summarize(
            run,
            config.learning_rate,
            config.iterations,
        ));
        analysis.convergence.extend(conditioning::convergence(run));
        eprintln!(
            "repeating the {} runs in {}",
            run.scaling.name(),
            precision::other(config.precision)
        );
        analysis.precision.extend(precision::compare_precisions(run, methods, config)?);
        if let Some(settings) = sweep {
            eprintln!("sweeping learning rates on {} features", run.scaling.name());
            analysis.sweep.extend(sweep::sweep(
                run,
                methods,
                config,
                settings.iterations,
                settings.points,
            )?);
        }
    }
    analysis.conclusion = conclusion(&analysis, config.learning_rate, config.iterations);
    Ok(analysis)
}

/// Writes the headline findings as sentences.
fn conclusion(analysis: &Analysis, learning_rate: f64, iterations: usize) -> Vec<String> {
    let mut sentences = Vec::new();
    for c in &analysis.conditioning {
        let needed = c.iterations_per_e_fold;
        let count = format_count(iterations as f64);
        sentences.push(format!(
            "{} features: {count} iterations at learning rate {learning_rate} use {:.2}% of the \
             stable rate 2/λmax = {:.4} (condition number {:.3e}). The slowest direction shrinks \
             by a factor e every {} iterations, so after {count} iterations it keeps {:.1}% of its \
             starting error.",
            c.scaling,
            100.0 * c.rate_fraction_of_limit,
            c.conditioning.max_stable_learning_rate,
            c.conditioning.condition_number,
            format_count(needed),
            100.0 * c.slowest_mode_remaining,
        ));
    }
    if let [raw, standardized] = analysis.conditioning.as_slice() {
        sentences.push(format!(
            "Standardising divides the condition number by {:.1}. The stable rate moves from \
             {:.4} to {:.4}, and at learning rate {learning_rate} the slowest direction needs {} \
             instead of {} iterations per e-fold.",
            raw.conditioning.condition_number / standardized.conditioning.condition_number,
            raw.conditioning.max_stable_learning_rate,
            standardized.conditioning.max_stable_learning_rate,
            format_count(standardized.iterations_per_e_fold),
            format_count(raw.iterations_per_e_fold),
        ));
    }

    let pairs = analysis
        .gradient_agreement
        .iter()
        .flat_map(|(_, points)| points.iter().flat_map(|p| &p.f64_pairs));
    let (mut between_trainers, mut against_differences) = (None::<f64>, 0.0f64);
    for pair in pairs {
        if pair.b == "finite differences" {
            against_differences = against_differences.max(pair.relative);
        } else {
            between_trainers = Some(between_trainers.unwrap_or(0.0).max(pair.relative));
        }
    }
    sentences.push(match between_trainers {
        Some(largest) => format!(
            "In f64 the trainers' gradients agree to {largest:.1e} (largest relative difference \
             over all points), and with central finite differences to {against_differences:.1e}."
        ),
        None => format!(
            "In f64 the hand-derived gradient agrees with central finite differences to \
             {against_differences:.1e} (largest relative difference over all points)."
        ),
    });
    sentences
}

/// Formats a large count with three significant digits and thousands separators.
fn format_count(value: f64) -> String {
    if !value.is_finite() {
        return "infinitely many".into();
    }
    let digits = value.abs().log10().floor() as i32;
    let rounded = if digits > 2 {
        let unit = 10f64.powi(digits - 2);
        (value / unit).round() * unit
    } else {
        value.round()
    };
    let text = format!("{rounded:.0}");
    let mut grouped = String::new();
    for (k, ch) in text.chars().enumerate() {
        if k > 0 && (text.len() - k) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(ch);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_keep_three_significant_digits() {
        assert_eq!(format_count(3_456_789.0), "3 460 000");
        assert_eq!(format_count(712.4), "712");
        assert_eq!(format_count(f64::INFINITY), "infinitely many");
    }
}
