//! The UCI abalone data: schema, checksum, and a provider that finds or downloads the file.
//!
//! The file has 4177 rows and no header. Its columns are Sex (M, F or I for infant), then Length,
//! Diameter and Height in mm, then Whole, Shucked, Viscera and Shell weight in grams, then Rings.
//! Rings is an integer, and age in years is about Rings + 1.5. The file stores every continuous
//! value divided by 200, as the donors published it.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::download::download_verified;
use crate::error::DataError;
use crate::load::{HeaderMode, LoadOptions};

/// SHA-256 of the published `abalone.data`.
pub const SHA256: &str = "de37cdcdcaaa50c309d514f248f7c2302a5f1f88c168905eba23fe2fbc78449f";

/// Address of the file in the UCI Machine Learning Repository.
pub const URL: &str =
    "https://archive.ics.uci.edu/ml/machine-learning-databases/abalone/abalone.data";

/// Location of the file, relative to the working directory.
pub const DEFAULT_PATH: &str = "data/abalone.data";

/// Column names in file order.
pub const COLUMNS: [&str; 9] = [
    "Sex",
    "Length",
    "Diameter",
    "Height",
    "Whole weight",
    "Shucked weight",
    "Viscera weight",
    "Shell weight",
    "Rings",
];

/// The fixed one-hot order of `Sex`, so that feature names and weights read the same in every run.
pub const SEX_ORDER: [&str; 3] = ["M", "F", "I"];

/// Returns the load options of the abalone file: no header, the schema's names, `Sex` categorical.
pub fn load_options() -> LoadOptions {
    LoadOptions {
        header: HeaderMode::Absent,
        delimiter: b',',
        categorical: Some(vec!["Sex".into()]),
        column_names: Some(COLUMNS.iter().map(|c| (*c).to_owned()).collect()),
        ..LoadOptions::default()
    }
}

/// Returns the fixed category orders to pass to the dataset options.
pub fn category_orders() -> Vec<(String, Vec<String>)> {
    vec![("Sex".into(), SEX_ORDER.iter().map(|c| (*c).to_owned()).collect())]
}

/// Returns the lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Returns the lowercase hex SHA-256 of the file at `path`.
///
/// # Errors
/// [`DataError::Io`] if the file cannot be read.
pub fn file_sha256(path: &Path) -> Result<String, DataError> {
    let bytes =
        std::fs::read(path).map_err(|source| DataError::Io { path: path.into(), source })?;
    Ok(sha256_hex(&bytes))
}

/// Makes sure a verified copy of the abalone file is at `path` and returns that path.
///
/// An existing file must match [`SHA256`]. A missing file is downloaded from `url` (normally
/// [`URL`]) into a temporary file beside `path`, verified, then renamed into place.
///
/// # Errors
/// [`DataError::ChecksumMismatch`] for a file or download with other contents,
/// [`DataError::Download`] when the file is missing and the download fails, and
/// [`DataError::Io`] when the file cannot be read or written.
pub fn ensure(path: &Path, url: &str) -> Result<PathBuf, DataError> {
    if path.exists() {
        let actual = file_sha256(path)?;
        if actual != SHA256 {
            return Err(DataError::ChecksumMismatch {
                path: path.into(),
                expected: SHA256.into(),
                actual,
                advice: "delete the file so that it is downloaded again, or pass it with --data to load it as a plain CSV",
            });
        }
        return Ok(path.into());
    }
    download_verified(url, path, SHA256)?;
    Ok(path.into())
}

/// Loads the abalone file at `path` with its schema, without verifying the checksum.
///
/// # Errors
/// As [`crate::load::load_csv`].
pub fn load(path: &Path) -> Result<crate::Table, DataError> {
    crate::load::load_csv(path, &load_options())
}

/// Loads the abalone file at `path` and prepares the default dataset: target Rings, 60/20/20
/// split with seed 42, `Sex` one-hot in the order M, F, I.
///
/// # Errors
/// As [`load`] and [`crate::Dataset::prepare`].
pub fn default_dataset(path: &Path) -> Result<crate::Dataset, DataError> {
    let options =
        crate::DatasetOptions { category_orders: category_orders(), ..Default::default() };
    crate::Dataset::prepare(&load(path)?, &options)
}
