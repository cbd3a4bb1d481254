//! The abalone file loads with the documented schema, counts and split.

use std::path::PathBuf;

use linreg::ColumnValues;
use linreg::abalone;

fn abalone_path() -> PathBuf {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/abalone.data"));
    assert!(
        path.exists(),
        "{} is missing: copy abalone.data there (see data/README.md)",
        path.display()
    );
    path
}

#[test]
fn file_matches_published_checksum() {
    assert_eq!(abalone::file_sha256(&abalone_path()).expect("readable"), abalone::SHA256);
}

#[test]
fn loads_rows_and_sex_counts() {
    let table = abalone::load(&abalone_path()).expect("abalone loads");
    assert_eq!(table.rows(), 4177);
    assert_eq!(table.names(), abalone::COLUMNS);
    let ColumnValues::Categorical(sex) = &table.columns[0].values else {
        panic!("Sex must be categorical");
    };
    let count = |label: &str| sex.iter().filter(|s| *s == label).count();
    assert_eq!((count("M"), count("F"), count("I")), (1528, 1307, 1342));
}

#[test]
fn two_rows_have_zero_height() {
    let table = abalone::load(&abalone_path()).expect("abalone loads");
    let ColumnValues::Numeric(height) = &table.columns[3].values else {
        panic!("Height must be numeric");
    };
    assert_eq!(height.iter().filter(|&&h| h == 0.0).count(), 2);
}

#[test]
fn default_dataset_features_target_and_split() {
    let data = abalone::default_dataset(&abalone_path()).expect("abalone prepares");
    let expected = [
        "Sex=M",
        "Sex=F",
        "Sex=I",
        "Length",
        "Diameter",
        "Height",
        "Whole weight",
        "Shucked weight",
        "Viscera weight",
        "Shell weight",
    ];
    assert_eq!(data.feature_names, expected);
    assert_eq!(data.target_name, "Rings");
    assert_eq!(data.train.features.rows(), 2507);
    assert_eq!(data.validation.features.rows(), 835);
    assert_eq!(data.test.features.rows(), 835);
    assert_eq!(data.train.features.cols(), 10);
}

#[test]
fn standardised_training_features_are_centred() {
    let data = abalone::default_dataset(&abalone_path()).expect("abalone prepares");
    let (scaled, scaler) = data.standardized();
    assert!(scaler.constant.iter().all(|c| !c));
    for j in 0..scaled.train.features.cols() {
        let column = scaled.train.features.column(j);
        let mean = column.iter().sum::<f64>() / column.len() as f64;
        assert!(mean.abs() < 1e-12, "feature {j} has mean {mean}");
    }
}
