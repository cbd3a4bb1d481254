//! Times written with enough digits to read: the Gram form takes nanoseconds per iteration and
//! milliseconds per run, which fixed decimals would round to zero.

/// Formats a duration in seconds, or in milliseconds below 10 ms.
pub fn duration(seconds: f64) -> String {
    if seconds >= 0.01 { format!("{seconds:.3} s") } else { format!("{:.3} ms", seconds * 1e3) }
}

/// Formats microseconds with two decimals, or with three significant digits below 1 µs.
pub fn micros(value: f64) -> String {
    if value >= 1.0 || value <= 0.0 || !value.is_finite() {
        return format!("{value:.2}");
    }
    let decimals = (2 - value.log10().floor() as i32).max(2) as usize;
    format!("{value:.decimals$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_switch_to_milliseconds() {
        assert_eq!(duration(0.056), "0.056 s");
        assert_eq!(duration(0.000_232), "0.232 ms");
    }

    #[test]
    fn micros_keep_three_digits() {
        assert_eq!(micros(37.504), "37.50");
        assert_eq!(micros(0.0116), "0.0116");
        assert_eq!(micros(0.5), "0.500");
        assert_eq!(micros(0.0), "0.00");
    }
}
