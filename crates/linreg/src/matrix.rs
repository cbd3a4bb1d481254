//! A dense row-major matrix of `f64`, the exchange format between the shared pipeline and the
//! trainers (each trainer copies it once into its own tensor type).

/// A dense `rows × cols` matrix stored row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}

impl Matrix {
    /// Creates a matrix from row-major data.
    ///
    /// # Panics
    /// If `data.len() != rows * cols`: callers build the data themselves, so a mismatch is a bug.
    pub fn from_row_major(rows: usize, cols: usize, data: Vec<f64>) -> Self {
        assert_eq!(data.len(), rows * cols, "matrix data must hold rows × cols values");
        Self { rows, cols, data }
    }

    /// Creates a matrix from equally long rows.
    ///
    /// # Panics
    /// If the rows have different lengths.
    pub fn from_rows(rows: &[Vec<f64>]) -> Self {
        let cols = rows.first().map_or(0, Vec::len);
        let mut data = Vec::with_capacity(rows.len() * cols);
        for row in rows {
            assert_eq!(row.len(), cols, "every row must have {cols} values");
            data.extend_from_slice(row);
        }
        Self::from_row_major(rows.len(), cols, data)
    }

    /// Number of rows (samples).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of columns (features).
    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Returns the values in row-major order.
    pub fn as_slice(&self) -> &[f64] {
        &self.data
    }

    /// Row `i` as a slice of `cols` values.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.data[i * self.cols..(i + 1) * self.cols]
    }

    /// Iterates over the rows.
    pub fn row_iter(&self) -> impl Iterator<Item = &[f64]> {
        // `chunks_exact(0)` panics, and a matrix without columns has no values to yield anyway.
        let width = self.cols.max(1);
        self.data.chunks_exact(width).take(if self.cols == 0 { 0 } else { self.rows })
    }

    /// Column `j` copied into a vector.
    pub fn column(&self, j: usize) -> Vec<f64> {
        self.row_iter().map(|row| row[j]).collect()
    }

    /// Mutable access to the values in row-major order.
    pub fn as_mut_slice(&mut self) -> &mut [f64] {
        &mut self.data
    }

    /// Computes `X·w + b` for every row.
    ///
    /// # Panics
    /// If `weights.len() != self.cols()`.
    pub fn predict(&self, weights: &[f64], bias: f64) -> Vec<f64> {
        assert_eq!(weights.len(), self.cols, "one weight per column");
        self.row_iter()
            .map(|row| row.iter().zip(weights).map(|(x, w)| x * w).sum::<f64>() + bias)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predict_adds_bias_to_each_row() {
        let x = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 4.0]]);
        assert_eq!(x.predict(&[10.0, 100.0], 0.5), vec![210.5, 430.5]);
    }

    #[test]
    fn column_copies_values_in_row_order() {
        let x = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 6.0]]);
        assert_eq!(x.column(1), vec![2.0, 4.0, 6.0]);
        assert_eq!(x.row(2), &[5.0, 6.0]);
    }
}
