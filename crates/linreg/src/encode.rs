//! One-hot encoding of categorical columns, learned from the training rows only.

use crate::table::{ColumnValues, Table};

/// Policy for a validation or test row whose category the training rows never contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnseenCategoryPolicy {
    /// Reject the data with an error naming the row and the value.
    #[default]
    Error,
    /// Encode the row as all zeros in that column's one-hot block, and report it.
    Zero,
}

/// The categories of one categorical column, in encoding order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryEncoding {
    /// Index of the column in the table.
    pub column: usize,
    /// The categories; feature `k` of the block is 1 for rows whose value is `categories[k]`.
    pub categories: Vec<String>,
}

/// Learns the categories of `column` from the rows `train`.
///
/// Categories listed in `preferred_order` come first, in that order, if the training rows
/// contain them; the others follow in order of first appearance in `train`.
///
/// # Panics
/// If `column` is not categorical.
pub fn fit_categories(
    table: &Table,
    column: usize,
    train: &[usize],
    preferred_order: &[String],
) -> CategoryEncoding {
    let ColumnValues::Categorical(values) = &table.columns[column].values else {
        panic!("column {column} is not categorical");
    };
    let mut seen: Vec<String> = Vec::new();
    for &row in train {
        if !seen.contains(&values[row]) {
            seen.push(values[row].clone());
        }
    }
    let mut categories: Vec<String> =
        preferred_order.iter().filter(|c| seen.contains(c)).cloned().collect();
    categories.extend(seen.into_iter().filter(|c| !preferred_order.contains(c)));
    CategoryEncoding { column, categories }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Column;

    fn table(values: &[&str]) -> Table {
        Table {
            path: "t.csv".into(),
            columns: vec![Column {
                name: "Sex".into(),
                values: ColumnValues::Categorical(values.iter().map(|v| (*v).into()).collect()),
            }],
            lines: (1..=values.len() as u64).collect(),
            dropped_lines: Vec::new(),
        }
    }

    #[test]
    fn categories_follow_first_appearance_in_training_rows() {
        let t = table(&["b", "a", "c", "a"]);
        let encoding = fit_categories(&t, 0, &[3, 2, 0], &[]);
        assert_eq!(encoding.categories, ["a", "c", "b"]);
    }

    #[test]
    fn preferred_order_comes_first_and_skips_absent_categories() {
        let t = table(&["I", "F", "X", "M"]);
        let order = ["M".to_string(), "F".into(), "I".into(), "Z".into()];
        let encoding = fit_categories(&t, 0, &[0, 1, 2, 3], &order);
        assert_eq!(encoding.categories, ["M", "F", "I", "X"]);
    }
}
