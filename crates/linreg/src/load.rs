//! CSV loading into a [`Table`].
//!
//! Parsing goes through the `csv` crate. On top of it this module strips a UTF-8 byte-order
//! mark, skips fully blank lines, decides whether the first row is a header, checks that every
//! row has the same number of fields and decides which columns hold categories.

use std::path::Path;

use crate::error::DataError;
use crate::table::Table;

/// Whether the first row of the file names the columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeaderMode {
    /// Decide from the data: the first row is a header if and only if some column contains
    /// text in the first row and only numbers or missing values in the next 100 rows.
    #[default]
    Auto,
    /// The first row is a header.
    Present,
    /// Every row is data.
    Absent,
}

/// How to read a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadOptions {
    /// Header handling. Default: [`HeaderMode::Auto`].
    pub header: HeaderMode,
    /// The field delimiter, one ASCII byte. Default: `b','`.
    pub delimiter: u8,
    /// Columns to treat as categorical, by name or 0-based index. `None` (the default) detects
    /// them: a column is categorical if and only if none of its values is a number. When a list is
    /// given, every other column must be numeric.
    pub categorical: Option<Vec<String>>,
    /// Names for the columns of a file without a header. `None` (the default) names them
    /// `col0`, `col1`, … by 0-based index.
    pub column_names: Option<Vec<String>>,
    /// Columns to leave out, by name or 0-based index. Default: none.
    pub drop: Vec<String>,
    /// Handling of missing values. Default: [`MissingPolicy::Error`].
    pub missing: MissingPolicy,
    /// True if and only if numbers use a comma as the decimal separator (`3,14`), as in files
    /// written with a semicolon delimiter in many locales. Default: false.
    pub decimal_comma: bool,
    /// The target column, by name or 0-based index among the kept columns, as
    /// `DatasetOptions::target` names it. `None` (the default) means the file's last column.
    /// Loading uses it only to reject dropping the target and to word errors in its values.
    pub target: Option<String>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            header: HeaderMode::Auto,
            delimiter: b',',
            categorical: None,
            column_names: None,
            drop: Vec::new(),
            missing: MissingPolicy::Error,
            decimal_comma: false,
            target: None,
        }
    }
}

/// Policy for a row with a missing value: an empty field or one of `NA`, `N/A`, `?`,
/// `nan` or `null` (any letter case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MissingPolicy {
    /// Reject the file with an error naming the line and column.
    #[default]
    Error,
    /// Leave the row out; the table reports how many rows were dropped.
    Drop,
}

/// The rows that auto-detection of a header looks at after the first one.
const HEADER_SNIFF_ROWS: usize = 100;

/// Reads a CSV file into a table of named numeric and categorical columns.
///
/// # Errors
/// [`DataError`] naming the file, and the line, field and value where there is one. The file
/// may be unreadable, empty, binary or not UTF-8, or have ragged rows. An option may name an
/// unknown column. A value may be missing, or not a finite number in a numeric column.
pub fn load_csv(path: &Path, options: &LoadOptions) -> Result<Table, DataError> {
    let bytes =
        std::fs::read(path).map_err(|source| DataError::Io { path: path.into(), source })?;
    parse_csv(path, &bytes, options)
}

/// Parses CSV bytes as [`load_csv`] does; `path` is used only in error messages.
///
/// # Errors
/// As [`load_csv`], except for reading the file.
pub fn parse_csv(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Table, DataError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Text files have no NUL bytes; the first 8 KiB tell a binary file from a CSV file.
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(DataError::Binary { path: path.into() });
    }
    let number = NumberFormat { decimal_comma: options.decimal_comma };
    let mut records = read_records(path, bytes, options.delimiter)?;
    if records.is_empty() {
        return Err(DataError::Empty { path: path.into(), header_only: false });
    }

    let has_header = match options.header {
        HeaderMode::Present => true,
        HeaderMode::Absent => false,
        HeaderMode::Auto => looks_like_header(&records, number),
    };
    let width = records[0].fields.len();
    for record in &records {
        if record.fields.len() != width {
            return Err(DataError::RaggedRow {
                path: path.into(),
                line: record.line,
                expected: width,
                found: record.fields.len(),
            });
        }
    }

    let names = if has_header {
        let header = records.remove(0);
        header.fields
    } else {
        match &options.column_names {
            Some(names) if names.len() == width => names.clone(),
            _ => (0..width).map(|i| format!("col{i}")).collect(),
        }
    };
    if records.is_empty() {
        return Err(DataError::Empty { path: path.into(), header_only: true });
    }

    crate::columns::build_table(path, names, records, options, number)
}

/// One non-blank CSV record with the line it starts on.
pub(crate) struct Record {
    pub(crate) line: u64,
    pub(crate) fields: Vec<String>,
}

