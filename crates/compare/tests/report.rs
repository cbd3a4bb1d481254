//! The report folder written by `compare`: files, contents, determinism and atomicity.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn abalone_path() -> PathBuf {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/abalone.data"));
    assert!(
        path.exists(),
        "{} is missing: copy abalone.data there (see data/README.md)",
        path.display()
    );
    path
}

/// Runs compare on abalone with few iterations, writing the report into `out`.
fn run_report(out: &Path, extra: &[&str]) -> Output {
    let abalone = abalone_path();
    let mut args = vec!["--data", abalone.to_str().expect("UTF-8 path"), "--iterations", "300"];
    args.extend(["--out", out.to_str().expect("UTF-8 path")]);
    args.extend(extra);
    Command::new(env!("CARGO_BIN_EXE_compare")).args(&args).output().expect("compare runs")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Lists every file of a folder with its bytes.
fn snapshot(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(folder)
        .expect("folder exists")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("readable"),
            )
        })
        .collect()
}

const PLOTS: [&str; 8] = [
    "predicted_vs_actual_raw.svg",
    "loss_raw.svg",
    "weights_raw.svg",
    "precision_raw.svg",
    "predicted_vs_actual_standardized.svg",
    "loss_standardized.svg",
    "weights_standardized.svg",
    "precision_standardized.svg",
];

#[test]
fn report_files_exist_and_parse() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let output = run_report(folder.path(), &[]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let report = std::fs::read_to_string(folder.path().join("report.md")).expect("report.md");
    for heading in [
        "## Manifest",
        "## Data summary",
        "## Results on raw features",
        "## Results on standardized features",
        "## How to read this",
        "## Limitations",
    ] {
        assert!(report.contains(heading), "report.md lacks {heading}");
    }
    for plot in PLOTS {
        assert!(report.contains(&format!("]({plot})")), "report.md does not embed {plot}");
        assert!(folder.path().join(plot).exists(), "{plot} missing");
    }

    let results = read_json(&folder.path().join("results.json"));
    let runs = results["runs"].as_array().expect("runs array");
    for scaling in ["raw", "standardized"] {
        let trainers: Vec<&str> = runs
            .iter()
            .filter(|r| r["scaling"] == scaling)
            .map(|r| r["trainer"].as_str().expect("name"))
            .collect();
        assert!(trainers.contains(&"manual"), "{scaling}: {trainers:?}");
        assert_eq!(trainers.last(), Some(&"least_squares"), "{scaling}: {trainers:?}");
    }
    for run in runs {
        for key in [
            "weights",
            "bias",
            "r2",
            "mse",
            "diagnosis",
            "train_seconds",
            "micros_per_iteration",
            "loss_curve",
        ] {
            assert!(run.get(key).is_some(), "run lacks {key}: {run}");
        }
        assert_eq!(run["weights"].as_object().expect("weights object").len(), 10);
        assert!(run["r2"]["test"].is_f64(), "{run}");
    }

    let split = &results["manifest"]["split"];
    let mut rows: Vec<u64> = ["train", "val", "test"]
        .iter()
        .flat_map(|part| {
            split[part].as_array().expect("indices").iter().map(|v| v.as_u64().expect("index"))
        })
        .collect();
    assert_eq!(split["train"].as_array().expect("indices").len(), 2507);
    rows.sort_unstable();
    assert_eq!(rows, (0..4177).collect::<Vec<u64>>(), "the split must be a partition of the rows");
}

#[test]
fn trainers_agree_to_1e9_in_f64() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let output = run_report(folder.path(), &[]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let results = read_json(&folder.path().join("results.json"));
    let runs = results["runs"].as_array().expect("runs array");
    for scaling in ["raw", "standardized"] {
        let of = |trainer: &str| {
            runs.iter().find(|r| r["scaling"] == scaling && r["trainer"] == trainer)
        };
        let manual = of("manual").expect("manual run");
        for other in ["burn", "candle"] {
            let Some(other_run) = of(other) else { continue };
            let weights = manual["weights"].as_object().expect("weights");
            for (name, value) in weights {
                let difference = (value.as_f64().expect("number")
                    - other_run["weights"][name].as_f64().expect("number"))
                .abs();
                assert!(difference <= 1e-9, "{scaling} {other} {name}: differs by {difference:e}");
            }
            let bias = (manual["bias"].as_f64().expect("bias")
                - other_run["bias"].as_f64().expect("bias"))
            .abs();
            assert!(bias <= 1e-9, "{scaling} {other} bias differs by {bias:e}");
        }
    }
}

