//! Writing output files so that a failed run never leaves a half-written report.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use tempfile::NamedTempFile;

/// Creates `folder` and its parents if they are missing.
///
/// # Errors
/// If a path component is a file or cannot be created; the message names `option`.
pub fn create_folder(folder: &Path, option: &str) -> Result<()> {
    std::fs::create_dir_all(folder).with_context(|| {
        format!(
            "cannot create output folder {}; choose a writable folder with {option}",
            folder.display()
        )
    })
}

/// Gives the file the usual mode of a new file, read-write for its owner and readable by others.
#[cfg(unix)]
fn set_readable(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

/// Leaves the permissions as they are where there are no mode bits.
#[cfg(not(unix))]
fn set_readable(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// A file to write: its name inside the output folder and its contents.
pub type OutputFile = (String, Vec<u8>);

/// Writes every file into `folder` in three steps. First each file's contents go to a temporary
/// file in that folder. Then every destination is checked to be a regular file or absent. Only
/// then are the temporary files renamed into place.
///
/// Callers render all contents before calling, so an error while training or rendering leaves
/// the folder as it was, and so does a full disk or a destination that cannot be replaced.
/// Files of the folder that are not in `files` are left alone.
///
/// # Errors
/// If the folder cannot be created or a file cannot be written; the message names the path.
pub fn write_atomically(folder: &Path, files: &[OutputFile], option: &str) -> Result<()> {
    let advice = format!("choose a writable folder with {option}");
    create_folder(folder, option)?;

    let mut staged: Vec<(NamedTempFile, &str)> = Vec::with_capacity(files.len());
    for (name, contents) in files {
        let context = || format!("cannot write {}; {advice}", folder.join(name).display());
        let mut file = NamedTempFile::new_in(folder).with_context(context)?;
        file.write_all(contents).with_context(context)?;
        // Temporary files are private (mode 0600); a report is meant to be shared.
        set_readable(file.as_file()).with_context(context)?;
        file.as_file().sync_all().with_context(context)?;
        staged.push((file, name));
    }

    for (_, name) in &staged {
        let path = folder.join(name);
        if path.symlink_metadata().is_ok_and(|m| !m.is_file()) {
            bail!("cannot write {}: it exists and is not a regular file; {advice}", path.display());
        }
    }

    // NOTE: a rename can still fail halfway through, for example if the folder is removed.
    // Each file is then the old or the new version, never a partial one.
    for (file, name) in staged {
        let path = folder.join(name);
        file.persist(&path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write {}; {advice}", path.display()))?;
    }
    Ok(())
}