fn read_records(path: &Path, bytes: &[u8], delimiter: u8) -> Result<Vec<Record>, DataError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .from_reader(bytes);

    let mut records = Vec::new();
    let mut raw = csv::ByteRecord::new();
    let mut lines = LineCounter { bytes, offset: 0, line: 1 };
    loop {
        let more = reader.read_byte_record(&mut raw).map_err(|e| DataError::Csv {
            path: path.into(),
            line: e.position().map_or(0, |p| lines.line_at(p.byte())),
            message: e.to_string(),
        })?;
        if !more {
            break;
        }
        let line = raw.position().map_or(0, |p| lines.line_at(p.byte()));
        // The csv crate already skips empty lines; a line of blanks or bare delimiters is blank too.
        if raw.iter().all(<[u8]>::is_empty) {
            continue;
        }
        let mut fields = Vec::with_capacity(raw.len());
        for (j, field) in raw.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| DataError::NotUtf8 {
                path: path.into(),
                line,
                field: j + 1,
            })?;
            fields.push(text.to_owned());
        }
        records.push(Record { line, fields });
    }
    Ok(records)
}

/// Converts byte offsets to 1-based line numbers.
///
/// The csv crate's own line count is one short after every CRLF line ending, and a record's
/// byte offset may point at the `\n` that ends the previous line's CRLF, so lines are counted
/// here from the bytes.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// Returns the line of the record starting at byte `offset`; offsets must not decrease.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut target = usize::try_from(offset).unwrap_or(usize::MAX).min(self.bytes.len());
        if self.bytes.get(target) == Some(&b'\n') {
            target += 1;
        }
        if target > self.offset {
            self.line +=
                self.bytes[self.offset..target].iter().filter(|&&b| b == b'\n').count() as u64;
            self.offset = target;
        }
        self.line
    }
}

/// The number format of the file: the decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NumberFormat {
    /// True if and only if the decimal separator is a comma.
    pub(crate) decimal_comma: bool,
}

impl NumberFormat {
    /// Parses `text` as a finite number, or returns the reason it is not one.
    pub(crate) fn parse(self, text: &str) -> Result<f64, &'static str> {
        if is_missing(text) {
            return Err("missing");
        }
        let parsed = if self.decimal_comma && text.contains(',') {
            text.replacen(',', ".", 1).parse::<f64>()
        } else {
            text.parse::<f64>()
        };
        match parsed {
            Ok(value) if value.is_finite() => Ok(value),
            Ok(_) => Err("not finite"),
            Err(_) if !self.decimal_comma && is_decimal_comma_number(text) => {
                Err("a number with a decimal comma (use --decimal-comma)")
            }
            Err(_) => Err("not a number"),
        }
    }
}

impl NumberFormat {
    /// True if and only if `text` is a number, or would be one with a decimal comma. Header and
    /// categorical detection use it, so a forgotten `--decimal-comma` gets a clear error.
    pub(crate) fn looks_numeric(self, text: &str) -> bool {
        self.parse(text).is_ok() || is_decimal_comma_number(text)
    }
}

/// True if and only if `text` marks a missing value: empty, or `NA`, `N/A`, `?`, `nan` or
/// `null` in any letter case.
pub(crate) fn is_missing(text: &str) -> bool {
    text.is_empty()
        || ["na", "n/a", "?", "nan", "null"].iter().any(|m| text.eq_ignore_ascii_case(m))
}

/// True if and only if `text` would be a number with its one comma read as a decimal point.
fn is_decimal_comma_number(text: &str) -> bool {
    text.matches(',').count() == 1 && text.replacen(',', ".", 1).parse::<f64>().is_ok()
}

