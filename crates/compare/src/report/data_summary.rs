//! Per-column statistics of the loaded data, so a reader sees what the models were fitted on.

use linreg::{ColumnValues, Table};
use serde::Serialize;

/// Statistics of one column over all data rows.
#[derive(Debug, Serialize)]
pub struct ColumnSummary {
    /// Column name.
    pub name: String,
    /// "numeric" or "categorical".
    pub kind: &'static str,
    /// Smallest value (numeric columns).
    pub min: Option<f64>,
    /// Largest value (numeric columns).
    pub max: Option<f64>,
    /// Mean value (numeric columns).
    pub mean: Option<f64>,
    /// Number of values equal to zero (numeric columns).
    pub zeros: Option<usize>,
    /// Each category with its row count, in order of first appearance (categorical columns).
    pub categories: Vec<(String, usize)>,
}

/// Summarises every column of `table`.
pub fn summarize(table: &Table) -> Vec<ColumnSummary> {
    table
        .columns
        .iter()
        .map(|column| match &column.values {
            ColumnValues::Numeric(values) => ColumnSummary {
                name: column.name.clone(),
                kind: "numeric",
                min: values.iter().copied().reduce(f64::min),
                max: values.iter().copied().reduce(f64::max),
                mean: Some(values.iter().sum::<f64>() / values.len() as f64),
                zeros: Some(values.iter().filter(|&&v| v == 0.0).count()),
                categories: Vec::new(),
            },
            ColumnValues::Categorical(values) => {
                let mut categories: Vec<(String, usize)> = Vec::new();
                for value in values {
                    match categories.iter_mut().find(|(c, _)| c == value) {
                        Some((_, count)) => *count += 1,
                        None => categories.push((value.clone(), 1)),
                    }
                }
                ColumnSummary {
                    name: column.name.clone(),
                    kind: "categorical",
                    min: None,
                    max: None,
                    mean: None,
                    zeros: None,
                    categories,
                }
            }
        })
        .collect()
}
