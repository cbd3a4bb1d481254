//! The error type of data loading and preparation.
//!
//! Every variant carries what a user needs to find and fix the problem: the file, the 1-based
//! line, the column, the rejected value and the rule it broke.

use std::path::PathBuf;

/// Failure to load, download or prepare data for training.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be opened or read.
    #[error("cannot read {}: {source}; check the path and its permissions", path.display())]
    Io {
        /// The file that failed.
        path: PathBuf,
        /// The operating-system error.
        source: std::io::Error,
    },

    /// The file has no data rows.
    #[error("{} has no data rows{}; give a CSV file with at least one row of values", path.display(), if *header_only { " (only a header)" } else { "" })]
    Empty {
        /// The file that failed.
        path: PathBuf,
        /// True if and only if the file contains a header and nothing else.
        header_only: bool,
    },

    /// A field is not valid UTF-8.
    #[error("{}:{line}: field {field} is not valid UTF-8; save the file as UTF-8 text", path.display())]
    NotUtf8 {
        /// The file that failed.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// 1-based field number.
        field: usize,
    },

    /// The CSV reader rejected the file.
    #[error("{}:{line}: invalid CSV: {message}", path.display())]
    Csv {
        /// The file that failed.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// The reader's description of the problem.
        message: String,
    },

    /// A row has a different number of fields than the first row.
    #[error("{}:{line}: expected {expected} fields (as in the first row), found {found}; fix the row or check --delimiter", path.display())]
    RaggedRow {
        /// The file that failed.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// Field count of the first row.
        expected: usize,
        /// Field count of this row.
        found: usize,
    },

    /// A value in the target column is not a finite number.
    #[error("{}:{line}: target column '{column}' (field {field}): value {value:?} is {reason}; every target must be a finite number, so fix the value, or choose another target column with --target", path.display())]
    InvalidTarget {
        /// The file that failed.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// The column's name.
        column: String,
        /// 1-based field number.
        field: usize,
        /// The rejected text.
        value: String,
        /// The reason the text is not a finite number.
        reason: &'static str,
    },

    /// `--drop` names the target column.
    #[error("--drop removes '{column}', the target column{}; keep it, or choose another target with --target", if *by_default { " (the last column, by default)" } else { "" })]
    TargetDropped {
        /// The target column's name.
        column: String,
        /// True if the target was not named, so that it is the file's last column.
        by_default: bool,
    },

    /// A value in a numeric column is not a finite number.
    #[error("{}:{line}: column '{column}' (field {field}): value {value:?} is {reason}; fix the value, treat the column as categories by adding '{column}' to --categorical, or leave it out with --drop '{column}'", path.display())]
    InvalidNumber {
        /// The file that failed.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// The column's name.
        column: String,
        /// 1-based field number.
        field: usize,
        /// The rejected text.
        value: String,
        /// The reason for rejection, such as "not a number" or "not finite".
        reason: &'static str,
    },

    /// A value is missing.
    #[error("{}:{line}: column '{column}' (field {field}): value {value:?} is missing; fill it in, or skip such rows with --missing drop", path.display())]
    MissingValue {
        /// The file that failed.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// The column's name.
        column: String,
        /// 1-based field number.
        field: usize,
        /// The text that marks the value missing.
        value: String,
    },

    /// The file contains NUL bytes, so it is not CSV text.
    #[error("{} is a binary file, not CSV text; pass a comma- or otherwise-delimited text file", path.display())]
    Binary {
        /// The file that failed.
        path: PathBuf,
    },

    /// A column named on the command line does not exist.
    #[error("{role} column {requested:?} not found; the columns are: {}", available.join(", "))]
    UnknownColumn {
        /// The role of the requested column, such as "target" or "categorical".
        role: &'static str,
        /// The name or index as given.
        requested: String,
        /// The names of all columns.
        available: Vec<String>,
    },

    /// The target column contains categories, not numbers.
    #[error(
        "target column '{column}' is categorical (value {example:?}); choose a numeric target with --target"
    )]
    CategoricalTarget {
        /// The target column.
        column: String,
        /// One of its values.
        example: String,
    },

    /// No feature column is left once the target is removed.
    #[error(
        "no feature columns: the file has only one column, '{target}'; if its rows contain another delimiter, such as ';' or a tab, pass it with --delimiter"
    )]
    NoFeatures {
        /// The target column.
        target: String,
    },

    /// A validation or test row contains a category that the training rows never contain.
    #[error("{}:{line}: column '{column}': category {value:?} appears in the {split} rows but never in the training rows; if '{column}' is an identifier, leave it out with --drop '{column}', otherwise encode unseen categories as all zeros with --unseen-category zero", path.display())]
    UnseenCategory {
        /// The file the row came from.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// The categorical column.
        column: String,
        /// The unseen category.
        value: String,
        /// "validation" or "test".
        split: &'static str,
    },

    /// The split fractions are invalid or leave a part without rows.
    #[error("invalid split: {reason}")]
    InvalidSplit {
        /// The problem, with the values involved.
        reason: String,
    },

    /// A file's SHA-256 differs from the published one.
    #[error("{} has SHA-256 {actual}, expected {expected}; {advice}", path.display())]
    ChecksumMismatch {
        /// The file or download that failed.
        path: PathBuf,
        /// The published checksum.
        expected: String,
        /// The checksum of the bytes seen.
        actual: String,
        /// The advice to the user.
        advice: &'static str,
    },

    /// The data file is missing and could not be downloaded.
    #[error("{} not found, and the download from {url} failed: {reason}. Download the file by hand and save it as {}, or pass --data PATH", path.display(), path.display())]
    Download {
        /// The expected location of the file.
        path: PathBuf,
        /// The address tried.
        url: String,
        /// The cause of the failure.
        reason: String,
    },
}