#[test]
fn same_arguments_give_same_results() {
    let first = tempfile::tempdir().expect("temporary folder");
    let second = tempfile::tempdir().expect("temporary folder");
    for folder in [&first, &second] {
        let output = run_report(folder.path(), &[]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }

    let without_timing = |folder: &Path| {
        let mut results = read_json(&folder.join("results.json"));
        results["manifest"]["date"] = Value::Null;
        for run in results["runs"].as_array_mut().expect("runs") {
            run["train_seconds"] = Value::Null;
            run["micros_per_iteration"] = Value::Null;
        }
        results
    };
    assert_eq!(without_timing(first.path()), without_timing(second.path()));
    for plot in PLOTS {
        assert_eq!(
            std::fs::read(first.path().join(plot)).expect("plot"),
            std::fs::read(second.path().join(plot)).expect("plot"),
            "{plot} differs between identical runs"
        );
    }
}

#[test]
fn failed_run_leaves_report_untouched() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let output = run_report(folder.path(), &[]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let before = snapshot(folder.path());

    // Fails before training: the data file does not exist.
    let missing = Command::new(env!("CARGO_BIN_EXE_compare"))
        .args([
            "--data",
            "/nonexistent/abalone.data",
            "--out",
            folder.path().to_str().expect("UTF-8 path"),
        ])
        .output()
        .expect("compare runs");
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(snapshot(folder.path()), before);

    // Fails after training has started: raw abalone diverges at learning rate 10.
    let diverged = run_report(folder.path(), &["--learning-rate", "10"]);
    assert_eq!(diverged.status.code(), Some(2));
    assert_eq!(snapshot(folder.path()), before);
}

#[test]
fn plots_are_well_formed_svg_with_titles() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let output = run_report(folder.path(), &[]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let expected_titles = [
        "Predicted vs actual Rings, 835 test rows, raw features",
        "Training loss, raw features",
        "Weights by feature, raw features",
        "Training loss in f32 minus f64, raw features",
        "Predicted vs actual Rings, 835 test rows, standardized features",
        "Training loss, standardized features",
        "Weights by feature, standardized features",
        "Training loss in f32 minus f64, standardized features",
    ];
    for (plot, title) in PLOTS.iter().zip(expected_titles) {
        let text = std::fs::read_to_string(folder.path().join(plot)).expect("plot");
        let document =
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{plot} is not XML: {e}"));
        assert_eq!(document.root_element().tag_name().name(), "svg", "{plot}");
        let texts: Vec<&str> = document
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .map(str::trim)
            .collect();
        assert!(texts.contains(&title), "{plot} lacks the title {title:?}: {texts:?}");
        if !plot.starts_with("precision") {
            let least = texts.iter().any(|t| t.contains("least"));
            assert!(least, "{plot} lacks the least-squares legend or panel");
        }
    }
}

#[test]
fn export_writes_training_matrices() {
    let out = tempfile::tempdir().expect("temporary folder");
    let export = tempfile::tempdir().expect("temporary folder");
    let output = run_report(out.path(), &["--export", export.path().to_str().expect("UTF-8 path")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let mut reader = csv::Reader::from_path(export.path().join("standardized_train.csv"))
        .expect("export exists");
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!(header.first().map(String::as_str), Some("Sex=M"));
    assert_eq!(header.last().map(String::as_str), Some("Rings"));
    let rows: Vec<Vec<f64>> = reader
        .records()
        .map(|r| r.expect("record").iter().map(|v| v.parse().expect("number")).collect())
        .collect();
    assert_eq!(rows.len(), 2507);
    // Standardised training columns have mean 0.
    let mean = rows.iter().map(|r| r[3]).sum::<f64>() / rows.len() as f64;
    assert!(mean.abs() < 1e-12, "Length mean {mean}");
    for name in [
        "raw_train.csv",
        "raw_validation.csv",
        "raw_test.csv",
        "standardized_validation.csv",
        "standardized_test.csv",
    ] {
        assert!(export.path().join(name).exists(), "{name} missing");
    }
}

#[test]
fn report_names_features_of_any_csv() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let data = folder.path().join("houses.csv");
    let mut text = String::from("district;area;rooms;price\n");
    for i in 0..60 {
        let district = ["north", "south", "east"][i % 3];
        let area = 40 + (i * 7) % 90;
        let rooms = 1 + i % 5;
        let price =
            1.5 * area as f64 + 10.0 * rooms as f64 + if district == "south" { 30.0 } else { 0.0 };
        text.push_str(&format!("{district};{area};{rooms};{price}\n"));
    }
    std::fs::write(&data, text).expect("write");
    let out = folder.path().join("report");

    let output = Command::new(env!("CARGO_BIN_EXE_compare"))
        .args([
            "--data",
            data.to_str().expect("UTF-8 path"),
            "--delimiter",
            ";",
            "--target",
            "price",
        ])
        .args(["--categorical", "district", "--scaling", "standardized", "--learning-rate", "0.1"])
        .args(["--out", out.to_str().expect("UTF-8 path")])
        .output()
        .expect("compare runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));

    let results = read_json(&out.join("results.json"));
    let features: Vec<&str> = results["manifest"]["data"]["features"]
        .as_array()
        .expect("features")
        .iter()
        .map(|f| f.as_str().expect("name"))
        .collect();
    assert_eq!(features.len(), 5);
    assert!(features.contains(&"district=south"), "{features:?}");
    assert_eq!(&features[3..], ["area", "rooms"]);
    assert_eq!(results["manifest"]["data"]["target"], "price");
    assert_eq!(results["manifest"]["data"]["is_abalone"], false);
    let report = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(report.contains("| district=south |"), "weights table names the one-hot feature");
    assert!(report.contains("# Linear regression three ways: houses.csv"));
}

#[test]
fn analysis_in_results_and_sweep_plot() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let output =
        run_report(folder.path(), &["--sweep", "--sweep-iterations", "100", "--sweep-points", "6"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let results = read_json(&folder.path().join("results.json"));
    let analysis = &results["analysis"];

    let conditioning = analysis["conditioning"].as_array().expect("conditioning");
    assert_eq!(conditioning.len(), 2);
    for c in conditioning {
        assert_eq!(c["rank"], 10, "one-hot Sex plus the bias leaves H one short of full rank: {c}");
        let limit = c["max_stable_learning_rate"].as_f64().expect("limit");
        let lambda_max = c["lambda_max"].as_f64().expect("λmax");
        assert!((limit * lambda_max - 2.0).abs() < 1e-12);
    }

    // Autodiff and the hand-derived gradient agree to rounding in f64 (measured about 1e-14),
    // finite differences to their truncation and rounding error (about 1e-7), and f32 gradients
    // to single precision (about 1e-6).
    for (scaling, points) in
        analysis["gradient_agreement"].as_array().expect("agreement").iter().map(|p| (&p[0], &p[1]))
    {
        for point in points.as_array().expect("points") {
            for pair in point["f64_pairs"].as_array().expect("pairs") {
                let relative = pair["relative"].as_f64().expect("number");
                let limit = if pair["b"] == "finite differences" { 1e-6 } else { 1e-10 };
                assert!(relative < limit, "{scaling} {}: {pair}", point["point"]);
            }
            for pair in point["f32_against_f64"].as_array().expect("pairs") {
                assert!(pair["relative"].as_f64().expect("number") < 1e-4, "{scaling}: {pair}");
            }
        }
        let sources: Vec<&str> = points[0]["f64_pairs"]
            .as_array()
            .expect("pairs")
            .iter()
            .map(|p| p["a"].as_str().expect("name"))
            .collect();
        for trainer in ["manual", "burn", "candle"] {
            assert!(sources.contains(&trainer), "{scaling}: {trainer} missing from {sources:?}");
        }
    }

    let sweeps = analysis["sweep"].as_array().expect("sweep");
    assert!(!sweeps.is_empty());
    for sweep in sweeps {
        let points = sweep["points"].as_array().expect("points");
        assert_eq!(points.len(), 6);
        // The grid ends at 1.5 × 2/λmax, where the loss of every trainer grows.
        assert!(points.last().expect("point")["final_loss"].is_null(), "{sweep}");
        assert!(points[0]["final_loss"].is_f64(), "{sweep}");
    }
    for plot in ["sweep_raw.svg", "sweep_standardized.svg"] {
        let text = std::fs::read_to_string(folder.path().join(plot)).expect("sweep plot");
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{plot} is not XML: {e}"));
    }
    let report = std::fs::read_to_string(folder.path().join("report.md")).expect("report.md");
    assert!(report.contains("diverged"), "the sweep table marks diverged runs");
}

#[test]
fn report_files_are_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;

    let folder = tempfile::tempdir().expect("temporary folder");
    let output = run_report(folder.path(), &["--scaling", "raw"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    for name in ["report.md", "results.json", "loss_raw.svg"] {
        let mode = std::fs::metadata(folder.path().join(name)).expect("file").permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "{name} has mode {mode:o}");
    }
}
