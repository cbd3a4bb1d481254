//! Finding and loading the data file named by the options.

use std::path::{Path, PathBuf};

use anyhow::Result;
use linreg::encode::UnseenCategoryPolicy;
use linreg::{
    DatasetOptions, HeaderMode, LoadOptions, MissingPolicy, SplitFractions, Table, abalone,
};

use crate::cli::{DataArgs, HeaderArg, MissingArg, UnseenArg};
use crate::error::UsageError;

/// A loaded data file with its path, checksum and identity.
#[derive(Debug)]
pub struct Source {
    /// The file that was read.
    pub path: PathBuf,
    /// Its SHA-256 in lowercase hex.
    pub sha256: String,
    /// True if and only if the file is the published abalone data.
    pub is_abalone: bool,
    /// Its contents.
    pub table: Table,
}

/// Finds (downloading abalone if needed), verifies and loads the data file.
///
/// # Errors
/// A [`linreg::DataError`] for unreadable or invalid data, a [`UsageError`] for an invalid
/// delimiter.
pub fn load(args: &DataArgs) -> Result<Source> {
    // Checked even when the abalone schema makes it unused, so a typo never passes silently.
    let delimiter = parse_delimiter(&args.delimiter)?;
    if args.decimal_comma && delimiter == b',' {
        return Err(UsageError(
            "--decimal-comma needs another field delimiter, such as --delimiter ';'".into(),
        )
        .into());
    }
    let path = match &args.data {
        Some(path) => path.clone(),
        None => {
            let default = Path::new(abalone::DEFAULT_PATH);
            if !default.exists() {
                eprintln!("{} not found; downloading {}", default.display(), args.download_url);
            }
            abalone::ensure(default, &args.download_url)?
        }
    };
    let sha256 = abalone::file_sha256(&path)?;
    let is_abalone = sha256 == abalone::SHA256;
    let table = if is_abalone {
        abalone::load(&path)?
    } else {
        let options = LoadOptions {
            header: match args.header {
                HeaderArg::Auto => HeaderMode::Auto,
                HeaderArg::Present => HeaderMode::Present,
                HeaderArg::Absent => HeaderMode::Absent,
            },
            delimiter,
            categorical: args.categorical.clone(),
            column_names: None,
            drop: args.drop.clone(),
            missing: match args.missing {
                MissingArg::Error => MissingPolicy::Error,
                MissingArg::Drop => MissingPolicy::Drop,
            },
            decimal_comma: args.decimal_comma,
            target: args.target.clone(),
        };
        linreg::load::load_csv(&path, &options)?
    };
    Ok(Source { path, sha256, is_abalone, table })
}

/// Returns the dataset options that the arguments select.
pub fn dataset_options(args: &DataArgs, source: &Source) -> DatasetOptions {
    DatasetOptions {
        target: args.target.clone(),
        fractions: SplitFractions { validation: args.val_fraction, test: args.test_fraction },
        seed: args.seed,
        unseen_category: match args.unseen_category {
            UnseenArg::Error => UnseenCategoryPolicy::Error,
            UnseenArg::Zero => UnseenCategoryPolicy::Zero,
        },
        category_orders: if source.is_abalone { abalone::category_orders() } else { Vec::new() },
    }
}

fn parse_delimiter(text: &str) -> Result<u8, UsageError> {
    match text {
        "\\t" | "tab" => Ok(b'\t'),
        _ if text.len() == 1 && text.is_ascii() => Ok(text.as_bytes()[0]),
        _ => Err(UsageError(format!(
            "invalid --delimiter {text:?}: give one ASCII character, such as ',' or ';', or '\\t' for tabs"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_accepts_one_ascii_character_or_tab() {
        assert_eq!(parse_delimiter(";").expect("valid"), b';');
        assert_eq!(parse_delimiter("\\t").expect("valid"), b'\t');
        assert!(parse_delimiter(";;").is_err());
        assert!(parse_delimiter("é").is_err());
    }
}
