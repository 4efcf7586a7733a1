//! The statistics Faro reports, each stated in METHOD.md with a worked example that a
//! test reproduces: means, standard deviations, percentiles, percentile ranks, Student-t
//! confidence intervals, Cronbach's α.

/// Arithmetic mean; `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Sample standard deviation (n − 1 in the denominator); 0 for a single value.
pub fn sd(values: &[f64]) -> Option<f64> {
    let m = mean(values)?;
    if values.len() < 2 {
        return Some(0.0);
    }
    let ss: f64 = values.iter().map(|v| (v - m).powi(2)).sum();
    Some((ss / (values.len() - 1) as f64).sqrt())
}

/// The `p`-th percentile (0–100) of **sorted** values by linear interpolation between
/// order statistics (Hyndman–Fan type 7, the default of R and NumPy):
/// h = (n − 1)·p/100, result = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋).
pub fn percentile_sorted(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p.clamp(0.0, 100.0) / 100.0;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// A benchmark's percentile table holds the deciles P10, P20, …, P90: finer tables,
/// or the extremes, would show single companies' scores in small groups.
pub const DECILES: usize = 9;

/// The level of decile `i` (0-based): 10, 20, …, 90.
pub fn decile_level(i: usize) -> f64 {
    10.0 * (i + 1) as f64
}

/// The deciles P10…P90 (type 7) of unsorted values.
pub fn decile_table(values: &[f64]) -> Option<Vec<f64>> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    (0..DECILES).map(|i| percentile_sorted(&sorted, decile_level(i))).collect()
}

/// Where a score stands among a group's deciles (METHOD.md §Percentile rank).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Standing {
    /// Below the 10th percentile: the table says no more.
    BelowP10,
    /// Between the 10th and the 90th percentile: the rank, 10–90.
    Rank(f64),
    /// Above the 90th percentile.
    AboveP90,
}

/// Where `x` stands among the deciles `table`, by linear interpolation between them:
/// * strictly between two deciles (v_k < x < v_k+1) → 10(k+1) + 10·(x − v_k)/(v_k+1 − v_k);
/// * on a value the table repeats (a flat stretch) → the middle of the levels holding it;
/// * under P10 or over P90 → only that (the extremes are never shown).
pub fn standing(table: &[f64], x: f64) -> Option<Standing> {
    if table.len() != DECILES || !x.is_finite() {
        return None;
    }
    let equal: Vec<usize> = (0..DECILES).filter(|&i| (table[i] - x).abs() < 1e-9).collect();
    if let (Some(&first), Some(&last)) = (equal.first(), equal.last()) {
        return Some(Standing::Rank((decile_level(first) + decile_level(last)) / 2.0));
    }
    if x < table[0] {
        return Some(Standing::BelowP10);
    }
    if x > table[DECILES - 1] {
        return Some(Standing::AboveP90);
    }
    let k = (0..DECILES - 1).find(|&i| table[i] < x && x < table[i + 1])?;
    Some(Standing::Rank(decile_level(k) + 10.0 * (x - table[k]) / (table[k + 1] - table[k])))
}

/// The 97.5 % quantile of the standard normal distribution (for 95 % intervals of
/// shares, where the normal approximation is the textbook method).
pub const Z975: f64 = 1.959_963_984_540_054;

/// The 97.5 % quantile of Student's t with `df` degrees of freedom (for 95 % intervals).
pub fn t975(df: usize) -> f64 {
    if df == 0 {
        return f64::INFINITY;
    }
    distrs::StudentsT::ppf(0.975, df as f64)
}

/// Pearson's correlation of two equally long series; `None` when shorter than 3 or
/// when either has no variance.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 3 {
        return None;
    }
    let (mx, my) = (mean(x)?, mean(y)?);
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let syy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Cronbach's α of a set of items answered by the same respondents:
/// α = k/(k−1) · (1 − Σ var(item) / var(total)), with sample variances. `rows` holds
/// one row of k item scores per respondent (complete rows only). `None` when fewer
/// than 2 items or 2 respondents, or when the total has no variance.
pub fn cronbach_alpha(rows: &[Vec<f64>]) -> Option<f64> {
    let k = rows.first()?.len();
    if k < 2 || rows.len() < 2 || rows.iter().any(|r| r.len() != k) {
        return None;
    }
    let var = |v: &[f64]| sd(v).map(|s| s * s).unwrap_or(0.0);
    let item_var: f64 = (0..k).map(|j| var(&rows.iter().map(|r| r[j]).collect::<Vec<_>>())).sum();
    let totals: Vec<f64> = rows.iter().map(|r| r.iter().sum()).collect();
    let total_var = var(&totals);
    (total_var > 0.0).then(|| k as f64 / (k as f64 - 1.0) * (1.0 - item_var / total_var))
}

