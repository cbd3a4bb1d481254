//! One progress bar per training run on standard error.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Starts a bar for a run of `iterations` updates labelled `label`.
///
/// When standard error is not a terminal (a log file, CI), the bar is hidden and one line names
/// the run instead, so logs stay readable.
pub fn training_bar(label: &str, iterations: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        eprintln!("training {label} ({iterations} iterations)");
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(iterations as u64);
    let template =
        "{prefix:<32} [{bar:30}] {pos:>7}/{len} iterations  {elapsed_precise}  loss {msg}";
    // The template is a constant, so only a typo in it could fail; fall back to the default style.
    let style =
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style.progress_chars("=> "));
    bar.set_prefix(label.to_owned());
    bar
}
