//! A table of named columns as loaded from a CSV file, before encoding.

use std::path::PathBuf;

/// The values of one column.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnValues {
    /// Finite numbers.
    Numeric(Vec<f64>),
    /// Category labels, one-hot encoded before training.
    Categorical(Vec<String>),
}

/// One named column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header field, or the schema's or a generated name when the file has no header.
    pub name: String,
    /// One value per data row.
    pub values: ColumnValues,
}

impl Column {
    /// True if and only if the column contains categories.
    pub fn is_categorical(&self) -> bool {
        matches!(self.values, ColumnValues::Categorical(_))
    }
}

/// Columns of equal length plus, for each row, the line it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file the table was read from, for error messages.
    pub path: PathBuf,
    /// The columns in file order.
    pub columns: Vec<Column>,
    /// The 1-based line number of each data row (blank lines and the header are not rows).
    pub lines: Vec<u64>,
    /// The lines of rows left out for a missing value under [`crate::MissingPolicy::Drop`].
    pub dropped_lines: Vec<u64>,
}

impl Table {
    /// Number of data rows.
    pub fn rows(&self) -> usize {
        self.lines.len()
    }

    /// Column names in file order.
    pub fn names(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.name.clone()).collect()
    }

    /// Finds a column by exact name, or else by 0-based index written as a number.
    pub fn resolve(&self, requested: &str) -> Option<usize> {
        if let Some(i) = self.columns.iter().position(|c| c.name == requested) {
            return Some(i);
        }
        requested.parse::<usize>().ok().filter(|&i| i < self.columns.len())
    }
}