fn looks_like_header(records: &[Record], number: NumberFormat) -> bool {
    let first = &records[0];
    let rest = &records[1..records.len().min(HEADER_SNIFF_ROWS + 1)];
    let is_text = |f: &String| !is_missing(f) && !number.looks_numeric(f);
    if rest.is_empty() {
        return first.fields.iter().all(is_text);
    }
    // Missing values below the first row neither confirm nor refute a header.
    (0..first.fields.len()).any(|j| {
        let below = || rest.iter().filter_map(|r| r.fields.get(j)).filter(|f| !is_missing(f));
        is_text(&first.fields[j])
            && below().next().is_some()
            && below().all(|f| number.looks_numeric(f))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::ColumnValues;

    fn parse(text: &str) -> Result<Table, DataError> {
        parse_csv(Path::new("test.csv"), text.as_bytes(), &LoadOptions::default())
    }

    fn numeric(table: &Table, j: usize) -> &[f64] {
        match &table.columns[j].values {
            ColumnValues::Numeric(v) => v,
            ColumnValues::Categorical(_) => panic!("column {j} is categorical"),
        }
    }

    #[test]
    fn header_detected_when_names_sit_above_numbers() {
        let table = parse("a,b\n1,2\n3,4\n").expect("valid CSV");
        assert_eq!(table.names(), ["a", "b"]);
        assert_eq!(numeric(&table, 1), &[2.0, 4.0]);
        assert_eq!(table.lines, [2, 3]);
    }

    #[test]
    fn header_absent_when_text_column_is_text_throughout() {
        let table = parse("M,1,2\nF,3,4\n").expect("valid CSV");
        assert_eq!(table.names(), ["col0", "col1", "col2"]);
        assert!(table.columns[0].is_categorical());
        assert_eq!(table.rows(), 2);
    }

    #[test]
    fn bom_crlf_and_blank_lines_are_accepted() {
        let table = parse("\u{feff}x,y\r\n1,2\r\n\r\n   \r\n3,4\r\n").expect("valid CSV");
        assert_eq!(table.names(), ["x", "y"]);
        assert_eq!(numeric(&table, 0), &[1.0, 3.0]);
        assert_eq!(table.lines, [2, 5]);
    }

    #[test]
    fn semicolon_delimiter_option() {
        let options = LoadOptions { delimiter: b';', ..LoadOptions::default() };
        let table = parse_csv(Path::new("t.csv"), b"p;q\n1.5;2\n", &options).expect("valid CSV");
        assert_eq!(numeric(&table, 0), &[1.5]);
    }

    #[test]
    fn ragged_row_names_line_and_counts() {
        let error = parse("a,b,c\n1,2,3\n4,5\n").expect_err("ragged");
        match error {
            DataError::RaggedRow { line, expected, found, .. } => {
                assert_eq!((line, expected, found), (3, 3, 2));
            }
            other => panic!("expected RaggedRow, got {other:?}"),
        }
    }

    #[test]
    fn text_in_numeric_column_names_line_column_value() {
        // Column a is a feature: b, the last column, is the default target.
        let error = parse("a,b\n1,2\noops,3\n").expect_err("not a number");
        match &error {
            DataError::InvalidNumber { line, column, field, value, reason, .. } => {
                assert_eq!((*line, column.as_str(), *field), (3, "a", 1));
                assert_eq!((value.as_str(), *reason), ("oops", "not a number"));
            }
            other => panic!("expected InvalidNumber, got {other:?}"),
        }
        let message = error.to_string();
        assert!(message.starts_with("test.csv:3: column 'a'"), "{message}");
        assert!(message.contains("--categorical"), "{message}");
    }

    #[test]
    fn text_in_target_is_invalid_target() {
        let error = parse("a,b\n1,2\n3,oops\n").expect_err("not a number");
        match &error {
            DataError::InvalidTarget { line, column, field, value, reason, .. } => {
                assert_eq!((*line, column.as_str(), *field), (3, "b", 2));
                assert_eq!((value.as_str(), *reason), ("oops", "not a number"));
            }
            other => panic!("expected InvalidTarget, got {other:?}"),
        }
        let message = error.to_string();
        assert!(message.starts_with("test.csv:3: target column 'b'"), "{message}");
        assert!(!message.contains("--categorical"), "{message}");
    }

    #[test]
    fn infinity_is_rejected_as_not_finite() {
        let error = parse("a,b\n1,2\ninf,3\n").expect_err("infinite");
        assert!(
            matches!(error, DataError::InvalidNumber { reason: "not finite", .. }),
            "{error:?}"
        );
        let error = parse("a,b\n1,2\n3,inf\n").expect_err("infinite");
        assert!(
            matches!(error, DataError::InvalidTarget { reason: "not finite", .. }),
            "{error:?}"
        );
    }

    #[test]
    fn empty_file_and_header_only_are_errors() {
        assert!(matches!(parse(""), Err(DataError::Empty { header_only: false, .. })));
        assert!(matches!(parse("\n\n"), Err(DataError::Empty { header_only: false, .. })));
        let options = LoadOptions { header: HeaderMode::Present, ..LoadOptions::default() };
        let result = parse_csv(Path::new("h.csv"), b"a,b\n", &options);
        assert!(matches!(result, Err(DataError::Empty { header_only: true, .. })));
    }

    #[test]
    fn invalid_utf8_names_line_and_field() {
        let result = parse_csv(Path::new("u.csv"), b"a,b\n1,\xff\xfe\n", &LoadOptions::default());
        assert!(matches!(result, Err(DataError::NotUtf8 { line: 2, field: 2, .. })), "{result:?}");
    }

    #[test]
    fn explicit_categorical_column_by_index() {
        let options = LoadOptions { categorical: Some(vec!["0".into()]), ..LoadOptions::default() };
        let table = parse_csv(Path::new("c.csv"), b"1,5\n2,6\n", &options).expect("valid CSV");
        assert!(table.columns[0].is_categorical());
        assert!(!table.columns[1].is_categorical());
    }

    #[test]
    fn unknown_categorical_column_lists_columns() {
        let options =
            LoadOptions { categorical: Some(vec!["colour".into()]), ..LoadOptions::default() };
        let error = parse_csv(Path::new("c.csv"), b"a,b\n1,2\n", &options).expect_err("unknown");
        assert!(error.to_string().contains("the columns are: a, b"), "{error}");
    }
}
