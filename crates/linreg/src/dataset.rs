//! From a loaded table to the feature matrices and targets of every split.
//!
//! The split, the encoding and (through [`Dataset::standardized`]) the scaling are computed
//! once here, so every trainer receives exactly the same numbers.

use crate::encode::{CategoryEncoding, UnseenCategoryPolicy, fit_categories};
use crate::error::DataError;
use crate::matrix::Matrix;
use crate::scale::Standardizer;
use crate::split::{Split, SplitFractions};
use crate::table::{ColumnValues, Table};

/// How to turn a table into a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetOptions {
    /// The target column by name or 0-based index; `None` (the default) takes the last column.
    pub target: Option<String>,
    /// Validation and test fractions. Default: 0.2 and 0.2.
    pub fractions: SplitFractions,
    /// Seed of the row shuffle. Default: 42.
    pub seed: u64,
    /// Handling of categories that only validation or test rows contain. Default: error.
    pub unseen_category: UnseenCategoryPolicy,
    /// A fixed category order per column name, such as `Sex: M, F, I` for abalone; other
    /// columns use the order of first appearance in the training rows.
    pub category_orders: Vec<(String, Vec<String>)>,
}

impl Default for DatasetOptions {
    fn default() -> Self {
        Self {
            target: None,
            fractions: SplitFractions::default(),
            seed: 42,
            unseen_category: UnseenCategoryPolicy::Error,
            category_orders: Vec::new(),
        }
    }
}

/// The rows of one split.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitData {
    /// Encoded (and possibly standardised) features, one row per sample.
    pub features: Matrix,
    /// Target values, one per row.
    pub targets: Vec<f64>,
    /// 0-based indices of these rows in the table.
    pub rows: Vec<usize>,
}

/// A validation or test value whose category training never saw, encoded as all zeros.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnseenCategory {
    /// The categorical column.
    pub column: String,
    /// The category.
    pub value: String,
    /// "validation" or "test".
    pub split: &'static str,
    /// Number of rows of that split with this category.
    pub rows: usize,
}

/// Train, validation and test data with named features.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Feature names in column order; one-hot features are named `column=category`.
    pub feature_names: Vec<String>,
    /// The target column's name.
    pub target_name: String,
    /// Training rows.
    pub train: SplitData,
    /// Validation rows (none for a train/test split).
    pub validation: SplitData,
    /// Test rows.
    pub test: SplitData,
    /// Categories encoded as all zeros under [`UnseenCategoryPolicy::Zero`].
    pub unseen_categories: Vec<UnseenCategory>,
}

impl Dataset {
    /// Splits, encodes and assembles `table`.
    ///
    /// # Errors
    /// [`DataError`] if the target does not exist or is categorical, no feature is left, the
    /// split is invalid for this many rows, or (by default) a held-out row has an unseen category.
    pub fn prepare(table: &Table, options: &DatasetOptions) -> Result<Self, DataError> {
        let target = resolve_target(table, options.target.as_deref())?;
        // Checked first: a one-column table is usually a file read with the wrong delimiter.
        if table.columns.len() < 2 {
            return Err(DataError::NoFeatures { target: table.columns[target].name.clone() });
        }
        let ColumnValues::Numeric(target_values) = &table.columns[target].values else {
            let ColumnValues::Categorical(values) = &table.columns[target].values else {
                unreachable!("a column is numeric or categorical")
            };
            return Err(DataError::CategoricalTarget {
                column: table.columns[target].name.clone(),
                example: values[0].clone(),
            });
        };

        let split = Split::new(table.rows(), options.fractions, options.seed)?;
        let encodings: Vec<CategoryEncoding> = (0..table.columns.len())
            .filter(|&j| j != target && table.columns[j].is_categorical())
            .map(|j| {
                let order = options
                    .category_orders
                    .iter()
                    .find(|(name, _)| *name == table.columns[j].name)
                    .map_or(&[][..], |(_, order)| order.as_slice());
                fit_categories(table, j, &split.train, order)
            })
            .collect();

        let mut feature_names = Vec::new();
        for (j, column) in table.columns.iter().enumerate() {
            if j == target {
                continue;
            }
            match encodings.iter().find(|e| e.column == j) {
                Some(e) => feature_names
                    .extend(e.categories.iter().map(|c| format!("{}={c}", column.name))),
                None => feature_names.push(column.name.clone()),
            }
        }

        let assembler = Assembler {
            table,
            target,
            target_values,
            encodings: &encodings,
            width: feature_names.len(),
        };
        let mut unseen_categories = Vec::new();
        let train = assembler.assemble(
            &split.train,
            "training",
            UnseenCategoryPolicy::Error,
            &mut unseen_categories,
        )?;
        let validation = assembler.assemble(
            &split.validation,
            "validation",
            options.unseen_category,
            &mut unseen_categories,
        )?;
        let test = assembler.assemble(
            &split.test,
            "test",
            options.unseen_category,
            &mut unseen_categories,
        )?;

        Ok(Self {
            feature_names,
            target_name: table.columns[target].name.clone(),
            train,
            validation,
            test,
            unseen_categories,
        })
    }

    /// Returns a copy with every split standardised by statistics of the training rows, and the
    /// fitted standardiser (which lists the constant columns).
    pub fn standardized(&self) -> (Self, Standardizer) {
        let scaler = Standardizer::fit(&self.train.features);
        let scale = |part: &SplitData| SplitData {
            features: scaler.transform(&part.features),
            ..part.clone()
        };
        let scaled = Self {
            train: scale(&self.train),
            validation: scale(&self.validation),
            test: scale(&self.test),
            ..self.clone()
        };
        (scaled, scaler)
    }
}

