//! Typing the columns of parsed CSV records: dropping, categorical detection, missing values
//! and number parsing.

use std::path::Path;

use crate::error::DataError;
use crate::load::{LoadOptions, MissingPolicy, NumberFormat, Record, is_missing};
use crate::table::{Column, ColumnValues, Table};

/// Builds the table from the data records (header removed) and the column names.
pub(crate) fn build_table(
    path: &Path,
    names: Vec<String>,
    records: Vec<Record>,
    options: &LoadOptions,
    number: NumberFormat,
) -> Result<Table, DataError> {
    let dropped = resolve_all(&names, &options.drop, "drop")?;
    let kept_columns: Vec<usize> = (0..names.len()).filter(|j| !dropped.contains(j)).collect();
    let target = target_column(&names, &kept_columns, options.target.as_deref())?;
    let categorical =
        categorical_flags(&names, &kept_columns, &records, options.categorical.as_deref(), number)?;

    // Rows with a missing value in a kept_columns column are an error, or left out by option.
    let mut rows = Vec::with_capacity(records.len());
    let mut dropped_rows = Vec::new();
    for record in records {
        match kept_columns.iter().find(|&&j| is_missing(&record.fields[j])) {
            None => rows.push(record),
            Some(_) if options.missing == MissingPolicy::Drop => dropped_rows.push(record.line),
            Some(&j) => {
                return Err(DataError::MissingValue {
                    path: path.into(),
                    line: record.line,
                    column: names[j].clone(),
                    field: j + 1,
                    value: record.fields[j].clone(),
                });
            }
        }
    }
    if rows.is_empty() {
        return Err(DataError::Empty { path: path.into(), header_only: false });
    }

    let mut columns = Vec::with_capacity(kept_columns.len());
    for &j in &kept_columns {
        let values = if categorical[j] {
            ColumnValues::Categorical(rows.iter().map(|r| r.fields[j].clone()).collect())
        } else {
            let is_target = target == Some(j);
            ColumnValues::Numeric(parse_numeric_column(
                path, &names[j], j, is_target, &rows, number,
            )?)
        };
        columns.push(Column { name: names[j].clone(), values });
    }
    Ok(Table {
        path: path.into(),
        columns,
        lines: rows.iter().map(|r| r.line).collect(),
        dropped_lines: dropped_rows,
    })
}

/// Resolves each requested column, by exact name or else by 0-based index.
fn resolve_all(
    names: &[String],
    requested: &[String],
    role: &'static str,
) -> Result<Vec<usize>, DataError> {
    requested
        .iter()
        .map(|wanted| {
            names
                .iter()
                .position(|n| n == wanted)
                .or_else(|| wanted.parse::<usize>().ok().filter(|&i| i < names.len()))
                .ok_or_else(|| DataError::UnknownColumn {
                    role,
                    requested: wanted.clone(),
                    available: names.to_vec(),
                })
        })
        .collect()
}

/// Flags the categorical columns. Without a list, a kept_columns column is categorical if and only if
/// it has a non-missing value and none of its non-missing values looks like a number.
fn categorical_flags(
    names: &[String],
    kept_columns: &[usize],
    records: &[Record],
    requested: Option<&[String]>,
    number: NumberFormat,
) -> Result<Vec<bool>, DataError> {
    let mut flags = vec![false; names.len()];
    match requested {
        Some(requested) => {
            for index in resolve_all(names, requested, "categorical")? {
                flags[index] = true;
            }
        }
        None => {
            for &j in kept_columns {
                let mut present =
                    records.iter().map(|r| &r.fields[j]).filter(|f| !is_missing(f)).peekable();
                flags[j] = present.peek().is_some() && present.all(|f| !number.looks_numeric(f));
            }
        }
    }
    Ok(flags)
}

/// Returns the file index of the target column, or `None` if a requested target does not exist
/// (`Dataset::prepare` reports that with the list of columns).
///
/// The default target is the file's last column. A requested target is a name or an index among
/// the kept columns, as `Dataset::prepare` resolves it.
///
/// # Errors
/// [`DataError::TargetDropped`] if `--drop` removes the target.
fn target_column(
    names: &[String],
    kept_columns: &[usize],
    requested: Option<&str>,
) -> Result<Option<usize>, DataError> {
    let found = match requested {
        None => names.len().checked_sub(1),
        Some(wanted) => names
            .iter()
            .position(|n| n == wanted)
            .or_else(|| wanted.parse::<usize>().ok().and_then(|i| kept_columns.get(i).copied())),
    };
    match found {
        Some(j) if !kept_columns.contains(&j) => Err(DataError::TargetDropped {
            column: names[j].clone(),
            by_default: requested.is_none(),
        }),
        _ => Ok(found),
    }
}

