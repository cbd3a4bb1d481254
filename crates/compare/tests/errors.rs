//! Bad input, bad settings and failures, each through the real binary: the exit code, the key
//! words of the message, and an output folder left exactly as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

fn abalone_path() -> PathBuf {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/abalone.data"));
    assert!(
        path.exists(),
        "{} is missing: copy abalone.data there (see data/README.md)",
        path.display()
    );
    path
}

/// A scratch folder with an output folder holding an earlier report.
struct Case {
    folder: tempfile::TempDir,
}

impl Case {
    fn new() -> Self {
        let folder = tempfile::tempdir().expect("temporary folder");
        let out = folder.path().join("out");
        std::fs::create_dir(&out).expect("output folder");
        std::fs::write(out.join("report.md"), "earlier report\n").expect("write");
        std::fs::write(out.join("results.json"), "{}\n").expect("write");
        Self { folder }
    }

    fn file(&self, name: &str, contents: &[u8]) -> String {
        let path = self.folder.path().join(name);
        std::fs::write(&path, contents).expect("write fixture");
        path.to_str().expect("UTF-8 path").to_owned()
    }

    fn out(&self) -> PathBuf {
        self.folder.path().join("out")
    }

    /// Runs compare with `args` plus `--out`, and checks the exit code, that no panic reached
    /// the user, that each expected phrase is in the message, and that the output is untouched.
    fn fails(&self, args: &[&str], code: i32, phrases: &[&str]) -> String {
        let before = snapshot(&self.out());
        let output = self.run(args);
        let message = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(code), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{args:?}: {message}");
        assert!(!message.contains("RUST_BACKTRACE"), "{args:?}: {message}");
        for phrase in phrases {
            assert!(message.contains(phrase), "{args:?}: {phrase:?} not in {message}");
        }
        assert_eq!(snapshot(&self.out()), before, "{args:?} changed the output folder");
        message
    }

    fn run(&self, args: &[&str]) -> Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_compare"))
            .current_dir(self.folder.path())
            .args(args)
            .args(["--out", self.out().to_str().expect("UTF-8 path")])
            .args(if args.contains(&"--iterations") {
                &[][..]
            } else {
                &["--iterations", "200"][..]
            })
            .output()
            .expect("compare runs")
    }
}

fn snapshot(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    match std::fs::read_dir(folder) {
        Ok(entries) => entries
            .map(|e| {
                let e = e.expect("entry");
                let contents = std::fs::read(e.path()).unwrap_or_default();
                (e.file_name().to_string_lossy().into_owned(), contents)
            })
            .collect(),
        Err(_) => BTreeMap::new(),
    }
}

/// 30 rows of `x,y` with y = 2x + 1, for cases that need a valid file to start from.
fn linear_rows() -> String {
    (0..30).map(|i| format!("{i},{}\n", 2 * i + 1)).collect()
}

#[test]
fn empty_file() {
    let case = Case::new();
    let data = case.file("empty.csv", b"");
    case.fails(&["--data", &data], 2, &["empty.csv", "no data rows"]);
}

#[test]
fn header_only() {
    let case = Case::new();
    let data = case.file("header.csv", b"x,y\n");
    case.fails(&["--data", &data, "--header", "present"], 2, &["header.csv", "only a header"]);
}

#[test]
fn ragged_row() {
    let case = Case::new();
    let data = case.file("ragged.csv", format!("x,y\n{}7\n", linear_rows()).as_bytes());
    case.fails(&["--data", &data], 2, &["ragged.csv:32", "expected 2 fields", "found 1"]);
}

#[test]
fn missing_values_are_errors_by_default() {
    for token in ["", "NA", "?", "nan"] {
        let case = Case::new();
        let data = case.file("gaps.csv", format!("x,y\n{}5,{token}\n", linear_rows()).as_bytes());
        case.fails(&["--data", &data], 2, &["gaps.csv:32", "column 'y'", "--missing drop"]);
    }
}

