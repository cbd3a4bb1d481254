//! Downloading a data file over HTTP(S), verified by SHA-256 before it is kept.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use crate::abalone::sha256_hex;
use crate::error::DataError;

/// Larger responses are rejected: the data files this crate downloads are well below it
/// (abalone is 191 kB), so anything bigger is not the expected file.
const MAX_DOWNLOAD_BYTES: u64 = 64 * 1024 * 1024;

/// Gives up on a server that does not deliver the file within this time.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Downloads `url` to `dest` if and only if its SHA-256 is `expected_sha256`.
///
/// The bytes go to a temporary file in `dest`'s folder, which is renamed to `dest` after the
/// checksum matched, so `dest` never contains a partial or unverified download.
///
/// # Errors
/// [`DataError::Download`] if the request fails or the server responds with an error status,
/// [`DataError::ChecksumMismatch`] if the bytes differ from the expected ones, and
/// [`DataError::Io`] if the file cannot be written.
pub fn download_verified(url: &str, dest: &Path, expected_sha256: &str) -> Result<(), DataError> {
    let failed =
        |reason: String| DataError::Download { path: dest.into(), url: url.into(), reason };

    let agent: ureq::Agent =
        ureq::Agent::config_builder().timeout_global(Some(TIMEOUT)).build().into();
    let mut response = agent.get(url).call().map_err(|e| failed(e.to_string()))?;
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_DOWNLOAD_BYTES)
        .read_to_vec()
        .map_err(|e| failed(e.to_string()))?;

    let actual = sha256_hex(&bytes);
    if actual != expected_sha256 {
        return Err(DataError::ChecksumMismatch {
            path: url.into(),
            expected: expected_sha256.into(),
            actual,
            advice: "the server sent other contents; nothing was saved. Download the file by hand from a trusted source",
        });
    }

    let folder = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let io_error = |source| DataError::Io { path: dest.into(), source };
    std::fs::create_dir_all(folder).map_err(io_error)?;
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(io_error)?;
    file.write_all(&bytes).map_err(io_error)?;
    // The temporary file is private (mode 0600); the data file is not.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(io_error)?;
    }
    file.as_file().sync_all().map_err(io_error)?;
    file.persist(dest).map_err(|e| io_error(e.error))?;
    Ok(())
}