/// Rounds to one decimal, half away from zero on the decimal value (METHOD.md
/// §Rounding): 2.45 → 2.5 and −2.45 → −2.5, although 2.45 is stored as 2.4500…02 or
/// 2.4499…97. The value is first rounded to 9 decimals, far below any figure's
/// precision and far above the error of binary fractions.
pub fn round1(v: f64) -> f64 {
    let tenths = (v * 1e9).round() / 1e8;
    tenths.round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_sd_by_hand() {
        let v = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&v), Some(5.0));
        assert!((sd(&v).unwrap() - (32.0f64 / 7.0).sqrt()).abs() < 1e-12);
        assert_eq!(mean(&[]), None);
        assert_eq!(sd(&[3.0]), Some(0.0));
    }

    /// METHOD.md §Percentiles, worked example.
    #[test]
    fn percentile_type_7() {
        let v = [10.0, 20.0, 30.0, 40.0, 50.0];
        assert_eq!(percentile_sorted(&v, 0.0), Some(10.0));
        assert_eq!(percentile_sorted(&v, 50.0), Some(30.0));
        assert_eq!(percentile_sorted(&v, 90.0), Some(46.0));
        assert_eq!(percentile_sorted(&v, 100.0), Some(50.0));
        assert!((percentile_sorted(&v, 35.0).unwrap() - 24.0).abs() < 1e-12);
    }

    /// METHOD.md §Percentile rank, worked examples.
    #[test]
    fn standing_by_hand() {
        // P10 … P90 = 20, 30, 40, 40, 40, 50, 60, 70, 80
        let table = [20.0, 30.0, 40.0, 40.0, 40.0, 50.0, 60.0, 70.0, 80.0];
        assert_eq!(standing(&table, 35.0), Some(Standing::Rank(25.0)));
        assert_eq!(standing(&table, 40.0), Some(Standing::Rank(40.0)));
        assert_eq!(standing(&table, 62.5), Some(Standing::Rank(72.5)));
        assert_eq!(standing(&table, 20.0), Some(Standing::Rank(10.0)));
        assert_eq!(standing(&table, 19.9), Some(Standing::BelowP10));
        assert_eq!(standing(&table, 80.1), Some(Standing::AboveP90));
        assert_eq!(standing(&table[..5], 30.0), None);
    }

    /// METHOD.md §8: item–rest correlation, by hand. The items of the α example,
    /// (4,5,4), (2,3,3), (5,5,4), (1,2,2): the first against the sum of the other two
    /// (9, 6, 9, 4): Σ(x−x̄)(y−ȳ) = 13, Σ(x−x̄)² = 10, Σ(y−ȳ)² = 18, so
    /// r = 13 / √180 = 0.969.
    #[test]
    fn pearson_by_hand() {
        let r = pearson(&[4.0, 2.0, 5.0, 1.0], &[9.0, 6.0, 9.0, 4.0]).unwrap();
        assert!((r - 13.0 / 180.0f64.sqrt()).abs() < 1e-12 && (r - 0.969).abs() < 1e-3, "{r}");
        assert_eq!(pearson(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]), None);
    }

    /// METHOD.md §Rounding: half away from zero on the decimal value.
    #[test]
    fn rounding_at_exact_ties() {
        assert_eq!(round1(2.45), 2.5);
        assert_eq!(round1(-2.45), -2.5);
        assert_eq!(round1(0.05), 0.1);
        assert_eq!(round1(62.25), 62.3);
        assert_eq!(round1(62.24), 62.2);
        assert_eq!(round1(1.0 / 3.0), 0.3);
    }

    #[test]
    fn t_quantiles_match_tables() {
        // The inverse distribution function (R: qt(0.975, df)) to 1e-7, not a formula
        // that is only close for large df.
        assert!((t975(1) - 12.706_204_736).abs() < 1e-7);
        assert!((t975(2) - 4.302_652_730).abs() < 1e-7);
        assert!((t975(9) - 2.262_157_163).abs() < 1e-7);
        assert!((t975(29) - 2.045_229_642).abs() < 1e-7);
        assert!((t975(100_000) - 1.959_987_707).abs() < 1e-7);
    }

    #[test]
    fn cronbach_alpha_by_hand() {
        // Two identical items: α = 1. Items with no shared variance: α ≤ 0.
        let rows = vec![vec![1.0, 1.0], vec![2.0, 2.0], vec![3.0, 3.0]];
        assert!((cronbach_alpha(&rows).unwrap() - 1.0).abs() < 1e-12);
        // METHOD.md §Cronbach's α worked example: 3 items, 4 respondents.
        let rows = vec![vec![4.0, 5.0, 4.0], vec![2.0, 3.0, 3.0], vec![5.0, 5.0, 4.0], vec![1.0, 2.0, 2.0]];
        assert!((cronbach_alpha(&rows).unwrap() - 23.0 / 24.0).abs() < 1e-12);
    }
}
