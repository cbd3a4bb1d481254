//! Command-line options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Trains the same linear regression by hand-derived gradient descent, burn and candle on
/// identical splits, and compares their fits with the exact least-squares optimum.
///
/// With no arguments it trains on the UCI abalone data (predicting Rings), raw and
/// standardised, with learning rate 0.001 for 20 000 full-batch iterations from zero weights.
///
/// Exit status: 0 on success, 2 for invalid input data or options, 1 for any other failure.
#[derive(Debug, Parser)]
#[command(name = "compare", version)]
pub struct Cli {
    /// Optional subcommand; without one, trains on the data file.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Data and split options.
    #[command(flatten)]
    pub data: DataArgs,

    /// Training options.
    #[command(flatten)]
    pub training: TrainingArgs,

    /// Output options.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Output locations of the report and the exported data.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Folder for report.md, results.json and the SVG plots; created if missing. Files of
    /// earlier reports are replaced one by one, each only once the new one is complete.
    #[arg(long, value_name = "DIR", default_value = "report")]
    pub out: PathBuf,

    /// Also write the exact matrices the trainers received (features after encoding and
    /// scaling, then the target) as CSV files per scaling and split into this folder.
    #[arg(long, value_name = "DIR")]
    pub export: Option<PathBuf>,

    /// Add a learning-rate sweep to the report: every trainer trains at rates spaced evenly
    /// in log scale from 1e-4 to 1.5 times the stability limit 2/λmax.
    #[arg(long)]
    pub sweep: bool,

    /// Iterations per run of the sweep.
    #[arg(long, value_name = "ITERATIONS", default_value_t = 2000)]
    pub sweep_iterations: usize,

    /// Number of learning rates in the sweep.
    #[arg(long, value_name = "COUNT", default_value_t = 12)]
    pub sweep_points: usize,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Trains on synthetic data y = 2·x₀ + 3·x₁ + 5·x₂ + 7·x₃ + 4 (xᵢ uniform integers 0 to 9)
    /// and shows how well each trainer recovers the weights and the bias.
    Synthetic {
        /// Number of rows to generate.
        #[arg(long, default_value_t = 1000)]
        rows: usize,
    },
}

/// Data source and split options.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// CSV file to train on. Default: data/abalone.data, downloaded from the UCI repository
    /// (and checksum-verified) when missing. A file whose SHA-256 is that of abalone gets the
    /// abalone column names; any other file is read as a plain CSV.
    #[arg(long, value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Address to download abalone from when data/abalone.data is missing.
    #[arg(long, value_name = "URL", default_value = linreg::abalone::URL)]
    pub download_url: String,

    /// Whether the first row of a plain CSV names the columns; "auto" decides from the values.
    #[arg(long, value_enum, default_value_t = HeaderArg::Auto)]
    pub header: HeaderArg,

    /// Field delimiter of a plain CSV, one ASCII character (use '\t' for tabs).
    #[arg(long, value_name = "CHAR", default_value = ",")]
    pub delimiter: String,

    /// Target column, by name or 0-based index. Default: the last column.
    #[arg(long, value_name = "NAME|INDEX")]
    pub target: Option<String>,

    /// Categorical columns, by name or 0-based index, comma-separated. Default: every column
    /// none of whose values is a number.
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub categorical: Option<Vec<String>>,

    /// Columns to leave out, by name or 0-based index, comma-separated.
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub drop: Vec<String>,

    /// Rows with a missing value (an empty field, NA, N/A, ?, nan or null): reject the file
    /// with an error naming the first one, or leave such rows out and report how many.
    #[arg(long, value_enum, default_value_t = MissingArg::Error)]
    pub missing: MissingArg,

    /// Read numbers with a decimal comma (3,14); needs a delimiter other than ','.
    #[arg(long)]
    pub decimal_comma: bool,

    /// Fraction of rows held out for validation, from 0 (a train/test split) to below 1.
    #[arg(long, value_name = "FRACTION", default_value_t = 0.2, allow_negative_numbers = true)]
    pub val_fraction: f64,

    /// Fraction of rows held out for test, above 0 and below 1.
    #[arg(long, value_name = "FRACTION", default_value_t = 0.2, allow_negative_numbers = true)]
    pub test_fraction: f64,

    /// Seed of the row shuffle (and of the framework initialisation with --init framework).
    #[arg(long, global = true, default_value_t = 42)]
    pub seed: u64,

    /// Policy for a validation or test category that the training rows never contain: reject
    /// the data, or encode it as all zeros and report it.
    #[arg(long, value_enum, default_value_t = UnseenArg::Error)]
    pub unseen_category: UnseenArg,
}

/// Training options shared by every trainer.
#[derive(Debug, Args)]
pub struct TrainingArgs {
    /// Step size of each gradient-descent update.
    #[arg(
        long,
        global = true,
        value_name = "RATE",
        default_value_t = 0.001,
        allow_negative_numbers = true
    )]
    pub learning_rate: f64,

    /// Number of full-batch updates.
    #[arg(long, global = true, default_value_t = 20_000)]
    pub iterations: usize,

    /// Record the training loss every this many iterations.
    #[arg(long, global = true, value_name = "ITERATIONS", default_value_t = 100)]
    pub record_every: usize,

    /// Feature scaling: raw values, z-scores fitted on the training rows, or both in turn.
    #[arg(long, global = true, value_enum, default_value_t = ScalingArg::Both)]
    pub scaling: ScalingArg,

    /// Trainers to run, comma-separated.
    #[arg(
        long,
        global = true,
        value_name = "NAMES",
        value_delimiter = ',',
        default_value = "manual,burn,candle"
    )]
    pub trainers: Vec<String>,

    /// Floating-point precision of the training arithmetic.
    #[arg(long, global = true, value_enum, default_value_t = PrecisionArg::F64)]
    pub precision: PrecisionArg,

    /// Starting weights: zeros, or each framework's own seeded initialisation.
    #[arg(long, global = true, value_enum, default_value_t = InitArg::Zeros)]
    pub init: InitArg,

    /// Evaluation method of Xᵀ·r in the manual trainer: two passes over the rows, one fused pass, or
    /// from XᵀX computed once (O(d²) per iteration). All give the same iterates up to rounding.
    #[arg(long, global = true, value_enum, default_value_t = FormArg::TwoPass)]
    pub manual_form: FormArg,
}

/// `--header` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HeaderArg {
    /// Decide from the values.
    Auto,
    /// The first row names the columns.
    Present,
    /// Every row is data.
    Absent,
}

/// `--missing` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MissingArg {
    /// Reject the file, naming the line and column.
    Error,
    /// Leave such rows out and report how many.
    Drop,
}

/// `--unseen-category` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnseenArg {
    /// Reject the data with an error naming the row.
    Error,
    /// Encode as all zeros and report it.
    Zero,
}

/// `--scaling` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScalingArg {
    /// Raw feature values.
    Raw,
    /// Z-scores with training mean and standard deviation.
    Standardized,
    /// Raw, then standardised.
    Both,
}

/// `--precision` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PrecisionArg {
    /// 32-bit floats.
    F32,
    /// 64-bit floats.
    F64,
}

/// `--init` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitArg {
    /// All weights and the bias start at zero.
    Zeros,
    /// Each framework's default initialisation of its Linear layer, seeded with --seed.
    Framework,
}

/// `--manual-form` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormArg {
    /// Residuals, then Xᵀ·r.
    TwoPass,
    /// One pass over the rows.
    Fused,
    /// XᵀX once, O(d²) per iteration.
    Gram,
}
