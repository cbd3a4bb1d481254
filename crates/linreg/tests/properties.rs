//! Properties that must hold for every input, checked on generated inputs.

use linreg::load::parse_csv;
use linreg::{HeaderMode, LoadOptions, MissingPolicy, Split, SplitFractions};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Whatever the bytes, loading returns a table or an error, never a panic.
    #[test]
    fn loader_never_panics(
        bytes in proptest::collection::vec(any::<u8>(), 0..512),
        delimiter in prop::sample::select(vec![b',', b';', b'\t']),
        header in prop::sample::select(vec![HeaderMode::Auto, HeaderMode::Present, HeaderMode::Absent]),
        drop_missing in any::<bool>(),
        decimal_comma in any::<bool>(),
    ) {
        let missing = if drop_missing { MissingPolicy::Drop } else { MissingPolicy::Error };
        let options = LoadOptions { delimiter, header, missing, decimal_comma, ..LoadOptions::default() };
        let _ = parse_csv("fuzz.csv".as_ref(), &bytes, &options);
    }

    /// CSV-shaped text (digits, letters, delimiters, quotes, blanks and line breaks) never
    /// panics either; random bytes rarely get past the UTF-8 and ragged-row checks.
    #[test]
    fn loader_never_panics_on_csv_like_text(text in "[0-9a-zA-Z.,;\"? \\-\r\n]{0,300}") {
        let _ = parse_csv("fuzz.csv".as_ref(), text.as_bytes(), &LoadOptions::default());
    }

    /// For every n ≥ 3 and valid fractions, the split is a partition of 0..n with the documented
    /// sizes: test = ⌊n·test⌋, validation = ⌊n·(test + validation)⌋ − test.
    #[test]
    fn split_is_partition_with_documented_sizes(
        n in 3usize..3000,
        test in 0.01f64..0.6,
        validation in 0.0f64..0.39,
        seed in any::<u64>(),
    ) {
        let fractions = SplitFractions { validation, test };
        if let Ok(split) = Split::new(n, fractions, seed) {
            let expected_test = (n as f64 * test).floor() as usize;
            let expected_validation = (n as f64 * (test + validation)).floor() as usize - expected_test;
            prop_assert_eq!(split.test.len(), expected_test);
            prop_assert_eq!(split.validation.len(), expected_validation);
            prop_assert_eq!(split.train.len(), n - expected_test - expected_validation);

            let mut all: Vec<usize> =
                split.train.iter().chain(&split.validation).chain(&split.test).copied().collect();
            all.sort_unstable();
            prop_assert_eq!(all, (0..n).collect::<Vec<_>>());
        }
    }

    /// The split is rejected only when a part would be empty or training would have fewer
    /// than two rows.
    #[test]
    fn split_rejected_only_when_too_small(n in 3usize..200, test in 0.01f64..0.6, validation in 0.0f64..0.39) {
        let fractions = SplitFractions { validation, test };
        let sizes = fractions.sizes(n);
        let expected_test = (n as f64 * test).floor() as usize;
        let expected_validation = (n as f64 * (test + validation)).floor() as usize - expected_test;
        let train = n - expected_test - expected_validation;
        let too_small = expected_test == 0 || (validation > 0.0 && expected_validation == 0) || train < 2;
        prop_assert_eq!(sizes.is_err(), too_small);
    }
}
