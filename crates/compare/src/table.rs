//! A plain-text table with aligned columns.

/// Column alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text columns.
    Left,
    /// Number columns.
    Right,
}

/// Rows of cells printed with each column as wide as its widest cell.
#[derive(Debug, Clone)]
pub struct TextTable {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl TextTable {
    /// Creates a table with the given column headings and alignments.
    pub fn new(columns: &[(&str, Align)]) -> Self {
        Self {
            header: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
            align: columns.iter().map(|(_, a)| *a).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row; missing cells are left blank.
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Renders the table, heading first, with two spaces between columns.
    pub fn render(&self) -> String {
        let width = |j: usize| {
            std::iter::once(&self.header)
                .chain(&self.rows)
                .filter_map(|r| r.get(j))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.header.len()).map(width).collect();
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let cells: Vec<String> = (0..widths.len())
                .map(|j| {
                    let cell = row.get(j).map_or("", String::as_str);
                    match self.align[j] {
                        Align::Left => format!("{cell:<w$}", w = widths[j]),
                        Align::Right => format!("{cell:>w$}", w = widths[j]),
                    }
                })
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_to_widest_cell() {
        let mut table = TextTable::new(&[("name", Align::Left), ("value", Align::Right)]);
        table.push(vec!["a".into(), "1.5".into()]);
        table.push(vec!["longer".into(), "10".into()]);
        assert_eq!(table.render(), "name    value\na         1.5\nlonger     10\n");
    }
}
