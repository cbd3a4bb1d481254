//! `--export DIR`: the exact matrices the trainers received, as CSV, for other tools.

use anyhow::Result;
use linreg::SplitData;

use crate::output::OutputFile;
use crate::run::Comparison;

/// Renders one CSV file per scaling and split (`raw_train.csv`, `standardized_test.csv`, …):
/// feature columns named as in the report, then the target column, one row per sample in the
/// order the trainers saw them.
pub fn export_files(comparison: &Comparison) -> Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    for run in &comparison.runs {
        let data = &run.data;
        for (split, part) in
            [("train", &data.train), ("validation", &data.validation), ("test", &data.test)]
        {
            let name = format!("{}_{split}.csv", run.scaling.name());
            files.push((name, csv_bytes(&data.feature_names, &data.target_name, part)?));
        }
    }
    Ok(files)
}

fn csv_bytes(features: &[String], target: &str, part: &SplitData) -> Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(features.iter().map(String::as_str).chain([target]))?;
    for (row, y) in part.features.row_iter().zip(&part.targets) {
        // Rust's `{}` for f64 prints the shortest text that parses back to the same value, so the
        // export is exact.
        writer.write_record(row.iter().chain([y]).map(|v| v.to_string()))?;
    }
    writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}
