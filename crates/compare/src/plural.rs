//! Counts written with the noun in the right number, such as "1 row" and "2 rows".

/// Returns `count` followed by `noun`, with an "s" added unless `count` is 1.
///
/// Every noun counted in `compare`'s output forms its plural with "s".
pub fn counted(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_only_for_one() {
        assert_eq!(counted(0, "row"), "0 rows");
        assert_eq!(counted(1, "row"), "1 row");
        assert_eq!(counted(2, "feature"), "2 features");
    }
}