fn resolve_target(table: &Table, requested: Option<&str>) -> Result<usize, DataError> {
    match requested {
        None => Ok(table.columns.len() - 1),
        Some(name) => table.resolve(name).ok_or_else(|| DataError::UnknownColumn {
            role: "target",
            requested: name.to_owned(),
            available: table.names(),
        }),
    }
}

/// Builds the rows of one split from the table and the learned encodings.
struct Assembler<'a> {
    table: &'a Table,
    target: usize,
    target_values: &'a [f64],
    encodings: &'a [CategoryEncoding],
    width: usize,
}

impl Assembler<'_> {
    fn assemble(
        &self,
        rows: &[usize],
        split: &'static str,
        policy: UnseenCategoryPolicy,
        unseen: &mut Vec<UnseenCategory>,
    ) -> Result<SplitData, DataError> {
        let mut data = Vec::with_capacity(rows.len() * self.width);
        for &row in rows {
            for (j, column) in self.table.columns.iter().enumerate() {
                if j == self.target {
                    continue;
                }
                match &column.values {
                    ColumnValues::Numeric(values) => data.push(values[row]),
                    ColumnValues::Categorical(values) => {
                        let encoding = self.encodings.iter().find(|e| e.column == j);
                        let categories = encoding.map_or(&[][..], |e| e.categories.as_slice());
                        let value = &values[row];
                        let hot = categories.iter().position(|c| c == value);
                        if hot.is_none() {
                            if policy == UnseenCategoryPolicy::Error {
                                return Err(DataError::UnseenCategory {
                                    path: self.table.path.clone(),
                                    line: self.table.lines[row],
                                    column: column.name.clone(),
                                    value: value.clone(),
                                    split,
                                });
                            }
                            record_unseen(unseen, &column.name, value, split);
                        }
                        data.extend(
                            (0..categories.len()).map(|k| if Some(k) == hot { 1.0 } else { 0.0 }),
                        );
                    }
                }
            }
        }
        Ok(SplitData {
            features: Matrix::from_row_major(rows.len(), self.width, data),
            targets: rows.iter().map(|&r| self.target_values[r]).collect(),
            rows: rows.to_vec(),
        })
    }
}

fn record_unseen(unseen: &mut Vec<UnseenCategory>, column: &str, value: &str, split: &'static str) {
    match unseen.iter_mut().find(|u| u.column == column && u.value == value && u.split == split) {
        Some(entry) => entry.rows += 1,
        None => unseen.push(UnseenCategory {
            column: column.into(),
            value: value.into(),
            split,
            rows: 1,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{LoadOptions, parse_csv};

    fn table(text: &str) -> Table {
        parse_csv("t.csv".as_ref(), text.as_bytes(), &LoadOptions::default()).expect("valid CSV")
    }

    fn rows_csv(n: usize, category: impl Fn(usize) -> &'static str) -> String {
        let mut text = String::from("kind,x,y\n");
        for i in 0..n {
            text.push_str(&format!("{},{i},{}\n", category(i), 2 * i));
        }
        text
    }

    #[test]
    fn features_one_hot_then_numeric() {
        let t = table(&rows_csv(20, |i| ["a", "b"][i % 2]));
        let data = Dataset::prepare(&t, &DatasetOptions::default()).expect("valid");
        assert_eq!(data.target_name, "y");
        assert_eq!(data.feature_names.len(), 3);
        assert!(data.feature_names[..2].iter().all(|n| n.starts_with("kind=")));
        assert_eq!(data.feature_names[2], "x");
        for part in [&data.train, &data.validation, &data.test] {
            assert_eq!(part.features.cols(), 3);
            for (row, &index) in part.rows.iter().enumerate() {
                let features = part.features.row(row);
                assert_eq!(features[0] + features[1], 1.0);
                assert_eq!(features[2], index as f64);
                assert_eq!(part.targets[row], 2.0 * index as f64);
            }
        }
    }

    #[test]
    fn unseen_category_by_policy() {
        // Only one row carries "rare"; find a seed that puts it outside the training rows.
        let t = table(&rows_csv(20, |i| if i == 7 { "rare" } else { "common" }));
        let seed = (0..100)
            .find(|&s| {
                !Split::new(20, SplitFractions::default(), s).expect("valid").train.contains(&7)
            })
            .expect("some seed holds row 7 out");
        let options = DatasetOptions { seed, ..DatasetOptions::default() };
        let error = Dataset::prepare(&t, &options).expect_err("unseen category");
        assert!(
            matches!(&error, DataError::UnseenCategory { line: 9, value, .. } if value == "rare"),
            "{error:?}"
        );

        let zero = DatasetOptions { unseen_category: UnseenCategoryPolicy::Zero, ..options };
        let data = Dataset::prepare(&t, &zero).expect("zero encoding");
        assert_eq!(data.feature_names, ["kind=common", "x"]);
        assert_eq!(data.unseen_categories.len(), 1);
        assert_eq!(data.unseen_categories[0].rows, 1);
    }

    #[test]
    fn target_by_name_index_and_errors() {
        let t = table(&rows_csv(20, |_| "a"));
        let by_index = DatasetOptions { target: Some("1".into()), ..DatasetOptions::default() };
        assert_eq!(Dataset::prepare(&t, &by_index).expect("valid").target_name, "x");

        let missing = DatasetOptions { target: Some("z".into()), ..DatasetOptions::default() };
        let error = Dataset::prepare(&t, &missing).expect_err("unknown target");
        assert!(error.to_string().contains("the columns are: kind, x, y"), "{error}");

        let categorical =
            DatasetOptions { target: Some("kind".into()), ..DatasetOptions::default() };
        let error = Dataset::prepare(&t, &categorical).expect_err("categorical target");
        assert!(matches!(error, DataError::CategoricalTarget { .. }), "{error:?}");
    }
}
