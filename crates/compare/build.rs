//! Records the versions that every report must name: rustc, and burn and candle as resolved in
//! Cargo.lock (the crates this binary links).

use std::process::Command;

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map_or_else(|| "unknown".into(), |v| v.trim().to_owned());
    println!("cargo:rustc-env=COMPARE_RUSTC_VERSION={version}");

    let lock = concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.lock");
    println!("cargo:rerun-if-changed={lock}");
    let text = std::fs::read_to_string(lock).unwrap_or_default();
    for (package, key) in
        [("burn", "COMPARE_BURN_VERSION"), ("candle-core", "COMPARE_CANDLE_VERSION")]
    {
        println!("cargo:rustc-env={key}={}", locked_version(&text, package));
    }
}

/// Finds `version = "…"` right after `name = "<package>"` in Cargo.lock.
fn locked_version(lock: &str, package: &str) -> String {
    let needle = format!("name = \"{package}\"\nversion = \"");
    lock.find(&needle)
        .map(|start| &lock[start + needle.len()..])
        .and_then(|rest| rest.split('"').next())
        .map_or_else(|| "not linked".into(), str::to_owned)
}
