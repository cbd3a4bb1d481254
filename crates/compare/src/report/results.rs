//! The machine-readable results, written as results.json.
//!
//! JSON has no NaN or infinity, and none is ever written: an undefined value is `null`, and the
//! run's `undefined` object maps the field to the reason.

use std::collections::BTreeMap;

use linreg::metrics::Diagnosis;
use serde::Serialize;
use serde_json::{Map, Value};

use super::data_summary::{ColumnSummary, summarize};
use super::manifest::{Manifest, manifest};
use crate::analysis::Analysis;
use crate::cli::Cli;
use crate::run::{Comparison, ScalingRun, Scores};

/// Everything a report states, in a form other tools can read.
#[derive(Debug, Serialize)]
pub struct Results<'a> {
    /// Data, split, settings, versions and machine of the run.
    pub manifest: Manifest,
    /// Per-column statistics of the loaded data.
    pub data_summary: Vec<ColumnSummary>,
    /// One entry per (scaling, trainer), the least-squares optimum included.
    pub runs: Vec<RunRecord>,
    /// Per scaling, the largest absolute weight or bias difference of each trainer from manual.
    pub max_weight_difference_from_manual: Vec<WeightDifference>,
    /// Gradient agreement, conditioning, convergence, precision and the sweep.
    pub analysis: &'a Analysis,
}

/// A value per split.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PerSplit {
    /// On the training rows.
    pub train: Option<f64>,
    /// On the validation rows.
    pub val: Option<f64>,
    /// On the test rows.
    pub test: Option<f64>,
}

/// One trainer's (or the optimum's) result on one scaling.
#[derive(Debug, Serialize)]
pub struct RunRecord {
    /// "raw" or "standardized".
    pub scaling: &'static str,
    /// "manual", "burn", "candle" or "least_squares".
    pub trainer: &'static str,
    /// Feature name to weight, in feature order.
    pub weights: Map<String, Value>,
    /// The intercept.
    pub bias: f64,
    /// R² per split.
    pub r2: PerSplit,
    /// Mean squared error per split.
    pub mse: PerSplit,
    /// Bias, variance and fit.
    pub diagnosis: Option<Diagnosis>,
    /// Wall-clock training time in seconds (the SVD for the optimum).
    pub train_seconds: f64,
    /// Training time divided by iterations; `null` for the closed-form optimum.
    pub micros_per_iteration: Option<f64>,
    /// `[iteration, training MSE]` pairs.
    pub loss_curve: Vec<(usize, f64)>,
    /// The reason for each `null` above, by field name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub undefined: BTreeMap<String, String>,
}

/// The largest absolute parameter difference between a trainer and manual on one scaling.
#[derive(Debug, Serialize)]
pub struct WeightDifference {
    /// "raw" or "standardized".
    pub scaling: &'static str,
    /// The trainer compared with manual.
    pub trainer: &'static str,
    /// max over weights and bias of |trainer − manual|.
    pub max_abs_difference: f64,
}

/// Collects the results of `comparison`.
pub fn results<'a>(cli: &Cli, comparison: &Comparison, analysis: &'a Analysis) -> Results<'a> {
    let mut runs = Vec::new();
    let mut differences = Vec::new();
    for run in &comparison.runs {
        for trainer in &run.runs {
            let seconds = trainer.fit.train_time.as_secs_f64();
            let iterations = comparison.config.iterations as f64;
            runs.push(record(
                run,
                trainer.trainer,
                &trainer.fit.weights,
                trainer.fit.bias,
                &trainer.scores,
                seconds,
                Some(seconds * 1e6 / iterations),
                trainer.fit.loss_curve.iter().map(|p| (p.iteration, p.loss)).collect(),
            ));
        }
        let optimum = &run.optimum;
        let mut record = record(
            run,
            "least_squares",
            &optimum.weights,
            optimum.bias,
            &run.optimum_scores,
            run.optimum_time.as_secs_f64(),
            None,
            Vec::new(),
        );
        record
            .undefined
            .insert("micros_per_iteration".into(), "closed-form solution, no iterations".into());
        runs.push(record);
        differences.extend(run.differences_from_manual().into_iter().map(
            |(trainer, max_abs_difference)| WeightDifference {
                scaling: run.scaling.name(),
                trainer,
                max_abs_difference,
            },
        ));
    }
    Results {
        manifest: manifest(cli, comparison),
        data_summary: summarize(&comparison.source.table),
        runs,
        max_weight_difference_from_manual: differences,
        analysis,
    }
}

#[allow(clippy::too_many_arguments)]
fn record(
    run: &ScalingRun,
    trainer: &'static str,
    weights: &[f64],
    bias: f64,
    scores: &Scores,
    train_seconds: f64,
    micros_per_iteration: Option<f64>,
    loss_curve: Vec<(usize, f64)>,
) -> RunRecord {
    let mut undefined = BTreeMap::new();
    let validation = scores.validation;
    if validation.is_none() {
        undefined.insert("r2.val".into(), "no validation rows (train/test split)".into());
        undefined.insert("mse.val".into(), "no validation rows (train/test split)".into());
    }
    let constant = "the targets of this split are constant, so R² is undefined";
    let r2 = PerSplit {
        train: scores.train.r2,
        val: validation.and_then(|v| v.r2),
        test: scores.test.r2,
    };
    if r2.train.is_none() {
        undefined.insert("r2.train".into(), constant.into());
    }
    if validation.is_some() && r2.val.is_none() {
        undefined.insert("r2.val".into(), constant.into());
    }
    if r2.test.is_none() {
        undefined.insert("r2.test".into(), constant.into());
    }
    if scores.diagnosis.is_none() {
        undefined.insert("diagnosis".into(), "needs a defined training and held-out R²".into());
    }

    RunRecord {
        scaling: run.scaling.name(),
        trainer,
        weights: run
            .data
            .feature_names
            .iter()
            .cloned()
            .zip(weights.iter().map(|&w| Value::from(w)))
            .collect(),
        bias,
        r2,
        mse: PerSplit {
            train: Some(scores.train.mse),
            val: validation.map(|v| v.mse),
            test: Some(scores.test.mse),
        },
        diagnosis: scores.diagnosis,
        train_seconds,
        micros_per_iteration,
        loss_curve,
        undefined,
    }
}