#[test]
fn missing_drop_reports_dropped_rows() {
    let case = Case::new();
    let data = case.file("gaps.csv", format!("x,y\n{}5,NA\n?,3\n", linear_rows()).as_bytes());
    let output = case.run(&["--data", &data, "--missing", "drop"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("dropped 2 rows with missing values (lines 32, 33)"), "{text}");
}

#[test]
fn infinity_is_not_a_number() {
    let case = Case::new();
    let data = case.file("inf.csv", format!("x,y\n{}inf,3\n", linear_rows()).as_bytes());
    case.fails(&["--data", &data], 2, &["inf.csv:32", "column 'x'", "\"inf\"", "not finite"]);
}

#[test]
fn text_in_target_names_target() {
    let case = Case::new();
    let data = case.file("target.csv", format!("x,y\n{}5,abc\n", linear_rows()).as_bytes());
    case.fails(
        &["--data", &data],
        2,
        &["target.csv:32", "target column 'y'", "\"abc\"", "--target"],
    );
}

#[test]
fn dropping_default_target_fails() {
    let case = Case::new();
    let rows: String = (0..30).map(|i| format!("{i},{},{}\n", i % 3, 2 * i + 1)).collect();
    let data = case.file("drop.csv", format!("x,z,y\n{rows}").as_bytes());
    case.fails(&["--data", &data, "--drop", "y"], 2, &["--drop removes 'y'", "--target"]);
}

#[test]
fn dropping_named_target_fails() {
    let case = Case::new();
    let rows: String = (0..30).map(|i| format!("{i},{},{}\n", i % 3, 2 * i + 1)).collect();
    let data = case.file("drop.csv", format!("x,z,y\n{rows}").as_bytes());
    case.fails(
        &["--data", &data, "--target", "z", "--drop", "z"],
        2,
        &["--drop removes 'z'", "the target column;"],
    );
}

#[test]
fn undeclared_text_column() {
    let case = Case::new();
    let rows: String = (0..30).map(|i| format!("{},{i},{}\n", ["a", "b"][i % 2], 2 * i)).collect();
    let data = case.file("text.csv", format!("kind,x,y\n{rows}").as_bytes());
    case.fails(
        &["--data", &data, "--categorical", "x"],
        2,
        &["text.csv:2", "column 'kind'", "adding 'kind' to --categorical", "--drop 'kind'"],
    );
}

#[test]
fn drop_leaves_a_column_out() {
    let case = Case::new();
    let rows: String = (0..30).map(|i| format!("id{i},{i},{}\n", 2 * i + 1)).collect();
    let data = case.file("ids.csv", format!("id,x,y\n{rows}").as_bytes());
    let output = case.run(&[
        "--data",
        &data,
        "--drop",
        "id",
        "--scaling",
        "standardized",
        "--learning-rate",
        "0.1",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("1 feature, target y"), "{text}");
}

#[test]
fn semicolons_with_decimal_commas() {
    let case = Case::new();
    let rows: String = (0..30).map(|i| format!("{i},5;{},25\n", 2 * i + 1)).collect();
    let data = case.file("comma.csv", format!("x;y\n{rows}").as_bytes());
    let output = case.run(&[
        "--data",
        &data,
        "--delimiter",
        ";",
        "--decimal-comma",
        "--scaling",
        "standardized",
        "--learning-rate",
        "0.1",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let without_option =
        case.fails(&["--data", &data, "--delimiter", ";"], 2, &["--decimal-comma"]);
    assert!(without_option.contains("comma.csv:2"), "{without_option}");
    case.fails(
        &["--data", &data, "--decimal-comma"],
        2,
        &["--decimal-comma needs another field delimiter"],
    );
}

#[test]
fn unknown_target_lists_columns() {
    let case = Case::new();
    let data = case.file("cols.csv", format!("x,y\n{}", linear_rows()).as_bytes());
    case.fails(
        &["--data", &data, "--target", "price"],
        2,
        &["target column \"price\" not found", "the columns are: x, y"],
    );
}

#[test]
fn categorical_target() {
    let case = Case::new();
    let rows: String = (0..30).map(|i| format!("{i},{}\n", ["low", "high"][i % 2])).collect();
    let data = case.file("label.csv", format!("x,label\n{rows}").as_bytes());
    case.fails(&["--data", &data], 2, &["target column 'label' is categorical", "--target"]);
}

#[test]
fn invalid_utf8() {
    let case = Case::new();
    let mut bytes = format!("x,y\n{}", linear_rows()).into_bytes();
    bytes.extend(b"3,\xff\xfe\n");
    let data = case.file("latin1.csv", &bytes);
    case.fails(&["--data", &data], 2, &["latin1.csv:32", "field 2", "not valid UTF-8"]);
}

#[test]
fn binary_file() {
    let case = Case::new();
    let data = case.file("model.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00");
    case.fails(&["--data", &data], 2, &["model.bin", "binary file"]);
}

#[test]
fn directory_as_data() {
    let case = Case::new();
    let folder = case.folder.path().to_str().expect("UTF-8 path").to_owned();
    case.fails(&["--data", &folder], 2, &["cannot read", &folder]);
}

#[test]
fn missing_data_path() {
    let case = Case::new();
    case.fails(
        &["--data", "no/such/file.csv"],
        2,
        &["cannot read no/such/file.csv", "No such file"],
    );
}

#[test]
fn too_few_rows_for_the_split() {
    let case = Case::new();
    let data = case.file("tiny.csv", b"x,y\n1,2\n2,4\n3,6\n");
    case.fails(&["--data", &data], 2, &["invalid split", "3 rows give"]);
}

#[test]
fn fractions_without_training_rows() {
    let case = Case::new();
    let data = abalone_path();
    let data = data.to_str().expect("UTF-8 path");
    case.fails(
        &["--data", data, "--val-fraction", "0.5", "--test-fraction", "0.5"],
        2,
        &["invalid split", "leaves no rows for training"],
    );
    case.fails(&["--data", data, "--test-fraction", "0"], 2, &["invalid split", "test fraction 0"]);
}

#[test]
fn constant_target_reports_undefined_r2() {
    let case = Case::new();
    let rows: String = (0..30).map(|i| format!("{i},7\n")).collect();
    let data = case.file("flat.csv", format!("x,y\n{rows}").as_bytes());
    let output =
        case.run(&["--data", &data, "--scaling", "standardized", "--learning-rate", "0.1"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("undefined"), "{text}");
    let results = std::fs::read_to_string(case.out().join("results.json")).expect("results.json");
    assert!(results.contains("R² is undefined"), "{results}");
    assert!(!results.contains("NaN"), "{results}");
}

#[test]
fn category_only_in_held_out_rows() {
    let case = Case::new();
    // One row of 40 has the category "rare"; try seeds until it lands outside training.
    let rows: String = (0..40)
        .map(|i| format!("{},{i},{}\n", if i == 7 { "rare" } else { "common" }, 2 * i))
        .collect();
    let data = case.file("rare.csv", format!("kind,x,y\n{rows}").as_bytes());
    let held_out = (0..50u64).find(|seed| {
        let output = case.run(&["--data", &data, "--seed", &seed.to_string(), "--scaling", "raw"]);
        !output.status.success()
    });
    let seed = held_out.expect("some seed holds the rare row out").to_string();
    case.fails(
        &["--data", &data, "--seed", &seed],
        2,
        &["rare.csv:9", "category \"rare\"", "--unseen-category zero"],
    );

    let output = case.run(&[
        "--data",
        &data,
        "--seed",
        &seed,
        "--unseen-category",
        "zero",
        "--scaling",
        "raw",
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("warning: category \"rare\""));
}

#[test]
fn invalid_learning_rates() {
    let case = Case::new();
    let data = abalone_path();
    let data = data.to_str().expect("UTF-8 path");
    case.fails(
        &["--data", data, "--learning-rate", "0"],
        2,
        &["invalid learning rate 0", "above 0"],
    );
    case.fails(&["--data", data, "--learning-rate", "-0.5"], 2, &["invalid learning rate -0.5"]);
    case.fails(&["--data", data, "--learning-rate", "NaN"], 2, &["invalid learning rate NaN"]);
}

#[test]
fn huge_learning_rate_names_stable_rate() {
    let case = Case::new();
    let data = abalone_path();
    let message = case.fails(
        &["--data", data.to_str().expect("UTF-8 path"), "--learning-rate", "5", "--scaling", "raw"],
        2,
        &[
            "training diverged",
            "learning rate 5",
            "largest stable learning rate",
            "2/λmax",
            "--scaling standardized",
        ],
    );
    assert!(message.contains("0.3461"), "raw abalone's 2/λmax is 0.3461: {message}");
}

#[test]
fn zero_iterations() {
    let case = Case::new();
    let data = abalone_path();
    case.fails(
        &["--data", data.to_str().expect("UTF-8 path"), "--iterations", "0"],
        2,
        &["invalid iterations 0"],
    );
}

#[test]
fn unknown_trainer() {
    let case = Case::new();
    case.fails(&["--trainers", "manual,torch"], 2, &["unknown trainer \"torch\"", "choose from"]);
}

#[test]
fn output_folder_that_is_a_file() {
    let case = Case::new();
    let data = abalone_path();
    let blocker = case.file("blocker", b"not a folder");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_compare"))
        .args([
            "--data",
            data.to_str().expect("UTF-8 path"),
            "--iterations",
            "50",
            "--out",
            &blocker,
        ])
        .output()
        .expect("compare runs");
    let message = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(message.contains("cannot create output folder"), "{message}");
    assert!(message.contains("--out"), "{message}");
    assert_eq!(std::fs::read(&blocker).expect("still a file"), b"not a folder");
}

#[test]
fn unreplaceable_report_file() {
    // A folder cannot be replaced by a file, even by root, so this fails for every user.
    let case = Case::new();
    let data = abalone_path();
    std::fs::create_dir(case.out().join("loss_raw.svg")).expect("blocking folder");
    let message = case.fails(
        &["--data", data.to_str().expect("UTF-8 path")],
        1,
        &["cannot write", "loss_raw.svg", "not a regular file", "--out"],
    );
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn wrong_delimiter_suggests_delimiter() {
    let case = Case::new();
    let rows: String = (0..30).map(|i| format!("{i}\t{}\n", 2 * i)).collect();
    let data = case.file("tabs.tsv", format!("x\ty\n{rows}").as_bytes());
    case.fails(&["--data", &data], 2, &["only one column", "--delimiter"]);
}

#[test]
fn identifier_column_suggests_drop() {
    let case = Case::new();
    let rows: String = (0..30).map(|i| format!("row{i},{i},{}\n", 2 * i)).collect();
    let data = case.file("ids.csv", format!("id,x,y\n{rows}").as_bytes());
    case.fails(&["--data", &data], 2, &["category \"row", "--drop 'id'", "--unseen-category zero"]);
}

#[test]
fn export_path_that_is_a_file_names_export() {
    let case = Case::new();
    let data = abalone_path();
    let blocker = case.file("blocker", b"not a folder");
    let message = case.fails(
        &["--data", data.to_str().expect("UTF-8 path"), "--export", &blocker],
        1,
        &["--export"],
    );
    assert!(!message.contains("--out"), "{message}");
}

#[test]
fn io_error_is_not_repeated() {
    let case = Case::new();
    let message = case.fails(&["--data", "no/such/file.csv"], 2, &["No such file"]);
    assert_eq!(message.matches("No such file").count(), 1, "{message}");
}
