//! The `compare` binary run as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn abalone_path() -> PathBuf {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/abalone.data"));
    assert!(
        path.exists(),
        "{} is missing: copy abalone.data there (see data/README.md)",
        path.display()
    );
    path
}

/// Runs compare in a fresh temporary folder, so its default report folder lands there.
fn compare(args: &[&str]) -> Output {
    let folder = tempfile::tempdir().expect("temporary folder");
    Command::new(env!("CARGO_BIN_EXE_compare"))
        .current_dir(folder.path())
        .args(args)
        .output()
        .expect("compare runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn abalone_summary_lists_scores_and_weights() {
    let path = abalone_path();
    let output = compare(&["--data", path.to_str().expect("UTF-8 path"), "--iterations", "500"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("4177 rows, 10 features, target Rings"), "{text}");
    assert!(text.contains("split: 2507 train / 835 validation / 835 test rows, seed 42"), "{text}");
    assert!(
        text.contains("== raw features ==") && text.contains("== standardized features =="),
        "{text}"
    );
    assert_eq!(
        text.matches("least squares").count(),
        4,
        "a score row and a weight column per scaling: {text}"
    );
    for feature in ["Sex=M", "Sex=F", "Sex=I", "Shell weight", "(bias)"] {
        assert_eq!(text.matches(feature).count(), 2, "{feature} once per scaling: {text}");
    }
}

#[test]
fn synthetic_recovers_known_weights() {
    let output = compare(&[
        "synthetic",
        "--learning-rate",
        "0.01",
        "--iterations",
        "200000",
        "--manual-form",
        "gram",
        "--trainers",
        "manual",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for (name, value) in [("w0", "2"), ("w1", "3"), ("w2", "5"), ("w3", "7"), ("bias", "4")] {
        let line = text
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name} row: {text}"));
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cells, [name, value, &format!("{value}.000000"), &format!("{value}.000000")]);
    }
}

#[test]
fn ragged_csv_exits_2_naming_file_and_line() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("ragged.csv");
    std::fs::write(&path, "a,b,y\n1,2,3\n4,5\n").expect("write");
    let output = compare(&["--data", path.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("ragged.csv:3: expected 3 fields"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn invalid_options_exit_2() {
    let path = abalone_path();
    let data = path.to_str().expect("UTF-8 path");
    for (args, expected) in [
        (vec!["--trainers", "torch"], "unknown trainer \"torch\""),
        (vec!["--learning-rate", "-1"], "invalid learning rate -1"),
        (vec!["--iterations", "0"], "invalid iterations 0"),
        (vec!["--delimiter", ";;"], "invalid --delimiter"),
        (vec!["--learning-rate", "10", "--scaling", "raw"], "training diverged"),
    ] {
        let mut full = vec!["--data", data];
        full.extend(&args);
        let output = compare(&full);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains(expected), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn missing_abalone_is_downloaded_then_used() {
    let bytes = std::fs::read(abalone_path()).expect("abalone readable");
    let server = tiny_http::Server::http("127.0.0.1:0").expect("loopback port");
    let port = server.server_addr().to_ip().expect("IP listener").port();
    let handle = std::thread::spawn(move || {
        if let Ok(request) = server.recv() {
            request.respond(tiny_http::Response::from_data(bytes)).expect("response sent");
        }
    });

    // A fresh working folder without data/: compare must fetch the file into data/abalone.data.
    let folder = tempfile::tempdir().expect("temporary folder");
    let url = format!("http://127.0.0.1:{port}/abalone.data");
    let output = Command::new(env!("CARGO_BIN_EXE_compare"))
        .current_dir(folder.path())
        .args(["--download-url", &url, "--iterations", "10", "--scaling", "raw"])
        .output()
        .expect("compare runs");
    handle.join().expect("server thread");

    assert!(output.status.success(), "{}", stderr(&output));
    assert!(folder.path().join("data/abalone.data").exists());
    assert!(stdout(&output).contains("data: data/abalone.data"), "{}", stdout(&output));
}
