//! Writing output files so that a failed run never leaves a half-written report.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// A file to write: its name inside the output folder and its contents.
pub type OutputFile = (String, Vec<u8>);

/// Writes every file into `folder`, each through a temporary file in the same folder that is
/// renamed into place once complete.
///
/// Callers render all contents before calling, so an error while training or rendering leaves
/// the folder as it was. Files of the folder that are not in `files` are left alone.
///
/// # Errors
/// If the folder cannot be created or a file cannot be written; the message names the path.
pub fn write_atomically(folder: &Path, files: &[OutputFile]) -> Result<()> {
    let advice = "choose a writable folder with --out";
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot create output folder {}; {advice}", folder.display()))?;
    for (name, contents) in files {
        let path = folder.join(name);
        let context = || format!("cannot write {}; {advice}", path.display());
        let mut file = tempfile::NamedTempFile::new_in(folder).with_context(context)?;
        file.write_all(contents).with_context(context)?;
        file.as_file().sync_all().with_context(context)?;
        file.persist(&path).map_err(|e| e.error).with_context(context)?;
    }
    Ok(())
}
