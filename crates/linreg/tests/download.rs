//! The abalone provider against a real HTTP server on 127.0.0.1.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use linreg::{DataError, abalone};

fn abalone_bytes() -> Vec<u8> {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/abalone.data"));
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!("{}: {e}; copy abalone.data there (see data/README.md)", path.display())
    })
}

/// Starts a server on a free loopback port that responds to one request with `status` and `body`,
/// and returns the file's URL and the server thread.
fn serve_once(status: u16, body: Vec<u8>) -> (String, JoinHandle<()>) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("loopback port");
    let port = server.server_addr().to_ip().expect("IP listener").port();
    let handle = std::thread::spawn(move || {
        if let Ok(request) = server.recv() {
            let response = tiny_http::Response::from_data(body).with_status_code(status);
            request.respond(response).expect("response sent");
        }
    });
    (format!("http://127.0.0.1:{port}/abalone.data"), handle)
}

fn files_in(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries.map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect()
        })
        .unwrap_or_default()
}

#[test]
fn missing_file_is_downloaded_and_verified() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let dest = folder.path().join("data").join("abalone.data");
    let (url, server) = serve_once(200, abalone_bytes());

    let path = abalone::ensure(&dest, &url).expect("download succeeds");
    server.join().expect("server thread");

    assert_eq!(path, dest);
    assert_eq!(abalone::file_sha256(&dest).expect("readable"), abalone::SHA256);
    assert_eq!(files_in(&folder.path().join("data")), ["abalone.data"]);
}

#[test]
fn checksum_mismatch_leaves_nothing_behind() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let dest = folder.path().join("abalone.data");
    let mut tampered = abalone_bytes();
    tampered[0] = b'F';
    let (url, server) = serve_once(200, tampered);

    let error = abalone::ensure(&dest, &url).expect_err("checksum must not match");
    server.join().expect("server thread");

    assert!(
        matches!(&error, DataError::ChecksumMismatch { expected, .. } if expected == abalone::SHA256),
        "{error:?}"
    );
    assert!(files_in(folder.path()).is_empty(), "left behind: {:?}", files_in(folder.path()));
}

#[test]
fn http_404_is_a_download_error() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let dest = folder.path().join("abalone.data");
    let (url, server) = serve_once(404, b"not found".to_vec());

    let error = abalone::ensure(&dest, &url).expect_err("404 must fail");
    server.join().expect("server thread");

    let message = error.to_string();
    assert!(matches!(error, DataError::Download { .. }), "{message}");
    assert!(message.contains("404"), "{message}");
    assert!(
        message.contains(&dest.display().to_string()),
        "message must say where to put the file: {message}"
    );
    assert!(!dest.exists());
}

#[test]
fn unreachable_server_says_where_to_put_the_file() {
    // Bind a port and release it, so that nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("address")
        .port();
    let folder = tempfile::tempdir().expect("temporary folder");
    let dest = folder.path().join("abalone.data");

    let error = abalone::ensure(&dest, &format!("http://127.0.0.1:{port}/abalone.data"))
        .expect_err("offline");
    let message = error.to_string();
    assert!(matches!(error, DataError::Download { .. }), "{message}");
    assert!(message.contains("save it as"), "{message}");
    assert!(message.contains("--data"), "{message}");
}

#[test]
fn existing_file_with_other_contents_is_rejected() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let dest = folder.path().join("abalone.data");
    std::fs::write(&dest, b"M,0.1,0.1,0.1,0.1,0.1,0.1,0.1,9\n").expect("write");

    // No server: an existing file is never replaced by a download.
    let error = abalone::ensure(&dest, "http://127.0.0.1:9/unused").expect_err("wrong contents");
    assert!(matches!(error, DataError::ChecksumMismatch { .. }), "{error:?}");
    assert!(dest.exists());
}