fn parse_numeric_column(
    path: &Path,
    name: &str,
    j: usize,
    is_target: bool,
    records: &[Record],
    number: NumberFormat,
) -> Result<Vec<f64>, DataError> {
    records
        .iter()
        .map(|r| {
            number.parse(&r.fields[j]).map_err(|reason| {
                let (path, line, column, value) =
                    (path.into(), r.line, name.to_owned(), r.fields[j].clone());
                if is_target {
                    DataError::InvalidTarget { path, line, column, field: j + 1, value, reason }
                } else {
                    DataError::InvalidNumber { path, line, column, field: j + 1, value, reason }
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::error::DataError;
    use crate::load::{LoadOptions, MissingPolicy, parse_csv};
    use crate::table::{ColumnValues, Table};

    fn parse_with(text: &str, options: &LoadOptions) -> Result<Table, DataError> {
        parse_csv("m.csv".as_ref(), text.as_bytes(), options)
    }

    fn numeric(table: &Table, j: usize) -> Vec<f64> {
        match &table.columns[j].values {
            ColumnValues::Numeric(v) => v.clone(),
            ColumnValues::Categorical(_) => panic!("column {j} is categorical"),
        }
    }

    #[test]
    fn missing_tokens_are_errors_naming_line_and_column() {
        for token in ["", "NA", "n/a", "?", "nan", "NaN", "null"] {
            let text = format!("a,b\n1,2\n3,{token}\n");
            let error = parse_with(&text, &LoadOptions::default()).expect_err("missing value");
            match &error {
                DataError::MissingValue { line, column, field, value, .. } => {
                    assert_eq!((*line, column.as_str(), *field), (3, "b", 2), "{token:?}");
                    assert_eq!(value, token);
                }
                other => panic!("{token:?}: expected MissingValue, got {other:?}"),
            }
            assert!(error.to_string().contains("--missing drop"), "{error}");
        }
    }

    #[test]
    fn missing_drop_leaves_rows_out_and_counts_them() {
        let options = LoadOptions { missing: MissingPolicy::Drop, ..LoadOptions::default() };
        let table = parse_with("a,b\n1,2\n3,?\nNA,4\n5,6\n", &options).expect("rows dropped");
        assert_eq!(numeric(&table, 0), [1.0, 5.0]);
        assert_eq!(table.lines, [2, 5]);
        assert_eq!(table.dropped_lines, [3, 4]);
    }

    #[test]
    fn decimal_comma_numbers() {
        let options =
            LoadOptions { delimiter: b';', decimal_comma: true, ..LoadOptions::default() };
        let table = parse_with("x;y\n1,5;2\n-0,25;3,75\n", &options).expect("decimal commas");
        assert_eq!(numeric(&table, 0), [1.5, -0.25]);
        assert_eq!(numeric(&table, 1), [2.0, 3.75]);
    }

    #[test]
    fn decimal_comma_without_option_suggests_it() {
        let options =
            LoadOptions { delimiter: b';', categorical: Some(vec![]), ..LoadOptions::default() };
        let error = parse_with("x;y\n1,5;2\n", &options)
            .expect_err("comma is not a decimal point by default");
        assert!(error.to_string().contains("--decimal-comma"), "{error}");
    }

    #[test]
    fn binary_file_is_rejected() {
        let result = parse_csv(
            "b.bin".as_ref(),
            b"\x7fELF\x02\x01\x01\x00\x00\x00",
            &LoadOptions::default(),
        );
        assert!(matches!(result, Err(DataError::Binary { .. })), "{result:?}");
    }

    #[test]
    fn drop_option_and_unknown_column() {
        let options = LoadOptions { drop: vec!["id".into()], ..LoadOptions::default() };
        let table = parse_with("id,x,y\nA1,1,2\nB7,3,4\n", &options).expect("id dropped");
        assert_eq!(table.names(), ["x", "y"]);

        let options = LoadOptions { drop: vec!["colour".into()], ..LoadOptions::default() };
        let error = parse_with("id,x,y\nA1,1,2\n", &options).expect_err("unknown column");
        assert!(matches!(&error, DataError::UnknownColumn { role: "drop", .. }), "{error:?}");
        assert!(error.to_string().contains("the columns are: id, x, y"), "{error}");
    }

    #[test]
    fn undeclared_text_column_suggests_categorical_or_drop() {
        let options =
            LoadOptions { categorical: Some(vec!["kind".into()]), ..LoadOptions::default() };
        let error = parse_with("kind,name,y\na,bob,1\nb,eve,2\n", &options)
            .expect_err("text in numeric column");
        let message = error.to_string();
        assert!(message.contains("m.csv:2: column 'name'"), "{message}");
        assert!(message.contains("adding 'name' to --categorical"), "{message}");
        assert!(message.contains("--drop 'name'"), "{message}");
    }
}
